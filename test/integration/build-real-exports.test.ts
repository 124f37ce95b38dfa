// Real exports (issue 12), build level: inputs in the shapes regional systems produce, generated from the tiny
// fixture (no real personal data). Each case asserts the exact loaded value, the quarantine row and its reason, or
// the exit code, the message and the untouched previous warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, cliAsync, copyFixture, query, removeDir, tempDir } from './helpers.ts';
import { xlsxBytes, type XCell } from '../fixtures/xlsx-writer.ts';
import { FORMULA_WITHOUT_RESULT, ROUNDED_BY_EXCEL } from '../../pipeline/ingest/xlsx.ts';

const AMBIGUOUS_NUMBER =
  "ambiguous number: the dot may group thousands (3.600 = 3600) or mark decimals (3.6) and the column's other values do not decide; set input.number_locale (id or en)";
const AMBIGUOUS_DATE = 'ambiguous date: the column holds both day-first and month-first dates and this one reads both ways';
const AFTER_DATA_DATE = 'date is after the data date 2024-12-31 (settings input.data_date; the day of the build when unset)';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));
function fixture(): string {
  const d = copyFixture();
  dirs.push(d);
  return d;
}
function out(): string {
  const d = tempDir();
  dirs.push(d);
  return join(d, 'w.duckdb');
}

/** The tiny fixture re-exported the way regional systems do (see each comment). */
function realExports(): string {
  const input = fixture();
  writeFileSync(join(input, 'settings.yaml'), 'input:\n  data_date: "2024-12-31"\npublish:\n  min_loaded_share: 0\n');
  // ABK numbers as text: thousands dots beside a decimal comma in one column; a lone 2.500 in a column of whole numbers
  appendFileSync(join(input, 'position_tasks.csv'), [
    'P2,90,Tugas A,3.600,10,berkas', 'P2,91,Tugas B,1.364,10,berkas', 'P2,92,Tugas C,"12,5",10,berkas', 'P2,93,Tugas D,4,2.500,berkas',
  ].join('\n') + '\n');
  // an unknown header near a known alias: required_education is then empty for the whole file
  const pos = join(input, 'positions.csv');
  writeFileSync(pos, readFileSync(pos, 'utf8').replace('required_education', 'Syarat Pendidikn'));
  // the staff list as an XLSX: TMT CPNS month-first, NIPs as number cells, a formula saved without its value
  rmSync(join(input, 'employees.csv'));
  const H: XCell[] = ['NIP', 'Nama', 'Status', 'Gol', 'Tanggal Lahir', 'Jabatan', 'TMT Jabatan', 'TMT CPNS'];
  writeFileSync(join(input, 'pegawai.xlsx'), xlsxBytes([
    ['DAFTAR PEGAWAI'], [], H,
    [{ n: '198001012005011001' }, 'Pegawai Satu', 'PNS', 'III/c', '1980-01-01', 'P1', '2019-03-01', '01/01/2005'],
    ['198502022010012002', 'Pegawai Dua', 'PNS', 'II/c', '1985-02-02', 'P2', '2018-07-01', '01/01/2010'],
    ['199003032015031003', 'Pegawai Tiga', 'PNS', 'III/a', '1990-03-03', 'P3', '2024-02-15', '03/01/2015'],
    ['197504042000032004', 'Pegawai Empat', 'PNS', 'IV/a', '1975-04-04', 'P4', '2020-01-01', '03/01/2000'],
    [{ n: '1.98606062011011E+17' }, 'Pegawai Lima', 'PNS', 'III/a', '1986-06-06', 'P1', '2020-01-01', '01/01/2011'],
    ['198707072012021006', 'Pegawai Enam', 'PNS', { f: 'VLOOKUP(A10,Ref!A:B,2,FALSE)' }, '1987-07-07', 'P1', '2020-01-01', '02/01/2012'],
    ['198808082013031007', 'Pegawai Tujuh', 'PNS', 'III/a', '1988-08-08', 'P1', '2020-01-01', '04/01/2012'],
  ]));
  // SKP with the period split in TAHUN and BULAN, newest first, and one period after the data date
  rmSync(join(input, 'performance.csv'));
  const skp: XCell[][] = [['NIP', 'TAHUN', 'BULAN', 'PREDIKAT', 'NILAI']];
  skp.push(['198001012005011001', { n: '2027' }, { n: '6' }, 'Baik', { n: '90' }]);
  for (let m = 12; m >= 1; m--) skp.push(['198001012005011001', { n: '2024' }, { n: String(m) }, 'Baik', { n: String(100 + m) }]);
  writeFileSync(join(input, 'skp.xlsx'), xlsxBytes(skp));
  // transfers: day-first and month-first in one column, one that reads both ways, one after the data date
  appendFileSync(join(input, 'transfers.csv'), [
    '198001012005011001,25/06/2024,P1,P2,SK/2,,rotasi_berkala,',
    '198502022010012002,06/25/2024,P2,P3,SK/3,,rotasi_berkala,',
    '197504042000032004,05/06/2024,P4,P1,SK/4,,rotasi_berkala,',
    '198502022010012002,2027-03-01,P2,P1,SK/5,,rotasi_berkala,',
  ].join('\n') + '\n');
  return input;
}

describe('values that used to come out silently wrong', () => {
  let db: string;
  let stdout: string;
  beforeAll(() => {
    db = out();
    const r = cli(['build', '--input', realExports(), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
  });

  it('3.600 and 1.364 beside 12,5 are thousands; a lone 2.500 is quarantined as ambiguous', async () => {
    expect(await query(db, `SELECT task_id, annual_volume, time_norm_minutes FROM position_task WHERE position_id = 'P2' AND task_id >= '90' ORDER BY task_id`)).toEqual([
      { task_id: '90', annual_volume: 3600, time_norm_minutes: 10 },
      { task_id: '91', annual_volume: 1364, time_norm_minutes: 10 },
      { task_id: '92', annual_volume: 12.5, time_norm_minutes: 10 },
    ]);
    expect(await query(db, `SELECT "row", "column", "value", reason FROM quarantine WHERE source_file = 'position_tasks.csv'`)).toEqual([
      { row: 15, column: 'time_norm_minutes', value: '2.500', reason: AMBIGUOUS_NUMBER },
    ]);
  });

  it('TMT CPNS written month-first is read month-first (the NIP decides), and a TMT CPNS that contradicts the NIP is quarantined', async () => {
    expect(await query(db, `SELECT nip, CAST(appointment_date AS VARCHAR) AS d FROM employee ORDER BY nip`)).toEqual([
      { nip: '197504042000032004', d: '2000-03-01' },
      { nip: '198001012005011001', d: '2005-01-01' },
      { nip: '198502022010012002', d: '2010-01-01' },
      { nip: '199003032015031003', d: '2015-03-01' },
    ]);
    expect(await query(db, `SELECT "row", "value", reason FROM quarantine WHERE source_file = 'pegawai.xlsx' AND "column" = 'appointment_date'`)).toEqual([
      { row: 10, value: '04/01/2012', reason: 'TMT CPNS does not match the NIP (digits 9–14: first appointment 2013-03)' },
    ]);
  });

  it('a NIP in a number cell is read from its digits; one Excel rounded, and a formula without a saved result, are quarantined', async () => {
    const q = await query(db, `SELECT "row", "column", "value", reason FROM quarantine WHERE source_file = 'pegawai.xlsx' AND reason IN ('${ROUNDED_BY_EXCEL}', '${FORMULA_WITHOUT_RESULT}') ORDER BY "row"`);
    expect(q).toEqual([
      { row: 8, column: 'nip', value: '1.98606062011011E+17', reason: ROUNDED_BY_EXCEL },
      { row: 9, column: 'golongan', value: '=VLOOKUP(A10,Ref!A:B,2,FALSE)', reason: FORMULA_WITHOUT_RESULT },
    ]);
    const [info] = await query(db, 'SELECT input_files FROM build_info');
    const files = JSON.parse(String(info!.input_files)) as { file: string; rows: number; loaded: number; quarantined: number }[];
    expect(files.find((f) => f.file === 'pegawai.xlsx')).toMatchObject({ rows: 7, loaded: 4, quarantined: 3 });
    for (const f of files) expect(f.loaded + f.quarantined, f.file).toBe(f.rows);
  });

  it('TAHUN + BULAN make the period: twelve months with their own scores, newest-first rows as they were', async () => {
    const rows = await query(db, `SELECT strftime(period, '%Y-%m') AS p, score FROM performance WHERE nip = '198001012005011001' ORDER BY period`);
    expect(rows).toEqual(Array.from({ length: 12 }, (_, i) => ({ p: `2024-${String(i + 1).padStart(2, '0')}`, score: 101 + i })));
    expect(await query(db, `SELECT "row", "column", "value", reason FROM quarantine WHERE source_file = 'skp.xlsx'`)).toEqual([
      { row: 2, column: 'period', value: '2027-6', reason: AFTER_DATA_DATE },
    ]);
  });

  it('dates after the data date are quarantined; in a column of day-first and month-first dates, one that reads both ways is too', async () => {
    expect(await query(db, `SELECT nip, CAST(effective_date AS VARCHAR) AS d FROM transfer ORDER BY effective_date, nip`)).toEqual([
      { nip: '199003032015031003', d: '2024-02-15' },
      { nip: '198001012005011001', d: '2024-06-25' },
      { nip: '198502022010012002', d: '2024-06-25' },
    ]);
    expect(await query(db, `SELECT "row", "column", "value", reason FROM quarantine WHERE source_file = 'transfers.csv' ORDER BY "row"`)).toEqual([
      { row: 5, column: 'effective_date', value: '05/06/2024', reason: AMBIGUOUS_DATE },
      { row: 6, column: 'effective_date', value: '2027-03-01', reason: AFTER_DATA_DATE },
    ]);
  });

  it('the summary lists the warnings by kind with counts, naming the file and the column', () => {
    expect(stdout).toContain('Warnings by kind:');
    expect(stdout).toMatch(/\n\s+1 {2}column not read \(a known name nearly matches\)\n\s+warning: positions\.csv: column 'Syarat Pendidikn' is not read; did you mean required_education \(accepted name 'syarat_pendidikan'\)\?/);
    expect(stdout).toMatch(/\n\s+3 {2}column empty in every row\n\s+warning: positions\.csv: column required_education is missing; it feeds the competence match/);
    expect(stdout).toContain('warning: pegawai.xlsx: column willing_to_move is missing; it feeds the willingness to move');
    expect(stdout).toMatch(/\n\s+4 {2}number format or date order decided from the column\n/);
    expect(stdout).toContain('position_tasks.csv annual_volume: 2 value(s) like 3.600 — the dot is a thousands separator (3.600 = 3600); the column also holds "12,5"');
    expect(stdout).toContain('pegawai.xlsx appointment_date: 4 date(s) like 04/01/2003 that read both ways — month-first; the NIP agrees with the month-first reading of 3 of 3 values');
    expect(stdout).toContain('transfers.csv effective_date: 1 date(s) like 04/01/2003 that read both ways — mixed: those values are quarantined; the column holds day-first "25/06/2024" and month-first "06/25/2024"');
  });

  it('--strict stops on the unread column and the dates after the data date, keeping the previous warehouse', () => {
    const before = readFileSync(db);
    const r = cli(['build', '--input', realExports(), '--db', db, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--strict: 4 warning(s) that --strict treats as errors: positions.csv: column 'Syarat Pendidikn' is not read");
    expect(readFileSync(db).equals(before)).toBe(true);
    // only a date after the data date
    const input = fixture();
    writeFileSync(join(input, 'settings.yaml'), 'input:\n  data_date: "2024-12-31"\n');
    appendFileSync(join(input, 'transfers.csv'), '198502022010012002,2027-03-01,P2,P1,SK/5,,rotasi_berkala,\n');
    const s = cli(['build', '--input', input, '--db', db, '--strict']);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`--strict: 1 quarantined value(s) (1× transfers: ${AFTER_DATA_DATE}). First: transfers.csv row 3, column effective_date = "2027-03-01"`);
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe('a build that loses most of a kind of record keeps the previous warehouse', () => {
  let db: string;
  let good: Buffer;
  beforeAll(() => {
    db = out();
    expect(cli(['build', '--input', fixture(), '--db', db]).code).toBe(0);
    good = readFileSync(db);
  });

  it('every NIP rejected (a number column Excel rounded): exit 1, the message, the old warehouse untouched', () => {
    const input = fixture();
    const p = join(input, 'employees.csv');
    const lines = readFileSync(p, 'utf8').trimEnd().split('\n');
    writeFileSync(p, [lines[0], ...lines.slice(1).map((l) => l.replace(/^\d{18}/, (n) => `${n.slice(0, 1)}.${n.slice(1, 15)}E+17`))].join('\n') + '\n');
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the build lost most of some records and does not replace w.duckdb (kept as it is; --force publishes anyway): employees.csv: only 0 of 4 employees rows loaded (0.0 %, below publish.min_loaded_share 50 %); main reasons: 4× malformed NIP: not 18 digits');
    expect(r.stderr).toContain('employees: 0 loaded against 4 in the current warehouse');
    expect(readFileSync(db).equals(good)).toBe(true);
    expect(readdirSync(join(db, '..')).filter((f) => f.includes('.building-'))).toEqual([]);
    // --force publishes anyway, and says so
    const f = cli(['build', '--input', input, '--db', db, '--force']);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/published with --force despite losses/);
    expect(readFileSync(db).equals(good)).toBe(false);
    writeFileSync(db, good);
  });

  it('a JABATAN column holding titles instead of position ids: exit 1, the old warehouse untouched', () => {
    const input = fixture();
    const p = join(input, 'employees.csv');
    const titles: Record<string, string> = { P1: 'Analis Kebijakan', P2: 'Pengadministrasi Umum', P3: 'Pranata Komputer', P4: 'Kepala UPT' };
    writeFileSync(p, readFileSync(p, 'utf8').replace(/,(P[1-4]),/g, (_m, id: string) => `,${titles[id]},`));
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('employees.csv: only 0 of 4 employees rows loaded (0.0 %, below publish.min_loaded_share 50 %); main reasons: 4× unknown position');
    expect(readFileSync(db).equals(good)).toBe(true);
  });

  it('a header-only staff file, and an optional file emptied against the previous warehouse', () => {
    const input = fixture();
    const p = join(input, 'employees.csv');
    writeFileSync(p, readFileSync(p, 'utf8').split('\n')[0] + '\n');
    const r = cli(['build', '--input', input, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('employees.csv has no data rows (only a header?): no employees would be loaded');
    expect(readFileSync(db).equals(good)).toBe(true);
    const t = fixture();
    const tp = join(t, 'transfers.csv');
    writeFileSync(tp, readFileSync(tp, 'utf8').split('\n')[0] + '\n');
    const r2 = cli(['build', '--input', t, '--db', db]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('transfers: 0 loaded against 1 in the current warehouse (0.0 %, below publish.min_share_of_previous 50 %)');
    expect(readFileSync(db).equals(good)).toBe(true);
  });
});

describe('files that are not what they say, and leftovers of killed builds', () => {
  it('an XLSX renamed .csv: exit 1 naming what it is', () => {
    const input = fixture();
    rmSync(join(input, 'units.csv'));
    writeFileSync(join(input, 'units.csv'), xlsxBytes([['unit_id', 'unit_name', 'unit_kind'], ['U1', 'Dinas', 'dinas']]));
    const r = cli(['build', '--input', input, '--db', out()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('units.csv: this is not a CSV text file but an Excel workbook (.xlsx, a ZIP archive): rename it to .xlsx');
  });

  it('temp files of a killed build (database, .wal, spill folder) are removed by the next build', () => {
    const db = out();
    const dead = 2 ** 22 + 12345; // above Linux's default pid_max: no such process
    const stem = `${db}.building-${dead}`;
    writeFileSync(stem, 'x');
    writeFileSync(`${stem}.wal`, 'x');
    mkdirSync(`${stem}.tmp`);
    writeFileSync(join(`${stem}.tmp`, 'spill.block'), 'x');
    const r = cli(['build', '--input', fixture(), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`removed leftover of an interrupted build: w.duckdb.building-${dead}`);
    expect(readdirSync(join(db, '..')).filter((f) => f.includes('.building-'))).toEqual([]);
  });

  it('SIGTERM during the models: temp files removed, exit 143, the previous warehouse untouched', async () => {
    const db = out();
    expect(cli(['build', '--input', fixture(), '--db', db]).code).toBe(0);
    const before = readFileSync(db);
    const child = cliAsync(['build', '--input', fixture(), '--db', db]);
    let err = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (/\[1\d\/\d+\] staging\//.test(err) || /\] (staging|core)\//.test(err)) resolve();
      });
    });
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => child.once('close', (c) => r(c)));
    expect(code).toBe(143);
    expect(err).toContain('build interrupted (SIGTERM): temp files removed, the previous warehouse is kept');
    expect(readdirSync(join(db, '..')).filter((f) => f.includes('.building-'))).toEqual([]);
    expect(existsSync(`${db}.wal`)).toBe(false);
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});
