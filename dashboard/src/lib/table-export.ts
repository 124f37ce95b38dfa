/**
 * Table downloads people can open (issue 16): every data table of a page as XLSX and as CSV, built in the browser
 * from the table's own columns — headers in the page's language, values rounded as the page shows them — so the
 * file says what the screen says.
 * - CSV: Indonesian uses `;` between fields and a decimal comma (what Excel with Indonesian regional settings
 *   expects), English `,` and a decimal point; UTF-8 with a BOM (Excel otherwise reads it as ANSI), CRLF.
 * - XLSX (exceljs, loaded only when asked for): numbers as numbers with the page's decimals, percentages as
 *   percentages, a bold frozen header.
 * - A column of minutes (key ending `_minutes`) also gets the minutes themselves beside the hours the page shows.
 * - Text cells that a spreadsheet would run as a formula are neutralised (lib/csv-safe.ts), in both formats.
 */
import { csvField, neutraliseFormula } from './csv-safe';
import type { Lang } from './params';

export interface ExportColumn {
  key: string;
  label: string;
  format?: (row: any) => string;
  numeric?: boolean;
}

export type ExportCell =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number; decimals: number; percent: boolean }
  | { kind: 'empty' };

export interface ExportTable {
  header: string[];
  rows: ExportCell[][];
}

const MINUTES = { id: 'menit', en: 'minutes' } as const;

/**
 * A number as the page shows it ("1.234,5", "+0,12", "50,0 %", "1,234.5") → its value, decimals and whether it is a
 * percentage; null when the text is not a number ("–", "< 5").
 */
export function parseShownNumber(text: string, lang: Lang): { value: number; decimals: number; percent: boolean } | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  const [group, dec] = lang === 'id' ? ['.', ','] : [',', '.'];
  if (!/^[+-]?[\d.,]+$/.test(s)) return null;
  s = s.split(group).join('');
  const parts = s.split(dec);
  if (parts.length > 2) return null;
  const decimals = parts.length === 2 ? parts[1]!.length : 0;
  const value = Number(parts.join('.'));
  if (!Number.isFinite(value)) return null;
  return { value: percent ? value / 100 : value, decimals, percent };
}

/** The table as cells: header labels, each cell as the page shows it (numbers parsed back, rounded as shown). */
export function exportTable(columns: readonly ExportColumn[], rows: readonly any[], lang: Lang): ExportTable {
  const header: string[] = [];
  const getters: ((r: any) => ExportCell)[] = [];
  for (const c of columns) {
    header.push(c.label);
    getters.push((r) => {
      const raw = r[c.key];
      const text = c.format ? c.format(r) : raw == null ? '' : Array.isArray(raw) ? raw.join(', ') : String(raw);
      if (text === '' || text === '–') return { kind: 'empty' };
      if (c.numeric) {
        const n = parseShownNumber(text, lang);
        if (n) return { kind: 'number', ...n };
      }
      return { kind: 'text', text };
    });
    if (/_minutes$/.test(c.key)) {
      header.push(`${c.label} (${MINUTES[lang]})`);
      getters.push((r) => {
        const v = Number(r[c.key]);
        return r[c.key] == null || !Number.isFinite(v) ? { kind: 'empty' } : { kind: 'number', value: Math.round(v), decimals: 0, percent: false };
      });
    }
  }
  return { header, rows: rows.map((r) => getters.map((g) => g(r))) };
}

/** a number with the page's decimals, in the language's decimal mark, without grouping (spreadsheets parse it) */
function csvNumber(c: { value: number; decimals: number; percent: boolean }, lang: Lang): string {
  const s = (c.percent ? c.value * 100 : c.value).toFixed(c.decimals);
  return `${lang === 'id' ? s.replace('.', ',') : s}${c.percent ? '%' : ''}`;
}

export function tableCsv(t: ExportTable, lang: Lang): string {
  const sep = lang === 'id' ? ';' : ',';
  const cell = (c: ExportCell) => (c.kind === 'empty' ? '' : c.kind === 'number' ? csvNumber(c, lang) : csvField(neutraliseFormula(c.text)));
  const lines = [t.header.map((h) => csvField(neutraliseFormula(h))).join(sep), ...t.rows.map((r) => r.map(cell).join(sep))];
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** an Excel sheet name: at most 31 characters, none of : \ / ? * [ ] */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Data';
}

export async function tableXlsx(t: ExportTable, title: string): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Seimbang';
  const ws = wb.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(t.header.map(neutraliseFormula)).font = { bold: true };
  for (const r of t.rows) {
    const row = ws.addRow(r.map((c) => (c.kind === 'empty' ? null : c.kind === 'number' ? c.value : neutraliseFormula(c.text))));
    r.forEach((c, i) => {
      if (c.kind === 'number') row.getCell(i + 1).numFmt = `${c.decimals ? `0.${'0'.repeat(c.decimals)}` : '0'}${c.percent ? '%' : ''}`;
    });
  }
  t.header.forEach((h, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, h.length + 2, ...t.rows.slice(0, 200).map((r) => (r[i]?.kind === 'text' ? (r[i] as { text: string }).text.length + 2 : 10))));
  });
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** a file name from a title: lower case, ASCII letters and digits, dashes */
export function fileStem(title: string): string {
  return title.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-').slice(0, 60) || 'tabel';
}

/** Start a download of a file built in the browser. */
export function saveFile(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
