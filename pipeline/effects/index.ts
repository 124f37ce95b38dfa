/**
 * Past-transfer effects: Callaway & Sant'Anna (2021) staggered difference-in-differences, matching R's `did`
 * (`att_gt` + `aggte`, no covariates, balanced panel, varying base period, no anticipation). See
 * docs/method-effects.md for the formulas and the choices made.
 *
 * `estimateEffects(rows, options)` runs the whole pipeline; the building blocks are exported for reuse.
 */
import { aggregateCalendar, aggregateDynamic, aggregateGroup, aggregateSimple, estimateSumOfSquares } from './aggregate.ts';
import type { AggregateOptions, Estimate } from './aggregate.ts';
import { cellAnalyticSe, computeAttGt, preTest, seFromSumOfSquares } from './attgt.ts';
import type { AttGtResult } from './attgt.ts';
import { attGtDraws, drawScale, estimateDraws, seFromScale, supTCritical } from './bootstrap.ts';
import type { MultiplierWeights } from './bootstrap.ts';
import { balancePanel, preparePanel } from './panel.ts';
import type { BalancedPanel, ControlGroup, PanelRow } from './panel.ts';
import { qnorm } from './stats.ts';
import { TWFE_NOTE, twfeDid } from './twfe.ts';

export * from './panel.ts';
export * from './attgt.ts';
export * from './aggregate.ts';
export * from './bootstrap.ts';
export * from './twfe.ts';
export { qnorm, pnorm, pchisq, pchisqUpper, quantileType1 } from './stats.ts';

export interface EffectsOptions extends AggregateOptions {
  /** comparison units: never treated (did's default) or also not yet treated */
  control?: ControlGroup;
  /** multiplier-bootstrap draws (default 1000, as did); 0 = analytic SEs and pointwise intervals only */
  biters?: number;
  /** bootstrap seed (default 1) */
  seed?: number;
  /** bootstrap multipliers (default Rademacher, as did) */
  weights?: MultiplierWeights;
  /** 1 − confidence level (default 0.05) */
  alpha?: number;
  /** simultaneous bands for ATT(g,t) and the event-study/group/calendar estimates (default true; needs the bootstrap) */
  cband?: boolean;
  /** did's Wald pre-test (default true). It costs O(K²·n) for K pre-treatment cells: turn it off for long
   *  monthly panels of many units, where it dominates the run time (`pretest` is then null). */
  pretest?: boolean;
  /** the analytic SEs of the aggregates (`se_analytic` of simple, dynamic, group and calendar; default true). With
   *  the bootstrap on they are reported beside the bootstrap SE but used for nothing else (did's aggte uses the
   *  bootstrap SE): false skips them (`se_analytic` null), O(n · T²) for the class moments they need. */
  analyticAggregates?: boolean;
}

/** An estimate as reported: null where did reports NA. */
export interface EffectRow {
  att: number | null;
  /** bootstrap SE when the bootstrap is on (did's default), else the analytic SE */
  se: number | null;
  /** sqrt(mean(IF²) / n) */
  se_analytic: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

export interface EffectsResult {
  control: ControlGroup;
  n_units: number;
  periods: number[];
  groups: number[];
  alpha: number;
  bootstrap: { biters: number; seed: number; weights: MultiplierWeights } | null;
  warnings: string[];
  att_gt: (EffectRow & {
    group: number;
    time: number;
    base_time: number;
    post: boolean;
    n_treated: number;
    n_control: number;
  })[];
  /** critical value of the ATT(g,t) intervals: sup-t (simultaneous) with the bootstrap, else the normal quantile */
  att_gt_crit_val: number;
  /** did's Wald pre-test that all pre-treatment ATT(g,t) are zero */
  pretest: { stat: number; df: number; p_value: number } | null;
  simple: EffectRow;
  dynamic: (EffectRow & { e: number })[];
  /** average of the event-study estimates over e ≥ 0 */
  dynamic_overall: EffectRow;
  dynamic_crit_val: number;
  group: (EffectRow & { group: number })[];
  group_overall: EffectRow;
  group_crit_val: number;
  calendar: (EffectRow & { time: number })[];
  calendar_overall: EffectRow;
  calendar_crit_val: number;
  /** naive TWFE estimate, for comparison */
  twfe: { att: number | null; se: number | null; n_obs: number; n_clusters: number; note: string };
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

/** Analytic SE of an aggregate, sqrt(mean(IF²) / n), from its class form (no dense influence function). */
function estimateAnalyticSe(res: AttGtResult, e: Estimate): number {
  return seFromSumOfSquares(estimateSumOfSquares(res, e), res.n);
}

/** Estimate group-time effects, their aggregations, bootstrap inference and the TWFE comparison. */
export function estimateEffects(rows: readonly PanelRow[], options: EffectsOptions = {}): EffectsResult {
  checkAlpha(options);
  return estimateEffectsBalanced(balancePanel(rows), options);
}

function checkAlpha(options: EffectsOptions): number {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be in (0, 1), got ${alpha}`);
  return alpha;
}

/** `estimateEffects` on a panel already validated and arranged by `balancePanel` (or `balancedFromSortedColumns`). */
export function estimateEffectsBalanced(bal: BalancedPanel, options: EffectsOptions = {}): EffectsResult {
  const control = options.control ?? 'nevertreated';
  const alpha = checkAlpha(options);
  const biters = options.biters ?? 1000;
  const seed = options.seed ?? 1;
  const weights = options.weights ?? 'rademacher';
  const z = qnorm(1 - alpha / 2);

  const panel = preparePanel(bal, control);
  const res = computeAttGt(panel);
  const warnings = [...panel.warnings, ...res.warnings];

  const simple = aggregateSimple(panel, res, options);
  const dynamic = aggregateDynamic(panel, res, options);
  const group = aggregateGroup(panel, res, options);
  const calendar = aggregateCalendar(panel, res, options);

  // bootstrap: draws of every ATT(g,t) and cohort multiplier sums; aggregates follow by linearity
  const boot = biters > 0 ? attGtDraws(panel, res, { biters, seed, weights }) : null;
  const cband = (options.cband ?? true) && boot !== null && panel.times.length > 2;
  const drawsOf = new Map<Estimate, Float64Array>();
  const draws = (e: Estimate) => {
    let d = drawsOf.get(e);
    if (!d) drawsOf.set(e, (d = estimateDraws(e, boot!)));
    return d;
  };
  // a column's bootstrap scale serves both its SE and its family's sup-t value: compute it once
  const scales = new Map<Float64Array, number>();
  const scaleOf = (d: Float64Array) => {
    let s = scales.get(d);
    if (s === undefined) scales.set(d, (s = drawScale(d)));
    return s;
  };
  /** did: att_gt keeps NA where the analytic SE is NA; aggte always uses the bootstrap SE */
  const row = (att: number, seA: number, draw: Float64Array | null, crit: number, aggte: boolean): EffectRow => {
    let se = seA;
    if (draw && (aggte || Number.isFinite(seA))) se = seFromScale(scaleOf(draw), panel.n, panel.n);
    const ok = Number.isFinite(att) && Number.isFinite(se);
    return {
      att: num(att),
      se: num(se),
      se_analytic: num(seA),
      ci_low: ok ? att - crit * se : null,
      ci_high: ok ? att + crit * se : null,
    };
  };
  const analytic = options.analyticAggregates ?? true;
  const estRow = (e: Estimate, crit: number) => row(e.att, analytic || !boot ? estimateAnalyticSe(res, e) : NaN, boot ? draws(e) : null, crit, true);
  const supT = (cols: Float64Array[]) => supTCritical(cols, alpha, cols.map(scaleOf));
  const bandCrit = (ests: Estimate[], label: string): number => {
    if (!cband || !boot) return z;
    const c = supT(ests.map(draws));
    if (!Number.isFinite(c)) {
      warnings.push(`${label}: simultaneous critical value is not available; using pointwise intervals.`);
      return z;
    }
    if (c < z) {
      warnings.push(`${label}: simultaneous band narrower than pointwise; using pointwise intervals.`);
      return z;
    }
    if (c >= 7) warnings.push(`${label}: simultaneous critical value ${c.toFixed(2)} is very large and may be unreliable.`);
    return c;
  };

  // att_gt: did computes the band over all cells whose bootstrap scale is non-degenerate, without the fallback
  let attCrit = z;
  if (cband && boot) {
    const c = supT(boot.cells);
    if (Number.isFinite(c)) attCrit = c;
    if (c >= 7) warnings.push(`ATT(g,t): simultaneous critical value ${c.toFixed(2)} is very large and may be unreliable.`);
  }
  const dynCrit = bandCrit(dynamic.items, 'Event study');
  const grpCrit = bandCrit(group.items, 'Group effects');
  const calCrit = bandCrit(calendar.items, 'Calendar effects');

  const pre = options.pretest === false ? null : preTest(res);
  const tw = twfeDid(panel);

  return {
    att_gt: res.cells.map((c, k) => ({
      group: c.group,
      time: c.time,
      ...row(c.att, cellAnalyticSe(res, k), boot ? boot.cells[k] : null, attCrit, false),
      base_time: c.baseTime,
      post: c.post,
      n_treated: c.nTreated,
      n_control: c.nControl,
    })),
    simple: estRow(simple, z),
    dynamic: dynamic.items.map((it) => ({ e: it.key, ...estRow(it, dynCrit) })),
    group: group.items.map((it) => ({ group: it.key, ...estRow(it, grpCrit) })),
    calendar: calendar.items.map((it) => ({ time: it.key, ...estRow(it, calCrit) })),
    att_gt_crit_val: attCrit,
    dynamic_overall: estRow(dynamic.overall, z),
    dynamic_crit_val: dynCrit,
    group_overall: estRow(group.overall, z),
    group_crit_val: grpCrit,
    calendar_overall: estRow(calendar.overall, z),
    calendar_crit_val: calCrit,
    pretest: pre ? { stat: pre.stat, df: pre.df, p_value: pre.pValue } : null,
    control,
    n_units: panel.n,
    periods: panel.times,
    groups: panel.groups,
    alpha,
    bootstrap: boot ? { biters, seed, weights } : null,
    warnings,
    twfe: { att: num(tw.beta), se: num(tw.se), n_obs: tw.nObs, n_clusters: tw.nClusters, note: TWFE_NOTE },
  };
}
