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
  const d = times.map((t) => Float64Array.from(cohort, (g) => (Number.isFinite(g) && t >= g ? 1 : 0)));
  const within = (m: Float64Array[]) => {
    const unitMean = new Float64Array(n);
    const timeMean = new Float64Array(T);
    let grand = 0;
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < n; i++) {
        unitMean[i] += m[t][i] / T;
        timeMean[t] += m[t][i] / n;
        grand += m[t][i] / N;
      }
    }
    return m.map((row, t) => Float64Array.from(row, (v, i) => v - unitMean[i] - timeMean[t] + grand));
  };
  const dd = within(d);
  const yy = within(y);
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) {
      sxx += dd[t][i] * dd[t][i];
      sxy += dd[t][i] * yy[t][i];
    }
  }
  if (sxx === 0) return { beta: NaN, se: NaN, nObs: N, nClusters: n };
  const beta = sxy / sxx;
  let meat = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < T; t++) s += dd[t][i] * (yy[t][i] - beta * dd[t][i]);
    meat += s * s;
  }
  const K = T;
  const c = (n / (n - 1)) * ((N - 1) / (N - K));
  return { beta, se: Math.sqrt((c * meat) / (sxx * sxx)), nObs: N, nClusters: n };
}
