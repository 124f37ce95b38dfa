// The tiny fixture (test/fixtures/tiny) is small enough to check every mart by hand. Monthly WKE = 75,000/12 = 6,250.
// Staff: P1 Jan–Feb 2 (Budi + Agus until his transfer on 15 Feb), Mar 1; P2 1; P3 Jan–Feb 0, Mar 1; P4 1.
// Workload: P1 44,760/12 = 3,730 (ABK fallback), P2 54,300/12 = 4,525, P3 records 12,000 / 15,000 / 18,000, P4 6,250.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, copyFixture, query, removeDir, tempDir, TINY } from './helpers.ts';
import { gini, cv, theil, maxMean } from '../../pipeline/domain/metrics.ts';

let dir: string;
let db: string;
const q = (sql: string) => query(db, sql);

beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'w.duckdb');
  const r = cli(['build', '--input', TINY, '--db', db]);
  expect(r.stderr + r.stdout).toContain('built');
  expect(r.code).toBe(0);
});
afterAll(() => removeDir(dir));

describe('tiny warehouse, checked by hand', () => {
  it('core tables hold every input row', async () => {
    const counts = await q(`SELECT (SELECT count(*) FROM unit) u, (SELECT count(*) FROM position) p, (SELECT count(*) FROM position_task) t,
      (SELECT count(*) FROM employee) e, (SELECT count(*) FROM transfer) tr, (SELECT count(*) FROM performance) pf, (SELECT count(*) FROM quarantine) qn`);
    expect(counts[0]).toEqual({ u: 3, p: 4, t: 10, e: 4, tr: 1, pf: 3, qn: 0 });
  });

  it('unit hierarchy: depth and top unit', async () => {
    expect(await q(`SELECT unit_id, depth, top_unit_id FROM unit ORDER BY unit_id`)).toEqual([
      { unit_id: 'U1', depth: 0, top_unit_id: 'U1' }, { unit_id: 'U2', depth: 0, top_unit_id: 'U2' }, { unit_id: 'U3', depth: 1, top_unit_id: 'U1' },
    ]);
  });

  it('one region: the label is the name, the region name comes from the settings', async () => {
    expect(await q(`SELECT DISTINCT region_name, unit_label = unit_name AS same FROM unit`)).toEqual([{ region_name: 'Kota Contoh', same: true }]);
  });

  it('ABK: position workload = Σ volume × norm (44,760 min for the domain.md task list)', async () => {
    const rows = await q(`SELECT position_id, annual_workload_minutes AS m FROM position ORDER BY 1`);
    expect(rows.map((r) => r.m)).toEqual([44_760, 54_300, 150_000, 75_000]);
  });

  it('position_load: required staff, EJ, grade, band, WISN', async () => {
    const rows = await q(`SELECT position_id, required_staff, required_staff_rounded, current_staff, ej, grade, band, wisn_ratio, wisn_difference FROM position_load ORDER BY 1`);
    const [p1, p2, p3, p4] = rows;
    expect(p1!.required_staff).toBeCloseTo(0.5968, 12);
    expect(p1).toMatchObject({ required_staff_rounded: 1, current_staff: 1, grade: 'D', band: 'slack' });
    expect(p2!.ej).toBeCloseTo(0.724, 12);
    // 0.724 is below the balanced band's default lower edge 0.90 (workload.slack_below): overstaffed, grade C
    expect(p2).toMatchObject({ grade: 'C', band: 'slack' });
    expect(p3).toMatchObject({ required_staff: 2, required_staff_rounded: 2, current_staff: 1, ej: 2, grade: 'A', band: 'overloaded', wisn_ratio: 0.5, wisn_difference: -1 });
    expect(p4).toMatchObject({ ej: 1, grade: 'B', band: 'balanced', wisn_ratio: 1, wisn_difference: 0 });
  });

  it('employee_position_history: the transfer splits Agus into two spells', async () => {
    const rows = await q(`SELECT position_id, valid_from, valid_to, transfer_id IS NOT NULL AS via FROM employee_position_history WHERE nip = '199003032015031003' ORDER BY valid_from`);
    expect(rows).toEqual([
      { position_id: 'P1', valid_from: '2015-03-01', valid_to: '2024-02-15', via: false },
      { position_id: 'P3', valid_from: '2024-02-15', valid_to: null, via: true },
    ]);
  });

  it('staff_monthly counts people on the first day of each month', async () => {
    const rows = await q(`SELECT position_id, list(staff ORDER BY month) s FROM staff_monthly GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { position_id: 'P1', s: [2, 2, 1] }, { position_id: 'P2', s: [1, 1, 1] }, { position_id: 'P3', s: [0, 0, 1] }, { position_id: 'P4', s: [1, 1, 1] },
    ]);
  });

  it('workload_monthly: records where present, ABK / 12 elsewhere', async () => {
    const rows = await q(`SELECT position_id, list(workload_minutes ORDER BY month) w, list(DISTINCT source) s FROM workload_monthly GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { position_id: 'P1', w: [3730, 3730, 3730], s: ['abk'] },
      { position_id: 'P2', w: [4525, 4525, 4525], s: ['abk'] },
      { position_id: 'P3', w: [12000, 15000, 18000], s: ['records'] },
      { position_id: 'P4', w: [6250, 6250, 6250], s: ['abk'] },
    ]);
  });

  it('unit_load_monthly: EJ per unit and month', async () => {
    const rows = await q(`SELECT unit_id, strftime(month, '%Y-%m') m, ej, band, grade, current_staff, required_staff FROM unit_load_monthly ORDER BY 1, 2`);
    const get = (u: string, m: string) => rows.find((r) => r.unit_id === u && r.m === m)!;
    expect(get('U1', '2024-01').ej).toBeCloseTo(8255 / 18_750, 12);
    expect(get('U1', '2024-03').ej).toBeCloseTo(8255 / 12_500, 12);
    expect(get('U1', '2024-03')).toMatchObject({ band: 'slack', grade: 'D', current_staff: 2 });
    expect(get('U2', '2024-01')).toMatchObject({ ej: null, band: 'unstaffed', grade: null, current_staff: 0 });
    expect(get('U2', '2024-03').ej).toBeCloseTo(2.88, 12);
    expect(get('U3', '2024-02')).toMatchObject({ ej: 1, band: 'balanced', grade: 'B' });
  });

  it('imbalance_monthly (units, March) agrees with the domain formulas', async () => {
    const [r] = await q(`SELECT * FROM imbalance_monthly WHERE level = 'unit' AND month = DATE '2024-03-01'`);
    const ejs = [8255 / 12_500, 2.88, 1];
    expect(r!.n).toBe(3);
    expect(r!.gini).toBeCloseTo(gini(ejs), 12);
    expect(r!.cv).toBeCloseTo(cv(ejs), 12);
    expect(r!.theil).toBeCloseTo(theil(ejs), 12);
    expect(r!.max_mean).toBeCloseTo(maxMean(ejs), 12);
    expect(r!.share_staff_overloaded).toBeCloseTo(1 / 4, 12);
    expect(r!.share_staff_slack).toBeCloseTo(2 / 4, 12);
    expect(r!.staffing_gap).toBeCloseTo(Math.abs(8255 / 6250 - 2) + Math.abs(2.88 - 1) + 0, 12);
  });

  it('staffing_need: shortfall and the qualifications holders lack', async () => {
    const rows = await q(`SELECT position_id, shortfall, holders_below_education, missing_competencies FROM staffing_need ORDER BY 2 DESC, 1`);
    expect(rows[0]).toEqual({ position_id: 'P3', shortfall: 1, holders_below_education: 0, missing_competencies: ['jaringan'] });
    expect(rows.find((r) => r.position_id === 'P1')).toEqual({ position_id: 'P1', shortfall: 0, holders_below_education: 0, missing_competencies: [] });
  });

  it('performance: the predicate is derived from the two sub-ratings when absent (PermenPANRB 6/2022)', async () => {
    const rows = await q(`SELECT strftime(period, '%Y-%m') p, rating, rating_rank FROM performance WHERE nip = '198001012005011001' ORDER BY 1`);
    expect(rows).toEqual([{ p: '2024-01', rating: 'Baik', rating_rank: 4 }, { p: '2024-02', rating: 'Sangat Baik', rating_rank: 5 }]);
  });

  it('transfer gets its units; build_info records files, hashes and settings', async () => {
    expect(await q(`SELECT from_unit_id, to_unit_id, reason_category FROM transfer`)).toEqual([{ from_unit_id: 'U1', to_unit_id: 'U2', reason_category: 'kebutuhan_organisasi' }]);
    const [info] = await q(`SELECT version, input_files, settings FROM build_info`);
    const files = JSON.parse(String(info!.input_files)) as { file: string; rows: number; loaded: number; quarantined: number; sha256: string }[];
    expect(files.find((f) => f.file === 'employees.csv')).toMatchObject({ rows: 4, loaded: 4, quarantined: 0 });
    expect(files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(JSON.parse(String(info!.settings)).workload.effective_minutes_per_year).toBe(75_000);
  });

  it('every table and view is documented with COMMENT ON', async () => {
    const rows = await q(`SELECT table_name FROM duckdb_tables() WHERE comment IS NULL OR comment = ''
      UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal AND (comment IS NULL OR comment = '')`);
    expect(rows).toEqual([]);
  });
});

describe('several regions', () => {
  let dir2: string;
  let db2: string;
  beforeAll(() => {
    dir2 = tempDir();
    const input = copyFixture();
    // U2 moves to a second regency (named on one row only), which also has its own Dinas Satu; a third region has no name
    writeFileSync(join(input, 'units.csv'), [
      'unit_id,unit_name,parent_id,unit_kind,region_code,nama_wilayah',
      'U1,Dinas Satu,,dinas,3999,',
      'U2,Dinas Dua,,dinas,3901,',
      'U3,UPT Satu,U1,upt,3999,',
      'K1,Dinas Satu,,dinas,3901,Kabupaten Sukamaju',
      'L1,Dinas Satu,,dinas,3902,',
    ].join('\n') + '\n');
    db2 = join(dir2, 'w.duckdb');
    const r = cli(['build', '--input', input, '--db', db2]);
    expect(r.code, r.stderr).toBe(0);
    removeDir(input);
  });
  afterAll(() => dir2 && removeDir(dir2));

  it('every unit label names its region (its name from the units file, else its code)', async () => {
    expect(await query(db2, `SELECT unit_id, region_name, unit_label FROM unit ORDER BY unit_id`)).toEqual([
      { unit_id: 'K1', region_name: 'Kabupaten Sukamaju', unit_label: 'Dinas Satu · Kabupaten Sukamaju' },
      { unit_id: 'L1', region_name: null, unit_label: 'Dinas Satu · 3902' },
      { unit_id: 'U1', region_name: 'Kota Contoh', unit_label: 'Dinas Satu · Kota Contoh' },
      { unit_id: 'U2', region_name: 'Kabupaten Sukamaju', unit_label: 'Dinas Dua · Kabupaten Sukamaju' },
      { unit_id: 'U3', region_name: 'Kota Contoh', unit_label: 'UPT Satu · Kota Contoh' },
    ]);
  });

  it('imbalance_region_monthly: the indices of each region, and of all regions (= imbalance_monthly)', async () => {
    const rows = await query(db2, `SELECT region_code, n, gini, cv, theil, share_staff_overloaded, staffing_gap
      FROM imbalance_region_monthly WHERE level = 'unit' AND month = DATE '2024-03-01' ORDER BY region_code NULLS FIRST`);
    // (3902 has no positions, so no load and no row)
    expect(rows.map((r) => r.region_code)).toEqual([null, '3901', '3999']);
    const [all, kab, kota] = rows;
    // March (see the top of this file): U1 8,255/12,500 with 2 staff, U2 2.88 with 1, U3 1 with 1
    const ej = { U1: 8255 / 12_500, U2: 2.88, U3: 1 };
    expect(all!.gini).toBeCloseTo(gini([ej.U1, ej.U2, ej.U3]), 12);
    expect(kota).toMatchObject({ n: 2, share_staff_overloaded: 0 });
    expect(kota!.gini).toBeCloseTo(gini([ej.U1, ej.U3]), 12);
    expect(kota!.theil).toBeCloseTo(theil([ej.U1, ej.U3]), 12);
    expect(kab).toMatchObject({ n: 1, gini: 0, cv: 0, share_staff_overloaded: 1 });
    expect(kab!.staffing_gap).toBeCloseTo(2.88 - 1, 12);
    const whole = await query(db2, `SELECT * FROM imbalance_monthly ORDER BY month, level`);
    const fromAll = await query(db2, `SELECT * EXCLUDE (region_code) FROM imbalance_region_monthly WHERE region_code IS NULL ORDER BY month, level`);
    expect(fromAll).toEqual(whole);
  });
});
