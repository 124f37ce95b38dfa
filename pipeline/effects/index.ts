/**
 * Past-transfer effects: Callaway & Sant'Anna (2021) staggered difference-in-differences, matching R's `did`
 * (`att_gt` + `aggte`, no covariates, balanced panel, varying base period, no anticipation). See
 * docs/method-effects.md for the formulas and the choices made.
 *
 * `estimateEffects(rows, options)` runs the whole pipeline; the building blocks are exported for reuse.
 */
import { aggregateCalendar, aggregateDynamic, aggregateGroup, aggregateSimple } from './aggregate.ts';
import type { AggregateOptions, Estimate } from './aggregate.ts';
import { analyticSe, computeAttGt, preTest } from './attgt.ts';
import { attGtDraws, bootstrapSe, estimateDraws, supTCritical } from './bootstrap.ts';
import type { MultiplierWeights } from './bootstrap.ts';
import { balancePanel, preparePanel } from './panel.ts';
import type { ControlGroup, PanelRow } from './panel.ts';
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

/** Estimate group-time effects, their aggregations, bootstrap inference and the TWFE comparison. */
export function estimateEffects(rows: readonly PanelRow[], options: EffectsOptions = {}): EffectsResult {
  const control = options.control ?? 'nevertreated';
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`alpha must be in (0, 1), got ${alpha}`);
  const biters = options.biters ?? 1000;
  const seed = options.seed ?? 1;
  const weights = options.weights ?? 'rademacher';
  const z = qnorm(1 - alpha / 2);

  const panel = preparePanel(balancePanel(rows), control);
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
  const cellEstimates: Estimate[] = res.cells.map((c, k) => {
    const cellWeights = new Float64Array(res.cells.length);
    cellWeights[k] = 1;
    return { att: c.att, inf: res.inf[k], cellWeights, cohortTerm: new Map() };
  });
  res.cells.forEach((_, k) => drawsOf.set(cellEstimates[k], boot ? boot.cells[k] : new Float64Array()));
  /** did: att_gt keeps NA where the analytic SE is NA; aggte always uses the bootstrap SE */
  const row = (e: Estimate, crit: number, aggte: boolean): EffectRow => {
    const seA = analyticSe(e.inf);
    let se = seA;
    if (boot && (aggte || Number.isFinite(seA))) se = bootstrapSe(draws(e), panel.n, panel.n);
    const ok = Number.isFinite(e.att) && Number.isFinite(se);
    return {
      att: num(e.att),
      se: num(se),
      se_analytic: num(seA),
      ci_low: ok ? e.att - crit * se : null,
      ci_high: ok ? e.att + crit * se : null,
    };
  };
  const bandCrit = (ests: Estimate[], label: string): number => {
    if (!cband || !boot) return z;
    const c = supTCritical(ests.map(draws), alpha);
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
    const c = supTCritical(boot.cells, alpha);
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
      ...row(cellEstimates[k], attCrit, false),
      base_time: c.baseTime,
      post: c.post,
      n_treated: c.nTreated,
      n_control: c.nControl,
    })),
    simple: row(simple, z, true),
    dynamic: dynamic.items.map((it) => ({ e: it.key, ...row(it, dynCrit, true) })),
    group: group.items.map((it) => ({ group: it.key, ...row(it, grpCrit, true) })),
    calendar: calendar.items.map((it) => ({ time: it.key, ...row(it, calCrit, true) })),
    att_gt_crit_val: attCrit,
    dynamic_overall: row(dynamic.overall, z, true),
    dynamic_crit_val: dynCrit,
    group_overall: row(group.overall, z, true),
    group_crit_val: grpCrit,
    calendar_overall: row(calendar.overall, z, true),
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
