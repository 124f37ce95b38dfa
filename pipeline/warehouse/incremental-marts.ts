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
 * - `effect_panel_unit`: its rows of earlier months change in the columns that read the calendar's end (cohort,
 *   wave_role), so the model's query runs again for every month but with the ratings of the new months only, and
 *   the ratings columns of earlier months are taken from the previous table (the expensive part of the model is
 *   joining every rating with the position spells);
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
  | { kind: 'effect_panel_unit' }
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
  effect_panel_unit: { kind: 'effect_panel_unit' },
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
    case 'sql':
      return `${readFileSync(join(MODELS_DIR, `incremental/${m.name}.sql`), 'utf8').replaceAll('{{last}}', last)}\n${comments(m)}`;
    case 'append': {
      const inputs = Object.fromEntries(Object.entries(plan.inputs ?? {}).map(([t, f]) => [t, f(last)]));
      return `INSERT INTO ${m.name} SELECT * FROM (${restrictInputs(modelQuery(m), inputs)}) WHERE ${newMonths} ORDER BY ${plan.order};`;
    }
    case 'merge':
      return `CREATE OR REPLACE TABLE ${m.name} AS
        SELECT * FROM (FROM ${m.name} UNION ALL SELECT * FROM (${modelQuery(m)}) WHERE ${newMonths}) ORDER BY ${plan.order};
        ${comments(m)}`;
    case 'effect_panel_unit': {
      // the ratings of the new months only; those of earlier months (mean_score, mean_rating_rank, n_scored) are
      // the previous table's, every other column is computed again (cohort and wave_role read the calendar's end)
      const q = restrictInputs(modelQuery(m), { performance: `period > ${last}` });
      return `CREATE OR REPLACE TEMP TABLE _previous_unit_scores AS
          SELECT unit_id, "month", mean_score, mean_rating_rank, n_scored FROM effect_panel_unit;
        CREATE OR REPLACE TABLE effect_panel_unit AS
        SELECT n.* REPLACE (
                 CASE WHEN n.${newMonths} THEN n.mean_score ELSE o.mean_score END AS mean_score,
                 CASE WHEN n.${newMonths} THEN n.mean_rating_rank ELSE o.mean_rating_rank END AS mean_rating_rank,
                 CASE WHEN n.${newMonths} THEN n.n_scored ELSE o.n_scored END AS n_scored)
        FROM (${q}) n
        LEFT JOIN _previous_unit_scores o ON o.unit_id = n.unit_id AND o."month" = n."month"
        ORDER BY n.unit_id, n."month";
        DROP TABLE _previous_unit_scores;
        ${comments(m)}`;
    }
  }
}
