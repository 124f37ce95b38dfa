/**
 * A small warehouse written with SQL straight into the tables of docs/data-contract.md (core + the marts the
 * overview needs). The page, API and privacy tests run on the real sample warehouse (sample-warehouse.ts); this
 * fixture serves what the sample cannot show: a warehouse replaced while the server runs (it is rebuilt in a few
 * hundred milliseconds with another built_at) and a warehouse that appears after the server started. It is
 * deliberately small: 9 units, 20 positions, ~60 employees, 24 months (2023-01 … 2024-12), with a June–July surge
 * at Dinas Pendidikan. It has no effect tables; the merit audit only with `audit: true`.
 *
 * The dashboard reads it through exactly the same code path as the real warehouse (env SEIMBANG_DB).
 * Like the real builder, the file is written to a temporary name and renamed into place atomically.
 *
 *   npx tsx test/browser/fixture-warehouse.ts [out.duckdb] [--built-at 2025-01-01T00:00:00Z]
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS } from '../../pipeline/domain/settings.ts';
import { SCHEMA_VERSION } from '../../pipeline/domain/warehouse-schema.ts';
import { settingsSql } from '../../pipeline/warehouse/settings-sql.ts';
import { macroSql } from '../../pipeline/warehouse/models.ts';
import { ruleStatusSql } from '../../pipeline/warehouse/rules-sql.ts';

const MARTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'pipeline', 'models', 'marts');

const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'pipeline', 'models');

export interface FixtureOptions {
  /** build_info.built_at (ISO timestamp); change it to simulate a rebuild */
  builtAt?: string;
  /** version string in build_info */
  version?: string;
  /** build_info.schema_version (default: the one this code reads; null: a warehouse from before schema versions) */
  schemaVersion?: number | null;
  /**
   * two regions: Kecamatan Utara and Kelurahan Maju belong to region 3998 "Kabupaten Contoh", the rest to 3999
   * "Kota Contoh", and unit labels carry the region (as core/unit.sql writes them for several regions). Only the
   * unit tables change: the imbalance rows stay those of one region.
   */
  twoRegions?: boolean;
  /**
   * add the merit audit (the real macros and marts transfer_audit_fact / transfer_audit over this fixture), with
   * two older transfers and planted breaks whose rates are known by hand (AUDIT_TRUTH).
   */
  audit?: boolean;
}

/**
 * The merit audit of the fixture with `audit: true`, worked out by hand (default settings: the 2024 ban runs
 * 2024-03-22 … 2025-02-20, the election dates cover 2022-01-01 … 2028-12-31; the calendar ends 2024-12, so the
 * analysis window is 2022–2024):
 *   TR-001 2023-03 passed · TR-002 2023-07 passed · TR-003 2023-08 education SMA < S1: failed
 *   TR-004 2024-01 passed · TR-005 2024-02 no reason category: failed · TR-006 2024-10 inside the ban: failed
 *   TR-007 2015-06 and TR-008 2019-03: no election dates for that period → cannot be checked (not met)
 * TR-002's person also moved in TR-007 (moved twice, once in the window).
 */
export const AUDIT_TRUTH = {
  window: { from: 2022, to: 2024, transfers: 6, passed: 3, failed: 3, unknown: 0, rate: 0.5 },
  2023: { transfers: 3, passed: 2, failed: 1, rate: 2 / 3 },
  2024: { transfers: 3, passed: 1, failed: 2, rate: 1 / 3 },
  all: { transfers: 8, passed: 3, failed: 3, unknown: 2, rate: 0.5 },
  /** the election ban alone, all years: 5 outside, 1 inside without approval, 2 cannot be checked */
  electionBanAll: { passed: 5, failed: 1, unknown: 2, rate: 5 / 6 },
  unchecked: ['TR-007', 'TR-008'],
} as const;

/** Well-formed 18-digit NIPs appear in the fixture's `employee` table; no API response may contain one. */
export const FIXTURE_NIP_PATTERN = /(?<!\d)(19|20)\d{6}(19|20)\d{4}[12]\d{3}(?!\d)/;

const WKE = DEFAULT_SETTINGS.workload.effective_minutes_per_year;

// position_id, unit_id, title, kind, class, required_education, required_competencies, annual workload (min), staff
type P = [string, string, string, string, number, string, string[], number, number];
const POSITIONS: P[] = [
  ['SETDA-01', 'SETDA', 'Analis Kepegawaian', 'fungsional', 8, 'S1', ['manajemen ASN'], 150_000, 3],
  ['SETDA-02', 'SETDA', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip'], 110_000, 4],
  ['SETDA-03', 'SETDA', 'Pengelola Keuangan', 'pelaksana', 6, 'D3', ['akuntansi', 'SIPD'], 140_000, 2],
  ['DISDIK-01', 'DISDIK', 'Analis Kepegawaian', 'fungsional', 8, 'S1', ['manajemen ASN', 'dapodik'], 210_000, 2],
  ['DISDIK-02', 'DISDIK', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip'], 160_000, 3],
  ['DISDIK-03', 'DISDIK', 'Pengelola Keuangan', 'pelaksana', 6, 'D3', ['akuntansi', 'SIPD'], 150_000, 2],
  ['DISDIK-SD-01', 'DISDIK-SD', 'Pengawas Sekolah', 'fungsional', 9, 'S1', ['supervisi'], 300_000, 4],
  ['DISDIK-SD-02', 'DISDIK-SD', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip', 'dapodik'], 140_000, 2],
  ['DINKES-01', 'DINKES', 'Analis Kepegawaian', 'fungsional', 8, 'S1', ['manajemen ASN'], 80_000, 2],
  ['DINKES-02', 'DINKES', 'Pengelola Keuangan', 'pelaksana', 6, 'D3', ['akuntansi'], 150_000, 3],
  ['DINKES-PKM-01', 'DINKES-PKM', 'Perawat Terampil', 'fungsional', 7, 'D3', ['keperawatan', 'BTCLS'], 520_000, 5],
  ['DINKES-PKM-02', 'DINKES-PKM', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip'], 95_000, 2],
  ['BKPSDM-01', 'BKPSDM', 'Analis Kepegawaian', 'fungsional', 8, 'S1', ['manajemen ASN', 'SIASN'], 380_000, 6],
  ['BKPSDM-02', 'BKPSDM', 'Pengelola Keuangan', 'pelaksana', 6, 'D3', ['akuntansi'], 60_000, 2],
  ['KEC-UTARA-01', 'KEC-UTARA', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip'], 90_000, 4],
  ['KEC-UTARA-02', 'KEC-UTARA', 'Analis Kepegawaian', 'fungsional', 8, 'S1', ['manajemen ASN'], 70_000, 1],
  ['KEL-MAJU-01', 'KEL-MAJU', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip', 'pelayanan publik'], 130_000, 2],
  ['KEL-MAJU-02', 'KEL-MAJU', 'Pengelola Keuangan', 'pelaksana', 6, 'D3', ['akuntansi'], 45_000, 0],
  ['INSP-01', 'INSP', 'Auditor Ahli Pertama', 'fungsional', 8, 'S1', ['audit'], 230_000, 3],
  ['INSP-02', 'INSP', 'Pengadministrasi Umum', 'pelaksana', 5, 'SMA', ['arsip'], 0, 1],
];

const UNITS_SQL = `
CREATE TABLE unit AS SELECT * FROM (VALUES
  ('SETDA',      'Sekretariat Daerah',                          NULL,        'sekretariat', '3999', 0, 'SETDA'),
  ('DISDIK',     'Dinas Pendidikan',                            NULL,        'dinas',       '3999', 0, 'DISDIK'),
  ('DISDIK-SD',  'Bidang Pembinaan Sekolah Dasar',              'DISDIK',    'bagian',      '3999', 1, 'DISDIK'),
  ('DINKES',     'Dinas Kesehatan',                             NULL,        'dinas',       '3999', 0, 'DINKES'),
  ('DINKES-PKM', 'UPT Puskesmas Kota',                          'DINKES',    'upt',         '3999', 1, 'DINKES'),
  ('BKPSDM',     'Badan Kepegawaian dan Pengembangan SDM',      NULL,        'badan',       '3999', 0, 'BKPSDM'),
  ('KEC-UTARA',  'Kecamatan Utara',                             NULL,        'kecamatan',   '3999', 0, 'KEC-UTARA'),
  ('KEL-MAJU',   'Kelurahan Maju',                              'KEC-UTARA', 'kelurahan',   '3999', 1, 'KEC-UTARA'),
  ('INSP',       'Inspektorat',                                 NULL,        'inspektorat', '3999', 0, 'INSP')
) t(unit_id, unit_name, parent_id, unit_kind, region_code, depth, top_unit_id);
-- one region: the label is the name (core/unit.sql)
ALTER TABLE unit ADD COLUMN region_name VARCHAR DEFAULT 'Kota Contoh';
ALTER TABLE unit ADD COLUMN unit_label VARCHAR;
UPDATE unit SET unit_label = unit_name;
`;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

function positionsSql(): string {
  const rows = POSITIONS.map(
    ([id, unit, title, kind, cls, edu, comps, work, staff]) =>
      `(${sqlString(id)}, ${sqlString(unit)}, ${sqlString(title)}, ${sqlString(kind)}, ${cls}, ${sqlString(edu)}, ` +
      `[${comps.map(sqlString).join(', ')}]::VARCHAR[], ${work}::DOUBLE, ${staff})`,
  );
  return `CREATE TEMP TABLE seed_position AS SELECT * FROM (VALUES ${rows.join(',\n')})
    t(position_id, unit_id, title, position_kind, class, required_education, required_competencies, annual_workload_minutes, staff);`;
}

function gradeCase(expr: string, field: 'grade' | 'label_id' | 'label_en'): string {
  const g = DEFAULT_SETTINGS.workload.ej_grades;
  const whens = g
    .filter((x) => Number.isFinite(x.min))
    .map((x) => `WHEN ${expr} ${x.exclusive ? '>' : '>='} ${x.min} THEN ${sqlString(x[field])}`)
    .join(' ');
  const last = g[g.length - 1]!;
  return `CASE WHEN ${expr} IS NULL THEN NULL ${whens} ELSE ${sqlString(last[field])} END`;
}

const { overloaded_above: OVER, slack_below: SLACK } = DEFAULT_SETTINGS.workload;
const bandCase = (ej: string, work: string, staff: string) =>
  `CASE WHEN ${work} <= 0 THEN 'idle' WHEN ${staff} = 0 THEN 'unstaffed' WHEN ${ej} > ${OVER} THEN 'overloaded' ` +
  `WHEN ${ej} < ${SLACK} THEN 'slack' ELSE 'balanced' END`;


function imbalanceSql(level: 'unit' | 'position' | 'unit_annual', table: string, idCol: string): string {
  return `
  WITH x AS (
    SELECT month, ${idCol} AS id, ej, current_staff, required_staff, workload_minutes
    FROM ${table} WHERE current_staff > 0 AND workload_minutes > 0
  ), r AS (
    SELECT *, row_number() OVER (PARTITION BY month ORDER BY ej) AS i, count(*) OVER (PARTITION BY month) AS n,
           avg(ej) OVER (PARTITION BY month) AS m
    FROM x
  ), g AS (
    SELECT month, '${level}' AS level, any_value(n)::INTEGER AS n, avg(ej) AS mean_ej,
      sum((2 * i - n - 1) * ej) / (any_value(n) * any_value(n) * avg(ej)) AS gini,
      stddev_pop(ej) / avg(ej) AS cv,
      avg((ej / m) * ln(ej / m)) AS theil,
      max(ej) / avg(ej) AS max_mean,
      avg(ej) / max(ej) AS balance_efficiency,
      sum(CASE WHEN ej > ${OVER} THEN current_staff ELSE 0 END) / sum(current_staff) AS share_staff_overloaded,
      sum(CASE WHEN ej < ${SLACK} THEN current_staff ELSE 0 END) / sum(current_staff) AS share_staff_slack
    FROM r GROUP BY month
  ), gap AS (
    SELECT month, sum(abs(required_staff - current_staff)) AS staffing_gap FROM ${table} GROUP BY month
  )
  SELECT g.*, gap.staffing_gap FROM g JOIN gap USING (month)`;
}

/** The merit audit over the fixture: planted cases (AUDIT_TRUTH), then the real macros and audit marts. */
async function auditSql(sql: (s: string) => Promise<void>): Promise<void> {
  // two older moves: TR-002's person came to SETDA-01 in 2015; a person now in INSP-01 came from DINKES-02 in 2019
  await sql(`INSERT INTO transfer
    SELECT 'TR-007', nip, DATE '2015-06-01', 'INSP-01', 'SETDA-01', 'INSP', 'SETDA', '800/7/BKPSDM/2015', DATE '2015-05-18', 'rotasi_berkala', NULL
    FROM transfer WHERE transfer_id = 'TR-002'`);
  await sql(`INSERT INTO transfer
    SELECT 'TR-008', min(nip), DATE '2019-03-01', 'DINKES-02', 'INSP-01', 'DINKES', 'INSP', '800/8/BKPSDM/2019', DATE '2019-02-15', 'kebutuhan_organisasi', NULL
    FROM employee WHERE position_id = 'INSP-01' AND nip NOT IN (SELECT nip FROM transfer)`);
  // every mover meets the education requirement of both posts, except TR-003's person (SMA for an S1 post)
  await sql(`UPDATE employee SET education_level = 'S2' WHERE nip IN (SELECT nip FROM transfer)`);
  await sql(`UPDATE employee SET education_level = 'SMA' WHERE nip = (SELECT nip FROM transfer WHERE transfer_id = 'TR-003')`);
  await sql(`UPDATE transfer SET reason_category = NULL WHERE transfer_id = 'TR-005'`);
  await sql(`CREATE TABLE month_calendar AS SELECT month AS "month" FROM months ORDER BY 1`);
  await sql(macroSql());
  await sql(ruleStatusSql());
  for (const f of ['transfer_audit_fact.sql', 'transfer_audit.sql']) await sql(readFileSync(path.join(MARTS, f), 'utf8'));
}

/** Create the fixture warehouse at `file` (atomically replacing any file there). Returns the path. */
export async function createFixtureWarehouse(file: string, opts: FixtureOptions = {}): Promise<string> {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  rmSync(tmp, { force: true });
  const builtAt = opts.builtAt ?? '2025-01-06T08:00:00Z';
  const settingsJson = JSON.stringify(DEFAULT_SETTINGS); // -Infinity becomes null, as in any JSON export
  const schemaVersion = opts.schemaVersion === undefined ? SCHEMA_VERSION : opts.schemaVersion;

  const instance = await DuckDBInstance.create(tmp);
  const con = await instance.connect();
  const sql = async (s: string) => {
    await con.run(s);
  };
  try {
    await sql(UNITS_SQL);
    if (opts.twoRegions) {
      await sql(`UPDATE unit SET region_code = '3998', region_name = 'Kabupaten Contoh' WHERE top_unit_id = 'KEC-UTARA';
        UPDATE unit SET unit_label = unit_name || ' · ' || region_name`);
    }
    await sql(positionsSql());
    await sql(`CREATE TABLE position AS SELECT position_id, unit_id, title, position_kind, class::INTEGER AS class,
      required_education, NULL::VARCHAR AS required_major, required_competencies, annual_workload_minutes FROM seed_position`);
    await sql(`CREATE TABLE position_task AS SELECT position_id, 'T1' AS task_id, 'Tugas pokok ' || title AS task_name,
      annual_workload_minutes / 60 AS annual_volume, 60.0::DOUBLE AS time_norm_minutes, annual_workload_minutes AS annual_minutes,
      'dokumen' AS output_unit FROM seed_position WHERE annual_workload_minutes > 0`);

    // employees: `staff` people per position (plus 6 who were moved and now sit elsewhere); NIPs are well-formed
    await sql(`CREATE TEMP TABLE seed_employee AS
      SELECT p.position_id, p.unit_id, p.required_education, p.required_competencies, k,
             row_number() OVER (ORDER BY p.position_id, k) AS seq
      FROM seed_position p, range(1, 10) r(k) WHERE k <= p.staff`);
    await sql(`CREATE TABLE employee AS SELECT
        strftime(DATE '1968-03-01' + INTERVAL (seq * 97) DAY, '%Y%m%d') || strftime(DATE '1992-01-01' + INTERVAL (seq * 3) MONTH, '%Y%m')
          || CASE WHEN seq % 2 = 0 THEN '2' ELSE '1' END || lpad((seq % 7 + 1)::VARCHAR, 3, '0') AS nip,
        'Pegawai Contoh ' || seq AS name,
        (DATE '1968-03-01' + INTERVAL (seq * 97) DAY)::DATE AS birth_date,
        CASE WHEN seq % 9 = 0 THEN 'merawat orang tua' END AS unwilling_reason,
        CASE WHEN seq % 6 = 0 THEN 'PPPK' ELSE 'PNS' END AS status,
        CASE WHEN seq % 6 = 0 THEN 'IX' ELSE ['II/c', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a'][seq % 6 + 1] END AS golongan,
        CASE WHEN seq % 2 = 0 THEN 'P' ELSE 'L' END AS sex,
        CASE WHEN seq % 5 = 0 THEN 'SMA' ELSE required_education END AS education_level,
        NULL::VARCHAR AS education_major,
        CASE WHEN seq % 4 = 0 THEN []::VARCHAR[] ELSE required_competencies[1:1] END AS competencies,
        position_id, unit_id,
        (DATE '2019-01-01' + INTERVAL (seq * 41) DAY)::DATE AS position_since,
        (DATE '1992-01-01' + INTERVAL (seq * 3) MONTH)::DATE AS appointment_date,
        CASE seq % 3 WHEN 0 THEN 'no' WHEN 1 THEN 'yes' ELSE 'unknown' END AS willing_to_move
      FROM seed_employee`);

    // transfers: people who now sit in position `to` came from position `from` on a date
    await sql(`CREATE TABLE transfer AS
      WITH moves(k, to_pos, from_pos, d, reason) AS (VALUES
        (1, 'DINKES-PKM-01', 'DINKES-01',     DATE '2023-03-01', 'kebutuhan_organisasi'),
        (2, 'BKPSDM-01',     'SETDA-01',      DATE '2023-07-01', 'rotasi_berkala'),
        (3, 'DISDIK-SD-01',  'DISDIK-01',     DATE '2023-08-01', 'kebutuhan_organisasi'),
        (4, 'KEC-UTARA-01',  'KEL-MAJU-02',   DATE '2024-01-01', 'rotasi_berkala'),
        (5, 'DINKES-PKM-01', 'KEC-UTARA-02',  DATE '2024-02-01', 'permintaan_sendiri'),
        (6, 'SETDA-02',      'DISDIK-02',     DATE '2024-10-01', 'promosi')
      ), picks AS (
        SELECT *, row_number() OVER (PARTITION BY to_pos ORDER BY k) AS pick FROM moves
      ), who AS (
        SELECT m.*, e.nip, e.unit_id AS to_unit, row_number() OVER (PARTITION BY m.k ORDER BY e.nip) AS rn
        FROM picks m JOIN employee e ON e.position_id = m.to_pos
      )
      SELECT 'TR-' || lpad(k::VARCHAR, 3, '0') AS transfer_id, nip, d AS effective_date,
        from_pos AS from_position_id, to_pos AS to_position_id,
        (SELECT unit_id FROM position WHERE position_id = from_pos) AS from_unit_id, to_unit AS to_unit_id,
        '800/' || k || '/BKPSDM/' || year(d) AS decree_number, (d - INTERVAL 14 DAY)::DATE AS decree_date,
        reason AS reason_category, NULL::VARCHAR AS approval_ref
      FROM who WHERE rn = pick`);
    await sql(`UPDATE employee SET position_since = t.effective_date FROM transfer t WHERE t.nip = employee.nip`);
    await sql(`CREATE TABLE employee_position_history AS
      SELECT e.nip, t.from_position_id AS position_id, t.from_unit_id AS unit_id, DATE '2018-01-01' AS valid_from,
             t.effective_date AS valid_to, NULL::VARCHAR AS transfer_id
      FROM employee e JOIN transfer t USING (nip)
      UNION ALL
      SELECT e.nip, e.position_id, e.unit_id, CASE WHEN t.transfer_id IS NULL THEN DATE '2018-01-01' ELSE t.effective_date END,
             NULL::DATE, t.transfer_id
      FROM employee e LEFT JOIN transfer t USING (nip)`);

    await sql(`CREATE TEMP TABLE months AS SELECT (DATE '2023-01-01' + INTERVAL (i) MONTH)::DATE AS month FROM range(0, 24) r(i)`);
    await sql(`CREATE TABLE staff_monthly AS
      SELECT p.position_id, p.unit_id, m.month,
        (SELECT count(*) FROM employee_position_history h WHERE h.position_id = p.position_id
           AND h.valid_from <= m.month AND (h.valid_to IS NULL OR h.valid_to > m.month))::INTEGER AS staff
      FROM position p, months m`);
    // monthly workload: ABK / 12, seasonal pattern, and the June–July surge at Dinas Pendidikan (new school year)
    await sql(`CREATE TABLE workload_monthly AS
      SELECT p.position_id, p.unit_id, m.month,
        p.annual_workload_minutes / 12
          * (1 + 0.08 * sin(month(m.month) / 12.0 * 2 * pi()) + 0.05 * (year(m.month) - 2023))
          * CASE WHEN p.unit_id IN ('DISDIK', 'DISDIK-SD') AND month(m.month) IN (6, 7) THEN 1.7 ELSE 1 END
          * (0.96 + (hash(p.position_id || m.month::VARCHAR) % 80) / 1000.0) AS workload_minutes,
        'records' AS source
      FROM position p, months m`);
    await sql(`CREATE TABLE activity_monthly (nip VARCHAR, month DATE, minutes DOUBLE, days INTEGER)`);
    await sql(`CREATE TABLE performance AS
      WITH p AS (
        SELECT e.nip, y.period, (hash(e.nip || y.period::VARCHAR) % 20)::INTEGER AS h
        FROM employee e, (VALUES (DATE '2023-01-01'), (DATE '2024-01-01')) y(period)
      )
      SELECT nip, period,
        CASE WHEN h < 1 THEN 'Sangat Kurang' WHEN h < 2 THEN 'Kurang/Misconduct' WHEN h < 5 THEN 'Butuh Perbaikan'
             WHEN h < 16 THEN 'Baik' ELSE 'Sangat Baik' END AS rating,
        CASE WHEN h < 1 THEN 1 WHEN h < 2 THEN 2 WHEN h < 5 THEN 3 WHEN h < 16 THEN 4 ELSE 5 END AS rating_rank,
        CASE WHEN h >= 16 THEN 'di atas ekspektasi' WHEN h >= 5 THEN 'sesuai ekspektasi' ELSE 'di bawah ekspektasi' END AS results_rating,
        CASE WHEN h = 1 THEN 'di bawah ekspektasi' ELSE 'sesuai ekspektasi' END AS behaviour_rating,
        (70 + h * 2.5)::DOUBLE AS score
      FROM p`);

    // ---- marts
    await sql(`CREATE TABLE position_load_monthly AS
      SELECT w.position_id, w.unit_id, w.month, w.workload_minutes,
        w.workload_minutes / (${WKE} / 12.0) AS required_staff, s.staff AS current_staff,
        CASE WHEN s.staff > 0 THEN w.workload_minutes / (s.staff * ${WKE} / 12.0) END AS ej,
        ${gradeCase(`CASE WHEN s.staff > 0 THEN w.workload_minutes / (s.staff * ${WKE} / 12.0) END`, 'grade')} AS grade,
        ${bandCase(`w.workload_minutes / (s.staff * ${WKE} / 12.0)`, 'w.workload_minutes', 's.staff')} AS band
      FROM workload_monthly w JOIN staff_monthly s USING (position_id, month)`);
    await sql(`CREATE TABLE unit_load_monthly AS
      WITH u AS (
        SELECT unit_id, month, sum(workload_minutes) AS workload_minutes, sum(required_staff) AS required_staff,
               sum(current_staff)::INTEGER AS current_staff
        FROM position_load_monthly GROUP BY unit_id, month
      ), e AS (
        SELECT *, CASE WHEN current_staff > 0 THEN workload_minutes / (current_staff * ${WKE} / 12.0) END AS ej FROM u
      ), b AS (
        SELECT *, ${bandCase('ej', 'workload_minutes', 'current_staff')} AS band FROM e
      )
      SELECT unit_id, month, workload_minutes, required_staff, floor(required_staff + 0.5)::INTEGER AS required_staff_rounded,
        current_staff, ej, ${gradeCase('ej', 'grade')} AS grade, ${gradeCase('ej', 'label_id')} AS label_id,
        ${gradeCase('ej', 'label_en')} AS label_en, band,
        CASE WHEN required_staff > 0 THEN current_staff / required_staff END AS wisn_ratio,
        current_staff - required_staff AS wisn_difference
      FROM b`);
    await sql(`CREATE TABLE imbalance_monthly AS
      SELECT * FROM (${imbalanceSql('unit', 'unit_load_monthly', 'unit_id')})
      UNION ALL
      SELECT * FROM (${imbalanceSql('position', 'position_load_monthly', 'position_id')})`);
    // one region: its rows are those of all regions (region_code NULL), as marts/imbalance_region_monthly.sql writes them
    await sql(`CREATE TABLE imbalance_region_monthly AS
      SELECT NULL::VARCHAR AS region_code, * FROM imbalance_monthly
      UNION ALL SELECT '3999', * FROM imbalance_monthly`);
    await sql(`CREATE TABLE position_load AS
      WITH s AS (SELECT position_id, count(*)::INTEGER AS n FROM employee GROUP BY position_id),
      p AS (
        SELECT p.position_id, p.unit_id, p.title, p.position_kind, p.annual_workload_minutes AS workload_minutes,
          p.annual_workload_minutes / ${WKE} AS required_staff, coalesce(s.n, 0) AS current_staff
        FROM position p LEFT JOIN s USING (position_id)
      ), e AS (
        SELECT *, CASE WHEN current_staff > 0 THEN workload_minutes / (current_staff * ${WKE}) END AS ej,
          ${bandCase(`workload_minutes / (current_staff * ${WKE})`, 'workload_minutes', 'current_staff')} AS band FROM p
      )
      SELECT position_id, unit_id, title, position_kind, workload_minutes, required_staff,
        floor(required_staff + 0.5)::INTEGER AS required_staff_rounded, current_staff, ej, ${gradeCase('ej', 'grade')} AS grade,
        ${gradeCase('ej', 'label_id')} AS label_id, ${gradeCase('ej', 'label_en')} AS label_en, band,
        CASE WHEN required_staff > 0 THEN current_staff / required_staff END AS wisn_ratio,
        current_staff - required_staff AS wisn_difference
      FROM e`);
    await sql(`CREATE TABLE staffing_need AS
      WITH req AS (SELECT position_id, unnest(required_competencies) AS c FROM position),
      have AS (SELECT position_id, unnest(competencies) AS c FROM employee),
      miss AS (
        SELECT r.position_id, list(r.c ORDER BY r.c) AS missing FROM req r
        WHERE NOT EXISTS (SELECT 1 FROM have h WHERE h.position_id = r.position_id AND h.c = r.c)
        GROUP BY r.position_id
      ),
      lvl AS (SELECT ['SD','SMP','SMA','D1','D2','D3','D4','S1','S2','S3'] AS levels),
      below AS (
        SELECT e.position_id, count(*)::INTEGER AS n FROM employee e JOIN position p USING (position_id), lvl
        WHERE list_position(levels, e.education_level) < list_position(levels, p.required_education)
        GROUP BY e.position_id
      )
      SELECT l.unit_id, l.position_id, l.title, l.required_staff, l.required_staff_rounded, l.current_staff,
        l.required_staff_rounded - l.current_staff AS shortfall, coalesce(below.n, 0) AS holders_below_education,
        coalesce(miss.missing, []::VARCHAR[]) AS missing_competencies
      FROM position_load l LEFT JOIN below USING (position_id) LEFT JOIN miss USING (position_id)`);
    await sql(`CREATE TABLE quarantine (source_file VARCHAR, kind VARCHAR, "row" INTEGER, "column" VARCHAR, value VARCHAR, reason VARCHAR)`);
    // the settings macros and tables a real build writes (the dashboard's queries call monthly_wke(), ej(), …)
    await sql(settingsSql(DEFAULT_SETTINGS));
    // the annual view (issue 16): the real marts over the fixture's monthly rows, with the macros a build writes
    for (const f of ['macros/arithmetic.sql', 'marts/position_load_annual.sql', 'marts/unit_load_annual.sql']) {
      await sql(readFileSync(path.join(MODELS, f), 'utf8'));
    }
    await sql(`INSERT INTO imbalance_monthly SELECT * FROM (${imbalanceSql('unit_annual', 'unit_load_annual', 'unit_id')})`);
    await sql(`INSERT INTO imbalance_region_monthly
      SELECT NULL::VARCHAR, * FROM imbalance_monthly WHERE level = 'unit_annual'
      UNION ALL SELECT '3999', * FROM imbalance_monthly WHERE level = 'unit_annual'`);
    if (opts.audit) await auditSql(sql);
    await con.run(
      `CREATE TABLE build_info AS SELECT $version::VARCHAR AS version, ${schemaVersion === null ? '' : `${schemaVersion}::INTEGER AS schema_version, `}
         $built_at::TIMESTAMPTZ AS built_at, 1234::BIGINT AS duration_ms,
         '[]'::JSON AS input_files, $settings::JSON AS settings, '{}'::JSON AS quarantine_by_reason`,
      { version: opts.version ?? '0.1.0-fixture', built_at: builtAt, settings: settingsJson },
    );
    await sql('CHECKPOINT');
  } catch (err) {
    con.closeSync();
    instance.closeSync();
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    throw err;
  }
  con.closeSync();
  instance.closeSync();
  renameSync(tmp, target);
  return target;
}

// CLI: npx tsx test/browser/fixture-warehouse.ts [out] [--built-at ISO]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--built-at');
  const builtAt = i >= 0 ? args[i + 1] : undefined;
  const out = args.find((a, j) => !a.startsWith('--') && (i < 0 || j !== i + 1)) ?? '.tmp/fixture.duckdb';
  const file = await createFixtureWarehouse(out, { builtAt });
  process.stdout.write(`fixture warehouse written to ${file}\n`);
}
