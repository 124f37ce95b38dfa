/**
 * Aggregations of ATT(g,t) as in R's `did::aggte` (`compute.aggte`): simple, dynamic (event time), group and
 * calendar, each with its influence function, including the term for the estimated group-share weights
 * (did's `wif`) wherever the weights are estimated.
 *
 * Weights use p_g = N_g / n (share of units in cohort g among all n units of the estimation sample).
 * - simple:   Σ_{post cells} p_g ATT(g,t) / Σ p_g                          (+ wif)
 * - dynamic:  θ(e) = Σ_{t−g=e} p_g ATT(g,t) / Σ p_g  for every event time e (+ wif); overall = mean of θ(e), e ≥ 0
 * - group:    θ(g) = mean of the post-treatment ATT(g,t) (no estimated weights); overall = Σ p_g θ(g) / Σ p_g (+ wif)
 * - calendar: θ(t) = Σ_{g ≤ t} p_g ATT(g,t) / Σ p_g (+ wif); overall = mean of θ(t)
 */
import { addCellInfluence } from './attgt.ts';
import type { AttGtResult } from './attgt.ts';
import type { Panel } from './panel.ts';
import { EffectsInputError } from './panel.ts';

/**
 * An estimate with its influence function (one entry per unit). Every aggregate is linear in the ATT(g,t)
 * influence functions plus a term that depends only on the unit's cohort (the weight-estimation term), so the
 * influence function is also kept in that form: inf_i = Σ_k cellWeights[k] · IF_k,i + cohortTerm(G_i).
 */
export interface Estimate {
  att: number;
  /** the dense influence function, built on first access (n doubles per estimate; `estimateSumOfSquares` and
   *  the bootstrap work from cellWeights and cohortTerm) */
  readonly inf: Float64Array;
  /** weight of each ATT(g,t) (index into the att_gt cells) */
  cellWeights: Float64Array;
  /** per-cohort additive term (Infinity = never treated); absent cohorts contribute 0 */
  cohortTerm: Map<number, number>;
}

/** An aggregation: one estimate per key (event time, group or period) and an overall summary. */
export interface Aggregation {
  items: (Estimate & { key: number })[];
  overall: Estimate;
}

export interface AggregateOptions {
  /** drop ATT(g,t) that could not be estimated instead of failing (did's `na.rm`) */
  naRm?: boolean;
  /** dynamic only: shortest event time kept */
  minE?: number;
  /** longest event time kept (dynamic; simple and group: cells with t beyond g + maxE, counted in positions) */
  maxE?: number;
  /** dynamic only: keep only groups observed for at least `balanceE` periods after treatment, e ≤ balanceE */
  balanceE?: number;
}

/** Cells usable for aggregation (did errors on missing ATT(g,t) unless na.rm). */
function usableCells(res: AttGtResult, naRm: boolean): number[] {
  const idx = res.cells.map((_, k) => k);
  const missing = idx.filter((k) => Number.isNaN(res.cells[k].att));
  if (missing.length === 0) return idx;
  if (!naRm) {
    const c = res.cells[missing[0]];
    throw new EffectsInputError(
      `ATT(${c.group},${c.time}) could not be estimated (${missing.length} cells missing); ` +
        'aggregation needs all cells (did: set na.rm = TRUE to drop them)',
    );
  }
  const keep = idx.filter((k) => !Number.isNaN(res.cells[k].att));
  if (keep.length === 0) throw new EffectsInputError('all ATT(g,t) are missing; nothing to aggregate');
  return keep;
}

/** p_g = N_g / n for each treated cohort. */
function groupShares(panel: Panel): Map<number, number> {
  const pg = new Map<number, number>();
  for (const g of panel.cohort) if (Number.isFinite(g)) pg.set(g, (pg.get(g) ?? 0) + 1);
  for (const [g, c] of pg) pg.set(g, c / panel.n);
  return pg;
}

/**
 * did recodes periods and cohorts to positions 1, 2, … in their sorted union before comparing t with
 * g + max_e (simple and group aggregations); event times themselves stay in the original units.
 */
function positions(panel: Panel): (v: number) => number {
  const all = [...new Set([...panel.times, ...panel.groups])].sort((a, b) => a - b);
  const pos = new Map(all.map((v, k) => [v, k + 1]));
  return (v) => pos.get(v) ?? NaN;
}

/**
 * The weight-estimation term wif · att of did's `wif()`: weights p_k / Σ p are estimated by sample shares,
 * whose influence function is 1{G_i = g_k} − p_k. For a unit of cohort G this equals
 *   (A(G) − Σ p_k att_k) / S − (C(G) − S) Σ p_k att_k / S²,
 * with S = Σ p_k, A(g) = Σ_{k: g_k = g} att_k, C(g) = #{k: g_k = g} (sums over the kept cells k); it is 0 for
 * cohorts without kept cells (never-treated units included). Returned per cohort.
 */
export function weightCohortTerm(keptGroups: number[], keptShares: number[], keptAtt: number[]): Map<number, number> {
  let S = 0;
  let PA = 0;
  const A = new Map<number, number>();
  const C = new Map<number, number>();
  keptGroups.forEach((g, k) => {
    S += keptShares[k];
    PA += keptShares[k] * keptAtt[k];
    A.set(g, (A.get(g) ?? 0) + keptAtt[k]);
    C.set(g, (C.get(g) ?? 0) + 1);
  });
  const out = new Map<number, number>();
  for (const [g, a] of A) out.set(g, (a - PA) / S - ((C.get(g)! - S) * PA) / (S * S));
  return out;
}

/** The weight-estimation term per unit (see `weightCohortTerm`). */
export function weightInfluenceTerm(
  cohort: Float64Array,
  keptGroups: number[],
  keptShares: number[],
  keptAtt: number[],
): Float64Array {
  const term = weightCohortTerm(keptGroups, keptShares, keptAtt);
  return Float64Array.from(cohort, (g) => term.get(g) ?? 0);
}

/** Dense influence function of Σ_k w_k IF_k + h(G_i). Cells with zero weight are skipped (they may be NaN). */
export function denseInfluence(
  res: AttGtResult,
  cohort: Float64Array,
  cellWeights: Float64Array,
  cohortTerm: Map<number, number>,
): Float64Array {
  const n = res.n;
  const out = new Float64Array(n);
  for (let k = 0; k < cellWeights.length; k++) if (cellWeights[k] !== 0) addCellInfluence(res, k, cellWeights[k], out);
  if (cohortTerm.size > 0) addCohortTerms(out, cohort, cohortTerm);
  return out;
}

/** out[i] += h(cohort_i); units come in runs of one cohort, so the term is looked up once per run. */
function addCohortTerms(out: Float64Array, cohort: Float64Array, term: Map<number, number>): void {
  let g = NaN;
  let h = 0;
  for (let i = 0; i < out.length; i++) {
    if (cohort[i] !== g) {
      g = cohort[i];
      h = term.get(g) ?? 0;
    }
    out[i] += h;
  }
}

/** Linear combination Σ_j c_j est_j of estimates (weights and cohort terms combined, then materialized). */
function combine(panel: Panel, res: AttGtResult, ests: Estimate[], coef: number[], extra?: Map<number, number>): Estimate {
  const cellWeights = new Float64Array(res.cells.length);
  const cohortTerm = new Map<number, number>(extra ?? []);
  let att = 0;
  ests.forEach((e, j) => {
    att += coef[j] * e.att;
    e.cellWeights.forEach((w, k) => (cellWeights[k] += coef[j] * w));
    for (const [g, v] of e.cohortTerm) cohortTerm.set(g, (cohortTerm.get(g) ?? 0) + coef[j] * v);
  });
  return lazyEstimate(res, panel.cohort, att, cellWeights, cohortTerm);
}

/** An estimate whose dense influence function is built when first read. */
function lazyEstimate(res: AttGtResult, cohort: Float64Array, att: number, cellWeights: Float64Array, cohortTerm: Map<number, number>): Estimate {
  let inf: Float64Array | null = null;
  return {
    att, cellWeights, cohortTerm,
    get inf() {
      return (inf ??= denseInfluence(res, cohort, cellWeights, cohortTerm));
    },
  };
}

/** `est` with its key (the estimate object itself, so that its influence function stays unbuilt). */
function keyed<E extends Estimate>(est: E, key: number): E & { key: number } {
  return Object.assign(est, { key });
}

/** Weighted average of the given cells with weights ∝ p_g, plus the weight-estimation term when asked. */
function shareWeighted(panel: Panel, res: AttGtResult, cells: number[], pg: Map<number, number>, withWif: boolean): Estimate {
  if (cells.length === 0) throw new EffectsInputError('no ATT(g,t) to aggregate for this selection');
  const groups = cells.map((k) => res.cells[k].group);
  const shares = groups.map((g) => pg.get(g)!);
  const att = cells.map((k) => res.cells[k].att);
  const S = shares.reduce((a, b) => a + b, 0);
  const cellWeights = new Float64Array(res.cells.length);
  let est = 0;
  cells.forEach((k, j) => {
    cellWeights[k] = shares[j] / S;
    est += att[j] * cellWeights[k];
  });
  const cohortTerm = withWif ? weightCohortTerm(groups, shares, att) : new Map<number, number>();
  return lazyEstimate(res, panel.cohort, est, cellWeights, cohortTerm);
}

/** Equal-weight mean of estimates (overall dynamic and calendar summaries: no estimated weights). */
function meanOf(panel: Panel, res: AttGtResult, items: Estimate[]): Estimate {
  if (items.length === 0) {
    return {
      att: NaN,
      inf: new Float64Array(res.n).fill(NaN),
      cellWeights: new Float64Array(res.cells.length),
      cohortTerm: new Map(),
    };
  }
  return combine(
    panel,
    res,
    items,
    items.map(() => 1 / items.length),
  );
}

/** Simple ATT: post-treatment cells weighted by group size. */
export function aggregateSimple(panel: Panel, res: AttGtResult, opts: AggregateOptions = {}): Estimate {
  const maxE = opts.maxE ?? Infinity;
  const pos = positions(panel);
  const keep = usableCells(res, opts.naRm ?? false).filter((k) => {
    const c = res.cells[k];
    return c.group <= c.time && pos(c.time) <= pos(c.group) + maxE;
  });
  return shareWeighted(panel, res, keep, groupShares(panel), true);
}

/** Event-study aggregation by e = t − g (original time units), with the overall average over e ≥ 0. */
export function aggregateDynamic(panel: Panel, res: AttGtResult, opts: AggregateOptions = {}): Aggregation {
  const minE = opts.minE ?? -Infinity;
  const maxE = opts.maxE ?? Infinity;
  const cells = usableCells(res, opts.naRm ?? false);
  const pg = groupShares(panel);
  const lastT = Math.max(...cells.map((k) => res.cells[k].time));
  const firstT = panel.times[0];
  const included = cells.filter((k) => opts.balanceE === undefined || lastT - res.cells[k].group >= opts.balanceE);
  const eOf = (k: number) => res.cells[k].time - res.cells[k].group;
  let eseq = [...new Set(included.map(eOf))].sort((a, b) => a - b);
  if (opts.balanceE !== undefined) {
    const b = opts.balanceE;
    eseq = eseq.filter((e) => e <= b && e >= b - lastT + firstT);
  }
  eseq = eseq.filter((e) => e >= minE && e <= maxE);
  if (eseq.length === 0) throw new EffectsInputError('no event times fall within the requested window');
  const items = eseq.map((e) => keyed(shareWeighted(panel, res, included.filter((k) => eOf(k) === e), pg, true), e));
  const overall = meanOf(
    panel,
    res,
    items.filter((it) => it.key >= 0),
  );
  return { items, overall };
}

/** Group aggregation: average effect of each cohort over its post-treatment periods, and their size-weighted mean. */
export function aggregateGroup(panel: Panel, res: AttGtResult, opts: AggregateOptions = {}): Aggregation {
  const maxE = opts.maxE ?? Infinity;
  const pos = positions(panel);
  let cells = usableCells(res, opts.naRm ?? false);
  const isPostWindow = (k: number) => {
    const c = res.cells[k];
    return c.group <= c.time && pos(c.time) <= pos(c.group) + maxE;
  };
  if (opts.naRm) {
    // did: keep only groups that still have post-treatment cells (all cells of a group are dropped otherwise)
    const ok = new Set(cells.filter(isPostWindow).map((k) => res.cells[k].group));
    cells = cells.filter((k) => ok.has(res.cells[k].group));
    if (cells.length === 0) throw new EffectsInputError('no group has post-treatment ATT(g,t) to aggregate');
  }
  const pg = groupShares(panel);
  const glist = [...new Set(cells.map((k) => res.cells[k].group))].sort((a, b) => a - b);
  const items = glist.map((g) => {
    const which = cells.filter((k) => res.cells[k].group === g && isPostWindow(k));
    if (which.length === 0) throw new EffectsInputError(`group ${g} has no post-treatment ATT(g,t) in the window`);
    // equal weights within a group: p_g is the same for every cell, nothing is estimated
    return keyed(shareWeighted(panel, res, which, pg, false), g);
  });
  const shares = glist.map((g) => pg.get(g)!);
  const S = shares.reduce((a, b) => a + b, 0);
  const wif = weightCohortTerm(
    glist,
    shares,
    items.map((it) => it.att),
  );
  const overall = combine(
    panel,
    res,
    items,
    shares.map((p) => p / S),
    wif,
  );
  return { items, overall };
}

/** Calendar-time aggregation: in each period, the size-weighted mean over cohorts already treated. */
export function aggregateCalendar(panel: Panel, res: AttGtResult, opts: AggregateOptions = {}): Aggregation {
  const cells = usableCells(res, opts.naRm ?? false);
  const pg = groupShares(panel);
  const minG = Math.min(...cells.map((k) => res.cells[k].group));
  const periods = [...new Set(cells.map((k) => res.cells[k].time))]
    .sort((a, b) => a - b)
    .filter((t) => t >= minG && cells.some((k) => res.cells[k].time === t && res.cells[k].group <= t));
  if (periods.length === 0) throw new EffectsInputError('no period has post-treatment ATT(g,t) to aggregate');
  const items = periods.map((t) => keyed(shareWeighted(panel, res, cells.filter((k) => res.cells[k].time === t && res.cells[k].group <= t), pg, true), t));
  return { items, overall: meanOf(panel, res, items) };
}

/**
 * Per cohort class of the panel: its units' count, mean outcome per period and the centered cross-products
 * Σ_{i in c} (y_i − ȳ_c)(y_i − ȳ_c)' (T × T), computed once per ATT(g,t) result.
 */
interface ClassMoments {
  classOf: Map<number, number>;
  count: Float64Array;
  /** mean[c · T + t] */
  mean: Float64Array;
  /** gram[c · T² + s · T + t] */
  gram: Float64Array;
  /** Σ_{i in c} (y_it − ȳ_ct): 0 but for rounding, gap[c · T + t] */
  gap: Float64Array;
}

const momentsOf = new WeakMap<AttGtResult, ClassMoments>();

function classMoments(res: AttGtResult): ClassMoments {
  let m = momentsOf.get(res);
  if (m) return m;
  const { cohort, y } = res.panel;
  const T = y.length;
  const classes = [...new Set(cohort)].sort((a, b) => a - b);
  const classOf = new Map(classes.map((c, j) => [c, j]));
  const C = classes.length;
  const count = new Float64Array(C);
  const mean = new Float64Array(C * T);
  const cls = Int32Array.from(cohort, (g) => classOf.get(g)!);
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    count[c]++;
    for (let t = 0; t < T; t++) mean[c * T + t] += y[t][i];
  }
  for (let c = 0; c < C; c++) for (let t = 0; t < T; t++) mean[c * T + t] /= count[c];
  const gram = new Float64Array(C * T * T);
  const gap = new Float64Array(C * T);
  const d = new Float64Array(T);
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    for (let t = 0; t < T; t++) {
      d[t] = y[t][i] - mean[c * T + t];
      gap[c * T + t] += d[t];
    }
    const o = c * T * T;
    for (let s = 0; s < T; s++) {
      const ds = d[s];
      const os = o + s * T;
      for (let t = s; t < T; t++) gram[os + t] += ds * d[t];
    }
  }
  for (let c = 0; c < C; c++) {
    const o = c * T * T;
    for (let s = 0; s < T; s++) for (let t = 0; t < s; t++) gram[o + s * T + t] = gram[o + t * T + s];
  }
  m = { classOf, count, mean, gram, gap };
  momentsOf.set(res, m);
  return m;
}

/**
 * Σ_i inf_i² of an estimate without its dense influence function. A unit's influence is linear in its own
 * outcomes with coefficients that depend only on its cohort class c: each cell k adds w_k a1 (y_t − y_b − m1) on
 * its treated class and −w_k a0 (y_t − y_b − m0) on its control classes (a = n / N, attgt.ts), the cohort term
 * adds h(c); so inf_i = β_c · y_i + γ_c, and over a class, with y_i = ȳ_c + d_i,
 *   Σ_{i in c} inf_i² = β_c' D_c β_c + 2 δ_c β_c · Σ d_i + N_c δ_c²,   δ_c = β_c · ȳ_c + γ_c,
 * D_c the class's centered cross-products (classMoments). O(C · T²) per estimate instead of O(n · cells).
 * NaN when a cell with a weight could not be estimated (its dense influence function is NaN then).
 */
export function estimateSumOfSquares(res: AttGtResult, est: Estimate): number {
  const m = classMoments(res);
  const T = res.panel.y.length;
  const C = m.count.length;
  const beta = new Float64Array(C * T);
  const gamma = new Float64Array(C);
  for (let k = 0; k < est.cellWeights.length; k++) {
    const w = est.cellWeights[k];
    if (w === 0) continue;
    const cell = res.cells[k];
    if (Number.isNaN(cell.att)) return NaN;
    const cmp = res.comparisons[k];
    const a1 = w * (res.n / cell.nTreated);
    const a0 = -w * (res.n / cell.nControl);
    const g = m.classOf.get(cmp.treated)!;
    beta[g * T + cmp.ti] += a1;
    beta[g * T + cmp.bi] -= a1;
    gamma[g] -= a1 * cmp.m1;
    for (const cc of cmp.controls) {
      const c = m.classOf.get(cc);
      if (c === undefined) continue;
      beta[c * T + cmp.ti] += a0;
      beta[c * T + cmp.bi] -= a0;
      gamma[c] -= a0 * cmp.m0;
    }
  }
  for (const [g, h] of est.cohortTerm) {
    const c = m.classOf.get(g);
    if (c !== undefined) gamma[c] += h;
  }
  let ss = 0;
  for (let c = 0; c < C; c++) {
    const ob = c * T;
    const og = c * T * T;
    let delta = gamma[c];
    let cross = 0;
    let quad = 0;
    for (let s = 0; s < T; s++) {
      const bs = beta[ob + s];
      if (bs === 0) continue;
      delta += bs * m.mean[ob + s];
      cross += bs * m.gap[ob + s];
      let row = 0;
      for (let t = 0; t < T; t++) row += m.gram[og + s * T + t] * beta[ob + t];
      quad += bs * row;
    }
    ss += quad + 2 * delta * cross + m.count[c] * delta * delta;
  }
  return ss;
}
