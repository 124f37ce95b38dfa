// Table downloads (dashboard/src/lib/table-export.ts): numbers read back as the page shows them, CSV per language,
// minutes beside hours, formulas neutralised; hand-checked.
import { describe, expect, it } from 'vitest';
import { exportTable, parseShownNumber, sheetName, tableCsv } from '../../dashboard/src/lib/table-export.ts';

describe('parseShownNumber', () => {
  it.each([
    ['1.234,5', 'id', 1234.5, 1, false],
    ['1,234.5', 'en', 1234.5, 1, false],
    ['50,0 %', 'id', 0.5, 1, true],
    ['12.5%', 'en', 0.125, 1, true],
    ['+0,12', 'id', 0.12, 2, false],
    ['−3', 'en', -3, 0, false],
    ['4.300', 'id', 4300, 0, false],
  ] as const)('%s (%s) → %d', (text, lang, value, decimals, percent) => {
    const n = parseShownNumber(text, lang)!;
    expect(n.value).toBeCloseTo(value, 12);
    expect(n).toMatchObject({ decimals, percent });
  });
  it('"< 5", "–" and words are not numbers', () => {
    expect(parseShownNumber('< 5', 'id')).toBeNull();
    expect(parseShownNumber('–', 'id')).toBeNull();
    expect(parseShownNumber('Dinas', 'en')).toBeNull();
  });
});

describe('tableCsv', () => {
  const columns = [
    { key: 'unit', label: 'Unit' },
    { key: 'workload_minutes', label: 'Beban kerja (jam)', numeric: true, format: (r: any) => new Intl.NumberFormat('id-ID').format(Math.round(r.workload_minutes / 60)) },
    { key: 'ej', label: 'EJ', numeric: true, format: (r: any) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r.ej) },
  ];
  const rows = [{ unit: '=HYPERLINK("x")', workload_minutes: 75_030, ej: 1.2345 }];

  it('Indonesian: ; between fields, decimal comma, BOM, hours as shown and the minutes beside, formulas neutralised', () => {
    const csv = tableCsv(exportTable(columns, rows, 'id'), 'id');
    expect(csv).toBe('\uFEFFUnit;Beban kerja (jam);Beban kerja (jam) (menit);EJ\r\n"\'=HYPERLINK(""x"")";1251;75030;1,23\r\n');
  });
  it('English: , between fields and a decimal point', () => {
    const en = [{ ...columns[0]! }, { ...columns[2]!, label: 'EJ', format: (r: any) => r.ej.toFixed(2) }];
    expect(tableCsv(exportTable(en, [{ unit: 'Dinas A', ej: 0.5 }], 'en'), 'en')).toBe('\uFEFFUnit,EJ\r\nDinas A,0.50\r\n');
  });
  it('sheet names drop the characters Excel refuses and keep 31 characters', () => {
    expect(sheetName('Kepatuhan per aturan: 2023/2025 [semua]')).toBe('Kepatuhan per aturan  2023 2025');
  });
});
