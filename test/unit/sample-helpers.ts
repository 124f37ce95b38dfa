/**
 * Test helpers for the sample generator: an independent reader of the generated files (CSV with quotes,
 * the mixed date/NIP/golongan spellings, XLSX via exceljs) so the tests re-derive facts from the files rather
 * than from the generator's own structures.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';

/** RFC 4180 CSV (quotes, doubled quotes); strips a BOM; returns header + rows of strings */
export function readCsv(path: string, delimiter: ',' | ';'): { header: string[]; rows: string[][] } {
  let text = readFileSync(path, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: string[][] = [];
  // fast path: lines without quotes split directly; a line with a quote is parsed character by character
  // (quoted fields with line breaks do not occur in the sample)
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (!line.includes('"')) {
      rows.push(line.split(delimiter));
      continue;
    }
    const row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += c;
      } else if (c === '"') quoted = true;
      else if (c === delimiter) {
        row.push(field);
        field = '';
      } else field += c;
    }
    row.push(field);
    rows.push(row);
  }
  return { header: rows[0], rows: rows.slice(1) };
}

/** rows as objects keyed by header */
export function readCsvObjects(path: string, delimiter: ',' | ';'): Record<string, string>[] {
  const { header, rows } = readCsv(path, delimiter);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maret: 3, april: 4, mei: 5, juni: 6, juli: 7, agustus: 8, september: 9, oktober: 10, november: 11, desember: 12,
};

/** `2024-01-12`, `12-01-2024`, `12 Januari 2024` → `2024-01-12`; null when not a real date */
export function parseDate(text: string): string | null {
  let y: number, m: number, d: number;
  let match: RegExpMatchArray | null;
  if ((match = text.match(/^(\d{4})-(\d{2})-(\d{2})$/))) [y, m, d] = [+match[1], +match[2], +match[3]];
  else if ((match = text.match(/^(\d{2})-(\d{2})-(\d{4})$/))) [d, m, y] = [+match[1], +match[2], +match[3]];
  else if ((match = text.match(/^(\d{1,2}) ([A-Za-z]+) (\d{4})$/)) && MONTHS[match[2].toLowerCase()]) [d, m, y] = [+match[1], MONTHS[match[2].toLowerCase()], +match[3]];
  else return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

export function dateStyle(text: string): 'iso' | 'dmy' | 'long' | null {
  return /^\d{4}-/.test(text) ? 'iso' : /^\d{2}-\d{2}-\d{4}$/.test(text) ? 'dmy' : /^\d{1,2} [A-Za-z]+ \d{4}$/.test(text) ? 'long' : null;
}

/** days between two ISO dates */
export function daysBetween(a: string, b: string): number {
  return (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** PNS golongan in any of the written forms → `III/a`; null when not a real golongan */
export function parseGolongan(text: string): string | null {
  const m = text.trim().match(/^(IV|III|II|I|[1-4])\s*[/\- ]?\s*([a-eA-E])$/);
  if (!m) return null;
  const roman = /^\d$/.test(m[1]) ? ROMAN[Number(m[1]) - 1] : m[1];
  const letter = m[2].toLowerCase();
  if (letter === 'e' && roman !== 'IV') return null;
  return `${roman}/${letter}`;
}

export const EDU = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'];

/** sha256 of every file under `dir` (relative path → hex) */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** first sheet of an XLSX as arrays of cell values (1-based row numbers kept: index 0 = row 1) */
export async function readXlsx(path: string): Promise<(string | number | Date | null)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const out: (string | number | Date | null)[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: (string | number | Date | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === undefined || v === null ? null : (v as string | number | Date));
    }
    out.push(cells);
  }
  return out;
}
