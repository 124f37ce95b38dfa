// Each metric is defined once in TypeScript (pipeline/domain/metrics.ts) and mirrored in SQL (pipeline/models).
// This test proves the two agree on every row of the sample warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, cli, query, removeDir, tempDir } from './helpers.ts';
import {
  ANNUAL_WINDOW_MONTHS, annualWorkload, band, capacityMinutes, ej, ejGrade, imbalance, monthlyWke, requiredStaff, roundStaff, staffingMismatch, wisnDifference,
  wisnRatio, type LoadCell,
} from '../../pipeline/domain/metrics.ts';
import { parseStoredSettings, type Settings } from '../../pipeline/domain/settings.ts';

let dir: string;
let db: string;
// the settings the warehouse was built with (build_info), as the dashboard reads them
let W: Settings['workload'];
let WKE: number;
beforeAll(async () => {
  dir = tempDir();
  db = join(dir, 'w.duckdb');
  const r = cli(['build', '--input', join(ROOT, 'data/sample'), '--db', db]);
  expect(r.code, r.stderr).toBe(0);
  const [info] = await query(db, `SELECT settings FROM build_info`);
  W = parseStoredSettings(String(info!.settings)).workload;
  WKE = W.effective_minutes_per_year;
});

const close = (got: unknown, want: number | null, at: string) => {
  if (want === null) expect(got, at).toBeNull();
  else expect(got, at).toBeCloseTo(want, 9);
};
const cell = (c: Row): LoadCell => ({ workloadMinutes: c.workload_minutes, currentStaff: c.current_staff, requiredStaff: c.required_staff, ej: c.ej });
afterAll(() => removeDir(dir));
// a relative tolerance for sums of large numbers (minutes a year: 8e6, where one double's step is 1e-9)
const closeRel = (got: unknown, want: number | null, at: string) => {
  if (want === null) return expect(got, at).toBeNull();
  expect(Math.abs((got as number) - want), at).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
};
// exact_sum() adds in DECIMAL(38, 9): each annual required staff (workload × 12 / n / WKE, a repeating decimal) is cut
// at 9 decimals, so the gap over ~50 units may differ from the double sum by a few 1e-9 people
const digits = (level: string, k: string) => (level === 'unit_annual' && k === 'staffing_gap' ? 7 : 9);

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
      expect(r.wisn_difference).toBeCloseTo(wisnDifference(r.current_staff, req), 9);
      expect(r.label_en).toBe(ejGrade(e, W.ej_grades)?.label_en ?? null);
    }
  });

  it('position_load_monthly: required staff, EJ, grade and band per position and month (monthly WKE)', async () => {
    const rows: Row[] = await query(db, `SELECT * FROM position_load_monthly`);
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) {
      const at = `${r.position_id} ${r.month}`;
      close(r.required_staff, requiredStaff(r.workload_minutes, monthlyWke(W)), at);
      const e = ej(r.workload_minutes, r.current_staff, monthlyWke(W));
      close(r.ej, e, at);
      expect(r.grade, at).toBe(ejGrade(e, W.ej_grades)?.grade ?? null);
      expect(r.band, at).toBe(band(r.workload_minutes, r.current_staff, e, W));
    }
  });

  it('position_load_annual: the rolling 12-month workload (annualised at the start), required staff, EJ, grade and band', async () => {
    // from the monthly rows, in TypeScript: the window is the month and the 11 before it that the warehouse holds
    const monthly: Row[] = await query(db, `SELECT position_id, CAST(month AS VARCHAR) AS month, workload_minutes, current_staff FROM position_load_monthly ORDER BY position_id, month`);
    const byPos = new Map<string, Row[]>();
    for (const r of monthly) byPos.set(r.position_id, [...(byPos.get(r.position_id) ?? []), r]);
    const rows: Row[] = await query(db, `SELECT *, CAST(month AS VARCHAR) AS m FROM position_load_annual`);
    expect(rows.length).toBe(monthly.length);
    for (const r of rows) {
      const at = `${r.position_id} ${r.m}`;
      const series = byPos.get(r.position_id)!;
      const i = series.findIndex((x) => x.month === r.m);
      const window = series.slice(Math.max(0, i - (ANNUAL_WINDOW_MONTHS - 1)), i + 1);
      expect(r.window_months, at).toBe(window.length);
      const annual = annualWorkload(window.map((x) => x.workload_minutes))!;
      closeRel(r.workload_minutes, annual, at);
      expect(r.current_staff, at).toBe(series[i]!.current_staff);
      close(r.required_staff, requiredStaff(annual, WKE), at);
      const e = ej(annual, r.current_staff, WKE);
      close(r.ej, e, at);
      expect(r.grade, at).toBe(ejGrade(e, W.ej_grades)?.grade ?? null);
      expect(r.band, at).toBe(band(annual, r.current_staff, e, W));
    }
  });

  it('unit_load_annual: Σ of the positions\' annual workload against Σ staff × WKE', async () => {
    const rows: Row[] = await query(db, `SELECT * FROM unit_load_annual`);
    const pos: Row[] = await query(db, `SELECT unit_id, CAST(month AS VARCHAR) AS month, workload_minutes, current_staff FROM position_load_annual`);
    const sums = new Map<string, { w: number; s: number }>();
    for (const p of pos) {
      const k = `${p.unit_id}|${p.month}`;
      const t = sums.get(k) ?? { w: 0, s: 0 };
      t.w += p.workload_minutes;
      t.s += p.current_staff;
      sums.set(k, t);
    }
    expect(rows.length).toBe(sums.size);
    for (const r of rows) {
      const at = `${r.unit_id} ${r.month}`;
      const t = sums.get(`${r.unit_id}|${new Date(r.month).toISOString().slice(0, 10)}`) ?? sums.get(`${r.unit_id}|${String(r.month).slice(0, 10)}`)!;
      closeRel(r.workload_minutes, t.w, at);
      expect(r.current_staff, at).toBe(t.s);
      const req = requiredStaff(r.workload_minutes, WKE);
      close(r.required_staff, req, at);
      expect(r.required_staff_rounded, at).toBe(roundStaff(req, W.rounding));
      const e = ej(r.workload_minutes, r.current_staff, WKE);
      close(r.ej, e, at);
      expect(r.band, at).toBe(band(r.workload_minutes, r.current_staff, e, W));
      expect(r.label_id, at).toBe(ejGrade(e, W.ej_grades)?.label_id ?? null);
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
      const at = `${r.unit_id} ${r.month}`;
      const req = requiredStaff(r.workload_minutes, monthlyWke(W));
      close(r.required_staff, req, at);
      expect(r.required_staff_rounded, at).toBe(roundStaff(req, W.rounding));
      expect(r.label_id, at).toBe(ejGrade(e, W.ej_grades)?.label_id ?? null);
      expect(r.label_en, at).toBe(ejGrade(e, W.ej_grades)?.label_en ?? null);
      close(r.wisn_ratio, wisnRatio(r.current_staff, req), at);
      close(r.wisn_difference, wisnDifference(r.current_staff, req), at);
    }
  });

  it('unit_load_monthly sums its positions; the capacity the unit page shows is capacity_minutes()', async () => {
    const rows: Row[] = await query(db, `
      SELECT l.unit_id, l.month, l.workload_minutes, l.current_staff, capacity_minutes(l.current_staff, monthly_wke()) AS capacity,
             p.w AS pos_workload, p.s AS pos_staff
      FROM unit_load_monthly l
      JOIN (SELECT unit_id, month, sum(workload_minutes) AS w, sum(current_staff) AS s FROM position_load_monthly GROUP BY ALL) p USING (unit_id, month)`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const at = `${r.unit_id} ${r.month}`;
      expect(r.workload_minutes, at).toBeCloseTo(r.pos_workload, 6);
      expect(r.current_staff, at).toBe(r.pos_staff);
      close(r.capacity, capacityMinutes(r.current_staff, monthlyWke(W)), at);
    }
  });

  it('effect_panel_unit: the ABK-required staff of each unit and the staffing mismatch |required − current|', async () => {
    const abk = new Map((await query(db, `SELECT unit_id, sum(annual_workload_minutes) AS w FROM position GROUP BY ALL`)).map((r) => [r.unit_id, Number(r.w)]));
    const rows: Row[] = await query(db, `SELECT unit_id, month, required_staff_abk, current_staff, staffing_gap FROM effect_panel_unit`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const at = `${r.unit_id} ${r.month}`;
      const req = abk.has(r.unit_id) ? requiredStaff(abk.get(r.unit_id)!, WKE) : null;
      close(r.required_staff_abk, req, at);
      close(r.staffing_gap, staffingMismatch(req ?? 0, r.current_staff), at);
    }
  });

  it('staffing_need: the rounded required staff of each position against the people in post', async () => {
    const rows: Row[] = await query(db, `SELECT s.position_id, s.required_staff, s.required_staff_rounded, s.current_staff, s.shortfall, p.annual_workload_minutes
      FROM staffing_need s JOIN position p USING (position_id)`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const req = requiredStaff(r.annual_workload_minutes, WKE);
      close(r.required_staff, req, r.position_id);
      expect(r.required_staff_rounded, r.position_id).toBe(roundStaff(req, W.rounding));
      expect(r.shortfall, r.position_id).toBe(roundStaff(req, W.rounding) - r.current_staff);
    }
  });

  it('imbalance_region_monthly: the indices per region and for all regions (NULL), for units and positions', async () => {
    const want: Row[] = await query(db, `SELECT * FROM imbalance_region_monthly`);
    const cells: Row[] = await query(db, `
      SELECT 'unit' AS level, u.region_code, CAST(l.month AS VARCHAR) AS month, l.workload_minutes, l.required_staff, l.current_staff, l.ej
      FROM unit_load_monthly l JOIN unit u USING (unit_id)
      UNION ALL SELECT 'position', u.region_code, CAST(l.month AS VARCHAR), l.workload_minutes, l.required_staff, l.current_staff, l.ej
      FROM position_load_monthly l JOIN unit u USING (unit_id)
      UNION ALL SELECT 'unit_annual', u.region_code, CAST(l.month AS VARCHAR), l.workload_minutes, l.required_staff, l.current_staff, l.ej
      FROM unit_load_annual l JOIN unit u USING (unit_id)`);
    const groups = new Map<string, LoadCell[]>();
    const add = (k: string, c: Row) => groups.set(k, [...(groups.get(k) ?? []), cell(c)]);
    for (const c of cells) {
      add(`${c.region_code}|${c.month}|${c.level}`, c);
      add(`null|${c.month}|${c.level}`, c);
    }
    expect(want.length).toBe(groups.size);
    for (const w of want) {
      const got = imbalance(groups.get(`${w.region_code}|${w.month}|${w.level}`)!, W);
      for (const k of Object.keys(got) as (keyof typeof got)[]) expect(w[k], `${w.region_code} ${w.month} ${w.level} ${k}`).toBeCloseTo(got[k], digits(w.level, k));
    }
  });

  it('imbalance_monthly: Gini, CV, Theil, max/mean, shares and gap, for units and positions', async () => {
    const want: Row[] = await query(db, `SELECT * FROM imbalance_monthly ORDER BY month, level`);
    const cells: Row[] = await query(db, `
      SELECT 'unit' AS level, CAST(month AS VARCHAR) AS month, workload_minutes, required_staff, current_staff, ej FROM unit_load_monthly
      UNION ALL SELECT 'position', CAST(month AS VARCHAR), workload_minutes, required_staff, current_staff, ej FROM position_load_monthly
      UNION ALL SELECT 'unit_annual', CAST(month AS VARCHAR), workload_minutes, required_staff, current_staff, ej FROM unit_load_annual`);
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
      for (const k of Object.keys(got) as (keyof typeof got)[]) expect(w[k], `${w.month} ${w.level} ${k}`).toBeCloseTo(got[k], digits(w.level, k));
    }
  });
});
