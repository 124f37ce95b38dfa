import type { DuckDBConnection } from '@duckdb/node-api';
import { kindSpec, type HeaderMapping } from './aliases.ts';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const quoteLiteral = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** The whitespace trimmed from raw values: space, tab, CR, LF, no-break space (U+00A0, common in Excel). */
const TRIM_CHARS = ' \t\r\n\u00a0';

/**
 * Trim a VARCHAR expression and turn an empty result into NULL. Only values that start or end with a space,
 * tab or no-break space (or end with a CR) are trimmed: `trim()` on every value costs about as much as
 * parsing the CSV, while `prefix`/`suffix` tests are nearly free. `emptyIsNull`: also map '' to NULL (not
 * needed after read_csv, which already reads an empty field as NULL).
 */
export function trimExpr(e: string, emptyIsNull = true): string {
  const tests = [' ', '\t', '\u00a0']
    .flatMap((ch) => [`prefix(${e}, ${quoteLiteral(ch)})`, `suffix(${e}, ${quoteLiteral(ch)})`])
    .concat(`suffix(${e}, ${quoteLiteral('\r')})`)
    .join(' OR ');
  const empty = emptyIsNull ? ` WHEN ${e} = '' THEN NULL` : '';
  return `CASE WHEN ${tests} THEN nullif(trim(${e}, ${quoteLiteral(TRIM_CHARS)}), '')${empty} ELSE ${e} END`;
}

/** The raw table's columns for a kind and header mapping: every canonical column, then unused named columns. */
export function rawColumns(kind: string, mapping: HeaderMapping): { name: string; source: number | null; month?: number }[] {
  const spec = kindSpec(kind);
  const cols: { name: string; source: number | null; month?: number }[] = spec.columns.map((c) => {
    const month = mapping.combined.get(c.name);
    return { name: c.name, source: mapping.canonical.get(c.name) ?? null, ...(month !== undefined ? { month } : {}) };
  });
  for (const u of mapping.unused) if (u.column) cols.push({ name: u.column, source: u.index });
  return cols;
}

/**
 * Create the raw table: every column VARCHAR, then `_file` and `_id_style` as VIRTUAL generated constants
 * (no storage, no per-row work while loading) and `_row INTEGER` (filled by the reader). `temporary`: a TEMP
 * table (kept in memory / the temp directory, never written to the database file, gone with the connection).
 */
export async function createRawTable(
  conn: DuckDBConnection,
  table: string,
  names: readonly string[],
  meta: { file: string; idStyle: boolean; temporary?: boolean },
): Promise<void> {
  const defs = [
    ...names.map((n) => `${quoteIdent(n)} VARCHAR`),
    `_file VARCHAR GENERATED ALWAYS AS (${quoteLiteral(meta.file)}) VIRTUAL`,
    '_row INTEGER',
    `_id_style BOOLEAN GENERATED ALWAYS AS (${meta.idStyle}) VIRTUAL`,
  ];
  await conn.run(`CREATE OR REPLACE ${meta.temporary ? 'TEMP ' : ''}TABLE ${quoteIdent(table)} (${defs.join(', ')})`);
}

/**
 * INSERT … SELECT that fills a raw table created by `createRawTable` from a reader: `source(i)` is the SQL
 * expression of the file's column i (VARCHAR); missing canonical columns stay NULL; `row` is the `_row`
 * expression (or NULL, set later).
 */
export function rawInsertSql(
  table: string,
  kind: string,
  mapping: HeaderMapping,
  source: (index: number) => string,
  from: string,
  opts: { row: string; emptyIsNull: boolean },
): string {
  const cols = rawColumns(kind, mapping).filter((c) => c.source !== null);
  const targets = [...cols.map((c) => quoteIdent(c.name)), '_row'];
  const exprs = [...cols.map((c) => rawValueExpr(c, source, opts.emptyIsNull)), opts.row];
  return `INSERT INTO ${quoteIdent(table)} (${targets.join(', ')})\nSELECT ${exprs.join(',\n  ')}\nFROM ${from}`;
}

/** The raw text of one column as the raw layer stores it (trimmed; a split period joined). */
function rawValueExpr(c: { source: number | null; month?: number }, source: (index: number) => string, emptyIsNull: boolean): string {
  return c.month === undefined
    ? trimExpr(source(c.source!), emptyIsNull)
    : yearMonthExpr(trimExpr(source(c.source!), emptyIsNull), trimExpr(source(c.month), emptyIsNull));
}

/**
 * The raw layer's rows as a SELECT instead of a table, for the one-pass loads (pipeline/warehouse/one-pass.ts): every
 * raw column (missing canonical ones NULL) as the file has it, NOT trimmed (a split period is joined, trimmed), then
 * `_file`, `_row` (NULL: the reader of this SELECT numbers the rows by their order), `_id_style` and `_empty`. The
 * one-pass SQL trims a value with `onepass_trim` (the trim `rawInsertSql` stores, trimExpr) only when it is not in a
 * clean form that has nothing to trim: trimming every value cost ~0.1 s of CPU per column of 3.6 M rows.
 */
export function rawSelectSql(kind: string, mapping: HeaderMapping, source: (index: number) => string, from: string, meta: { file: string; idStyle: boolean }): string {
  const exprs = rawColumns(kind, mapping).map((c) => `${c.source === null ? 'CAST(NULL AS VARCHAR)' : c.month === undefined ? source(c.source) : rawValueExpr(c, source, false)} AS ${quoteIdent(c.name)}`);
  exprs.push(`${quoteLiteral(meta.file)} AS _file`, 'CAST(NULL AS INTEGER) AS _row', `${meta.idStyle} AS _id_style`);
  // a row with no value at all, trimmed (true, else NULL): such rows at the end of the file are dropped, as
  // dropTrailingEmptyRows does. AND reads on only while the values are empty: one test a row, not one a column
  const cols = rawColumns(kind, mapping).filter((c) => c.source !== null);
  exprs.push(cols.length ? `CASE WHEN ${cols.map((c) => emptyTest(c, source)).join(' AND ')} THEN true END AS _empty` : 'true AS _empty');
  return `SELECT ${exprs.join(',\n  ')}\nFROM ${from}`;
}

/**
 * The raw value of a column is NULL (rawValueExpr). A value that trims to nothing is made of the trimmed blanks
 * alone, so it starts with one of them: a value that starts otherwise is not empty, and that test (ascii() of the
 * first character) spares the trim's seven prefix/suffix tests on the first column of nearly every row (~0.1 s of
 * CPU on 3.6 M rows, issue 20).
 */
function emptyTest(c: { source: number | null; month?: number }, source: (index: number) => string): string {
  return c.month === undefined ? trimsToNullSql(source(c.source!)) : `(${rawValueExpr(c, source, false)}) IS NULL`;
}

/**
 * `trimExpr(e, false) IS NULL`, with the cheap test of the first character first (see emptyTest): the trimmed
 * blanks are tab, LF, CR, space (≤ 32) and no-break space (160). Not `IN (…)`: DuckDB makes a list of five a join
 * with the file, which costs more than the trim and breaks the file order.
 */
export function trimsToNullSql(e: string): string {
  if (![...TRIM_CHARS].every((ch) => ch.codePointAt(0)! <= 32 || ch.codePointAt(0) === 160)) throw new Error('trimsToNullSql: a trimmed blank outside its first-character test');
  return `(${e} IS NULL OR (ascii(${e}) <= 32 OR ascii(${e}) = 160) AND (${trimExpr(e, false)}) IS NULL)`;
}

/** The trim of the raw layer (trimExpr, as rawInsertSql stores a CSV value) as the macro `onepass_trim(x)`. */
export const ONEPASS_TRIM_SQL = `CREATE OR REPLACE TEMP MACRO onepass_trim(x) AS ${trimExpr('x', false)};`;

/**
 * Drop temp tables and views named `name` (a temp object would shadow the persistent raw table, and a view
 * and a table cannot replace each other). Persistent tables are replaced by CREATE OR REPLACE.
 */
export async function dropTempObjects(conn: DuckDBConnection, name: string): Promise<void> {
  const lit = quoteLiteral(name);
  const found = await conn.runAndReadAll(
    `SELECT 'VIEW' FROM duckdb_views() WHERE database_name = 'temp' AND view_name = ${lit}
     UNION ALL SELECT 'TABLE' FROM duckdb_tables() WHERE database_name = 'temp' AND table_name = ${lit}`,
  );
  for (const [type] of found.getRows()) await conn.run(`DROP ${String(type)} temp.main.${quoteIdent(name)}`);
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows()[0]?.[0];
}

/**
 * Drop empty rows at the end of a raw table (every data column NULL) and return the number of rows left.
 * Rows are in file order (`rowid` follows insertion order; DuckDB's `preserve_insertion_order`, on by default).
 * Only the last row is looked at unless it is empty.
 */
export async function dropTrailingEmptyRows(conn: DuckDBConnection, table: string, dataColumns: readonly string[]): Promise<number> {
  const t = quoteIdent(table);
  const n = Number(await scalar(conn, `SELECT count(*) FROM ${t}`));
  if (n === 0 || dataColumns.length === 0) return n;
  const allNull = dataColumns.map((c) => `${quoteIdent(c)} IS NULL`).join(' AND ');
  const lastEmpty = await scalar(conn, `SELECT ${allNull} FROM ${t} WHERE rowid = ${n - 1}`);
  if (lastEmpty !== true) return n;
  const lastNonEmpty = await scalar(conn, `SELECT max(rowid) FROM ${t} WHERE NOT (${allNull})`);
  const keep = lastNonEmpty === null || lastNonEmpty === undefined ? 0 : Number(lastNonEmpty) + 1;
  await conn.run(`DELETE FROM ${t} WHERE rowid >= ${keep}`);
  return keep;
}

/** `<year>-<month>` from a split period (a year alone when the month is empty; nothing without a year). */
export function yearMonthText(year: string | null, month: string | null): string | null {
  if (year === null) return null;
  return month === null ? year : `${year}-${month}`;
}
/** The SQL twin of yearMonthText over two VARCHAR expressions. */
export function yearMonthExpr(year: string, month: string): string {
  return `CASE WHEN (${year}) IS NULL THEN NULL WHEN (${month}) IS NULL THEN (${year}) ELSE (${year}) || '-' || (${month}) END`;
}
