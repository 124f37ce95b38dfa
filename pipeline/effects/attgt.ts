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
  /**
   * the units of the comparison as runs of consecutive units with one role, [start, end (exclusive), role, …],
   * role 1 = treated, 0 = control (units are ordered by cohort, so there are at most three runs)
   */
  runs: Int32Array;
}

export interface AttGtResult {
  cells: AttGtCell[];
  comparisons: CellComparison[];
  /**
   * influence function of each cell, `inf[k][i]` for unit i (NaN column when the cell is NaN). Built on first
   * access: it takes n × K doubles (100 MB for 10,000 units over 36 months), and the estimators only need
   * `cellSumOfSquares` and `addCellInfluence`, which work from `comparisons`.
   */
  readonly inf: Float64Array[];
  /** number of units */
  n: number;
  /** the panel the cells were estimated from */
  panel: Panel;
  warnings: string[];
}

/** did treats a cell as violating overlap when the treated share of its sample is this large. */
const OVERLAP_LIMIT = 0.995;

/** Estimate every ATT(g,t) with its influence function. */
export function computeAttGt(panel: Panel): AttGtResult {
  const { n, times, cohort, y, groups, control } = panel;
  const cells: AttGtCell[] = [];
  const comparisons: CellComparison[] = [];
  const warnings: string[] = [];
  const cohortValues = [...new Set(cohort)].sort((a, b) => a - b);
  // the units as segments of consecutive units of one cohort (one segment per cohort, as preparePanel orders
  // units by cohort), so that a cell's units are found per segment rather than per unit
  const classOf = new Map(cohortValues.map((c, j) => [c, j]));
  const segStart: number[] = [];
  const segClass: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || cohort[i] !== cohort[i - 1]) {
      segStart.push(i);
      segClass.push(classOf.get(cohort[i])!);
    }
  }
  segStart.push(n);
  const role = new Int8Array(cohortValues.length);
  const sums = new Float64Array(4);
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
      // role of each cohort: 1 treated, 0 control, -1 not in this comparison
      const controls: number[] = [];
      cohortValues.forEach((c, j) => {
        role[j] = c === g ? 1 : c === Infinity || (control === 'notyettreated' && c > cutoff) ? 0 : -1;
        if (role[j] === 0) controls.push(c);
      });
      const runs = roleRuns(segStart, segClass, role);
      changeSums(runs, yt, yb, sums);
      const [n1, s1, n0, s0] = sums;
      const cell: AttGtCell = { group: g, time: t, baseTime: times[bi], post, att: NaN, nTreated: n1, nControl: n0 };
      cells.push(cell);
      const comparison: CellComparison = { ti, bi, treated: g, controls, m1: NaN, m0: NaN, runs };
      comparisons.push(comparison);
      if (n1 === 0 || n0 === 0) {
        warnings.push(`ATT(${g},${t}) not estimated: no ${n1 === 0 ? 'treated' : 'control'} units.`);
        continue;
      }
      if (n1 / (n1 + n0) >= OVERLAP_LIMIT) {
        warnings.push(`ATT(${g},${t}) not estimated: overlap condition violated (treated share ≥ ${OVERLAP_LIMIT}).`);
        continue;
      }
      const m1 = s1 / n1;
      const m0 = s0 / n0;
      cell.att = m1 - m0;
      comparison.m1 = m1;
      comparison.m0 = m0;
    }
  }
  let inf: Float64Array[] | null = null;
  const res: AttGtResult = {
    cells,
    comparisons,
    get inf() {
      return (inf ??= cells.map((_, k) => cellInfluence(res, k)));
    },
    n,
    panel,
    warnings,
  };
  return res;
}

/** Runs of consecutive units with one role (≠ −1), [start, end, role, …], from the cohort segments and roles. */
function roleRuns(segStart: readonly number[], segClass: readonly number[], role: Int8Array): Int32Array {
  const runs: number[] = [];
  for (let s = 0; s < segClass.length; s++) {
    const r = role[segClass[s]];
    if (r === -1) continue;
    const last = runs.length - 3;
    if (last >= 0 && runs[last + 1] === segStart[s] && runs[last + 2] === r) runs[last + 1] = segStart[s + 1];
    else runs.push(segStart[s], segStart[s + 1], r);
  }
  return Int32Array.from(runs);
}

/** out = [N1, Σ ΔY treated, N0, Σ ΔY controls], each sum adding its units in unit order. */
function changeSums(runs: Int32Array, yt: Float64Array, yb: Float64Array, out: Float64Array): void {
  let n1 = 0;
  let n0 = 0;
  let s1 = 0;
  let s0 = 0;
  for (let j = 0; j < runs.length; j += 3) {
    const lo = runs[j];
    const hi = runs[j + 1];
    if (runs[j + 2] === 1) {
      for (let i = lo; i < hi; i++) s1 += yt[i] - yb[i];
      n1 += hi - lo;
    } else {
      for (let i = lo; i < hi; i++) s0 += yt[i] - yb[i];
      n0 += hi - lo;
    }
  }
  out[0] = n1;
  out[1] = s1;
  out[2] = n0;
  out[3] = s0;
}

/**
 * The influence function of cell k at the units of one run: a1 (ΔY_i − m1) for treated units and
 * −a0 (ΔY_i − m0) for controls, with a = n / N (did's scaling). Every consumer below evaluates it this way,
 * so the values are the same wherever they are used.
 */
function runScale(res: AttGtResult, k: number, role: number): { a: number; m: number } {
  const c = res.cells[k];
  const cmp = res.comparisons[k];
  return role === 1 ? { a: res.n / c.nTreated, m: cmp.m1 } : { a: -(res.n / c.nControl), m: cmp.m0 };
}

/** Dense influence function of cell k (0 outside its comparison, NaN throughout when the cell is NaN). */
function cellInfluence(res: AttGtResult, k: number): Float64Array {
  const col = new Float64Array(res.n);
  if (Number.isNaN(res.cells[k].att)) return col.fill(NaN);
  const { ti, bi, runs } = res.comparisons[k];
  const yt = res.panel.y[ti];
  const yb = res.panel.y[bi];
  for (let r = 0; r < runs.length; r += 3) {
    const { a, m } = runScale(res, k, runs[r + 2]);
    for (let i = runs[r]; i < runs[r + 1]; i++) col[i] = a * (yt[i] - yb[i] - m);
  }
  return col;
}

/** out[i] += w · IF_k,i for every unit i of cell k's comparison (the IF is 0 elsewhere); all NaN for a NaN cell. */
export function addCellInfluence(res: AttGtResult, k: number, w: number, out: Float64Array): void {
  if (Number.isNaN(res.cells[k].att)) {
    out.fill(NaN);
    return;
  }
  const { ti, bi, runs } = res.comparisons[k];
  const yt = res.panel.y[ti];
  const yb = res.panel.y[bi];
  for (let r = 0; r < runs.length; r += 3) {
    const { a, m } = runScale(res, k, runs[r + 2]);
    for (let i = runs[r]; i < runs[r + 1]; i++) out[i] += w * (a * (yt[i] - yb[i] - m));
  }
}

/** Σ_i IF_k,i², added in unit order (the sum `analyticSe` forms over the dense column); NaN for a NaN cell. */
export function cellSumOfSquares(res: AttGtResult, k: number): number {
  if (Number.isNaN(res.cells[k].att)) return NaN;
  const { ti, bi, runs } = res.comparisons[k];
  const yt = res.panel.y[ti];
  const yb = res.panel.y[bi];
  let ss = 0;
  for (let r = 0; r < runs.length; r += 3) {
    const { a, m } = runScale(res, k, runs[r + 2]);
    for (let i = runs[r]; i < runs[r + 1]; i++) {
      const v = a * (yt[i] - yb[i] - m);
      ss += v * v;
    }
  }
  return ss;
}

/** did's zero-SE threshold: an SE at or below this is reported as missing. */
export const SE_ZERO = Math.sqrt(2.220446049250313e-16) * 10;

/** Analytic standard error from an influence function: sqrt(mean(IF²) / n); NaN when (near) zero or undefined. */
export function analyticSe(inf: ArrayLike<number>): number {
  const n = inf.length;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += inf[i] * inf[i];
  return seFromSumOfSquares(ss, n);
}

/** Analytic SE of cell k, as `analyticSe(res.inf[k])` without the dense column. */
export function cellAnalyticSe(res: AttGtResult, k: number): number {
  return seFromSumOfSquares(cellSumOfSquares(res, k), res.n);
}

export function seFromSumOfSquares(ss: number, n: number): number {
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
    .filter((k) => res.cells[k].group > res.cells[k].time && Number.isFinite(cellAnalyticSe(res, k)));
  if (pre.length === 0) return null;
  const n = res.n;
  const inf = res.inf;
  // V is symmetric and each entry's products are the same either way round (fa[i]·fb[i] = fb[i]·fa[i], added in
  // the same order): the lower triangle is computed and mirrored, the same values in half the time
  const V: number[][] = pre.map(() => new Array<number>(pre.length).fill(0));
  for (let x = 0; x < pre.length; x++) {
    const fa = inf[pre[x]!]!;
    for (let y = 0; y <= x; y++) {
      const fb = inf[pre[y]!]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += fa[i] * fb[i];
      V[x]![y] = s / n;
      V[y]![x] = s / n;
    }
  }
  const att = pre.map((k) => res.cells[k].att);
  const inv = invertSymmetric(V);
  if (!inv || rcond1(V, inv) <= 2.220446049250313e-16) return null;
  let w = 0;
  for (let a = 0; a < pre.length; a++) for (let b = 0; b < pre.length; b++) w += att[a] * inv[a][b] * att[b];
  w *= n;
  return { stat: w, df: pre.length, pValue: pchisqUpper(w, pre.length) };
}
