/**
 * One-pass loads of the two largest files (issue 20): the SKP ratings and the monthly workload are read, typed and
 * stored once — `performance` (core, persistent) and `workload_record` (build only, TEMP) — instead of a raw table,
 * a staging table and a core table. Storing rows costs far more than parsing them, so each row is written once.
 *
 *   prepare   the file is checked and its header mapped; a CSV becomes a TEMP VIEW `src_<kind>` over read_csv (no
 *             rows are read yet); an XLSX or Parquet file is read into its raw table as before (the view wraps it)
 *   pass      pipeline/models/onepass/<kind>.sql: one CREATE TABLE … AS SELECT over the view that types every value
 *             and keeps helper columns (NULL on a clean row). No join in it: read_csv reports ~42 rows to the
 *             optimiser, so a join inside the read builds its hash table on the file and scrambles the file order
 *   checks    pipeline/models/onepass/<kind>_checks.sql, after the staging models: the checks that need other
 *             tables on the stored, typed keys; the rejected rows go to `<kind>_rejected` (file, row, `_issues`,
 *             the entries the staging model gave before) and leave the table
 *
 * Row numbers: rowid is the record's place in the file (the pass keeps file order); a CSV's spreadsheet row is
 * rowid + header row + 1, moved down by the blank lines above it (onepass_row_shift), as loadCsv numbers raw rows.
 *
 * The number format of the number column (pipeline/ingest/profile.ts) is decided from the whole column before
 * values are typed. Reading the column first would read the file twice, so the pass types with the usual role
 * (profile's guessDots) and stores each value's shape; the evidence of the shapes then decides as before. When it
 * decides otherwise and a value could read differently, the pass runs again with the decided role; when a value
 * is ambiguous (the decision's message quotes other values of the column) the file is read into a raw table and
 * profiled exactly as before. Both are rare; the result is the same in every case.
 */
import { readFileSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createEmptyRaw, loadRaw, type RawFile } from '../ingest/index.ts';
import { checkInputFile, recordCellIssues, withTimeLimit } from '../ingest/load.ts';
import { blankLineShifts, mapCsvError, openCsvSource, type CsvSource, type ReadOptions } from '../ingest/csv.ts';
import { trailingBlankLines } from '../ingest/scan.ts';
import { decideDots, numberDotsSql, sqlNumberEvidence, type ColumnDecision, type DotRole, type NumberEvidence, type ProfileResult } from '../ingest/profile.ts';
import { kindSpec } from '../ingest/aliases.ts';
import { ONEPASS_TRIM_SQL, quoteLiteral } from '../ingest/sql.ts';
import type { Settings } from '../domain/settings.ts';

/** Kinds loaded in one pass, and the table each is stored in. */
export const ONE_PASS: Readonly<Record<string, { table: string; rejected: string; shape: { column: string; helper: string } }>> = {
  workload: { table: 'workload_record', rejected: 'workload_rejected', shape: { column: 'volume', helper: '_volume_shape' } },
  performance: { table: 'performance', rejected: 'performance_rejected', shape: { column: 'score', helper: '_score_shape' } },
};
export const ONE_PASS_KINDS: ReadonlySet<string> = new Set(Object.keys(ONE_PASS));

/** Non-empty input values of a column, counted on the stored pass (a value read, or its text kept as rejected). */
const METRIC_NONEMPTY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  performance: { score: 'score IS NOT NULL OR _text[6] IS NOT NULL' },
};

/** The month of a row's key, and when the key is whole (the duplicate checks of <kind>_checks.sql). */
const KEY_MONTH: Readonly<Record<string, { month: string; whole: string }>> = {
  performance: { month: 'period', whole: 'nip IS NOT NULL AND period IS NOT NULL' },
  workload: { month: '"month"', whole: 'position_id IS NOT NULL AND task_id IS NOT NULL AND "month" IS NOT NULL' },
};

const SQL_DIR = new URL('../models/onepass/', import.meta.url);
const sqlOf = (name: string) => readFileSync(new URL(`${name}.sql`, SQL_DIR), 'utf8');

/** The TEMP tables the checks read: each one-pass file and its header row, and the blank-line shifts of a CSV; the macro onepass_trim the passes trim with (their CSV values come untrimmed, see rawSelectSql). */
export const ONE_PASS_SETUP_SQL = `
CREATE OR REPLACE TEMP TABLE onepass_file (kind VARCHAR, file VARCHAR, base INTEGER);
CREATE OR REPLACE TEMP TABLE onepass_row_shift (kind VARCHAR, start_rec BIGINT, shift INTEGER);
${ONEPASS_TRIM_SQL}`;

export interface PreparedPass {
  kind: string;
  path?: string;
  /** the file as the manifest describes it; `rows` is known after the pass */
  raw?: RawFile;
  csv?: CsvSource;
  readOptions: ReadOptions;
}

const view = (kind: string) => `src_${kind}`;

async function wrapRaw(conn: DuckDBConnection, kind: string): Promise<void> {
  await conn.run(`CREATE OR REPLACE TEMP VIEW ${view(kind)} AS SELECT *, CAST(NULL AS BOOLEAN) AS _empty FROM raw_${kind}`);
}

/** Check the file and map its header; a CSV is not read yet (see the file comment). */
export async function prepareOnePass(
  conn: DuckDBConnection, kind: string, path: string | undefined,
  options: { timeLimitSeconds?: number; stallSeconds?: number },
): Promise<PreparedPass> {
  const readOptions: ReadOptions = { nullPadding: false, parallel: true };
  if (!path) {
    await createEmptyRaw(conn, kind, { temporary: true });
    await wrapRaw(conn, kind);
    await conn.run(`INSERT INTO onepass_file VALUES (${quoteLiteral(kind)}, NULL, NULL)`);
    return { kind, readOptions };
  }
  const { file, format } = await checkInputFile(kind, path);
  if (format !== 'csv') {
    const raw = await loadRaw(conn, kind, path, { temporary: true, ...options });
    await wrapRaw(conn, kind);
    await conn.run(`INSERT INTO onepass_file VALUES (${quoteLiteral(kind)}, ${quoteLiteral(file)}, NULL)`);
    return { kind, path, raw, readOptions };
  }
  const csv = await openCsvSource(kind, path);
  await recordCellIssues(conn, kind, []);
  await conn.run(`CREATE OR REPLACE TEMP VIEW ${view(kind)} AS ${csv.select(readOptions)}`);
  await conn.run(`INSERT INTO onepass_file VALUES (${quoteLiteral(kind)}, ${quoteLiteral(file)}, ${csv.layout.headerRow + 1})`);
  const raw: RawFile = {
    kind, file, path, format: 'csv', headerRow: csv.layout.headerRow, delimiter: csv.layout.delimiter, idNumberStyle: csv.idStyle,
    sha256: '', rows: 0, unusedColumns: csv.mapping.unused.filter((u) => u.column !== null).map((u) => u.header),
    mappedColumns: [...csv.mapping.canonical.keys()], cellIssues: 0,
  };
  return { kind, path, raw, csv, readOptions };
}

/** What an incremental build needs to know of the pass (kept in build_info.input_files, see incremental.ts). */
export interface PassFacts {
  /** the latest month of a key (every row with a whole key, rejected or not) */
  keyMonthMax: string | null;
  /** the number evidence of the number column (counts of number_shape 1, 2, 3), when it was guessed */
  evidence: NumberEvidence | null;
  /** rows without any value dropped at the end of the file */
  trailingDropped: number;
  /**
   * A CSV's spreadsheet rows below its header: its records (those dropped at the end too) and its blank lines,
   * also those after the last record; a value with line breaks is one row (blankLineShifts). The rows an
   * incremental build adds at the end are numbered from there. null when the rows were numbered otherwise
   * (read into a raw table).
   */
  rowsSpanned: number | null;
}

export interface PassResult {
  rows: number;
  facts: PassFacts;
  /** non-empty values of the columns of METRIC_COLUMNS (for the empty-column warning) */
  nonEmpty: Record<string, number>;
  /** the number-format decision, when it needs a line in the build summary */
  decisions: ColumnDecision[];
  /** how the number format was settled: guessed and confirmed, pass run again, or profiled from a raw table */
  numberFormat: 'decided before' | 'guess confirmed' | 'pass repeated' | 'profiled from a raw table';
}

async function runPassSql(conn: DuckDBConnection, p: PreparedPass, timeLimitSeconds?: number): Promise<void> {
  const sql = sqlOf(p.kind);
  for (;;) {
    try {
      await withTimeLimit(conn, p.raw?.file ?? p.kind, p.csv ? timeLimitSeconds : undefined, () => conn.run(sql));
      return;
    } catch (err) {
      if (!p.csv) throw err;
      const mapped = mapCsvError(p.csv.file, p.csv.layout, err, p.readOptions);
      if (mapped === 'pad') p.readOptions = { ...p.readOptions, nullPadding: true };
      else if (mapped === 'serial') p.readOptions = { ...p.readOptions, parallel: false };
      else throw mapped;
      await conn.run(`CREATE OR REPLACE TEMP VIEW ${view(p.kind)} AS ${p.csv.select(p.readOptions)}`);
    }
  }
}

/**
 * The pass: read, type and store every row of the file (see the file comment). `profile` holds the number roles
 * in force (and which were guessed); a corrected role is written back to it and to the macro number_dots.
 */
export async function runOnePass(
  conn: DuckDBConnection, p: PreparedPass, profile: ProfileResult, input: Settings['input'], timeLimitSeconds?: number,
): Promise<PassResult> {
  const { table, shape } = ONE_PASS[p.kind]!;
  await runPassSql(conn, p, timeLimitSeconds);
  // rows without any value at the end of the file are not records (as dropTrailingEmptyRows)
  const dropTrailing = async () => Number((await conn.runAndReadAll(
    `DELETE FROM ${table} WHERE rowid > coalesce((SELECT max(rowid) FROM ${table} WHERE _empty IS NULL), -1)`)).getRows()[0]?.[0] ?? 0);
  let trailingDropped = await dropTrailing();
  let evidence: NumberEvidence | null = null;
  let numberFormat: PassResult['numberFormat'] = 'decided before';
  const decisions: ColumnDecision[] = [];
  const guess = profile.guessed.find((g) => g.kind === p.kind && g.column === shape.column);
  if (guess) {
    const [r] = (await conn.runAndReadAll(`
      SELECT count(*) FILTER (WHERE ${shape.helper} = 1), count(*) FILTER (WHERE ${shape.helper} = 2),
             count(*) FILTER (WHERE ${shape.helper} = 3), count(${shape.helper}) FROM ${table}`)).getRows();
    const [thousands, decimal, ambiguous, shaped] = r!.map(Number) as [number, number, number, number];
    const ev: NumberEvidence = { thousands, decimal, ambiguous };
    evidence = ev;
    const role = decideDots(ev, guess.semicolon, input.number_locale).role;
    numberFormat = 'guess confirmed';
    if (ambiguous > 0) {
      // the summary line quotes other values of the column: profile it from a raw table, exactly as before
      const raw = await loadRaw(conn, p.kind, p.path!, { temporary: true, timeLimitSeconds });
      await wrapRaw(conn, p.kind);
      const exact = await sqlNumberEvidence(conn, `raw_${p.kind}`, shape.column);
      const d = decideDots(exact, guess.semicolon, input.number_locale);
      decisions.push({ kind: p.kind, file: raw.file, column: shape.column, what: 'number', decision: d.role, why: d.why, affected: exact.ambiguous });
      await setRole(conn, profile, p.kind, shape.column, d.role);
      await runPassSql(conn, { ...p, csv: undefined });
      Object.assign(p.raw!, raw);
      numberFormat = 'profiled from a raw table';
    } else if (role !== guess.role && shaped > 0) {
      // a value that is not a whole number may read otherwise under the decided role
      await setRole(conn, profile, p.kind, shape.column, role);
      await runPassSql(conn, p, timeLimitSeconds);
      trailingDropped = await dropTrailing();
      numberFormat = 'pass repeated';
    } else if (role !== guess.role) {
      await setRole(conn, profile, p.kind, shape.column, role);
    }
  }
  const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0]![0]);
  const nonEmpty: Record<string, number> = {};
  for (const [column, cond] of Object.entries(METRIC_NONEMPTY[p.kind] ?? {})) {
    nonEmpty[column] = Number((await conn.runAndReadAll(`SELECT count(*) FILTER (WHERE ${cond}) FROM ${table}`)).getRows()[0]![0]);
  }
  let rowsSpanned: number | null = null;
  if (p.csv && p.raw?.format === 'csv' && !p.raw.sha256) {
    const { sha256, blankLineOffsets, lastContentOffset } = await p.csv.scan;
    const shifts = await blankLineShifts(p.path!, p.csv.layout, p.csv.unit, blankLineOffsets, lastContentOffset);
    for (let i = 0; i < shifts.length; i += 1000) {
      const values = shifts.slice(i, i + 1000).map((s) => `(${quoteLiteral(p.kind)}, ${s.start}, ${s.shift})`).join(', ');
      await conn.run(`INSERT INTO onepass_row_shift VALUES ${values}`);
    }
    p.raw.sha256 = sha256;
    // the blank lines among the records (one shift each) and those after the last one
    const trailing = lastContentOffset < 0 ? 0 : await trailingBlankLines(p.path!, lastContentOffset, p.csv.unit);
    rowsSpanned = rows + trailingDropped + shifts.length + trailing;
  }
  if (p.raw) p.raw.rows = rows;
  const keyMonthMax = (await conn.runAndReadAll(`SELECT CAST(max(${KEY_MONTH[p.kind]!.month}) FILTER (WHERE ${KEY_MONTH[p.kind]!.whole}) AS VARCHAR) FROM ${table}`)).getRows()[0]?.[0];
  return { rows, nonEmpty, decisions, numberFormat, facts: { keyMonthMax: keyMonthMax == null ? null : String(keyMonthMax), evidence, trailingDropped, rowsSpanned } };
}

async function setRole(conn: DuckDBConnection, profile: ProfileResult, kind: string, column: string, role: DotRole): Promise<void> {
  profile.numberRoles.set(`${kind}.${column}`, role);
  await conn.run(numberDotsSql(profile.numberRoles));
}

/** The checks on the stored rows (after the staging models): returns loaded and quarantined rows. */
export async function runOnePassChecks(conn: DuckDBConnection, kind: string): Promise<{ loaded: number; quarantined: number }> {
  kindSpec(kind);
  const { table, rejected } = ONE_PASS[kind]!;
  await conn.run(sqlOf(`${kind}_checks`));
  const [r] = (await conn.runAndReadAll(`SELECT (SELECT count(*) FROM ${table}), (SELECT count(*) FROM ${rejected})`)).getRows();
  return { loaded: Number(r![0]), quarantined: Number(r![1]) };
}
