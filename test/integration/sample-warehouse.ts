/**
 * The bundled sample (data/sample, with its answer key in _truth/) built into a temporary warehouse, for the tests
 * that check the warehouse against the planted truths. When data/sample is missing (a fresh checkout before
 * `seimbang sample --out data/sample`), the same deterministic sample is generated into a temporary folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, removeDir, ROOT, tempDir } from './helpers.ts';

export const SAMPLE = join(ROOT, 'data/sample');

export interface BreakEntry {
  rule: string;
  nip: string;
  effective_date: string;
  from_position_id: string;
  to_position_id: string;
  region_code: string;
  detail: string;
}

export interface Truth {
  window: { first_month: string; last_month: string; months: number };
  effects: {
    employee_event_time_effects: { event_time: number; effect: number }[];
    cohorts: { cohort: string; group: number; n_units: number; units: string[] }[];
    att_gt: { cohort: string; month: string; group: number; time: number; event_time: number; att: number; n_units: number }[];
    aggregations: { simple: number; dynamic: { event_time: number; att: number }[]; group_overall: number };
  };
  transfer_audit: {
    counts: Record<string, number>;
    breaks: BreakEntry[];
    must_pass: BreakEntry[];
    max_tenure: { as_of: string; count: number; file: string; nips?: string[] };
  };
}

export interface SampleWarehouse {
  input: string;
  db: string;
  truth: Truth;
  cleanup(): void;
}

export function buildSampleWarehouse(): SampleWarehouse {
  const dirs: string[] = [];
  let input = SAMPLE;
  if (!existsSync(join(SAMPLE, '_truth', 'truth.json'))) {
    input = tempDir('seimbang-sample-');
    dirs.push(input);
    const g = cli(['sample', '--out', input, '-q']);
    if (g.code !== 0) throw new Error(`seimbang sample failed: ${g.stderr}`);
  }
  const out = tempDir();
  dirs.push(out);
  const db = join(out, 'sample.duckdb');
  const r = cli(['build', '--input', input, '--db', db]);
  if (r.code !== 0) throw new Error(`seimbang build failed: ${r.stderr}`);
  const truth = JSON.parse(readFileSync(join(input, '_truth', 'truth.json'), 'utf8')) as Truth;
  return { input, db, truth, cleanup: () => dirs.forEach(removeDir) };
}
