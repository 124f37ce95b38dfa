// Each metric is defined once in TypeScript (pipeline/domain/metrics.ts) and mirrored in SQL (pipeline/models).
// This test proves the two agree on every row of the sample warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, cli, query, removeDir, tempDir } from './helpers.ts';
import { band, ej, ejGrade, imbalance, requiredStaff, roundStaff, wisnRatio } from '../../pipeline/domain/metrics.ts';
import { DEFAULT_SETTINGS } from '../../pipeline/domain/settings.ts';

const W = DEFAULT_SETTINGS.workload;
const WKE = W.effective_minutes_per_year;
let dir: string;
let db: string;
beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'w.duckdb');
  const r = cli(['build', '--input', join(ROOT, 'data/sample'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => removeDir(dir));

type Row = Record<string, any>;

describe('SQL marts = TypeScript metrics on the sample warehouse', () => {
  it('position_load: required staff, rounding, EJ, grade, band, WISN ratio', async () => {
    const rows: Row[] = await query(db, `SELECT * FROM position_load`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const req = requiredStaff(r.workload_minutes, WKE);
      const e = ej(r.workload_minutes, r.current_staff, WKE);
      expect(r.required_staff).toBeCloseTo(req, 9);
      expect(r.required_staff_rounded).toBe(roundStaff(req, W.rounding));
      if (e === null) expect(r.ej).toBeNull();
      else expect(r.ej).toBeCloseTo(e, 9);
      expect(r.grade).toBe(ejGrade(e, W.ej_grades)?.grade ?? null);
      expect(r.label_id).toBe(ejGrade(e, W.ej_grades)?.label_id ?? null);
      expect(r.band).toBe(band(r.workload_minutes, r.current_staff, e, W));
      const w = wisnRatio(r.current_staff, req);
      if (w === null) expect(r.wisn_ratio).toBeNull();
      else expect(r.wisn_ratio).toBeCloseTo(w, 9);
    }
  });

  it('unit_load_monthly: EJ, grade and band per unit and month', async () => {
    const rows: Row[] = await query(db, `SELECT * FROM unit_load_monthly`);
    for (const r of rows) {
      const e = ej(r.workload_minutes, r.current_staff, WKE / 12);
      if (e === null) expect(r.ej).toBeNull();
      else expect(r.ej).toBeCloseTo(e, 9);
      expect(r.grade).toBe(ejGrade(e, W.ej_grades)?.grade ?? null);
      expect(r.band).toBe(band(r.workload_minutes, r.current_staff, e, W));
    }
  });

  it('imbalance_monthly: Gini, CV, Theil, max/mean, shares and gap, for units and positions', async () => {
    const want: Row[] = await query(db, `SELECT * FROM imbalance_monthly ORDER BY month, level`);
    const cells: Row[] = await query(db, `
      SELECT 'unit' AS level, CAST(month AS VARCHAR) AS month, workload_minutes, required_staff, current_staff, ej FROM unit_load_monthly
      UNION ALL SELECT 'position', CAST(month AS VARCHAR), workload_minutes, required_staff, current_staff, ej FROM position_load_monthly`);
    const groups = new Map<string, Row[]>();
    for (const c of cells) {
      const k = `${c.month}|${c.level}`;
      groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    expect(want.length).toBe(groups.size);
    for (const w of want) {
      const got = imbalance(
        groups.get(`${w.month}|${w.level}`)!.map((c) => ({ workloadMinutes: c.workload_minutes, currentStaff: c.current_staff, requiredStaff: c.required_staff, ej: c.ej })),
        W,
      );
      for (const k of Object.keys(got) as (keyof typeof got)[]) expect(w[k], `${w.month} ${w.level} ${k}`).toBeCloseTo(got[k], 9);
    }
  });
});
