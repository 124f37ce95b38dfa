import { open } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { countKnownColumns, mapHeader, type HeaderMapping } from './aliases.ts';
import { IngestError } from './errors.ts';
import { HEADER_SEARCH_ROWS, findHeaderRow, noHeaderMessage } from './header.ts';
import { recordLinesAt, scanTextFile } from './scan.ts';
import { createRawTable, dropTrailingEmptyRows, quoteIdent, quoteLiteral, rawColumns, rawInsertSql, rawSelectSql } from './sql.ts';

/** Delimiters tried on each candidate header line; `;` is the Indonesian Excel export. */
const DELIMITERS = [';', ',', '\t', '|'] as const;
/** Bytes read to find the header (30 lines of a sane CSV fit easily). */
const HEAD_BYTES = 1 << 20;

export interface CsvLayout {
  encoding: 'utf-8' | 'utf-16';
  /** 1-based line of the header */
  headerRow: number;
  delimiter: string;
  header: string[];
  /** byte offset just after the header line */
  headerEndOffset: number;
}

export interface CsvLoadResult {
  headerRow: number;
  delimiter: string;
  idNumberStyle: boolean;
  sha256: string;
  rows: number;
  mapping: HeaderMapping;
  header: string[];
}

/** Split one CSV line on `delim`, honouring double quotes (`""` inside quotes is a quote). */
export function splitCsvLine(line: string, delim: string): string[] {
  const out: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      inQuotes = true;
    } else if (line.startsWith(delim, i)) {
      out.push(field);
      field = '';
      i += delim.length - 1;
    } else field += ch;
  }
  out.push(field);
  return out;
}

function notUtf8(file: string, line?: number, cause?: unknown): IngestError {
  return new IngestError(
    file,
    'the file is not UTF-8 text (probably saved as ANSI/Latin-1 or another code page). ' +
      "Re-save it as UTF-8: in Excel choose 'Save As' → 'CSV UTF-8 (Comma delimited) (*.csv)'; " +
      "in LibreOffice tick 'Edit filter settings' and pick 'Unicode (UTF-8)'.",
    { ...(line !== undefined ? { row: line } : {}), cause },
  );
}

/** Read the start of the file, find the header line and the delimiter (docs/data-contract.md). */
export async function sniffCsv(path: string, kind: string): Promise<CsvLayout> {
  const file = basename(path);
  const fh = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    bytes = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  let encoding: CsvLayout['encoding'] = 'utf-8';
  let bomBytes = 0;
  let text: string;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    throw new IngestError(file, "the file is UTF-16 big-endian, which is not read: re-save it as 'CSV UTF-8'.");
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    // Excel's "Unicode Text (*.txt)": UTF-16LE, tab-delimited; DuckDB reads it with encoding = 'utf-16'
    encoding = 'utf-16';
    bomBytes = 2;
    const usable = bytes.length - ((bytes.length - 2) % 2);
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2, usable));
  } else {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bomBytes = 3;
    // decode whole lines only: the 1 MiB cut may split a multi-byte character
    const lastNl = bytes.length === HEAD_BYTES ? bytes.lastIndexOf(0x0a) : bytes.length - 1;
    const usable = bytes.subarray(bomBytes, Math.max(bomBytes, lastNl + 1));
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(usable);
    } catch (err) {
      // find the first bad line for the message
      let line = 1;
      for (const l of usable.toString('latin1').split('\n')) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(l, 'latin1'));
        } catch {
          break;
        }
        line++;
      }
      throw notUtf8(file, line, err);
    }
  }
  if (text.includes('\u0000')) {
    throw new IngestError(file, "the file contains NUL bytes: it is not a text CSV (is it a renamed Excel file? save it as 'CSV UTF-8').");
  }
  const lines = text.split('\n').slice(0, HEADER_SEARCH_ROWS).map((l) => l.replace(/\r$/, ''));
  let best: { row: number; delimiter: string; cells: string[] } | undefined;
  const candidates = lines.map((line, i) => {
    let pick = { delimiter: ',', cells: [line], score: -1 };
    for (const d of DELIMITERS) {
      const cells = splitCsvLine(line, d);
      const score = countKnownColumns(kind, cells);
      if (score > pick.score || (score === pick.score && cells.length > pick.cells.length)) pick = { delimiter: d, cells, score };
    }
    return { row: i + 1, cells: pick.cells, delimiter: pick.delimiter };
  });
  const found = findHeaderRow(kind, candidates);
  if (found) best = candidates[found.row - 1];
  if (!best) {
    throw new IngestError(file, noHeaderMessage(kind, candidates.find((c) => c.cells.some((x) => x.trim()))?.cells));
  }
  // byte offset after the header line (for telling blank lines in the data from those above the header)
  const through = text.split('\n').slice(0, best.row).join('\n') + '\n';
  const headerEndOffset = bomBytes + (encoding === 'utf-16' ? through.length * 2 : Buffer.byteLength(through));
  return { encoding, headerRow: best.row, delimiter: best.delimiter, header: best.cells, headerEndOffset };
}

export interface ReadOptions {
  nullPadding: boolean;
  parallel: boolean;
}

export function readCsvSql(path: string, layout: CsvLayout, opts: ReadOptions): string {
  const columns = layout.header.map((_, i) => `${quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  const args = [
    quoteLiteral(path),
    `columns = {${columns}}`,
    'auto_detect = false',
    'header = true',
    `skip = ${layout.headerRow - 1}`,
    `delim = ${quoteLiteral(layout.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    `encoding = ${quoteLiteral(layout.encoding)}`,
  ];
  if (opts.nullPadding) args.push('null_padding = true');
  if (!opts.parallel) args.push('parallel = false');
  else if (smallForOneBuffer(path)) args.push(`buffer_size = ${SMALL_BUFFER}`);
  return `read_csv(${args.join(', ')})`;
}

/**
 * DuckDB's CSV reader reads a file in buffers of 32 MB (16 × max_line_size) and a buffer is read by one thread,
 * so a smaller file was read by one core: a month's added ratings (7 MB, 100,000 rows) took 0.27 s in one pass
 * where buffers of 2 MiB took 0.17 s. Buffers stay at least max_line_size (2 MiB), the longest line read.
 */
const SMALL_BUFFER = 2 << 20;
const DEFAULT_BUFFER = 32 << 20;

function smallForOneBuffer(path: string): boolean {
  try {
    const size = statSync(path).size;
    return size > SMALL_BUFFER && size < DEFAULT_BUFFER;
  } catch {
    // read_csv reports a missing file itself
    return false;
  }
}

/** Map a DuckDB CSV error to an IngestError (or undefined when it should be retried with other options). */
export function mapCsvError(file: string, layout: CsvLayout, err: unknown, opts: ReadOptions): IngestError | 'pad' | 'serial' {
  const msg = (err as Error)?.message ?? String(err);
  const line = /CSV Error on Line: (\d+)/.exec(msg)?.[1];
  const row = line ? Number(line) : undefined;
  const where = row !== undefined ? { row } : {};
  if (/Invalid unicode|not utf-8 encoded/i.test(msg)) return notUtf8(file, row, err);
  const cols = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(msg);
  if (cols) {
    const expected = Number(cols[1]);
    const found = Number(cols[2]);
    if (found < expected && !opts.nullPadding) return 'pad';
    return new IngestError(
      file,
      `this row has ${found} values but the header (row ${layout.headerRow}) has ${expected} columns: ` +
        `a value probably contains an unquoted '${layout.delimiter === '\t' ? 'tab' : layout.delimiter}'. ` +
        'Put such values in double quotes, or fix the header.',
      { ...where, cause: err },
    );
  }
  if (/null_padding in conjunction with quoted new lines/i.test(msg) && opts.parallel) return 'serial';
  if (/Maximum line size/i.test(msg)) {
    return new IngestError(file, 'a line is longer than 2 MB: is the file really a CSV with one record per line?', { ...where, cause: err });
  }
  if (/unterminated quote|quote.*not.*terminated/i.test(msg)) {
    return new IngestError(file, 'a quoted value is never closed (a stray double quote)', { ...where, cause: err });
  }
  const first = msg.split('\n').slice(0, 3).join(' ').trim();
  return new IngestError(file, `cannot read the CSV: ${first}`, { ...where, cause: err });
}

/**
 * Load a CSV (or .txt) file into `table` with DuckDB's `read_csv` (all VARCHAR, explicit delimiter, header
 * and skip, no type sniffing). Row numbers: INSERT … SELECT from `read_csv` keeps file order (DuckDB's
 * `preserve_insertion_order`, on by default, also for the parallel CSV reader) and the new table's `rowid`
 * follows it, so `_row = rowid + header row + 1`, plus one for every blank line above the row
 * (DuckDB skips blank lines; they are found in the same pass that computes the sha256).
 */
export async function loadCsv(conn: DuckDBConnection, kind: string, path: string, table: string, temporary = false): Promise<CsvLoadResult> {
  const file = basename(path);
  const layout = await sniffCsv(path, kind);
  const mapping = mapHeader(kind, layout.header);
  if (mapping.missingRequired.length) throw missingColumnError(file, kind, mapping, layout.header, layout.headerRow);
  const idStyle = layout.delimiter === ';';
  const unit = layout.encoding === 'utf-16' ? 2 : 1;
  const scan = scanTextFile(path, unit);
  scan.catch(() => undefined); // awaited below; avoid an unhandled rejection while DuckDB runs
  const names = rawColumns(kind, mapping).map((c) => c.name);
  // temporary: the rows go to a temp table `<table>__data` and `<table>` is a temp view over it (see below)
  const dataTable = temporary ? `${table}__data` : table;
  let opts: ReadOptions = { nullPadding: false, parallel: true };
  for (;;) {
    await createRawTable(conn, dataTable, names, { file, idStyle, temporary });
    const insert = rawInsertSql(dataTable, kind, mapping, (i) => quoteIdent(`c${i}`), readCsvSql(path, layout, opts), {
      row: 'NULL',
      emptyIsNull: false,
    });
    try {
      await conn.run(insert);
      break;
    } catch (err) {
      const mapped = mapCsvError(file, layout, err, opts);
      if (mapped === 'pad') opts = { ...opts, nullPadding: true };
      else if (mapped === 'serial') opts = { ...opts, parallel: false };
      else throw mapped;
    }
  }
  const { sha256, blankLineOffsets, lastContentOffset } = await scan;
  const rows = await dropTrailingEmptyRows(conn, dataTable, names);
  const blanks = blankLineOffsets.filter((o) => o >= layout.headerEndOffset && o < lastContentOffset);
  if (temporary && blanks.length === 0) {
    // no UPDATE: a temp view gives `_row` from the rowid (the data table is never modified after this)
    const cols = [...names.map((n) => quoteIdent(n)), '_file', `CAST(rowid + ${layout.headerRow + 1} AS INTEGER) AS _row`, '_id_style'];
    await conn.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(table)} AS SELECT ${cols.join(', ')} FROM ${quoteIdent(dataTable)}`);
  } else {
    await numberRows(conn, dataTable, path, layout, unit, blanks);
    if (temporary) await conn.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(table)} AS SELECT * FROM ${quoteIdent(dataTable)}`);
  }
  return { headerRow: layout.headerRow, delimiter: layout.delimiter, idNumberStyle: idStyle, sha256, rows, mapping, header: layout.header };
}

/** Set `_row`: rowid + header row + 1, shifted by the blank lines (skipped by DuckDB) above each row. */
async function numberRows(conn: DuckDBConnection, table: string, path: string, layout: CsvLayout, unit: 1 | 2, blanks: number[]): Promise<void> {
  const t = quoteIdent(table);
  const base = layout.headerRow + 1;
  if (blanks.length === 0) {
    await conn.run(`UPDATE ${t} SET _row = (rowid + ${base})::INTEGER`);
    return;
  }
  // blank line k (1-based among those below the header) on line L has (L − header − 1) − (k − 1) records
  // above it; every row from that record on moves down by k. L counts the line breaks outside quoted values (a
  // value with line breaks is one record); an empty line inside a quoted value is part of the value, not a blank line
  const lines = (await recordLinesAt(path, blanks, unit)).filter((l): l is number => l !== null);
  await conn.run('CREATE OR REPLACE TEMP TABLE _seimbang_blank_shift (start_rec BIGINT, shift INTEGER)');
  const app = await conn.createAppender('_seimbang_blank_shift');
  lines.forEach((line, i) => {
    app.appendBigInt(BigInt(line - layout.headerRow - 1 - i));
    app.appendInteger(i + 1);
    app.endRow();
  });
  app.closeSync();
  await conn.run(
    `UPDATE ${t} SET _row = (${t}.rowid + ${base} + coalesce(s.shift, 0))::INTEGER
     FROM (SELECT x.rowid AS rid, b.shift
           FROM ${t} x ASOF LEFT JOIN (SELECT start_rec, max(shift) AS shift FROM _seimbang_blank_shift GROUP BY start_rec) b
           ON x.rowid >= b.start_rec) s
     WHERE ${t}.rowid = s.rid`,
  );
  await conn.run('DROP TABLE _seimbang_blank_shift');
}

export function missingColumnError(file: string, kind: string, mapping: HeaderMapping, header: readonly string[], headerRow: number): IngestError {
  const missing = mapping.missingRequired;
  const found = header.filter((h) => h.trim() !== '');
  return new IngestError(
    file,
    `required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing for ${kind}; ` +
      `the header on row ${headerRow} has: ${found.join(', ')} (accepted names and aliases: pipeline/ingest/aliases.ts)`,
    { column: missing[0]!, row: headerRow },
  );
}

/**
 * A CSV read where it is used, without a raw table (the one-pass loads, pipeline/warehouse/one-pass.ts): the
 * header found and mapped as `loadCsv` does, and the SELECT that gives the raw layer's rows in file order.
 * The sha256 and the blank lines are found by a scan that runs while DuckDB reads.
 */
export interface CsvSource {
  file: string;
  layout: CsvLayout;
  mapping: HeaderMapping;
  idStyle: boolean;
  unit: 1 | 2;
  scan: ReturnType<typeof scanTextFile>;
  /** the raw rows (see rawSelectSql) read with these options */
  select(opts: ReadOptions): string;
}

export async function openCsvSource(kind: string, path: string): Promise<CsvSource> {
  const file = basename(path);
  const layout = await sniffCsv(path, kind);
  const mapping = mapHeader(kind, layout.header);
  if (mapping.missingRequired.length) throw missingColumnError(file, kind, mapping, layout.header, layout.headerRow);
  const idStyle = layout.delimiter === ';';
  const unit = layout.encoding === 'utf-16' ? 2 : 1;
  const scan = scanTextFile(path, unit);
  scan.catch(() => undefined); // awaited by the caller after DuckDB's read
  return {
    file, layout, mapping, idStyle, unit, scan,
    select: (opts) => rawSelectSql(kind, mapping, (i) => quoteIdent(`c${i}`), readCsvSql(path, layout, opts), { file, idStyle }),
  };
}

/**
 * Where rows move down because of blank lines above them (DuckDB skips blank lines): from record `start` (0-based,
 * in file order) on, the spreadsheet row is record + header row + 1 + `shift`. Empty when there are none.
 */
export async function blankLineShifts(path: string, layout: CsvLayout, unit: 1 | 2, blankOffsets: readonly number[], lastContentOffset: number): Promise<{ start: number; shift: number }[]> {
  const blanks = blankOffsets.filter((o) => o >= layout.headerEndOffset && o < lastContentOffset);
  if (blanks.length === 0) return [];
  // blank line k (1-based among those below the header) on line L has (L − header − 1) − (k − 1) records above it
  // (L and the blank lines as in numberRows: line breaks inside quoted values do not count)
  const lines = (await recordLinesAt(path, blanks, unit)).filter((l): l is number => l !== null);
  return lines.map((line, i) => ({ start: line - layout.headerRow - 1 - i, shift: i + 1 }));
}
