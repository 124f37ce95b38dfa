import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { kindOfName, mapHeader, type HeaderMapping } from './aliases.ts';
import { missingColumnError } from './csv.ts';
import { IngestError } from './errors.ts';
import { HEADER_SEARCH_ROWS, findHeaderRow, noHeaderMessage, type HeaderCandidate } from './header.ts';
import { createRawTable, rawColumns } from './sql.ts';

export interface XlsxLoadResult {
  sheet: string;
  headerRow: number;
  rows: number;
  mapping: HeaderMapping;
  header: string[];
}

/** Excel shows at most 15 significant digits; keep what the user sees (12.300000000000001 → 12.3). */
const EXCEL_DIGITS = 15;

/** A number as a plain decimal string: no exponent (1e21 → 1000000000000000000000, 1.5e-7 → 0.00000015). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Number(n.toPrecision(EXCEL_DIGITS)));
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, ip, fp = '', e] = m;
  const digits = ip! + fp;
  const point = ip!.length + Number(e);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.includes('.') ? out.replace(/0+$/, '').replace(/\.$/, '') : out;
  return sign + out;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * An XLSX date cell as text: `YYYY-MM-DD`, with ` HH:MM:SS` when it has a time of day; a pure time (Excel
 * serial below 1, shown as 1899-12-30/31) as `HH:MM:SS`. exceljs builds the Date in UTC.
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds() + (d.getUTCMilliseconds() >= 500 ? 1 : 0);
  if (secs === 0 || secs === 86400) return date;
  const time = `${pad(Math.floor(secs / 3600) % 24)}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
  return d.getUTCFullYear() === 1899 && d.getUTCMonth() === 11 && d.getUTCDate() >= 30 ? time : `${date} ${time}`;
}

/** Excel number formats that show a date or time (quoted text and [colour]/[$-locale] parts removed). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(f) && !/^general$/i.test(f.trim());
}

function excelSerialToDate(v: number, date1904: boolean): Date {
  return new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400 * 1000));
}

/** The text of a cell value as the spreadsheet shows it (trimmed; empty → null). */
export function cellText(value: unknown, numFmt?: string, date1904 = false): string | null {
  let out: string | null;
  if (value === null || value === undefined) out = null;
  else if (typeof value === 'string') out = value;
  else if (typeof value === 'number') out = isDateFormat(numFmt) ? dateText(excelSerialToDate(value, date1904)) : plainNumber(value);
  else if (typeof value === 'boolean') out = value ? 'TRUE' : 'FALSE';
  else if (value instanceof Date) out = dateText(value);
  else if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) out = (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    else if ('result' in v || 'formula' in v || 'sharedFormula' in v) out = cellText(v.result, numFmt, date1904);
    else if ('error' in v) out = String(v.error);
    else if ('text' in v) out = cellText(v.text, numFmt, date1904);
    else out = null;
  } else out = String(value);
  if (out === null) return null;
  out = out.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  return out === '' ? null : out;
}

interface SheetLike {
  name?: string;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}

interface ReaderModel {
  sheets?: { name: string; state?: string }[];
}

function corrupt(file: string, err: unknown): IngestError {
  const msg = (err as Error)?.message ?? String(err);
  return new IngestError(
    file,
    `cannot read the workbook (${msg.split('\n')[0]}): the .xlsx file is damaged or not a real Excel workbook. ` +
      'Open it in Excel (or LibreOffice) and save it again as .xlsx, or export it as CSV UTF-8.',
    { cause: err },
  );
}

/** Check the file starts like a ZIP (every .xlsx is one) and give a precise message when it does not. */
async function checkSignature(path: string, file: string): Promise<void> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(8);
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return;
  if (head.readUInt32BE(0) === 0xd0cf11e0) {
    throw new IngestError(
      file,
      'this is not an .xlsx workbook but an old Excel 97-2003 file or a password-protected workbook. ' +
        'Open it in Excel, remove any password, and save it as .xlsx (Excel Workbook).',
    );
  }
  throw new IngestError(file, 'this is not an .xlsx workbook (it does not start like one). Save it from Excel as .xlsx, or as CSV UTF-8 with a .csv name.');
}

/**
 * Load the first visible sheet of an .xlsx (or the sheet named like the kind, e.g. `pegawai`) into `table`,
 * with exceljs's streaming reader and the DuckDB Appender. The header is the first of rows 1–30 that names
 * two known columns; `_row` is the sheet's own row number. Date cells become `YYYY-MM-DD`, numbers plain
 * decimals (Excel's 15 significant digits), formulas their cached result, rich text its text.
 */
export async function loadXlsx(conn: DuckDBConnection, kind: string, path: string, table: string, temporary = false): Promise<XlsxLoadResult> {
  const file = basename(path);
  await checkSignature(path, file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const readerAny = reader as unknown as { model?: ReaderModel; properties?: { model?: { date1904?: boolean } }; stream?: { destroy?: () => void } };
  let result: XlsxLoadResult | undefined;
  let seenSheets = 0;
  try {
    let target: string | undefined;
    for await (const ws of reader as unknown as AsyncIterable<SheetLike>) {
      seenSheets++;
      if (target === undefined) {
        const sheets = readerAny.model?.sheets ?? [];
        const named = sheets.find((s) => kindOfName(s.name) === kind);
        const visible = sheets.find((s) => !s.state || s.state === 'visible');
        target = named?.name ?? visible?.name ?? sheets[0]?.name ?? ws.name ?? '';
      }
      if ((ws.name ?? '') !== target && target !== '') {
        // read a skipped sheet to its end: exceljs deletes the sheet's temp file as soon as the iteration moves on,
        // and a read stream it opened lazily would then fail with an uncaught ENOENT
        for await (const _row of ws) void _row;
        continue;
      }
      result = await readSheet(conn, kind, file, table, ws, target || ws.name || '', readerAny.properties?.model?.date1904 === true, temporary);
      break;
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw corrupt(file, err);
  } finally {
    readerAny.stream?.destroy?.();
  }
  if (!result) {
    throw new IngestError(file, seenSheets === 0 ? 'the workbook has no worksheet (is it really an Excel workbook?)' : 'the workbook has no readable worksheet');
  }
  return result;
}

async function readSheet(
  conn: DuckDBConnection,
  kind: string,
  file: string,
  table: string,
  ws: SheetLike,
  sheet: string,
  date1904: boolean,
  temporary: boolean,
): Promise<XlsxLoadResult> {
  const candidates: HeaderCandidate[] = [];
  let header: string[] | undefined;
  let headerRow = 0;
  let mapping: HeaderMapping | undefined;
  let columns: { name: string; source: number | null }[] = [];
  let appender: Awaited<ReturnType<DuckDBConnection['createAppender']>> | undefined;
  let rows = 0;
  let pendingEmpty: number[] = [];

  const rowTexts = (row: ExcelJS.Row): string[] => {
    const out: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      out[colNumber - 1] = cellText(cell.value, cell.numFmt, date1904) ?? '';
    });
    for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = '';
    return out;
  };

  const appendRow = (rowNumber: number, values: (string | null)[]): void => {
    for (const v of values) {
      if (v === null) appender!.appendNull();
      else appender!.appendVarchar(v);
    }
    appender!.appendInteger(rowNumber); // _file and _id_style are generated columns
    appender!.endRow();
    rows++;
  };

  try {
  for await (const row of ws) {
    if (!header) {
      const cells = rowTexts(row);
      candidates.push({ row: row.number, cells });
      if (row.number > HEADER_SEARCH_ROWS) break;
      const found = findHeaderRow(kind, [{ row: row.number, cells }]);
      if (!found) continue;
      header = cells;
      headerRow = row.number;
      mapping = mapHeader(kind, header);
      if (mapping.missingRequired.length) throw missingColumnError(file, kind, mapping, header, headerRow);
      columns = rawColumns(kind, mapping);
      await createRawTable(conn, table, columns.map((c) => c.name), { file, idStyle: false, temporary });
      appender = await conn.createAppender(table);
      continue;
    }
    const values: (string | null)[] = columns.map((c) => {
      if (c.source === null) return null;
      const cell = row.getCell(c.source + 1);
      return cellText(cell.value, cell.numFmt, date1904);
    });
    if (values.every((v) => v === null)) {
      pendingEmpty.push(row.number);
      continue;
    }
    // an empty row followed by data is kept (only trailing empty rows are dropped)
    for (const r of pendingEmpty) appendRow(r, columns.map(() => null));
    pendingEmpty = [];
    appendRow(row.number, values);
  }
  } finally {
    appender?.closeSync();
  }
  if (!header || !mapping) {
    throw new IngestError(file, `sheet '${sheet}': ${noHeaderMessage(kind, candidates.find((c) => c.cells.some((x) => x))?.cells)}`);
  }
  return { sheet, headerRow, rows, mapping, header };
}
