/**
 * Per-column reading decisions, made from the whole column before any value is typed (docs/data-contract.md
 * "How a column's number format and date order are decided"):
 *
 * - numbers: is a lone dot followed by three digits (`3.600`) a thousands separator or a decimal point? A column
 *   that also holds `12,5` or `1.234.567` uses dots for thousands; one that holds `12.5` or `0.125` uses a decimal
 *   point; when both or neither occur, the settings' `input.number_locale` decides (a semicolon CSV counts as
 *   Indonesian), and with `auto` such values are quarantined as ambiguous.
 * - dates: is `04/01/2003` day-first or month-first? A column with a first part above 12 is day-first, with a
 *   second part above 12 month-first; with both, every value that could be read both ways is quarantined; with
 *   neither, the NIP decides for birth dates and TMT CPNS (shared/domain.md: digits 1–8 birth date YYYYMMDD, 9–14
 *   first appointment YYYYMM), else `input.date_order`.
 *
 * The result is two SQL macros, `number_dots(kind, column)` and `date_order_of(kind, column)`, that replace the
 * defaults of pipeline/models/macros/normalise_columns.sql, and one line per decided column for the build summary.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Settings } from '../domain/settings.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';

/** Numeric columns read with id_number (kind → columns). */
export const NUMBER_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  positions: ['class'],
  position_tasks: ['annual_volume', 'time_norm_minutes'],
  workload: ['volume'],
  activity_log: ['minutes'],
  performance: ['score'],
};
/** Date columns read with id_date (kind → columns). */
export const DATE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  employees: ['birth_date', 'position_since', 'appointment_date'],
  transfers: ['effective_date', 'decree_date'],
  activity_log: ['date'],
};

/** Number evidence of one column: counts of values that show the role of the dot. */
export interface NumberEvidence {
  /** decimal comma (`12,5`, `1.234,5`) or several dot groups (`1.234.567`): dots are thousands separators */
  thousands: number;
  /** a dot that cannot group thousands (`12.5`, `0.125`, `1234.567`): dots are decimal points */
  decimal: number;
  /** a lone dot followed by three digits (`3.600`): either */
  ambiguous: number;
  example?: { thousands?: string; decimal?: string };
}

// RE2 patterns shared by the TypeScript classifier (XLSX text cells) and the SQL one (CSV, Parquet text)
const RE_THOUSANDS = String.raw`[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+|[+-]?\d{1,3}(?:\.\d{3}){2,}`;
const RE_DECIMAL = String.raw`[+-]?\d*\.\d+`;
export const RE_AMBIGUOUS_NUMBER = String.raw`[+-]?[1-9]\d{0,2}\.\d{3}`;

const full = (re: string) => new RegExp(`^(?:${re})$`);
const jsThousands = full(RE_THOUSANDS);
const jsDecimal = full(RE_DECIMAL);
const jsAmbiguous = full(RE_AMBIGUOUS_NUMBER);

export const emptyEvidence = (): NumberEvidence => ({ thousands: 0, decimal: 0, ambiguous: 0 });

/** Count one text value (as typed by a person, not a number cell) into the evidence. */
export function addNumberEvidence(ev: NumberEvidence, text: string): void {
  const v = text.replace(/[\s\u00a0]+/g, '');
  if (jsAmbiguous.test(v)) ev.ambiguous++;
  else if (jsThousands.test(v)) {
    ev.thousands++;
    ev.example = { ...ev.example, thousands: ev.example?.thousands ?? text };
  } else if (jsDecimal.test(v)) {
    ev.decimal++;
    ev.example = { ...ev.example, decimal: ev.example?.decimal ?? text };
  }
}

export type DotRole = 'thousands' | 'decimal' | 'ambiguous';

/** The role of a lone dot in a column, from its evidence, the file (semicolon CSV) and the settings. */
export function decideDots(ev: NumberEvidence, semicolonCsv: boolean, locale: Settings['input']['number_locale']): { role: DotRole; why: string } {
  const t = ev.thousands > 0;
  const d = ev.decimal > 0;
  if (t && !d) return { role: 'thousands', why: `the column also holds ${JSON.stringify(ev.example?.thousands)}` };
  if (d && !t) return { role: 'decimal', why: `the column also holds ${JSON.stringify(ev.example?.decimal)}` };
  const mixed = t && d ? `the column holds both ${JSON.stringify(ev.example?.thousands)} and ${JSON.stringify(ev.example?.decimal)}; ` : '';
  if (locale === 'id') return { role: 'thousands', why: `${mixed}input.number_locale is id` };
  if (locale === 'en') return { role: 'decimal', why: `${mixed}input.number_locale is en` };
  if (semicolonCsv && !mixed) return { role: 'thousands', why: 'a semicolon CSV (Indonesian Excel export)' };
  return { role: 'ambiguous', why: `${mixed || 'no other value of the column decides; '}input.number_locale is auto` };
}

export type DateOrder = 'dmy' | 'mdy' | 'mixed';

export interface DateEvidence {
  dayFirst: number;
  monthFirst: number;
  /** values that read both ways, whose day-first reading agrees with the NIP / whose month-first reading does */
  nipDayFirst: number;
  nipMonthFirst: number;
  example?: { dayFirst?: string; monthFirst?: string };
}

export function decideDateOrder(ev: DateEvidence, fallback: Settings['input']['date_order']): { order: DateOrder; why: string } {
  if (ev.dayFirst > 0 && ev.monthFirst === 0) return { order: 'dmy', why: `${JSON.stringify(ev.example?.dayFirst)} can only be day-first` };
  if (ev.monthFirst > 0 && ev.dayFirst === 0) return { order: 'mdy', why: `${JSON.stringify(ev.example?.monthFirst)} can only be month-first` };
  if (ev.monthFirst > 0 && ev.dayFirst > 0) {
    return { order: 'mixed', why: `the column holds day-first ${JSON.stringify(ev.example?.dayFirst)} and month-first ${JSON.stringify(ev.example?.monthFirst)}` };
  }
  if (ev.nipMonthFirst > ev.nipDayFirst) return { order: 'mdy', why: `the NIP agrees with the month-first reading of ${ev.nipMonthFirst} of ${ev.nipMonthFirst + ev.nipDayFirst} values` };
  if (ev.nipDayFirst > ev.nipMonthFirst) return { order: 'dmy', why: `the NIP agrees with the day-first reading of ${ev.nipDayFirst} of ${ev.nipMonthFirst + ev.nipDayFirst} values` };
  return { order: fallback, why: `no value decides; input.date_order is ${fallback}` };
}

/** What was decided for one column (kept in build_info.warnings when it needed more than the value itself). */
export interface ColumnDecision {
  kind: string;
  file: string;
  column: string;
  what: 'number' | 'date';
  decision: string;
  why: string;
  /** values the decision concerns (ambiguous numbers, dates that read both ways) */
  affected: number;
}

/** Minimal view of a loaded raw file that the profile needs. */
export interface ProfiledFile {
  kind: string;
  file: string;
  format: string;
  delimiter?: string;
  /** number evidence collected by the reader (XLSX: text cells only; number cells have no separators) */
  numberEvidence?: Readonly<Record<string, NumberEvidence>>;
  /** columns read from typed (non-text) Parquet columns: no evidence */
  typedColumns?: readonly string[];
}

async function rowsOf(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await conn.runAndReadAll(sql)).getRowObjects();
}

export async function sqlNumberEvidence(conn: DuckDBConnection, table: string, column: string): Promise<NumberEvidence> {
  const v = `regexp_replace(${quoteIdent(column)}, '[\\s\\x{00A0}]+', '', 'g')`;
  const [r] = await rowsOf(conn, `
    SELECT count(*) FILTER (WHERE a) AS ambiguous,
           count(*) FILTER (WHERE NOT a AND t) AS thousands,
           count(*) FILTER (WHERE NOT a AND NOT t AND d) AS decimal,
           min(x) FILTER (WHERE NOT a AND t) AS ex_t, min(x) FILTER (WHERE NOT a AND NOT t AND d) AS ex_d
    FROM (SELECT x, regexp_full_match(v, ${quoteLiteral(RE_AMBIGUOUS_NUMBER)}) AS a, regexp_full_match(v, ${quoteLiteral(RE_THOUSANDS)}) AS t,
                 regexp_full_match(v, ${quoteLiteral(RE_DECIMAL)}) AS d
          FROM (SELECT ${quoteIdent(column)} AS x, ${v} AS v FROM ${quoteIdent(table)}
                -- only values with a dot or a comma can be evidence: the cheap test spares the regexps on whole numbers
                WHERE contains(${quoteIdent(column)}, '.') OR contains(${quoteIdent(column)}, ',')))`);
  const ex: NumberEvidence['example'] = {};
  if (r!.ex_t !== null) ex.thousands = String(r!.ex_t);
  if (r!.ex_d !== null) ex.decimal = String(r!.ex_d);
  return { thousands: Number(r!.thousands), decimal: Number(r!.decimal), ambiguous: Number(r!.ambiguous), example: ex };
}

/** `a/b/yyyy` parts of numeric dates (any of - / . as separator, optional time after). */
const DATE_PARTS = String.raw`^\s*(\d{1,2})[-/.](\d{1,2})[-/.]([1-9]\d{3})(?:[ T].*)?\s*$`;

/**
 * The date evidence of a column and how many of its values read both ways (_date_reads_both_ways in
 * normalise_columns.sql: both parts ≤ 12 and different), in one scan of the column (issue 20: a second scan per
 * column for the count cost as much as the first).
 */
async function sqlDateEvidence(conn: DuckDBConnection, table: string, column: string, nipCheck: 'birth' | 'appointment' | null): Promise<DateEvidence & { bothWays: number }> {
  const c = quoteIdent(column);
  // for values that read both ways: does the day-first (a = day) or the month-first (a = month) reading agree with the NIP?
  const ymd = (m: string, d: string) => `try_cast(y || '-' || ${m} || '-' || ${d} AS DATE)`;
  const nipDate = nipCheck === 'birth' ? 'nip_birth_date(nip_clean(nip))' : `try_cast(substr(nip_clean(nip), 9, 4) || '-' || substr(nip_clean(nip), 13, 2) || '-01' AS DATE)`;
  const agree = (m: string, d: string) => (nipCheck === 'birth' ? `${ymd(m, d)} = nd` : `date_trunc('month', ${ymd(m, d)}) = nd`);
  const nipCols = nipCheck
    ? `count(*) FILTER (WHERE ai <= 12 AND bi <= 12 AND a <> b AND coalesce(${agree('b', 'a')}, false) AND NOT coalesce(${agree('a', 'b')}, false)) AS nip_dmy,
       count(*) FILTER (WHERE ai <= 12 AND bi <= 12 AND a <> b AND coalesce(${agree('a', 'b')}, false) AND NOT coalesce(${agree('b', 'a')}, false)) AS nip_mdy`
    : '0 AS nip_dmy, 0 AS nip_mdy';
  const [r] = await rowsOf(conn, `
    SELECT count(*) FILTER (WHERE ai > 12 AND bi <= 12) AS dmy, count(*) FILTER (WHERE bi > 12 AND ai <= 12) AS mdy,
           min(x) FILTER (WHERE ai > 12 AND bi <= 12) AS ex_dmy, min(x) FILTER (WHERE bi > 12 AND ai <= 12) AS ex_mdy,
           -- _date_reads_both_ways over the same pattern: its parts, both ≤ 12, different as numbers
           count(*) FILTER (WHERE ai <= 12 AND bi <= 12 AND ai <> bi) AS both_ways,
           ${nipCols}
    FROM (SELECT x, p.a AS a, p.b AS b, p.y AS y, try_cast(p.a AS INTEGER) AS ai, try_cast(p.b AS INTEGER) AS bi,
                 -- the NIP's date only where nip_dmy / nip_mdy read it (both parts ≤ 12, different): NIPs written
                 -- with spaces take nip_clean's slow path, and few dates read both ways
                 ${nipCheck ? `CASE WHEN try_cast(p.a AS INTEGER) <= 12 AND try_cast(p.b AS INTEGER) <= 12 AND p.a <> p.b THEN ${nipDate} END` : 'NULL'} AS nd
          FROM (SELECT ${c} AS x, regexp_extract(${c}, ${quoteLiteral(DATE_PARTS)}, ['a', 'b', 'y']) AS p${nipCheck ? ', nip' : ''}
                FROM ${quoteIdent(table)} WHERE ${c} IS NOT NULL AND regexp_matches(${c}, ${quoteLiteral(DATE_PARTS)})))`);
  const ex: DateEvidence['example'] = {};
  if (r!.ex_dmy !== null) ex.dayFirst = String(r!.ex_dmy);
  if (r!.ex_mdy !== null) ex.monthFirst = String(r!.ex_mdy);
  return {
    dayFirst: Number(r!.dmy), monthFirst: Number(r!.mdy), nipDayFirst: Number(r!.nip_dmy), nipMonthFirst: Number(r!.nip_mdy), example: ex,
    bothWays: Number(r!.both_ways),
  };
}

/**
 * Decide the number format and date order of every number and date column of the loaded raw tables, and
 * return the SQL that makes the staging models read them so, with the decisions.
 */
export async function profileColumns(
  conn: DuckDBConnection,
  files: readonly ProfiledFile[],
  input: Settings['input'],
  /** kinds read in one pass (pipeline/warehouse/one-pass.ts): their CSV number columns are not read here (that
   *  would read the file once more) but guessed, and the guess is checked from the pass's number shapes */
  guessKinds: ReadonlySet<string> = new Set(),
): Promise<ProfileResult> {
  const decisions: ColumnDecision[] = [];
  const numberRoles = new Map<string, DotRole>();
  const guessed: ProfileResult['guessed'] = [];
  const dateCases: string[] = [];
  for (const f of files) {
    const table = `raw_${f.kind}`;
    for (const column of NUMBER_COLUMNS[f.kind] ?? []) {
      if (f.typedColumns?.includes(column)) continue;
      const semicolon = f.format === 'csv' && f.delimiter === ';';
      if (guessKinds.has(f.kind) && f.format === 'csv' && !f.numberEvidence) {
        const role = guessDots(semicolon, input.number_locale);
        numberRoles.set(`${f.kind}.${column}`, role);
        guessed.push({ kind: f.kind, file: f.file, column, role, semicolon });
        continue;
      }
      const ev = f.numberEvidence ? (f.numberEvidence[column] ?? emptyEvidence()) : await sqlNumberEvidence(conn, table, column);
      const { role, why } = decideDots(ev, semicolon, input.number_locale);
      numberRoles.set(`${f.kind}.${column}`, role);
      if (ev.ambiguous > 0) decisions.push({ kind: f.kind, file: f.file, column, what: 'number', decision: role, why, affected: ev.ambiguous });
    }
    for (const column of DATE_COLUMNS[f.kind] ?? []) {
      const nipCheck = f.kind === 'employees' && column === 'birth_date' ? 'birth' : f.kind === 'employees' && column === 'appointment_date' ? 'appointment' : null;
      const ev = await sqlDateEvidence(conn, table, column, nipCheck);
      const { order, why } = decideDateOrder(ev, input.date_order);
      dateCases.push(`WHEN ${quoteLiteral(`${f.kind}.${column}`)} THEN ${quoteLiteral(order)}`);
      const both = ev.bothWays;
      if (both > 0) decisions.push({ kind: f.kind, file: f.file, column, what: 'date', decision: order, why, affected: both });
    }
  }
  const sql = `${numberDotsSql(numberRoles)}
CREATE OR REPLACE MACRO date_order_of(k, c) AS ${dateCases.length ? `CASE k || '.' || c ${dateCases.join(' ')} ELSE ${quoteLiteral(input.date_order)} END` : quoteLiteral(input.date_order)};
${NUMBER_SHAPE_SQL}`;
  return { sql, decisions, numberRoles, guessed };
}

export interface ProfileResult {
  /** the macros number_dots, date_order_of and number_shape */
  sql: string;
  decisions: ColumnDecision[];
  /** the role of a lone dot per `kind.column` */
  numberRoles: Map<string, DotRole>;
  /** number columns whose role was guessed (guessKinds), to be checked against the evidence of the values */
  guessed: { kind: string; file: string; column: string; role: DotRole; semicolon: boolean }[];
}

/** The macro number_dots(kind, column) for these roles. */
export function numberDotsSql(roles: ReadonlyMap<string, DotRole>): string {
  const cases = [...roles].map(([kc, role]) => `WHEN ${quoteLiteral(kc)} THEN ${quoteLiteral(role)}`);
  // (a CASE needs a WHEN: with no number column it is the default alone)
  return `CREATE OR REPLACE MACRO number_dots(k, c) AS ${cases.length ? `CASE k || '.' || c ${cases.join(' ')} ELSE 'decimal' END` : `'decimal'`};`;
}

/**
 * The role guessed for a column before its values are seen: what a column of decimals written the file's way
 * (`82.7` in a comma CSV, `82,7` in a semicolon CSV) decides. Right for the usual exports; checked after the pass.
 */
export function guessDots(semicolonCsv: boolean, locale: Settings['input']['number_locale']): DotRole {
  const ev: NumberEvidence = semicolonCsv ? { thousands: 1, decimal: 0, ambiguous: 0 } : { thousands: 0, decimal: 1, ambiguous: 0 };
  return decideDots(ev, semicolonCsv, locale).role;
}

/**
 * number_shape(txt) → what one value says about the role of a lone dot, as sqlNumberEvidence counts it:
 * 1 thousands, 2 decimal, 3 ambiguous, 0 none of these; NULL for no text or a whole number (whose reading no
 * role changes). A value with a dot or a comma that is none of these (`1 000`, `12.`) is 0: its reading may
 * depend on the role. The common `82.7` takes one cheap pattern.
 */
export const NUMBER_SHAPE_SQL = String.raw`
CREATE OR REPLACE MACRO _number_shape(v) AS
  CASE WHEN regexp_full_match(v, ${quoteLiteral(RE_AMBIGUOUS_NUMBER)}) THEN 3
       WHEN regexp_full_match(v, ${quoteLiteral(RE_THOUSANDS)}) THEN 1
       WHEN regexp_full_match(v, ${quoteLiteral(RE_DECIMAL)}) THEN 2 ELSE 0 END;
CREATE OR REPLACE MACRO number_shape(txt) AS
  CASE WHEN txt IS NULL THEN NULL
       WHEN regexp_full_match(txt, '\d{1,3}\.\d{1,2}') THEN 2
       WHEN contains(txt, '.') OR contains(txt, ',') THEN _number_shape(regexp_replace(txt, '[\s\x{00A0}]+', '', 'g'))
       WHEN regexp_full_match(txt, '\s*[+-]?\d+\s*') THEN NULL
       ELSE 0 END;
-- number_shape of a text in a column's common clean form (col_number_plain, normalise_columns.sql), without a
-- pattern: a comma there is a decimal comma (thousands, 1); a dot without one has 1–2 decimals (decimal, 2)
CREATE OR REPLACE MACRO number_shape_plain(txt) AS
  CASE WHEN contains(txt, ',') THEN 1 WHEN contains(txt, '.') THEN 2 END;`;

/** A decision in words, for the build summary. */
export function describeDecision(d: ColumnDecision): string {
  if (d.what === 'number') {
    const role = d.decision === 'thousands' ? 'is a thousands separator (3.600 = 3600)' : d.decision === 'decimal' ? 'is a decimal point (3.600 = 3.6)' : 'is ambiguous: those values are quarantined';
    return `${d.file} ${d.column}: ${d.affected} value(s) like 3.600 — the dot ${role}; ${d.why}`;
  }
  const order = d.decision === 'mdy' ? 'month-first' : d.decision === 'dmy' ? 'day-first' : 'mixed: those values are quarantined';
  return `${d.file} ${d.column}: ${d.affected} date(s) like 04/01/2003 that read both ways — ${order}; ${d.why}`;
}
