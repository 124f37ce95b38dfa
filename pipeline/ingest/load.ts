/**
 * The raw layer: read one input file per record kind into a DuckDB table `raw_<kind>` — the file's rows as
 * text under canonical column names (docs/data-contract.md), untyped; the staging SQL types them with the
 * macros of pipeline/models/macros/normalise.sql.
 *
 * `raw_<kind>` has one VARCHAR column per canonical column of the kind (missing optional columns are NULL),
 * then the file's unknown columns under their folded header names, then
 *   _file VARCHAR      base name of the file
 *   _row INTEGER       row number as a spreadsheet shows it (title and header rows counted; Parquet: record + 2)
 *   _id_style BOOLEAN  true for a semicolon CSV, whose numbers use dots as thousands separators
 * A value that starts or ends with a space, tab or no-break space (or ends with a CR) is trimmed of those
 * and of line breaks; an empty value is NULL. Empty rows at the end of a file are dropped; other rows are
 * kept as they are (a CSV's blank lines, which DuckDB skips, and sheet rows without any cell give no row but
 * still count in `_row`).
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { kindSpec, type HeaderMapping } from './aliases.ts';
import { loadCsv } from './csv.ts';
import { FORMAT_OF_EXTENSION } from './discover.ts';
import { IngestError } from './errors.ts';
import { loadParquet } from './parquet.ts';
import { sha256File } from './scan.ts';
import { dropTempObjects, quoteLiteral } from './sql.ts';
import type { NumberEvidence } from './profile.ts';
import { loadXlsx, type CellIssue } from './xlsx.ts';
import { binaryFormat, fileHead } from './magic.ts';

export { discoverInputs, missingRequiredKinds } from './discover.ts';
export { IngestError } from './errors.ts';
export { KINDS, KIND_NAMES, foldHeader } from './aliases.ts';

export interface RawFile {
  kind: string;
  /** base name */
  file: string;
  path: string;
  format: 'csv' | 'xlsx' | 'parquet';
  /** XLSX: the sheet read */
  sheet?: string;
  /** row number of the header (Parquet: 1) */
  headerRow: number;
  /** CSV: the delimiter found */
  delimiter?: string;
  /** semicolon CSV: dots in numbers are thousands separators */
  idNumberStyle: boolean;
  sha256: string;
  /** data rows loaded (trailing empty rows not counted) */
  rows: number;
  /** header names of the file's columns that map to no canonical column (kept in the raw table under their
   *  folded names); columns without a header are dropped and not listed */
  unusedColumns: string[];
  /** canonical columns the header supplies */
  mappedColumns: string[];
  /** XLSX: number evidence of the text cells of number columns (pipeline/ingest/profile.ts) */
  numberEvidence?: Record<string, NumberEvidence>;
  /** Parquet: canonical columns read from typed (non-text) columns */
  typedColumns?: string[];
  /** cells quarantined by the reader (raw_cell_issue): formulas without a saved result, NIPs Excel rounded */
  cellIssues: number;
}

/** Header names of the unused columns; cells with an empty header (e.g. after a trailing delimiter) are left out. */
const unusedHeaders = (m: HeaderMapping): string[] => m.unused.filter((u) => u.column !== null).map((u) => u.header);

/** Name of the raw table of a kind. */
export const rawTableName = (kind: string): string => `raw_${kind}`;

export interface LoadOptions {
  /**
   * Keep the raw data in TEMP storage: never written to the database file (a file-backed build saves the write
   * and compression of data it drops at the end anyway), gone when the connection closes. For a CSV,
   * `raw_<kind>` is then a TEMP VIEW over the temp table `raw_<kind>__data` that computes `_row` from the
   * rowid, which saves the UPDATE that fills `_row` (≈ 10 % of a large CSV load). Default false: `raw_<kind>`
   * is a table in the main database (what `--keep-staging` needs).
   */
  temporary?: boolean;
  /** stop a reader that runs longer than this (settings input.reader_time_limit_seconds) */
  timeLimitSeconds?: number;
  /** stop an XLSX reader that delivers no row for this long (settings input.reader_stall_seconds) */
  stallSeconds?: number;
}

/** The reader-found cell problems of every file, one row per cell; staging adds them to its rows' `_issues`. */
export const CELL_ISSUE_TABLE = 'raw_cell_issue';

export async function recordCellIssues(conn: DuckDBConnection, kind: string, issues: readonly CellIssue[]): Promise<void> {
  const exists = (await conn.runAndReadAll(`SELECT 1 FROM duckdb_tables() WHERE database_name = 'temp' AND table_name = '${CELL_ISSUE_TABLE}'`)).getRows().length > 0;
  if (!exists && issues.length === 0) return;
  await conn.run(`CREATE TEMP TABLE IF NOT EXISTS ${CELL_ISSUE_TABLE} (kind VARCHAR, _row INTEGER, "column" VARCHAR, "value" VARCHAR, reason VARCHAR)`);
  await conn.run(`DELETE FROM ${CELL_ISSUE_TABLE} WHERE kind = ${quoteLiteral(kind)}`);
  if (issues.length === 0) return;
  const app = await conn.createAppender(CELL_ISSUE_TABLE, 'main', 'temp');
  for (const i of issues) {
    app.appendVarchar(kind);
    app.appendInteger(i.row);
    app.appendVarchar(i.column);
    if (i.value === null) app.appendNull();
    else app.appendVarchar(i.value);
    app.appendVarchar(i.reason);
    app.endRow();
  }
  app.closeSync();
}

/**
 * Run a reader under a time limit: when it expires, DuckDB's running query is interrupted and the load fails
 * with a message naming the file and the setting.
 */
export async function withTimeLimit<T>(conn: DuckDBConnection, file: string, seconds: number | undefined, run: () => Promise<T>): Promise<T> {
  if (!seconds) return run();
  let expired = false;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      try { conn.interrupt(); } catch { /* nothing running */ }
      reject(new IngestError(file, `reading the file took longer than ${seconds} s (settings input.reader_time_limit_seconds) and was stopped: is it damaged, or much larger than expected?`));
    }, seconds * 1000);
  });
  limit.catch(() => undefined);
  const work = run();
  work.catch(() => undefined);
  try {
    return await Promise.race([work, limit]);
  } catch (err) {
    if (expired) {
      // let an interrupted DuckDB read wind down (a few seconds at most) before the connection is used again
      let wait: NodeJS.Timeout | undefined;
      await Promise.race([work.catch(() => undefined), new Promise((r) => (wait = setTimeout(r, 5000)))]);
      clearTimeout(wait);
      throw await limit.catch((e: unknown) => e);
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

/** Refuse a file that cannot be read as what its name says (unknown kind or type, not a file, empty, disguised). */
export async function checkInputFile(kind: string, path: string): Promise<{ file: string; format: RawFile['format'] }> {
  kindSpec(kind); // throws on an unknown kind
  const file = basename(path);
  const format = FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
  if (!format) throw new IngestError(file, `unsupported file type '${extname(path)}': use .csv, .txt, .xlsx or .parquet`);
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (err) {
    throw new IngestError(file, `cannot open the file: ${(err as Error).message}`, { cause: err });
  }
  if (size === 0) throw new IngestError(file, 'the file is empty (0 bytes): export it again from the source system');
  checkRealFormat(file, format, fileHead(path));
  return { file, format };
}

/** Read the file at `path` into `raw_<kind>` (replacing it) and describe what was read. */
export async function loadRaw(conn: DuckDBConnection, kind: string, path: string, options: LoadOptions = {}): Promise<RawFile> {
  const temporary = options.temporary === true;
  const { file, format } = await checkInputFile(kind, path);
  const table = rawTableName(kind);
  await dropTempObjects(conn, table);
  const limit = options.timeLimitSeconds;
  if (format === 'csv') {
    const r = await withTimeLimit(conn, file, limit, () => loadCsv(conn, kind, path, table, temporary));
    await recordCellIssues(conn, kind, []);
    return {
      kind, file, path, format,
      headerRow: r.headerRow, delimiter: r.delimiter, idNumberStyle: r.idNumberStyle,
      sha256: r.sha256, rows: r.rows, unusedColumns: unusedHeaders(r.mapping), mappedColumns: [...r.mapping.canonical.keys()], cellIssues: 0,
    };
  }
  // XLSX and Parquet: hash while DuckDB / exceljs read
  const hash = sha256File(path);
  hash.catch(() => undefined);
  if (format === 'xlsx') {
    const r = await withTimeLimit(conn, file, limit, () => loadXlsx(conn, kind, path, table, temporary, { stallSeconds: options.stallSeconds ?? 120 }));
    await recordCellIssues(conn, kind, r.cellIssues);
    return {
      kind, file, path, format, sheet: r.sheet,
      headerRow: r.headerRow, idNumberStyle: false,
      sha256: await hash, rows: r.rows, unusedColumns: unusedHeaders(r.mapping), mappedColumns: [...r.mapping.canonical.keys()],
      numberEvidence: r.numberEvidence, cellIssues: r.cellIssues.length,
    };
  }
  const r = await withTimeLimit(conn, file, limit, () => loadParquet(conn, kind, path, table, temporary));
  await recordCellIssues(conn, kind, []);
  return {
    kind, file, path, format,
    headerRow: 1, idNumberStyle: false,
    sha256: await hash, rows: r.rows, unusedColumns: unusedHeaders(r.mapping), mappedColumns: [...r.mapping.canonical.keys()],
    typedColumns: r.typedColumns, cellIssues: 0,
  };
}

/**
 * Refuse a file whose first bytes say it is something else than its extension (an .xlsx or a picture renamed
 * `.csv`, a CSV renamed `.xlsx` …), naming what it really is.
 */
function checkRealFormat(file: string, format: RawFile['format'], head: Buffer): void {
  const real = binaryFormat(head);
  const expected = { csv: 'a CSV text file', xlsx: 'an .xlsx workbook', parquet: 'a Parquet file' }[format];
  // any ZIP may be a workbook (its first part need not be [Content_Types].xml): its parts are checked by the reader
  const matches = (format === 'xlsx' && head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) || (format === 'parquet' && real?.what === 'a Parquet file');
  if (matches) return;
  if (real) throw new IngestError(file, `this is not ${expected} but ${real.what}: ${real.advice}`);
  if (format === 'xlsx') throw new IngestError(file, 'this is not an .xlsx workbook (it does not start like one; is it a CSV or text file renamed .xlsx?). Save it from Excel as .xlsx, or as CSV UTF-8 with a .csv name.');
  if (format === 'parquet') throw new IngestError(file, 'cannot read the Parquet file: it does not start with PAR1 (is it a CSV renamed .parquet?)');
}
