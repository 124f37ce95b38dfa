// Real exports (issue 12), reader level: files in the shapes regional systems really produce, generated here
// (no real personal data): a workbook renamed .csv, gzip and PNG bytes, an empty file, a truncated workbook that
// used to hang the reader, NIPs typed as numbers, formulas without a saved result, TAHUN + BULAN period columns,
// the per-column decisions on numbers and dates, and unknown headers near a known alias.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { IngestError, loadRaw } from '../../pipeline/ingest/index.ts';
import { FORMULA_WITHOUT_RESULT, ROUNDED_BY_EXCEL } from '../../pipeline/ingest/xlsx.ts';
import { addNumberEvidence, decideDateOrder, decideDots, emptyEvidence } from '../../pipeline/ingest/profile.ts';
import { nearMissHeaders } from '../../pipeline/ingest/header-hints.ts';
import { mapHeader } from '../../pipeline/ingest/aliases.ts';
import { openDb, rows, tempDir, thrown } from './ingest-fixtures.ts';
import { xlsxBytes, type XCell } from '../fixtures/xlsx-writer.ts';

let conn: DuckDBConnection;
let close: () => void;
const tmp = tempDir();
beforeAll(async () => ({ conn, close } = await openDb()));
afterAll(() => {
  close();
  tmp.remove();
});

const UNITS_HEADER: XCell[] = ['kode_unit', 'nama_unit', 'jenis_unit'];
const unitsRows = (n: number): XCell[][] => [UNITS_HEADER, ...Array.from({ length: n }, (_, i): XCell[] => [`U${i + 1}`, `Dinas Nomor ${i + 1} dengan nama yang agak panjang`, 'dinas'])];

describe('a file that is not what its name says', () => {
  it('an .xlsx renamed .csv is named as an Excel workbook', async () => {
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('units.csv', xlsxBytes(unitsRows(2)))));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toBe('units.csv: this is not a CSV text file but an Excel workbook (.xlsx, a ZIP archive): rename it to .xlsx, or open it in Excel and save it as CSV UTF-8');
  });
  it('gzip and PNG bytes renamed .csv are named for what they are', async () => {
    const gz = await thrown(() => loadRaw(conn, 'units', tmp.file('unit.csv', gzipSync(Buffer.from('kode_unit,nama_unit\nU1,A\n')))));
    expect(gz.message).toBe('unit.csv: this is not a CSV text file but a gzip-compressed file: decompress it (gunzip or 7-Zip) first');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('opd.csv', png)));
    expect(err.message).toBe('opd.csv: this is not a CSV text file but a PNG image: put the exported data file here, not a picture of it');
  });
  it('an empty file says that it is empty', async () => {
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('unit_kerja.csv', '')));
    expect(err.message).toBe('unit_kerja.csv: the file is empty (0 bytes): export it again from the source system');
    const x = await thrown(() => loadRaw(conn, 'units', tmp.file('unit_kerja.xlsx', '')));
    expect(x.message).toBe('unit_kerja.xlsx: the file is empty (0 bytes): export it again from the source system');
  });
});

describe('a truncated workbook does not hang the reader', () => {
  it('is refused from its ZIP structure before streaming, at every cut', async () => {
    const whole = xlsxBytes(unitsRows(3000));
    for (const cut of [0.3, 0.6, 0.9, 0.999]) {
      const path = tmp.file('units.xlsx', whole.subarray(0, Math.floor(whole.length * cut)));
      const err = await thrown(() => loadRaw(conn, 'units', path));
      expect(err.message, `cut at ${cut}`).toBe(
        'units.xlsx: the workbook is damaged or not a real Excel workbook: the end of the archive is missing: the file is truncated (an incomplete download or copy?). Copy or download it again, or open it in Excel and save it again as .xlsx.',
      );
    }
  });
  it('a deflated workbook cut where the streaming reader used to wait forever', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('units');
    for (const r of unitsRows(5000)) ws.addRow(r as string[]);
    const whole = tmp.file('whole.xlsx', '');
    await wb.xlsx.writeFile(whole);
    const bytes = readFileSync(whole);
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('units.xlsx', bytes.subarray(0, Math.floor(bytes.length * 0.7)))));
    expect(err.message).toMatch(/^units\.xlsx: the workbook is damaged or not a real Excel workbook: the end of the archive is missing: the file is truncated/);
  });
  it('the whole file is read (3,000 rows), so the check refuses only damaged ones', async () => {
    const raw = await loadRaw(conn, 'units', tmp.file('units.xlsx', xlsxBytes(unitsRows(3000))));
    expect(raw.rows).toBe(3000);
  });
  it('a reader that stalls is stopped with a message naming the setting', async () => {
    // a stall limit shorter than opening the workbook: the watchdog fires before the first row
    const path = tmp.file('units.xlsx', xlsxBytes(unitsRows(3000)));
    const err = await thrown(() => loadRaw(conn, 'units', path, { stallSeconds: 0.000_001 }));
    expect(err.message).toMatch(/^units\.xlsx: reading the workbook stopped making progress for 0 s \(settings input\.reader_stall_seconds\)/);
  });
  it('a CSV reader past its time limit is interrupted', async () => {
    const csv = 'kode_unit,nama_unit,jenis_unit\n' + Array.from({ length: 300_000 }, (_, i) => `U${i},Dinas ${i},dinas`).join('\n');
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('units.csv', csv), { timeLimitSeconds: 0.001 }));
    expect(err.message).toBe('units.csv: reading the file took longer than 0.001 s (settings input.reader_time_limit_seconds) and was stopped: is it damaged, or much larger than expected?');
  });
});

const EMP_HEADER: XCell[] = ['NIP', 'Nama', 'Status', 'Gol', 'Jabatan', 'TMT Jabatan'];

describe('number cells holding NIPs, formulas without a saved result', () => {
  let raw: Awaited<ReturnType<typeof loadRaw>>;
  beforeAll(async () => {
    const path = tmp.file('pegawai.xlsx', xlsxBytes([
      EMP_HEADER,
      // all 18 digits in the cell (as some tools write them): read exactly
      [{ n: '198001012005011001' }, 'Pegawai Satu', 'PNS', 'III/c', 'P1', '2019-03-01'],
      // what Excel writes: 15 significant digits; the last three are lost
      [{ n: '1.98502022010012E+17' }, 'Pegawai Dua', 'PNS', 'II/c', 'P2', '2018-07-01'],
      // a formula saved without its value
      ['199003032015031003', 'Pegawai Tiga', 'PNS', { f: 'VLOOKUP(A4,Ref!A:B,2,FALSE)' }, 'P3', '2020-01-01'],
      // a formula with its saved value is read as before
      ['197504042000032004', 'Pegawai Empat', 'PNS', { f: 'Ref!B5', v: '13' }, 'P4', '2020-01-01'],
    ]));
    raw = await loadRaw(conn, 'employees', path);
  });
  it('reads the cells', async () => {
    expect(raw.rows).toBe(4);
    expect(raw.cellIssues).toBe(2);
    expect(await rows(conn, 'SELECT nip, golongan, _row FROM raw_employees ORDER BY _row')).toEqual([
      { nip: '198001012005011001', golongan: 'III/c', _row: 2 },
      { nip: '198502022010012000', golongan: 'II/c', _row: 3 },
      { nip: '199003032015031003', golongan: null, _row: 4 },
      { nip: '197504042000032004', golongan: '13', _row: 5 },
    ]);
  });
  it('records the rounded NIP and the formula without a result as cell issues', async () => {
    expect(await rows(conn, `SELECT kind, _row, "column", "value", reason FROM raw_cell_issue ORDER BY _row`)).toEqual([
      { kind: 'employees', _row: 3, column: 'nip', value: '1.98502022010012E+17', reason: ROUNDED_BY_EXCEL },
      { kind: 'employees', _row: 4, column: 'golongan', value: '=VLOOKUP(A4,Ref!A:B,2,FALSE)', reason: FORMULA_WITHOUT_RESULT },
    ]);
  });
});

describe('a period split into TAHUN and BULAN', () => {
  it('the header maps year and month to one period column', () => {
    const m = mapHeader('performance', ['NIP', 'TAHUN', 'BULAN', 'PREDIKAT']);
    expect(m.canonical.get('period')).toBe(1);
    expect(m.combined.get('period')).toBe(2);
    expect(m.unused).toEqual([]);
    // a column with the whole period wins; year and month stay unused
    const whole = mapHeader('performance', ['NIP', 'Periode', 'Tahun', 'Bulan', 'Predikat']);
    expect(whole.canonical.get('period')).toBe(1);
    expect(whole.combined.size).toBe(0);
  });
  it('CSV and XLSX give <year>-<month>, newest-first rows kept as they are', async () => {
    const csv = 'NIP;TAHUN;BULAN;PREDIKAT\n198001012005011001;2024;12;Baik\n198001012005011001;2024;Januari;Sangat Baik\n198001012005011001;2023;;Baik\n';
    await loadRaw(conn, 'performance', tmp.file('skp.csv', csv));
    expect(await rows(conn, 'SELECT period, rating FROM raw_performance ORDER BY _row')).toEqual([
      { period: '2024-12', rating: 'Baik' }, { period: '2024-Januari', rating: 'Sangat Baik' }, { period: '2023', rating: 'Baik' },
    ]);
    await loadRaw(conn, 'performance', tmp.file('skp.xlsx', xlsxBytes([['NIP', 'TAHUN', 'BULAN', 'PREDIKAT'], ['198001012005011001', { n: '2024' }, { n: '12' }, 'Baik']])));
    expect(await rows(conn, 'SELECT period FROM raw_performance')).toEqual([{ period: '2024-12' }]);
  });
});

describe('a column decides how its numbers and dates are read', () => {
  const evidence = (...values: string[]) => {
    const ev = emptyEvidence();
    for (const v of values) addNumberEvidence(ev, v);
    return ev;
  };
  it('3.600 beside 12,5 is thousands; beside 12.5 decimal; alone, the locale', () => {
    expect(decideDots(evidence('3.600', '1.364', '12,5'), false, 'auto').role).toBe('thousands');
    expect(decideDots(evidence('3.600', '12.5'), false, 'auto').role).toBe('decimal');
    expect(decideDots(evidence('3.600', '1.364', '45'), false, 'auto').role).toBe('ambiguous');
    expect(decideDots(evidence('3.600', '45'), false, 'id').role).toBe('thousands');
    expect(decideDots(evidence('3.600', '45'), false, 'en').role).toBe('decimal');
    expect(decideDots(evidence('3.600'), true, 'auto').role).toBe('thousands'); // a semicolon CSV
    expect(decideDots(evidence('3.600', '12,5', '7.25'), false, 'auto').role).toBe('ambiguous'); // both: undecided
    expect(evidence('3.600', '1.234.567', '0.125', '12,5')).toEqual({ thousands: 2, decimal: 1, ambiguous: 1, example: { thousands: '1.234.567', decimal: '0.125' } });
  });
  it('day-first, month-first, mixed, and the NIP as a tie-breaker', () => {
    const ev = (dayFirst: number, monthFirst: number, nipDayFirst = 0, nipMonthFirst = 0) => ({ dayFirst, monthFirst, nipDayFirst, nipMonthFirst });
    expect(decideDateOrder(ev(3, 0), 'mdy').order).toBe('dmy');
    expect(decideDateOrder(ev(0, 2), 'dmy').order).toBe('mdy');
    expect(decideDateOrder(ev(1, 1), 'dmy').order).toBe('mixed');
    expect(decideDateOrder(ev(0, 0, 1, 40), 'dmy').order).toBe('mdy');
    expect(decideDateOrder(ev(0, 0, 0, 0), 'mdy').order).toBe('mdy');
  });
});

describe('typed Parquet numbers are no evidence and never look ambiguous', () => {
  it('a DOUBLE 1.125 is written with a decimal comma; the column is listed as typed', async () => {
    const path = `${tmp.dir}/abk.parquet`;
    await conn.run(`COPY (SELECT 'P1' AS id_jabatan, 'T1' AS kode_tugas, 'Tugas' AS uraian_tugas, 1.125::DOUBLE AS volume, 12.5::DOUBLE AS norma_waktu) TO '${path}' (FORMAT parquet)`);
    const raw = await loadRaw(conn, 'position_tasks', path);
    expect(raw.typedColumns).toEqual(['annual_volume', 'time_norm_minutes']);
    expect(await rows(conn, 'SELECT annual_volume, time_norm_minutes FROM raw_position_tasks')).toEqual([{ annual_volume: '1,125', time_norm_minutes: '12.5' }]);
  });
});

describe('unknown headers near a known alias', () => {
  it('names the column they probably mean', () => {
    expect(nearMissHeaders('employees', ['Gol Ruang Terakhir', 'Nama Jabatan', 'Keterangan'], ['nip', 'name', 'status', 'position_id', 'position_since'])).toEqual([
      { header: 'Gol Ruang Terakhir', column: 'golongan', alias: 'gol_ruang' },
    ]);
    expect(nearMissHeaders('positions', ['Syarat Pendidikn'], ['position_id', 'unit_id', 'title', 'position_kind'])).toEqual([
      { header: 'Syarat Pendidikn', column: 'required_education', alias: 'syarat_pendidikan' },
    ]);
    // a column already supplied is not suggested again
    expect(nearMissHeaders('employees', ['Gol Ruang Terakhir'], ['golongan'])).toEqual([]);
  });
  it('English headers of real exports are aliases', () => {
    const m = mapHeader('employees', ['NIP', 'Name', 'Status', 'Rank/Grade', 'Position', 'TMT Jabatan', 'Reason Not Willing']);
    expect(m.canonical.get('golongan')).toBe(3);
    expect(m.canonical.get('unwilling_reason')).toBe(6);
  });
});
