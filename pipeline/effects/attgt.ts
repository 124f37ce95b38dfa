/**
 * Group-time average treatment effects ATT(g,t) of Callaway & Sant'Anna (2021) on a prepared balanced panel,
 * with the per-unit influence function of each, as R's `did::att_gt` computes them with `xformla = ~1`,
 * `base_period = "varying"`, `anticipation = 0`.
 *
 * For cohort g and period t (every period but the first):
 * - base period b: the last period before g when t ≥ g (post-treatment), else the period just before t;
 * - treated: units of cohort g; controls: never-treated units, or with `notyettreated` also units whose cohort
 *   is later than t (and is not g), as in did's `get_did_cohort_index` (cutoff = period max(t, b) = t);
 * - ATT(g,t) = mean(Y_t − Y_b | treated) − mean(Y_t − Y_b | controls).
 *
 * Without covariates every DRDID panel estimator (dr, ipw, reg) reduces to this difference of means, and its
 * influence function (scaled by n / n_cell as did does) is, for unit i,
 *   n (ΔY_i − m1) / N1  if i is treated,   − n (ΔY_i − m0) / N0  if i is a control,   0 otherwise,
 * so that the analytic SE is sqrt(mean(IF²) / n).
 */
import type { Panel } from './panel.ts';
import { invertSymmetric, pchisqUpper, rcond1 } from './stats.ts';

export interface AttGtCell {
  /** cohort (first treated period) */
  group: number;
  /** period */
  time: number;
  /** base period the change is measured from */
  baseTime: number;
  /** t ≥ g */
  post: boolean;
  /** NaN when the cell cannot be estimated (no treated or control units, or no overlap) */
  att: number;
  nTreated: number;
  nControl: number;
}

/** Which units a cell compares, by cohort (used to bootstrap cells without materializing dense columns). */
export interface CellComparison {
  /** period indices (into panel.times) of t and of the base period */
  ti: number;
  bi: number;
  /** cohort of the treated units */
  treated: number;
  /** cohorts of the control units (Infinity = never treated) */
  controls: number[];
  /** mean change of treated and of control units */
  m1: number;
  m0: number;
}

export interface AttGtResult {
  cells: AttGtCell[];
  comparisons: CellComparison[];
  /** influence function of each cell, `inf[k][i]` for unit i (NaN column when the cell is NaN) */
  inf: Float64Array[];
  /** number of units */
  n: number;
  warnings: string[];
}

/** did treats a cell as violating overlap when the treated share of its sample is this large. */
const OVERLAP_LIMIT = 0.995;

/** Estimate every ATT(g,t) with its influence function. */
export function computeAttGt(panel: Panel): AttGtResult {
  const { n, times, cohort, y, groups, control } = panel;
  const cells: AttGtCell[] = [];
  const comparisons: CellComparison[] = [];
  const inf: Float64Array[] = [];
  const warnings: string[] = [];
  const cohortValues = [...new Set(cohort)].sort((a, b) => a - b);
  for (const g of groups) {
    // last period strictly before g (exists: g is later than the first period)
    let preG = -1;
    for (let k = 0; k < times.length; k++) if (times[k] < g) preG = k;
    for (let ti = 1; ti < times.length; ti++) {
      const t = times[ti];
      const post = g <= t;
      const bi = post ? preG : ti - 1;
      const cutoff = times[Math.max(ti, bi)];
      const yt = y[ti];
      const yb = y[bi];
      // group membership: 1 treated, 0 control, -1 not in this comparison
      const role = new Int8Array(n).fill(-1);
      let n1 = 0;
      let n0 = 0;
      let s1 = 0;
      let s0 = 0;
      for (let i = 0; i < n; i++) {
        const gi = cohort[i];
        if (gi === g) {
          role[i] = 1;
          n1++;
          s1 += yt[i] - yb[i];
        } else if (gi === Infinity || (control === 'notyettreated' && gi > cutoff)) {
          role[i] = 0;
          n0++;
          s0 += yt[i] - yb[i];
        }
      }
      const cell: AttGtCell = { group: g, time: t, baseTime: times[bi], post, att: NaN, nTreated: n1, nControl: n0 };
      cells.push(cell);
      const controls = cohortValues.filter(
        (c) => c !== g && (c === Infinity || (control === 'notyettreated' && c > cutoff)),
      );
      const comparison: CellComparison = { ti, bi, treated: g, controls, m1: NaN, m0: NaN };
      comparisons.push(comparison);
      const col = new Float64Array(n);
      inf.push(col);
      if (n1 === 0 || n0 === 0) {
        warnings.push(`ATT(${g},${t}) not estimated: no ${n1 === 0 ? 'treated' : 'control'} units.`);
        col.fill(NaN);
        continue;
      }
      if (n1 / (n1 + n0) >= OVERLAP_LIMIT) {
        warnings.push(`ATT(${g},${t}) not estimated: overlap condition violated (treated share ≥ ${OVERLAP_LIMIT}).`);
        col.fill(NaN);
        continue;
      }
      const m1 = s1 / n1;
      const m0 = s0 / n0;
      cell.att = m1 - m0;
      comparison.m1 = m1;
      comparison.m0 = m0;
      const a1 = n / n1;
      const a0 = n / n0;
      for (let i = 0; i < n; i++) {
        if (role[i] === 1) col[i] = a1 * (yt[i] - yb[i] - m1);
        else if (role[i] === 0) col[i] = -a0 * (yt[i] - yb[i] - m0);
      }
    }
  }
  return { cells, comparisons, inf, n, warnings };
}

/** did's zero-SE threshold: an SE at or below this is reported as missing. */
export const SE_ZERO = Math.sqrt(2.220446049250313e-16) * 10;

/** Analytic standard error from an influence function: sqrt(mean(IF²) / n); NaN when (near) zero or undefined. */
export function analyticSe(inf: ArrayLike<number>): number {
  const n = inf.length;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += inf[i] * inf[i];
  const se = Math.sqrt(ss / n / n);
  return Number.isFinite(se) && se > SE_ZERO ? se : NaN;
}

export interface PreTest {
  /** Wald statistic n â' V⁻¹ â over the pre-treatment ATT(g,t) */
  stat: number;
  /** number of pre-treatment cells used */
  df: number;
  pValue: number;
}

/**
 * did's Wald pre-test of parallel trends: all pre-treatment cells (g > t) with a non-missing analytic SE,
 * V = IF'IF / n. Null when there are no such cells or V is singular.
 */
export function preTest(res: AttGtResult): PreTest | null {
  const pre = res.cells
    .map((c, k) => k)
    .filter((k) => res.cells[k].group > res.cells[k].time && Number.isFinite(analyticSe(res.inf[k])));
  if (pre.length === 0) return null;
  const n = res.n;
  const V = pre.map((a) =>
    pre.map((b) => {
      const fa = res.inf[a];
      const fb = res.inf[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += fa[i] * fb[i];
      return s / n;
    }),
  );
  const att = pre.map((k) => res.cells[k].att);
  const inv = invertSymmetric(V);
  if (!inv || rcond1(V, inv) <= 2.220446049250313e-16) return null;
  let w = 0;
  for (let a = 0; a < pre.length; a++) for (let b = 0; b < pre.length; b++) w += att[a] * inv[a][b] * att[b];
  w *= n;
  return { stat: w, df: pre.length, pValue: pchisqUpper(w, pre.length) };
}
