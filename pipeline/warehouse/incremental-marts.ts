/**
 * The marts of an incremental build (incremental.ts) computed for the new months only, where a mart's rows of
 * the earlier months cannot change (issue 20). The calendar only grows at its end, the earlier months' workload,
 * ratings and head-counts stay as they were, so:
 *
 * - `append`: a mart of one row per thing and month whose row depends only on that month (or, for the rolling
 *   year, on the 12 months up to it) gets the rows of the new months, computed by the model's own query (filtered
 *   to those months; DuckDB pushes the filter down to the model's inputs), added at the end — the tables are
 *   ordered by month first, so the order stays that of a full build;
 * - `merge`: the same, for a small mart ordered by something else first: the table is written again, in the
 *   model's order;
 * - hand-written SQL (pipeline/models/incremental/<name>.sql) where the model cannot be filtered: staff_monthly
 *   (a running sum), transfer_audit_fact (only the transfers whose month before is a new month change) and
 *   effect_panel_employee (its earlier months' rows are the previous table's but for the people the sample
 *   keeps anew; whether a person is complete is counted without joining every rating with the spells).
 *
 * Any other mart that reads a changed table is computed again in full by its model. The result equals a full
 * build, as sets (test/integration/build-incremental.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR, type Model } from './models.ts';

type Plan =
  | { kind: 'sql' }
  | { kind: 'append'; order: string; inputs?: Record<string, (last: string) => string> }
  | { kind: 'merge'; order: string }
  | { kind: 'skip' };

/** How each mart over months is brought up to date; a model not listed is computed again in full. */
export const INCREMENTAL_PLANS: Record<string, Plan> = {
  staff_monthly: { kind: 'sql' },
  effect_panel_employee: { kind: 'sql' },
  position_load_monthly: { kind: 'append', order: '"month", position_id' },
  unit_load_monthly: { kind: 'append', order: '"month", unit_id' },
  // the rolling year of a new month reads the 11 months before it (marts/position_load_annual.sql)
  position_load_annual: {
    kind: 'append', order: '"month", position_id',
    inputs: { position_load_monthly: (last) => `"month" > CAST(${last} - INTERVAL 11 MONTH AS DATE)` },
  },
  unit_load_annual: { kind: 'append', order: '"month", unit_id' },
  imbalance_region_monthly: { kind: 'merge', order: 'region_code NULLS FIRST, "month", level' },
  // joins the ratings with the position spells: the new months' ratings only
  unit_rating_monthly: {
    kind: 'append', order: '"month", unit_id',
    inputs: { performance: (last) => `period > ${last}` },
  },
  transfer_audit_fact: { kind: 'sql' },
  // a view: computed when read, nothing to do
  transfer_audit: { kind: 'skip' },
};

/** The model's SQL without `-- comments` (so a table named in a comment is not replaced). */
function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '');
}

/** The query of the model's `CREATE OR REPLACE TABLE name AS <query>;`. */
export function modelQuery(m: Model): string {
  const r = new RegExp(`CREATE OR REPLACE TABLE ${m.name} AS\\n([\\s\\S]*?);\\s*\\n`).exec(withoutComments(m.sql));
  if (!r) throw new Error(`model ${m.name}: no CREATE OR REPLACE TABLE ${m.name} AS … statement`);
  return r[1]!;
}

/**
 * The model query's common table expressions from the first through `through` (`a AS (…), …, through AS (…)`),
 * for hand-written incremental SQL that computes those parts as the model does: one definition.
 */
export function modelCtes(m: Model, through: string): string {
  const q = modelQuery(m);
  const start = /^\s*WITH\s+/.exec(q);
  const at = new RegExp(`(?:^\\s*WITH\\s+|\\n\\), )${through} AS \\(\\n`).exec(q);
  if (!start || !at) throw new Error(`model ${m.name}: no common table expression ${through}`);
  // the next CTE, or the end of the WITH list (a `)` alone on its line before the SELECT)
  const end = /\n\)(?:, \w+ AS \(\n|\s*\n\s*SELECT\b)/.exec(q.slice(at.index + at[0].length));
  if (!end) throw new Error(`model ${m.name}: the common table expression ${through} does not end`);
  return q.slice(start[0].length, at.index + at[0].length + end.index + 2);
}

/** The query with each named input table read through a filter. */
function restrictInputs(query: string, inputs: Record<string, string>): string {
  let q = query;
  for (const [table, where] of Object.entries(inputs)) {
    const re = new RegExp(`\\b${table}\\b(?!\\s*\\.)`, 'g');
    if (!re.test(q)) throw new Error(`the query does not read ${table}`);
    q = q.replace(re, `(SELECT * FROM ${table} WHERE ${where})`);
  }
  return q;
}

/** The model file's COMMENT statements (a table created again keeps its documentation). */
function comments(m: Model): string {
  return m.sql.split('\n').filter((l) => l.startsWith('COMMENT ON')).join('\n');
}

/**
 * The SQL that brings model `m` up to date after the months after `last` (a DATE literal) were added, or null
 * when the model is to be computed again in full.
 */
export function incrementalSql(m: Model, last: string): string | null {
  const plan = INCREMENTAL_PLANS[m.name];
  if (!plan) return null;
  const newMonths = `"month" > ${last}`;
  switch (plan.kind) {
    case 'skip':
      return '';
    case 'sql': {
      const sql = readFileSync(join(MODELS_DIR, `incremental/${m.name}.sql`), 'utf8')
        .replace(/\{\{model ctes through (\w+)\}\}/g, (_, through: string) => modelCtes(m, through));
      return `${sql.replaceAll('{{last}}', last)}\n${comments(m)}`;
    }
    case 'append': {
      const inputs = Object.fromEntries(Object.entries(plan.inputs ?? {}).map(([t, f]) => [t, f(last)]));
      return `INSERT INTO ${m.name} SELECT * FROM (${restrictInputs(modelQuery(m), inputs)}) WHERE ${newMonths} ORDER BY ${plan.order};`;
    }
    case 'merge':
      return `CREATE OR REPLACE TABLE ${m.name} AS
        SELECT * FROM (FROM ${m.name} UNION ALL SELECT * FROM (${modelQuery(m)}) WHERE ${newMonths}) ORDER BY ${plan.order};
        ${comments(m)}`;
  }
}
