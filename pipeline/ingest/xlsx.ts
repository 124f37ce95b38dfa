import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { kindOfName, mapHeader, type HeaderMapping } from './aliases.ts';
import { missingColumnError } from './csv.ts';
import { IngestError } from './errors.ts';
import { HEADER_SEARCH_ROWS, findHeaderRow, noHeaderMessage, type HeaderCandidate } from './header.ts';
import { createRawTable, quoteIdent, quoteLiteral, rawColumns, yearMonthText } from './sql.ts';
import { NUMBER_COLUMNS, addNumberEvidence, emptyEvidence, type NumberEvidence } from './profile.ts';
import { readZipDirectory, readZipEntry, ZipStructureError, type ZipEntry } from './zip.ts';

export interface XlsxLoadResult {
  sheet: string;
  headerRow: number;
  rows: number;
  mapping: HeaderMapping;
  header: string[];
  /** number evidence of the text cells of the number columns (number cells have no separators): profile.ts */
  numberEvidence: Record<string, NumberEvidence>;
  /** cells whose value could not be taken as it is (a formula without a saved result, a NIP Excel rounded) */
  cellIssues: CellIssue[];
}

/** One cell the reader could not take as it is; staging quarantines its row with this reason. */
export interface CellIssue {
  row: number;
  column: string;
  value: string | null;
  reason: string;
}

export const FORMULA_WITHOUT_RESULT =
  'formula without a saved result (the file was saved by a tool that does not compute formulas): open it in Excel or LibreOffice and save it again, or paste the values';
export const ROUNDED_BY_EXCEL =
  'an 18-digit NIP stored as a number: Excel keeps only 15 digits, so the last ones are lost; format the column as Text and enter the NIPs again';

/** A number cell too large for a double to hold every digit: its digits are read from the sheet XML. */
const EXACT_DIGITS_FROM = 1e15;

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

/**
 * Check the workbook's ZIP structure before streaming it: exceljs's streaming reader never finishes on a
 * truncated file (its unzip stream waits for bytes that never come), so a cut file must be refused first.
 */
function checkStructure(path: string, file: string): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(path);
  } catch (err) {
    if (err instanceof ZipStructureError) {
      throw new IngestError(file, `the workbook is damaged or not a real Excel workbook: ${err.message}. Copy or download it again, or open it in Excel and save it again as .xlsx.`, { cause: err });
    }
    throw err;
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new IngestError(file, 'this ZIP archive is not an Excel workbook (it has no xl/workbook.xml). Save the data from Excel as .xlsx, or as CSV UTF-8.');
  }
  return entries;
}

/**
 * Load the first visible sheet of an .xlsx (or the sheet named like the kind, e.g. `pegawai`) into `table`,
 * with exceljs's streaming reader and the DuckDB Appender. The header is the first of rows 1–30 that names
 * two known columns; `_row` is the sheet's own row number. Date cells become `YYYY-MM-DD`, numbers plain
 * decimals (Excel's 15 significant digits), formulas their cached result, rich text its text.
 */
export async function loadXlsx(
  conn: DuckDBConnection,
  kind: string,
  path: string,
  table: string,
  temporary = false,
  limits: { stallSeconds?: number } = {},
): Promise<XlsxLoadResult> {
  const file = basename(path);
  const entries = checkStructure(path, file);
  const stallMs = Math.max(1, Math.round((limits.stallSeconds ?? 120) * 1000));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const readerAny = reader as unknown as { model?: ReaderModel; properties?: { model?: { date1904?: boolean } }; stream?: { destroy?: () => void } };
  let result: SheetResult | undefined;
  let seenSheets = 0;
  // a time limit on the reader: no row for stallMs stops it (a damaged part can leave the unzip stream waiting)
  let lastProgress = Date.now();
  const tick = (): void => {
    lastProgress = Date.now();
  };
  let stallTimer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    const check = (): void => {
      const idle = Date.now() - lastProgress;
      if (idle >= stallMs) {
        readerAny.stream?.destroy?.();
        reject(new IngestError(file, `reading the workbook stopped making progress for ${Math.round(stallMs / 1000)} s (settings input.reader_stall_seconds): the file is probably damaged. Open it in Excel and save it again as .xlsx, or export it as CSV UTF-8.`));
      } else stallTimer = setTimeout(check, stallMs - idle);
    };
    stallTimer = setTimeout(check, stallMs);
  });
  stalled.catch(() => undefined);
  const work = (async () => {
    let target: string | undefined;
    for await (const ws of reader as unknown as AsyncIterable<SheetLike>) {
      seenSheets++;
      if (target === undefined) {
        const sheets = readerAny.model?.sheets ?? [];
        const named = sheets.find((s) => kindOfName(s.name) === kind);
        const visible = sheets.find((s) => !s.state || s.state === 'visible');
        target = named?.name ?? visible?.name ?? sheets[0]?.name ?? ws.name ?? '';
      }
      // a skipped sheet is read to its end (below): exceljs deletes the sheet's temp file as soon as the iteration
      // moves on, and a read stream it opened lazily would then fail with an uncaught ENOENT
      tick();
      if ((ws.name ?? '') !== target && target !== '') {
        for await (const _row of ws) tick();
        continue;
      }
      result = await readSheet(conn, kind, file, table, ws, target || ws.name || '', readerAny.properties?.model?.date1904 === true, temporary, tick);
      break;
    }
  })();
  work.catch(() => undefined); // observed by the race below; a late rejection after a stall is not unhandled
  try {
    await Promise.race([work, stalled]);
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw corrupt(file, err);
  } finally {
    clearTimeout(stallTimer);
    readerAny.stream?.destroy?.();
  }
  if (result && result.bigNumbers.length) await exactDigits(conn, path, entries, table, result);
  if (!result) {
    throw new IngestError(file, seenSheets === 0 ? 'the workbook has no worksheet (is it really an Excel workbook?)' : 'the workbook has no readable worksheet');
  }
  const { bigNumbers: _big, ...out } = result;
  return out;
}

interface SheetResult extends XlsxLoadResult {
  /** number cells of at least 16 digits, whose exact digits are looked up in the sheet XML */
  bigNumbers: { row: number; address: string; column: string }[];
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
  tick: () => void,
): Promise<SheetResult> {
  const candidates: HeaderCandidate[] = [];
  let header: string[] | undefined;
  let headerRow = 0;
  let mapping: HeaderMapping | undefined;
  let columns: { name: string; source: number | null; month?: number }[] = [];
  let appender: Awaited<ReturnType<DuckDBConnection['createAppender']>> | undefined;
  let rows = 0;
  let pendingEmpty: number[] = [];
  const numberEvidence: Record<string, NumberEvidence> = {};
  const cellIssues: CellIssue[] = [];
  const bigNumbers: SheetResult['bigNumbers'] = [];
  const numberCols = new Set(NUMBER_COLUMNS[kind] ?? []);

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
    tick();
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
      if (c.month !== undefined) {
        const y = row.getCell(c.source + 1);
        const m = row.getCell(c.month + 1);
        return yearMonthText(cellText(y.value, y.numFmt, date1904), cellText(m.value, m.numFmt, date1904));
      }
      const cell = row.getCell(c.source + 1);
      const v = cell.value as unknown;
      const text = cellText(v, cell.numFmt, date1904);
      if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (v as { result?: unknown }).result == null) {
        const f = (v as { formula?: string; sharedFormula?: string }).formula || (v as { sharedFormula?: string }).sharedFormula;
        cellIssues.push({ row: row.number, column: c.name, value: f ? `=${f}` : null, reason: FORMULA_WITHOUT_RESULT });
      } else if (typeof v === 'number' && Math.abs(v) >= EXACT_DIGITS_FROM && Number.isInteger(v) && !isDateFormat(cell.numFmt)) {
        bigNumbers.push({ row: row.number, address: cell.address, column: c.name });
      } else if (text !== null && numberCols.has(c.name) && (typeof v === 'string' || (v !== null && typeof v === 'object' && 'richText' in v))) {
        addNumberEvidence((numberEvidence[c.name] ??= emptyEvidence()), text);
      }
      return text;
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
  return { sheet, headerRow, rows, mapping, header, numberEvidence, cellIssues, bigNumbers };
}

/** `sheet name → part path` from xl/workbook.xml and its relationships. */
function sheetPart(path: string, entries: ZipEntry[], sheet: string): string | undefined {
  const part = (name: string) => entries.find((e) => e.name === name);
  const wb = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return undefined;
  const wbXml = readZipEntry(path, wb).toString('utf8');
  const relsXml = readZipEntry(path, rels).toString('utf8');
  const decode = (x: string) => x.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    if (name === undefined || decode(name) !== sheet || !rid) continue;
    for (const r of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/\bId="([^"]*)"/.exec(r[0])?.[1] !== rid) continue;
      const target = /\bTarget="([^"]*)"/.exec(r[0])?.[1];
      if (!target) return undefined;
      return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    }
  }
  return undefined;
}

/**
 * Number cells of 16 or more digits (18-digit NIPs typed as numbers): a double cannot hold every digit, so read
 * them from the sheet XML. Where the file holds all the digits (`<v>196608011988031001</v>`, as some tools write),
 * the raw value becomes those digits; where Excel itself rounded (`1.96608011988031E+17`, or 15 significant digits
 * and zeros) the digits are gone, and the cell is quarantined with that reason.
 */
async function exactDigits(conn: DuckDBConnection, path: string, entries: ZipEntry[], table: string, r: SheetResult): Promise<void> {
  const partName = sheetPart(path, entries, r.sheet);
  const part = partName ? entries.find((e) => e.name === partName) : undefined;
  const wanted = new Map(r.bigNumbers.map((b) => [b.address, b]));
  const found = new Map<string, string>();
  if (part) {
    const xml = readZipEntry(path, part).toString('utf8');
    for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      if (!wanted.has(m[1]!)) continue;
      const v = /<v>([^<]*)<\/v>/.exec(m[2] ?? '')?.[1]?.trim();
      if (v !== undefined) found.set(m[1]!, v);
    }
  }
  const exact: { row: number; column: string; digits: string }[] = [];
  for (const b of r.bigNumbers) {
    const raw = found.get(b.address);
    // all the digits, and more than a double's 15 significant ones: exact (a value ending in zeros is ambiguous)
    if (raw !== undefined && /^-?\d{16,}$/.test(raw) && !/0{3}$/.test(raw)) exact.push({ row: b.row, column: b.column, digits: raw });
    else if (b.column === 'nip') r.cellIssues.push({ row: b.row, column: b.column, value: raw ?? null, reason: ROUNDED_BY_EXCEL });
  }
  if (exact.length === 0) return;
  // one UPDATE per column from a temp table (a whole column of NIPs typed as numbers is common)
  await conn.run('CREATE OR REPLACE TEMP TABLE _seimbang_exact_digits (_row INTEGER, "column" VARCHAR, digits VARCHAR)');
  const app = await conn.createAppender('_seimbang_exact_digits', 'main', 'temp');
  for (const e of exact) {
    app.appendInteger(e.row);
    app.appendVarchar(e.column);
    app.appendVarchar(e.digits);
    app.endRow();
  }
  app.closeSync();
  for (const column of new Set(exact.map((e) => e.column))) {
    await conn.run(
      `UPDATE ${quoteIdent(table)} AS t SET ${quoteIdent(column)} = x.digits FROM temp.main._seimbang_exact_digits x
       WHERE x."column" = ${quoteLiteral(column)} AND t._row = x._row`,
    );
  }
  await conn.run('DROP TABLE temp.main._seimbang_exact_digits');
}
