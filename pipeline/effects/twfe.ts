/**
 * The naive two-way fixed-effects DiD, shown beside Callaway–Sant'Anna for comparison:
 *   Y_it = α_i + λ_t + β D_it + ε_it,   D_it = 1{unit i is treated and t ≥ G_i},
 * estimated by the within transformation (balanced panel: ỹ = y − ȳ_i − ȳ_t + ȳ), with a cluster-robust
 * (by unit) CR1 standard error: V = c · Σ_i (Σ_t D̃_it ε̂_it)² / (Σ D̃²)², c = G/(G−1) · (N−1)/(N−K),
 * N = n·T observations, G = n clusters, K = T (β and T − 1 period effects; unit effects are nested in the
 * clusters and not counted, like fixest's default small-sample correction with nested fixed effects).
 *
 * Why it can be biased with staggered timing (Goodman-Bacon 2021): β̂ is a weighted average of every 2×2 DiD
 * in the data, including "forbidden" comparisons that use already-treated units as controls for later-treated
 * ones. When effects change with time since treatment, those comparisons subtract the earlier cohort's effect
 * growth, so β̂ can be far from any average of the ATT(g,t) — even of the wrong sign — while the weights
 * depend on group sizes and on when in the panel each cohort is treated, not on the estimand.
 */
import type { Panel } from './panel.ts';

export interface TwfeResult {
  /** coefficient on the post-treatment dummy */
  beta: number;
  /** cluster-robust (by unit) standard error, CR1 */
  se: number;
  nObs: number;
  nClusters: number;
}

export const TWFE_NOTE =
  'Two-way fixed effects with one post-treatment dummy averages all 2×2 comparisons, including already-treated ' +
  'units used as controls for later-treated ones; with staggered timing and effects that vary over time or across ' +
  'cohorts its weights can be negative and the estimate biased (Goodman-Bacon 2021). Shown for comparison only.';

export function twfeDid(panel: Panel): TwfeResult {
  const { n, times, cohort, y } = panel;
  const T = times.length;
  const N = n * T;
  const d = times.map((t) => treatedDummy(cohort, t));
  const dd = within(d, n);
  const yy = within(y, n);
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < T; t++) {
    sxx = addProducts(sxx, dd[t], dd[t]);
    sxy = addProducts(sxy, dd[t], yy[t]);
  }
  if (sxx === 0) return { beta: NaN, se: NaN, nObs: N, nClusters: n };
  const beta = sxy / sxx;
  // score of each cluster (unit), accumulated period by period (the same order per unit as a loop over t)
  const score = new Float64Array(n);
  for (let t = 0; t < T; t++) addScores(score, dd[t], yy[t], beta);
  const meat = addProducts(0, score, score);
  const K = T;
  const c = (n / (n - 1)) * ((N - 1) / (N - K));
  return { beta, se: Math.sqrt((c * meat) / (sxx * sxx)), nObs: N, nClusters: n };
}

/** The within transformation of a balanced n × T panel (columns by period): m − unit mean − period mean + grand mean. */
function within(m: Float64Array[], n: number): Float64Array[] {
  const T = m.length;
  const unitMean = new Float64Array(n);
  const timeMean = new Float64Array(T);
  let grand = 0;
  for (let t = 0; t < T; t++) grand = addMeans(m[t], t, unitMean, timeMean, grand);
  return m.map((row, t) => demean(row, unitMean, timeMean[t], grand));
}

// The loops live in small functions: V8 optimizes those quickly, whereas loops inside one long function run
// unoptimized until on-stack replacement and are deoptimized again on its first untried path.

/** 1 where the unit is treated in period t (t ≥ its cohort), else 0. */
function treatedDummy(cohort: Float64Array, t: number): Float64Array {
  const col = new Float64Array(cohort.length);
  for (let i = 0; i < cohort.length; i++) col[i] = Number.isFinite(cohort[i]) && t >= cohort[i] ? 1 : 0;
  return col;
}

/** acc + Σ_i a_i b_i, added in order. */
function addProducts(acc: number, a: Float64Array, b: Float64Array): number {
  for (let i = 0; i < a.length; i++) acc += a[i] * b[i];
  return acc;
}

/** score_i += d_i (y_i − β d_i) for one period. */
function addScores(score: Float64Array, d: Float64Array, y: Float64Array, beta: number): void {
  for (let i = 0; i < score.length; i++) score[i] += d[i] * (y[i] - beta * d[i]);
}

/** Adds period t's terms of the unit means, sets its period mean, and returns the grand mean with its terms added. */
function addMeans(mt: Float64Array, t: number, unitMean: Float64Array, timeMean: Float64Array, grand: number): number {
  const n = mt.length;
  const T = timeMean.length;
  const N = n * T;
  let tm = 0;
  for (let i = 0; i < n; i++) {
    unitMean[i] += mt[i] / T;
    tm += mt[i] / n;
    grand += mt[i] / N;
  }
  timeMean[t] = tm;
  return grand;
}

function demean(row: Float64Array, unitMean: Float64Array, timeMean: number, grand: number): Float64Array {
  const out = new Float64Array(row.length);
  for (let i = 0; i < row.length; i++) out[i] = row[i] - unitMean[i] - timeMean + grand;
  return out;
}
