// XLSX reader (pipeline/ingest/xlsx.ts via loadRaw): exceljs streaming, header not on row 1, real Date cells,
// numbers as plain decimals, formulas, rich text, sheet choice, trailing empty rows, and broken files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { IngestError, loadRaw } from '../../pipeline/ingest/index.ts';
import { cellText, dateText, isDateFormat, plainNumber } from '../../pipeline/ingest/xlsx.ts';
import { EMPLOYEE_COLUMNS, columns, openDb, rows, tempDir, thrown } from './ingest-fixtures.ts';

let conn: DuckDBConnection;
let close: () => void;
const tmp = tempDir();
beforeAll(async () => ({ conn, close } = await openDb()));
afterAll(() => {
  close();
  tmp.remove();
});

const utc = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));

async function writeWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = `${tmp.dir}/${name}`;
  await wb.xlsx.writeFile(path);
  return path;
}

describe('a workbook with the header on row 3 and real Date cells', () => {
  let path: string;
  beforeAll(async () => {
    path = await writeWorkbook('pegawai.xlsx', (wb) => {
      wb.addWorksheet('Catatan', { state: 'hidden' }).addRow(['NIP', 'Nama', 'bukan data']);
      const ws = wb.addWorksheet('Data Pegawai');
      ws.addRow(['DAFTAR PEGAWAI DINAS PENDIDIKAN']);
      ws.addRow(['Per 31 Desember 2024']);
      ws.addRow(['NIP', 'Nama Lengkap', 'Status', 'Tanggal Lahir', 'Jabatan', 'TMT Jabatan', 'Gol.', 'Pendidikan', 'Nilai Tambahan']);
      ws.addRow(['196608011988031001', { richText: [{ text: 'Budi ' }, { font: { bold: true }, text: 'Santoso' }] }, 'PNS', utc(1966, 8, 1), 'J1', utc(2020, 1, 1), 'III/a', 'S1', 1234.5]);
      ws.addRow([196608011988031001, 'Ani', 'PPPK', utc(1985, 7, 14, 8, 30), 'J2', { formula: 'DATE(2023,2,1)', result: utc(2023, 2, 1) }, 9, 'D-III', 0.1 + 0.2]);
      ws.addRow(['', ' ', '']); // a row with empty cells between data rows is kept
      ws.addRow(['197001011995031002', '  Siti  ', 'PNS', '12-03-1970', 'J3', 45303, true, null, 1e21]);
      ws.getCell('F7').numFmt = 'dd/mm/yyyy';
      ws.addRow([]);
      ws.addRow([null, '', null]);
      ws.getCell('A10').value = '';
    });
  });

  it('reads the sheet, finds the header on row 3 and keeps spreadsheet row numbers', async () => {
    const raw = await loadRaw(conn, 'employees', path);
    expect(raw).toMatchObject({ format: 'xlsx', sheet: 'Data Pegawai', headerRow: 3, idNumberStyle: false, rows: 4, unusedColumns: ['Nilai Tambahan'] });
    expect(raw.delimiter).toBeUndefined();
    expect((await columns(conn, 'raw_employees')).map((c) => c.name)).toEqual([...EMPLOYEE_COLUMNS, 'nilai_tambahan', '_file', '_row', '_id_style']);
    const r = await rows(conn, 'SELECT nip, name, status, birth_date, position_id, position_since, golongan, education_level, nilai_tambahan, _file, _row, _id_style FROM raw_employees ORDER BY _row');
    expect(r).toEqual([
      { nip: '196608011988031001', name: 'Budi Santoso', status: 'PNS', birth_date: '1966-08-01', position_id: 'J1', position_since: '2020-01-01', golongan: 'III/a', education_level: 'S1', nilai_tambahan: '1234.5', _file: 'pegawai.xlsx', _row: 4, _id_style: false },
      // an 18-digit NIP typed as a number keeps Excel's 15 significant digits (nip_problem flags serial 000)
      { nip: '196608011988031000', name: 'Ani', status: 'PPPK', birth_date: '1985-07-14 08:30:00', position_id: 'J2', position_since: '2023-02-01', golongan: '9', education_level: 'D-III', nilai_tambahan: '0.3', _file: 'pegawai.xlsx', _row: 5, _id_style: false },
      { nip: null, name: null, status: null, birth_date: null, position_id: null, position_since: null, golongan: null, education_level: null, nilai_tambahan: null, _file: 'pegawai.xlsx', _row: 6, _id_style: false },
      { nip: '197001011995031002', name: 'Siti', status: 'PNS', birth_date: '12-03-1970', position_id: 'J3', position_since: '2024-01-12', golongan: 'TRUE', education_level: null, nilai_tambahan: '1000000000000000000000', _file: 'pegawai.xlsx', _row: 7, _id_style: false },
    ]);
  });
});

describe('sheet choice', () => {
  it('prefers the sheet named like the kind over the first sheet', async () => {
    const path = await writeWorkbook('data-2024.xlsx', (wb) => {
      wb.addWorksheet('Petunjuk').addRow(['Isi sheet "jabatan" dan "unit"']);
      wb.addWorksheet('Unit').addRow(['kode_unit', 'nama_unit', 'jenis_unit']);
      const j = wb.addWorksheet('Jabatan');
      j.addRow(['Kode Jabatan', 'Kode Unit', 'Nama Jabatan', 'Jenis Jabatan', 'Kelas Jabatan']);
      j.addRow(['J1', 'U1', 'Analis Kebijakan', 'fungsional', 9]);
    });
    const raw = await loadRaw(conn, 'positions', path);
    expect(raw).toMatchObject({ sheet: 'Jabatan', headerRow: 1, rows: 1 });
    expect(await rows(conn, 'SELECT position_id, "class", _row FROM raw_positions')).toEqual([{ position_id: 'J1', class: '9', _row: 2 }]);
  });

  it('reports a sheet without a header', async () => {
    const path = await writeWorkbook('unit.xlsx', (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      for (let i = 0; i < 40; i++) ws.addRow([`baris ${i}`, i]);
    });
    const err = await thrown(() => loadRaw(conn, 'units', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/sheet 'Sheet1': no header row found for units/);
  });

  it('a missing required column names the file, the column and the header found', async () => {
    const path = await writeWorkbook('abk.xlsx', (wb) => {
      const ws = wb.addWorksheet('ABK');
      ws.addRow(['Analisis Beban Kerja']);
      ws.addRow(['Kode Jabatan', 'Kode Tugas', 'Uraian Tugas', 'Volume']);
      ws.addRow(['J1', 'T1', 'Menyusun laporan', 12]);
    });
    const err = await thrown(() => loadRaw(conn, 'position_tasks', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.file).toBe('abk.xlsx');
    expect(err.column).toBe('time_norm_minutes');
    expect(err.row).toBe(2);
    expect(err.message).toContain('Kode Jabatan, Kode Tugas, Uraian Tugas, Volume');
  });
});

describe('broken files', () => {
  it('a truncated .xlsx', async () => {
    const good = await writeWorkbook('ok.xlsx', (wb) => wb.addWorksheet('A').addRow(['kode_unit', 'nama_unit', 'jenis_unit']));
    const { readFileSync } = await import('node:fs');
    const path = tmp.file('unit-rusak.xlsx', readFileSync(good).subarray(0, 600));
    const err = await thrown(() => loadRaw(conn, 'units', path));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.file).toBe('unit-rusak.xlsx');
    expect(err.message).toMatch(/damaged or not a real Excel workbook/);
  });

  it('random bytes named .xlsx', async () => {
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('unit-acak.xlsx', Buffer.from('kode_unit;nama_unit\nU1;A\n'))));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/not an \.xlsx workbook/);
  });

  it('an old .xls (or password-protected workbook) renamed to .xlsx', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await thrown(() => loadRaw(conn, 'units', tmp.file('unit-lama.xlsx', ole)));
    expect(err).toBeInstanceOf(IngestError);
    expect(err.message).toMatch(/Excel 97-2003 file or a password-protected workbook/);
  });
});

describe('cell values', () => {
  it.each([
    [1234.5, '1234.5'], [1e21, '1000000000000000000000'], [1.5e-7, '0.00000015'], [-2.5e-10, '-0.00000000025'],
    [0.1 + 0.2, '0.3'], [196608011988031001, '196608011988031000'], [45303, '45303'], [0, '0'], [-12, '-12'], [123456789.125, '123456789.125'],
  ])('plainNumber(%s) = %s', (n, s) => expect(plainNumber(n)).toBe(s));

  it.each([
    [utc(2024, 1, 12), '2024-01-12'], [utc(2024, 1, 12, 8, 30), '2024-01-12 08:30:00'], [new Date(Date.UTC(1899, 11, 30, 1, 30)), '01:30:00'],
  ])('dateText(%s) = %s', (d, s) => expect(dateText(d)).toBe(s));

  it.each([
    ['dd/mm/yyyy', true], ['[$-421]d mmmm yyyy;@', true], ['h:mm', true], ['General', false], ['0.00', false], ['#,##0', false],
    ['"Rp"#,##0', false], ['[Red]0.00', false], [undefined, false],
  ])('isDateFormat(%j) = %j', (fmt, yes) => expect(isDateFormat(fmt)).toBe(yes));

  it('cellText', () => {
    expect(cellText({ richText: [{ text: 'a' }, { text: 'b' }] })).toBe('ab');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ formula: 'TODAY()', result: 45303 }, 'dd-mm-yyyy')).toBe('2024-01-12');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ text: 'tautan', hyperlink: 'http://x' })).toBe('tautan');
    expect(cellText(false)).toBe('FALSE');
    expect(cellText('  \u00a0')).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(cellText(45303, 'dd/mm/yyyy')).toBe('2024-01-12');
  });
});
