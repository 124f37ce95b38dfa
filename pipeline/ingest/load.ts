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
import { dropTempObjects } from './sql.ts';
import { loadXlsx } from './xlsx.ts';

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
}

/** Read the file at `path` into `raw_<kind>` (replacing it) and describe what was read. */
export async function loadRaw(conn: DuckDBConnection, kind: string, path: string, options: LoadOptions = {}): Promise<RawFile> {
  const temporary = options.temporary === true;
  kindSpec(kind); // throws on an unknown kind
  const file = basename(path);
  const format = FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
  if (!format) throw new IngestError(file, `unsupported file type '${extname(path)}': use .csv, .txt, .xlsx or .parquet`);
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error('not a regular file');
  } catch (err) {
    throw new IngestError(file, `cannot open the file: ${(err as Error).message}`, { cause: err });
  }
  const table = rawTableName(kind);
  await dropTempObjects(conn, table);
  if (format === 'csv') {
    const r = await loadCsv(conn, kind, path, table, temporary);
    return {
      kind, file, path, format,
      headerRow: r.headerRow, delimiter: r.delimiter, idNumberStyle: r.idNumberStyle,
      sha256: r.sha256, rows: r.rows, unusedColumns: unusedHeaders(r.mapping),
    };
  }
  // XLSX and Parquet: hash while DuckDB / exceljs read
  const hash = sha256File(path);
  hash.catch(() => undefined);
  if (format === 'xlsx') {
    const r = await loadXlsx(conn, kind, path, table, temporary);
    return {
      kind, file, path, format, sheet: r.sheet,
      headerRow: r.headerRow, idNumberStyle: false,
      sha256: await hash, rows: r.rows, unusedColumns: unusedHeaders(r.mapping),
    };
  }
  const r = await loadParquet(conn, kind, path, table, temporary);
  return {
    kind, file, path, format,
    headerRow: 1, idNumberStyle: false,
    sha256: await hash, rows: r.rows, unusedColumns: unusedHeaders(r.mapping),
  };
}
