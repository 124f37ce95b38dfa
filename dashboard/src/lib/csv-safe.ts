/**
 * CSV cells that a spreadsheet cannot run (OWASP, "CSV Injection"). A cell whose text starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (also after leading spaces, and the full-width ＝ ＋ － ＠ some spreadsheets
 * accept) is read as a formula by Excel, LibreOffice and Google Sheets, whatever the quoting: such a cell gets a
 * leading apostrophe, which the spreadsheet shows as text. A plain number (`-12.5`, `+3`, `-1.2e-5`) is left as it
 * is: it is parsed as a number, never as a formula, so negative values stay numbers in the sheet.
 * Shared by the server's CSV answers (lib/server/csv.ts) and the table downloads built in the browser
 * (lib/table-export.ts, CSV and XLSX).
 */
const FORMULA_START = /^[\s]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/** one field: quoted when it holds a quote, separator (`,` or `;`) or line break, or starts or ends with a space */
export function csvField(s: string): string {
  return /[",;\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
