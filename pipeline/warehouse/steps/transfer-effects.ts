/**
 * Derived step: the effects of past transfers, estimated with Callaway & Sant'Anna (2021) staggered DiD
 * (pipeline/effects, docs/method-effects.md) on the panels the SQL models build:
 *
 * - unit level (marts/effect_panel_unit): the effect on a unit of gaining staff in a rotation wave, on its mean SKP
 *   score, mean rating rank, EJ and staffing gap. Units that only LOSE staff in a wave (senders) are left out:
 *   their EJ and staffing gap change mechanically, so they are no comparison for the receivers.
 * - employee level (marts/effect_panel_employee): the effect of a transfer on the person who moves, on the score
 *   relative to settled colleagues (the ramp-up; stored again in transfer_rampup for the what-if simulator) and
 *   on the raw score (which also carries the level of the new unit).
 *
 * Comparison group: not-yet-treated (did's `control_group = "notyettreated"`): units (people) treated later serve
 * as controls until they are treated, besides the never-treated. They are the closer comparison — later-wave
 * receivers are overloaded units like the earlier ones, later movers are mobile staff like the earlier ones — and
 * they add comparisons where the never-treated group is small. Inference: multiplier bootstrap, 999 Rademacher
 * draws, fixed seed, so the same warehouse inputs give the same tables. did's Wald pre-test is skipped for the
 * employee panel (O(K²·n) for K pre-treatment cells: it would dominate the build).
 *
 * Writes transfer_effect, transfer_rampup and transfer_effect_info (what was estimated, sample sizes, warnings).
 * An outcome that cannot be estimated (no wave, no ratings, too few units) is recorded in transfer_effect_info
 * with the reason; the build goes on.
 */
import type { DuckDBConnection, DuckDBMaterializedResult, DuckDBVector } from '@duckdb/node-api';
import type { DerivedStep } from '../derived.ts';
import { balancedFromSortedColumns, balancePanel, EffectsInputError, estimateEffectsBalanced, qnorm } from '../../effects/index.ts';
import type { BalancedPanel, ControlGroup, EffectsResult, PanelColumns, PanelRow } from '../../effects/index.ts';
import type { TransferEffectRow } from '../../domain/transfer-effect.ts';

export const EFFECTS_BITERS = 999;
export const EFFECTS_SEED = 20_240_922;
export const EFFECTS_CONTROL: ControlGroup = 'notyettreated';
/** months since the transfer stored in transfer_rampup (0 … RAMPUP_MONTHS, as far as the data reach) */
export const RAMPUP_MONTHS = 24;
/** the employee-level outcome the ramp-up is read from */
export const RAMPUP_OUTCOME = 'score_vs_colleagues';

interface Spec {
  level: 'unit' | 'employee';
  outcome: string;
  pretest: boolean;
}

export const EFFECT_SPECS: readonly Spec[] = [
  { level: 'unit', outcome: 'mean_score', pretest: true },
  { level: 'unit', outcome: 'mean_rating_rank', pretest: true },
  { level: 'unit', outcome: 'ej', pretest: true },
  { level: 'unit', outcome: 'staffing_gap', pretest: true },
  { level: 'employee', outcome: 'score_vs_colleagues', pretest: false },
  { level: 'employee', outcome: 'score', pretest: false },
];

/** one row of transfer_effect before the months are attached */
interface EffectOut extends TransferEffectRow {
  outcome: string;
  level: string;
}

interface InfoOut {
  outcome: string;
  level: string;
  status: 'estimated' | 'not_estimated';
  message: string | null;
  control: string;
  n_units: number | null;
  n_treated: number | null;
  n_left_out: number;
  n_periods: number | null;
  cohorts: number[];
  biters: number;
  seed: number;
  pretest_p: number | null;
  warnings: string[];
  ms: number;
}

/** the panel as read: one typed array per column */
type Columns = { [K in keyof PanelColumns]: Float64Array };

/**
 * The panels of the specs of one level, read in one query (every outcome of the level as a column). Unit level:
 * senders (units that only lose staff in a wave) are no comparison; a unit or person with the outcome missing
 * (NULL, NaN, ±Infinity) in some month is left out of that outcome's panel (the estimator needs a balanced panel).
 * ids number the keys left in, in key order, 1, 2, … (a dense rank), separately for each outcome.
 */
async function readPanels(conn: DuckDBConnection, specs: readonly Spec[]): Promise<{ cols: Columns; leftOut: number }[]> {
  if (specs.length === 0) return [];
  const [table, key, where] = specs[0]!.level === 'unit'
    ? ['effect_panel_unit', 'unit_id', `wave_role <> 'sender'`]
    : ['effect_panel_employee', 'nip', 'true'];
  // keys numbered over the distinct keys (a dense rank over all rows, with a much smaller sort)
  const r = await conn.run(`
    WITH ids AS (
      SELECT ${key}, CAST(row_number() OVER (ORDER BY ${key}) AS INTEGER) AS id
      FROM (SELECT DISTINCT ${key} FROM ${table} WHERE (${where})))
    SELECT ids.id, t, cohort, ${specs.map((sp) => `CAST("${sp.outcome}" AS DOUBLE)`).join(', ')}
    FROM ${table} JOIN ids USING (${key}) WHERE (${where}) ORDER BY ids.id, t`);
  const [id, time, cohort, ...ys] = numericColumns(r, 3 + specs.length);
  return ys.map((y) => {
    // the keys with the outcome missing in some month
    const bad = new Set<number>();
    for (let i = 0; i < y.length; i++) if (!Number.isFinite(y[i])) bad.add(id[i]);
    if (bad.size === 0) return { cols: { id, time, cohort, y }, leftOut: 0 };
    const keep: number[] = [];
    for (let i = 0; i < y.length; i++) if (!bad.has(id[i])) keep.push(i);
    const cols: Columns = { id: new Float64Array(keep.length), time: new Float64Array(keep.length), cohort: new Float64Array(keep.length), y: new Float64Array(keep.length) };
    let next = 0;
    let prev = NaN;
    keep.forEach((i, j) => {
      if (id[i] !== prev) {
        prev = id[i];
        next++;
      }
      cols.id[j] = next;
      cols.time[j] = time[i];
      cols.cohort[j] = cohort[i];
      cols.y[j] = y[i];
    });
    return { cols, leftOut: bad.size };
  });
}

/** The first columns of a result as typed arrays (NULL → NaN), read chunk by chunk without per-row objects. */
function numericColumns(r: DuckDBMaterializedResult, count: number): Float64Array[] {
  const chunks = Array.from({ length: r.chunkCount }, (_, c) => r.getChunk(c));
  const rowCount = chunks.reduce((s, ch) => s + ch.rowCount, 0);
  const out = Array.from({ length: count }, () => new Float64Array(rowCount));
  let offset = 0;
  for (const ch of chunks) {
    for (let k = 0; k < count; k++) readVector(ch.getColumnVector(k), ch.rowCount, out[k], offset);
    offset += ch.rowCount;
  }
  return out;
}

function readVector(vec: DuckDBVector, m: number, out: Float64Array, offset: number): void {
  const items = plainItems(vec);
  if (items && items.length === m) {
    out.set(items, offset);
    return;
  }
  for (let i = 0; i < m; i++) {
    const v = vec.getItem(i);
    out[offset + i] = v === null ? NaN : Number(v);
  }
}

/**
 * The values of a DOUBLE or INTEGER vector without NULLs as the typed array the vector holds them in, or null.
 * @duckdb/node-api keeps them in `items` and a validity mask in `validity.data` (null when every value is
 * valid), both private: when that is not what is found (another version), null, and the values are read one by
 * one with getItem. Reading 350,000 rows × 4 columns one value at a time took ~120 ms of the employee panel's
 * estimation.
 */
function plainItems(vec: DuckDBVector): Float64Array | Int32Array | null {
  const v = vec as unknown as { items?: unknown; validity?: { data?: unknown } };
  if (!(v.items instanceof Float64Array || v.items instanceof Int32Array)) return null;
  if (!v.validity || !('data' in v.validity) || v.validity.data !== null) return null;
  return v.items;
}

/**
 * Rows of the columns, for `balancePanel` to report what is wrong when the columns are not a balanced panel;
 * NULLs are given back as null (as the query returned them), so that its messages name them so.
 */
function rowsOf(cols: PanelColumns): PanelRow[] {
  const orNull = (v: number) => (Number.isNaN(v) ? null : v);
  return Array.from({ length: cols.id.length }, (_, i) => ({
    id: cols.id[i], time: orNull(cols.time[i]) as number, cohort: orNull(cols.cohort[i]) as number, y: orNull(cols.y[i]),
  }));
}

/** units per treated cohort in the estimation sample (did drops cohorts treated in the first period) */
function cohortSizes(bal: BalancedPanel, res: EffectsResult): Map<number, number> {
  const groups = new Set(res.groups);
  const out = new Map<number, number>();
  for (const c of bal.cohort) if (groups.has(c)) out.set(c, (out.get(c) ?? 0) + 1);
  return out;
}

function effectRows(spec: Spec, res: EffectsResult, sizes: Map<number, number>): EffectOut[] {
  const z = qnorm(1 - res.alpha / 2);
  const treated = [...sizes.values()].reduce((a, b) => a + b, 0);
  const out: EffectOut[] = [];
  // each row one object literal with every field (objects built by spreading took ~15 MB of short-lived memory
  // for the province's ~3,500 rows, as each added field grew their property store)
  type Est = { att: number | null; se: number | null; ci_low: number | null; ci_high: number | null };
  const add = (aggregation: EffectOut['aggregation'], group: number | null, time: number | null, eventTime: number | null,
    r: Est, critVal: number, nTreated: number | null) => {
    out.push({
      outcome: spec.outcome, level: spec.level, n: res.n_units, aggregation, group, time, event_time: eventTime,
      att: r.att, se: r.se, ci_low: r.ci_low, ci_high: r.ci_high, crit_val: critVal, n_treated: nTreated,
    });
  };
  for (const c of res.att_gt) add('att_gt', c.group, c.time, c.time - c.group, c, res.att_gt_crit_val, c.n_treated);
  add('simple', null, null, null, res.simple, z, treated);
  // cohorts with a cell at each event time
  const cohortsAt = new Map<number, Set<number>>();
  for (const c of res.att_gt) {
    const e = c.time - c.group;
    if (!cohortsAt.has(e)) cohortsAt.set(e, new Set());
    cohortsAt.get(e)!.add(c.group);
  }
  for (const d of res.dynamic) {
    const n = [...sizes].filter(([g]) => cohortsAt.get(d.e)?.has(g)).reduce((a, [, k]) => a + k, 0);
    add('dynamic', null, null, d.e, d, res.dynamic_crit_val, n);
  }
  add('dynamic', null, null, null, res.dynamic_overall, z, treated);
  for (const g of res.group) add('group', g.group, null, null, g, res.group_crit_val, sizes.get(g.group) ?? null);
  add('group', null, null, null, res.group_overall, z, treated);
  for (const c of res.calendar) {
    const n = [...sizes].filter(([g]) => g <= c.time).reduce((a, [, k]) => a + k, 0);
    add('calendar', null, c.time, null, c, res.calendar_crit_val, n);
  }
  add('calendar', null, null, null, res.calendar_overall, z, treated);
  const tw = res.twfe;
  const ok = tw.att !== null && tw.se !== null;
  add('twfe', null, null, null, { att: tw.att, se: tw.se, ci_low: ok ? tw.att! - z * tw.se! : null, ci_high: ok ? tw.att! + z * tw.se! : null }, z, treated);
  return out;
}

const num = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NULL' : String(v));
/** a DOUBLE literal that round-trips exactly (a bare 0.123… literal is read as DECIMAL first and can lose the last bit) */
const dbl = (v: number | null | undefined): string => (v === null || v === undefined || !Number.isFinite(v) ? 'NULL' : `'${String(v)}'::DOUBLE`);
const txt = (v: string | null): string => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`);

async function insertValues(conn: DuckDBConnection, table: string, rows: string[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await conn.run(`INSERT INTO ${table} VALUES ${rows.slice(i, i + 2000).join(', ')}`);
}

/** A spec's panel as read, and how long reading it took. */
interface ReadPanel {
  spec: Spec;
  cols: Columns;
  leftOut: number;
  ms: number;
}

/** Read the panels of the specs of one level (DuckDB). */
async function readLevel(conn: DuckDBConnection, level: Spec['level']): Promise<ReadPanel[]> {
  const t0 = performance.now();
  const specs = EFFECT_SPECS.filter((s) => s.level === level);
  const panels = await readPanels(conn, specs);
  // the query's time shared among the level's outcomes
  const ms = (performance.now() - t0) / Math.max(1, specs.length);
  return specs.map((spec, k) => ({ spec, ...panels[k]!, ms }));
}

/** Estimate the effects of panels already read (JavaScript only: no DuckDB, so it can run while DuckDB works). */
function estimatePanels(panels: ReadPanel[]): { effects: EffectOut[]; info: InfoOut[] } {
  const effects: EffectOut[] = [];
  const info: InfoOut[] = [];
  for (const { spec, cols, leftOut, ms: readMs } of panels) {
    const t0 = performance.now() - readMs;
    const common = { outcome: spec.outcome, level: spec.level, control: EFFECTS_CONTROL, n_left_out: leftOut, biters: EFFECTS_BITERS, seed: EFFECTS_SEED };
    let res: EffectsResult;
    let bal: BalancedPanel;
    try {
      if (cols.id.length === 0) {
        throw new EffectsInputError(leftOut > 0
          ? `no ${spec.level} has ${spec.outcome} in every month of the calendar (${leftOut} left out)`
          : `the ${spec.level} panel is empty`);
      }
      if (!cols.cohort.some((g) => g > 0)) throw new EffectsInputError('nobody is treated: no transfer wave (unit level) or transfer (employee level) inside the calendar');
      bal = balancedFromSortedColumns(cols) ?? balancePanel(rowsOf(cols));
      // the aggregates' analytic SEs are not stored (transfer_effect has the bootstrap SE): not computed
      res = estimateEffectsBalanced(bal, { control: EFFECTS_CONTROL, biters: EFFECTS_BITERS, seed: EFFECTS_SEED, pretest: spec.pretest, analyticAggregates: false });
    } catch (e) {
      if (!(e instanceof EffectsInputError)) throw e;
      info.push({
        ...common, status: 'not_estimated', message: e.message, n_units: null, n_treated: null, n_periods: null, cohorts: [],
        pretest_p: null, warnings: [], ms: performance.now() - t0,
      });
      continue;
    }
    const sizes = cohortSizes(bal, res);
    effects.push(...effectRows(spec, res, sizes));
    info.push({
      ...common, status: 'estimated', message: null, n_units: res.n_units,
      n_treated: [...sizes.values()].reduce((a, b) => a + b, 0), n_periods: res.periods.length, cohorts: res.groups,
      pretest_p: res.pretest?.p_value ?? null, warnings: res.warnings, ms: performance.now() - t0,
    });
  }
  return { effects, info };
}

export async function runTransferEffects(conn: DuckDBConnection): Promise<{ effects: EffectOut[]; info: InfoOut[] }> {
  const unit = estimatePanels(await readLevel(conn, 'unit'));
  const employee = estimatePanels(await readLevel(conn, 'employee'));
  return { effects: [...unit.effects, ...employee.effects], info: [...unit.info, ...employee.info] };
}

async function writeTables(conn: DuckDBConnection, effects: EffectOut[], info: InfoOut[]): Promise<void> {
  await conn.run(`
    CREATE OR REPLACE TEMP TABLE _transfer_effect (outcome VARCHAR, level VARCHAR, aggregation VARCHAR, "group" INTEGER, "time" INTEGER,
      event_time INTEGER, att DOUBLE, se DOUBLE, ci_low DOUBLE, ci_high DOUBLE, crit_val DOUBLE, n INTEGER, n_treated INTEGER, ord INTEGER)`);
  // the appender: a VALUES list of ~3,500 rows took DuckDB 0.3–0.6 s to parse and bind
  const app = await conn.createAppender('_transfer_effect', 'main', 'temp');
  const int = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? app.appendNull() : app.appendInteger(v));
  // as dbl(): NULL when not finite, and −0 written as 0
  const double = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? app.appendNull() : app.appendDouble(v === 0 ? 0 : v));
  effects.forEach((e, k) => {
    app.appendVarchar(e.outcome);
    app.appendVarchar(e.level);
    app.appendVarchar(e.aggregation);
    int(e.group);
    int(e.time);
    int(e.event_time);
    double(e.att);
    double(e.se);
    double(e.ci_low);
    double(e.ci_high);
    double(e.crit_val);
    int(e.n);
    int(e.n_treated);
    app.appendInteger(k);
    app.endRow();
  });
  app.closeSync();
  await conn.run(`
    CREATE OR REPLACE TABLE transfer_effect AS
    WITH cal AS (SELECT "month", CAST(row_number() OVER (ORDER BY "month") AS INTEGER) AS t FROM month_calendar)
    SELECT e.outcome, e.level, e.aggregation, e."group", cg."month" AS group_month, e."time", ct."month" AS time_month,
           e.event_time, e.att, e.se, e.ci_low, e.ci_high, e.crit_val, e.n, e.n_treated
    FROM _transfer_effect e
    LEFT JOIN cal cg ON cg.t = e."group"
    LEFT JOIN cal ct ON ct.t = e."time"
    ORDER BY e.ord;
    DROP TABLE _transfer_effect;
    COMMENT ON TABLE transfer_effect IS 'Effects of past transfers (Callaway & Sant''Anna 2021, did-compatible; docs/method-effects.md): per outcome and level (unit: gaining staff in a rotation wave; employee: being transferred), ATT(g,t) and the simple, dynamic (event-study), group and calendar aggregations with multiplier-bootstrap SEs (999 draws, fixed seed), and the naive TWFE estimate for comparison; overall summaries have NULL keys';
    COMMENT ON COLUMN transfer_effect.aggregation IS 'att_gt (one cohort × month), simple (all post-treatment cells, cohort-share weighted), dynamic (by event_time; NULL event_time = average over event_time ≥ 0), group (by cohort; NULL group = overall), calendar (by month; NULL time = overall), twfe (naive two-way fixed effects, biased under staggered timing)';
    COMMENT ON COLUMN transfer_effect."group" IS 'cohort: month index (1 = first month of month_calendar) of the first wave (unit) or first transfer (employee)';
    COMMENT ON COLUMN transfer_effect."time" IS 'month index of the period (att_gt, calendar)';
    COMMENT ON COLUMN transfer_effect.event_time IS 'months since treatment, time − group (att_gt, dynamic)';
    COMMENT ON COLUMN transfer_effect.ci_low IS 'att − crit_val × se: simultaneous (sup-t) bands for the att_gt, dynamic, group and calendar families, pointwise 95 % for simple, overall summaries and twfe';
    COMMENT ON COLUMN transfer_effect.n IS 'units (or employees) in the estimation sample';
    COMMENT ON COLUMN transfer_effect.n_treated IS 'treated units behind the estimate (the cohort for att_gt and group; cohorts reaching that event time or month for dynamic and calendar; all treated for the summaries)';
  `);

  await conn.run(`
    CREATE OR REPLACE TABLE transfer_effect_info (outcome VARCHAR, level VARCHAR, status VARCHAR, message VARCHAR, control VARCHAR,
      n_units INTEGER, n_treated INTEGER, n_left_out INTEGER, n_periods INTEGER, cohorts INTEGER[], biters INTEGER, seed BIGINT,
      pretest_p DOUBLE, warnings VARCHAR[])`);
  await insertValues(conn, 'transfer_effect_info', info.map((i) =>
    `(${[txt(i.outcome), txt(i.level), txt(i.status), txt(i.message), txt(i.control), num(i.n_units), num(i.n_treated), num(i.n_left_out),
      num(i.n_periods), `[${i.cohorts.join(', ')}]::INTEGER[]`, String(i.biters), String(i.seed), dbl(i.pretest_p),
      `[${i.warnings.map(txt).join(', ')}]::VARCHAR[]`].join(', ')})`));
  await conn.run(`
    COMMENT ON TABLE transfer_effect_info IS 'One row per outcome × level of transfer_effect: estimated or not (and why), comparison group, sample sizes, units left out for a missing outcome (n_left_out), cohorts, bootstrap draws and seed, did pre-test p-value (unit level), the estimator''s warnings';
  `);

  // the ramp-up for the what-if simulator: employee-level event-study effects on the score relative to settled colleagues
  await conn.run(`
    CREATE OR REPLACE TABLE transfer_rampup AS
    WITH base AS (SELECT CAST(avg(CAST(score AS DECIMAL(18, 4))) AS DOUBLE) AS baseline FROM effect_panel_employee)
    SELECT CAST(e.event_time AS INTEGER) AS months_since_transfer, e.att AS effect, e.se, e.ci_low, e.ci_high,
           1 + e.att / b.baseline AS share_of_full_productivity, b.baseline AS baseline_score, e.n_treated
    FROM transfer_effect e CROSS JOIN base b
    WHERE e.level = 'employee' AND e.outcome = '${RAMPUP_OUTCOME}' AND e.aggregation = 'dynamic'
      AND e.event_time BETWEEN 0 AND ${RAMPUP_MONTHS}
    ORDER BY months_since_transfer;
    COMMENT ON TABLE transfer_rampup IS 'Ramp-up after a transfer, for the what-if simulator: the employee-level event-study effect (Callaway & Sant''Anna, not-yet-transferred comparison) on the SKP score relative to settled colleagues, by months since the transfer; share_of_full_productivity = 1 + effect / baseline_score (mean score of the employee panel; values just above 1 are noise)';
    COMMENT ON COLUMN transfer_rampup.effect IS 'score points relative to settled colleagues, against the months before the transfer';
    COMMENT ON COLUMN transfer_rampup.ci_low IS 'simultaneous (sup-t) 95 % band over all event times';
  `);
}

async function finish(conn: DuckDBConnection, effects: EffectOut[], info: InfoOut[]): Promise<string> {
  await writeTables(conn, effects, info);
  const done = info.filter((i) => i.status === 'estimated');
  const simple = (lvl: string, o: string) => effects.find((e) => e.level === lvl && e.outcome === o && e.aggregation === 'simple')?.att;
  const ms = simple('unit', 'mean_score');
  return `${done.length}/${info.length} outcome × level estimated (${info.map((i) => `${i.level}/${i.outcome} ${Math.round(i.ms)} ms`).join(', ')})`
    + (ms !== undefined && ms !== null ? `; unit mean-score ATT ${ms.toFixed(2)}` : '');
}

type Estimated = ReturnType<typeof estimatePanels>;

export const transferEffectsStep: DerivedStep = {
  name: 'transfer_effect, transfer_rampup',
  async run(conn) {
    const { effects, info } = await runTransferEffects(conn);
    return finish(conn, effects, info);
  },
  // each level is estimated while DuckDB computes models its panel does not read (alongside.ts): the unit level
  // while DuckDB computes effect_panel_employee, the employee level beside the last batch. The unit level slows
  // that model (0.34 → 0.56 s in an incremental build), but it also compiles the estimator's code (V8), so the
  // employee level then runs warm: incremental build, 6 interleaved pairs, 2.46 → 2.36 s wall against one stage
  // for both levels; full build, 4 pairs, 9.54 → 9.52 s. (With the slower estimator of 65fc548 one stage was the
  // faster, 4.20 → 4.01 s.)
  stages: [{
    reads: ['effect_panel_unit'],
    read: async (conn: DuckDBConnection) => readLevel(conn, 'unit'),
    compute: (panels: unknown) => estimatePanels(panels as ReadPanel[]),
  }, {
    reads: ['effect_panel_employee'],
    read: async (conn: DuckDBConnection) => readLevel(conn, 'employee'),
    compute: (panels: unknown) => estimatePanels(panels as ReadPanel[]),
  }],
  finish(conn, results) {
    const all = results as Estimated[];
    return finish(conn, all.flatMap((r) => r.effects), all.flatMap((r) => r.info));
  },
};
