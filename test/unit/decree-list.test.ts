/**
 * The draft decree list of an approved scenario (dashboard/src/lib/server/decree-list.ts): one row per move with
 * its justification; CSV with `;`, BOM, CRLF and decimal commas, every text cell neutralised against formulas; the
 * XLSX holds the same cells as values (a name that looks like a formula stays text). Hand-written expectations.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { decreeCsv, decreeRows, decreeXlsx, type DecreeListInput } from '../../dashboard/src/lib/server/decree-list.ts';
import { WARNING_SOURCE, type Warning } from '../../pipeline/simulate/index.ts';

const tenure: Warning = { code: 'min_tenure', source: WARNING_SOURCE.min_tenure, kind: 'warning', value: 1.2, threshold: 2 };
const overdue: Warning = { code: 'overdue_rotation', source: WARNING_SOURCE.overdue_rotation, kind: 'signal' };
const base = {
  fromPosition: 'A-01', fromTitle: 'Pengadministrasi Umum', fromUnit: 'A', fromUnitName: 'Dinas A',
  toPosition: 'B-02', toTitle: 'Analis Kepegawaian', toUnit: 'B', toUnitName: 'Dinas B', month: '2026-01',
};
const input: DecreeListInput = {
  lang: 'id',
  scenarioName: 'Gelombang I',
  version: 3,
  approvedBy: 'kepala',
  approvedAt: '2026-02-03T04:05:06.000Z',
  baselineMonth: '2025-12',
  baselineBuild: '2026-01-01 00:00:00+00',
  golongan: new Map([['198001012005011001', 'III/b']]),
  moves: [
    { ...base, index: 0, nip: '198001012005011001', name: 'Siti Rahma', fromEj: [1.2483, 1.2596], toEj: [1.3923, 1.3394], warnings: [tenure] },
    { ...base, index: 2, nip: '199002022015022002', name: '=HYPERLINK("x")', fromEj: [0.5, null], toEj: [1, 0.95], warnings: [overdue] },
  ],
};

describe('decree list', () => {
  it('rows: numbering, golongan, TMT, both units’ EJ, the rule checks with their regulation, the justification', () => {
    const rows = decreeRows(input);
    expect(rows[0]).toEqual([
      1, '198001012005011001', 'Siti Rahma', 'III/b', 'Pengadministrasi Umum', 'Dinas A', 'Analis Kepegawaian', 'Dinas B', '2026-01-01',
      1.2483, 1.2596, 1.3923, 1.3394,
      'Masa jabatan kurang dari batas minimum (2 tahun) (PP 11/2017 Pasal 190 (PP 17/2020))',
      'EJ Dinas A 1,25 → 1,26; EJ Dinas B 1,39 → 1,34',
    ]);
    // no golongan in the warehouse: empty; a positive signal is not a failed check; an empty unit after: '–'
    expect(rows[1]![3]).toBeNull();
    expect(rows[1]![13]).toBe('Memenuhi aturan merit yang diperiksa');
    expect(rows[1]![14]).toBe('EJ Dinas A 0,50 → –; EJ Dinas B 1,00 → 0,95');
  });

  it('CSV: BOM, `;`, CRLF, decimal commas, a formula-looking cell neutralised and quoted', () => {
    const csv = decreeCsv(input);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'DAFTAR USULAN MUTASI',
      'Skenario: Gelombang I (v3)',
      '"Disetujui oleh: kepala, 2026-02-03"',
      'Data dasar: 2025-12 (2026-01-01 00:00:00+00)',
      '',
    ]);
    expect(lines[5]!.split(';')).toHaveLength(15);
    expect(lines[6]).toBe(
      '1;198001012005011001;Siti Rahma;III/b;Pengadministrasi Umum;Dinas A;Analis Kepegawaian;Dinas B;2026-01-01;1,25;1,26;1,39;1,34;' +
        'Masa jabatan kurang dari batas minimum (2 tahun) (PP 11/2017 Pasal 190 (PP 17/2020));"EJ Dinas A 1,25 → 1,26; EJ Dinas B 1,39 → 1,34"',
    );
    expect(lines[7]!.split(';').slice(0, 4)).toEqual(['2', '199002022015022002', `"'=HYPERLINK(""x"")"`, '']);
    expect(lines[8]).toBe('');
    expect(lines).toHaveLength(9);
  });

  it('English headers and decimal points with lang=en', () => {
    const lines = decreeCsv({ ...input, lang: 'en' }).slice(1).split('\r\n');
    expect(lines[0]).toBe('DRAFT TRANSFER DECREE LIST');
    expect(lines[5]!.split(';').slice(0, 4)).toEqual(['No', 'NIP', 'Name', 'Grade']);
    expect(lines[6]!.split(';').slice(9, 13)).toEqual(['1.25', '1.26', '1.39', '1.34']);
  });

  it('XLSX: heading, header row, one row per move; numbers as numbers, a formula-looking name as text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await decreeXlsx(input)).buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Usulan mutasi');
    expect(ws.getCell('A1').value).toBe('DAFTAR USULAN MUTASI');
    expect(ws.getCell('B6').value).toBe('NIP');
    expect(ws.rowCount).toBe(8);
    expect(ws.getCell('B7').value).toBe('198001012005011001');
    expect(ws.getCell('J7').value).toBe(1.2483);
    expect(ws.getCell('J7').numFmt).toBe('0.00');
    expect(ws.getCell('C8').value).toBe('=HYPERLINK("x")');
    expect(ws.getCell('C8').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('K8').value).toBeNull();
  });
});
