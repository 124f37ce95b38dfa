/**
 * CSV cells that a spreadsheet cannot run (OWASP, "CSV Injection"). A cell whose text starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (also after leading spaces, and the full-width ＝ ＋ － ＠ some spreadsheets
 * accept) is read as a formula by Excel, LibreOffice and Google Sheets, whatever the quoting: such a cell gets a
 * leading apostrophe, which the spreadsheet shows as text. A plain number (`-12.5`, `+3`, `-1.2e-5`) is left as it
 * is: it is parsed as a number, never as a formula, so negative values stay numbers in the sheet.
 */
import { csvField, neutraliseFormula } from '../csv-safe';

export { csvField, neutraliseFormula };

/** a whole CSV file (BOM for spreadsheets, CRLF) from a header and rows of cell texts, every cell neutralised */
export function csvFile(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) =>
    cells.map((c) => (c === null ? '' : csvField(typeof c === 'number' ? String(c) : neutraliseFormula(c)))).join(',');
  return '\uFEFF' + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
