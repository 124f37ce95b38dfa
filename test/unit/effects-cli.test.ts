// `seimbang effects` end to end: spawn the real CLI on small CSV/Parquet panels written to a temp folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREE_PERIODS } from './effects-helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/seimbang.js');
let dir: string;
let csv: string;
const runs: Record<string, Run> = {};

interface Run {
  code: number | null;
  out: string;
  err: string;
}
const run = (...args: string[]) =>
  new Promise<Run>((done) => {
    const p = spawn(process.execPath, [bin, 'effects', ...args], { cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => done({ code, out, err }));
  });
const cols = (file: string) => ['--panel', file, '--id', 'unit', '--time', 'period', '--cohort', 'first_treated', '--outcome', 'y'];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seimbang-effects-'));
  csv = join(dir, 'panel.csv');
  const lines = ['unit,period,first_treated,y', ...THREE_PERIODS.map((r) => `${r.id},${r.time},${r.cohort},${r.y}`)];
  writeFileSync(csv, `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'unbalanced.csv'), `${lines.filter((l) => !l.startsWith('b2,3,')).join('\n')}\n`);
  writeFileSync(join(dir, 'text.csv'), `${lines.map((l) => (l.startsWith('a1,2,') ? 'a1,2,2,n/a' : l)).join('\n')}\n`);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (SELECT * FROM read_csv_auto('${csv}')) TO '${join(dir, 'panel.parquet')}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();
  // every CLI run starts tsx and DuckDB (~2 s): launch them all at once
  const jobs: Record<string, string[]> = {
    json: [...cols(csv), '--json', '--biters', '0'],
    notyet: [...cols(csv), '--json', '--biters', '0', '--control', 'notyet'],
    parquet: [...cols(join(dir, 'panel.parquet')), '--json', '--biters', '0'],
    text: [...cols(csv), '--biters', '100'],
    missingColumn: ['--panel', csv, '--id', 'unit', '--time', 'period', '--cohort', 'first_treated', '--outcome', 'wage'],
    unbalanced: cols(join(dir, 'unbalanced.csv')),
    nonNumeric: [...cols(join(dir, 'text.csv')), '--biters', '0'],
    badControl: [...cols(csv), '--control', 'sometimes'],
    badBiters: [...cols(csv), '--biters', '1.5'],
    missingOption: ['--panel', csv],
    missingFile: cols(join(dir, 'nope.csv')),
  };
  const done = await Promise.all(Object.values(jobs).map((args) => run(...args)));
  Object.keys(jobs).forEach((k, i) => (runs[k] = done[i]));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seimbang effects', () => {
  it('--json prints att_gt, simple, dynamic, group and calendar (hand-checked values)', () => {
    const r = runs.json;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.att_gt.map((c: { group: number; time: number; att: number; se: number }) => [c.group, c.time, c.att, c.se])).toEqual([
      [2, 2, expect.closeTo(2, 10), expect.closeTo(Math.sqrt(8 / 25), 10)],
      [2, 3, expect.closeTo(4, 10), expect.closeTo(Math.sqrt(2 / 25), 10)],
      [3, 2, expect.closeTo(1, 10), expect.closeTo(Math.sqrt(6 / 25), 10)],
      [3, 3, expect.closeTo(3, 10), expect.closeTo(Math.sqrt(10 / 25), 10)],
    ]);
    expect(j.simple).toMatchObject({ att: expect.closeTo(3, 10), se: expect.closeTo(Math.sqrt(8) / 15, 10) });
    expect(j.dynamic.map((d: { e: number; att: number }) => [d.e, d.att])).toEqual([
      [-1, expect.closeTo(1, 10)],
      [0, expect.closeTo(2.5, 10)],
      [1, expect.closeTo(4, 10)],
    ]);
    expect(j.dynamic[1].se).toBeCloseTo(Math.sqrt(19.125) / 15, 10);
    expect(j.group.map((g: { group: number; att: number }) => [g.group, g.att])).toEqual([
      [2, expect.closeTo(3, 10)],
      [3, expect.closeTo(3, 10)],
    ]);
    expect(j.calendar.map((c: { time: number; att: number }) => [c.time, c.att])).toEqual([
      [2, expect.closeTo(2, 10)],
      [3, expect.closeTo(3.5, 10)],
    ]);
    expect(j.control).toBe('nevertreated');
    expect(j.twfe.att).toEqual(expect.any(Number));
  });

  it('--control notyet adds not-yet-treated units to the controls', () => {
    const j = JSON.parse(runs.notyet.out);
    expect(j.control).toBe('notyettreated');
    expect(j.att_gt[0].att).toBeCloseTo(1.5, 10);
  });

  it('reads Parquet as well, with the same results', () => {
    const a = JSON.parse(runs.json.out);
    const b = JSON.parse(runs.parquet.out);
    expect(b.att_gt).toEqual(a.att_gt);
    expect(b.simple).toEqual(a.simple);
  });

  it('prints readable tables by default (bootstrap on)', () => {
    const r = runs.text;
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Group-time effects ATT\(g,t\)/);
    expect(r.out).toMatch(/Simple ATT .*: 3\.0000/);
    expect(r.out).toMatch(/Event study/);
    expect(r.out).toMatch(/naive TWFE/);
    expect(r.out).toMatch(/multiplier bootstrap \(100 draws, rademacher, seed 1\)/);
  });

  it('a missing column is bad input (exit 1) naming the column and the file', () => {
    const r = runs.missingColumn;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/column "wage"/);
    expect(r.err).toContain(csv);
  });

  it('an unbalanced panel is bad input naming an id and the missing period', () => {
    const r = runs.unbalanced;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unbalanced panel: id "b2" has no row for time 3/);
  });

  it('a non-numeric outcome is bad input naming the column', () => {
    const r = runs.nonNumeric;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/column "y" has a non-numeric value "n\/a"/);
  });

  it('usage errors exit 2', () => {
    expect(runs.badControl.code).toBe(2);
    expect(runs.badControl.err).toMatch(/--control must be "never" or "notyet"/);
    expect(runs.badBiters.code).toBe(2);
    expect(runs.missingOption.code).toBe(2);
  });

  it('a missing file is bad input', () => {
    const r = runs.missingFile;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/panel file not found/);
  });
});
