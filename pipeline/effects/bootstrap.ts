/**
 * Multiplier bootstrap on influence functions, as R's `did::mboot` does it (Callaway & Sant'Anna 2021, §4):
 * for draw b, θ*_b = n^{-1/2} Σ_i V_ib IF_i (V_ib i.i.d. multipliers with mean 0 and variance 1, one per unit,
 * so the bootstrap is clustered by unit; with a coarser cluster the IF is first summed within clusters and one
 * multiplier drawn per cluster). From the draws of each estimate:
 * - SE = (q75 − q25) / (Φ⁻¹(.75) − Φ⁻¹(.25)) / sqrt(n)   (type-1 quantiles, robust to heavy tails);
 * - simultaneous (sup-t) critical value: the (1 − α) type-1 quantile over draws of max_k |θ*_bk| / σ_k.
 *
 * did uses Rademacher multipliers (BMisc::multiplier_bootstrap); Mammen's two-point weights are offered too.
 * The generator is a seeded xoshiro128**, so results are reproducible here but cannot reproduce R's draws.
 */
import type { Estimate } from './aggregate.ts';
import { SE_ZERO } from './attgt.ts';
import type { AttGtResult } from './attgt.ts';
import type { Panel } from './panel.ts';
import { NORMAL_IQR, quantileType1 } from './stats.ts';

export type MultiplierWeights = 'rademacher' | 'mammen';

export interface BootstrapOptions {
  /** number of bootstrap draws (did's `biters`, default 1000) */
  biters?: number;
  /** seed of the generator (default 1) */
  seed?: number;
  weights?: MultiplierWeights;
  /** cluster index 0..C−1 per unit, for clustering coarser than the unit; default: each unit its own cluster */
  cluster?: ArrayLike<number>;
}

export interface BootstrapDraws {
  /** draws of each column, `draws[k][b]`; all NaN when the column's influence function has a NaN */
  draws: Float64Array[];
  /** number of units */
  n: number;
  /** number of clusters (n without clustering) */
  nClusters: number;
}

/** xoshiro128** (Blackman & Vigna), seeded through splitmix32. Returns uint32 values. */
export function makeRng(seed: number): () => number {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix();
  let s1 = splitmix();
  let s2 = splitmix();
  let s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  };
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}

const SQRT5 = Math.sqrt(5);
/** Mammen (1993): (1 − √5)/2 with probability (√5 + 1)/(2√5), else (1 + √5)/2 — mean 0, variance 1, skewness 1. */
export const MAMMEN = { low: (1 - SQRT5) / 2, high: (1 + SQRT5) / 2, pLow: (SQRT5 + 1) / (2 * SQRT5) } as const;

/** Fill `out` with multipliers. */
export function fillMultipliers(out: Float64Array, rng: () => number, kind: MultiplierWeights): void {
  if (kind === 'rademacher') {
    let bits = 0;
    let left = 0;
    for (let i = 0; i < out.length; i++) {
      if (left === 0) {
        bits = rng();
        left = 32;
      }
      out[i] = bits & 1 ? 1 : -1;
      bits >>>= 1;
      left--;
    }
  } else {
    for (let i = 0; i < out.length; i++) out[i] = rng() / 4294967296 < MAMMEN.pLow ? MAMMEN.low : MAMMEN.high;
  }
}

/** Draw θ*_b for every column (influence function) with the same multipliers. */
export function multiplierDraws(infs: readonly Float64Array[], opts: BootstrapOptions = {}): BootstrapDraws {
  const biters = opts.biters ?? 1000;
  if (!Number.isInteger(biters) || biters < 1) throw new Error(`biters must be a positive integer, got ${biters}`);
  const kind = opts.weights ?? 'rademacher';
  const n = infs.length > 0 ? infs[0].length : 0;
  // cluster sums of each influence function
  let nc = n;
  let sums: Float64Array[] = infs.map((c) => c);
  if (opts.cluster) {
    const cl = opts.cluster;
    if (cl.length !== n) throw new Error('cluster vector length must equal the number of units');
    nc = 0;
    for (let i = 0; i < n; i++) nc = Math.max(nc, cl[i] + 1);
    sums = infs.map((col) => {
      const s = new Float64Array(nc);
      for (let i = 0; i < n; i++) s[cl[i]] += col[i];
      return s;
    });
  }
  const ok = sums.map((s) => s.every((v) => Number.isFinite(v)));
  const draws = infs.map(() => new Float64Array(biters));
  const rng = makeRng(opts.seed ?? 1);
  const v = new Float64Array(nc);
  const scale = 1 / Math.sqrt(nc);
  for (let b = 0; b < biters; b++) {
    fillMultipliers(v, rng, kind);
    for (let k = 0; k < sums.length; k++) {
      if (!ok[k]) {
        draws[k][b] = NaN;
        continue;
      }
      const s = sums[k];
      let acc = 0;
      for (let i = 0; i < nc; i++) acc += v[i] * s[i];
      draws[k][b] = acc * scale;
    }
  }
  return { draws, n, nClusters: nc };
}

/** IQR-based scale of one column of draws (did's `bSigma`); NaN when degenerate. */
export function drawScale(draw: Float64Array): number {
  let ss = 0;
  for (const d of draw) ss += d * d;
  if (!Number.isFinite(ss) || ss <= SE_ZERO) return NaN;
  const sorted = Float64Array.from(draw).sort();
  const sigma = (quantileType1(sorted, 0.75) - quantileType1(sorted, 0.25)) / NORMAL_IQR;
  return sigma > SE_ZERO ? sigma : NaN;
}

/** Bootstrap SE of one column: bSigma · sqrt(nClusters) / n (= bSigma / sqrt(n) without clustering). */
export function bootstrapSe(draw: Float64Array, n: number, nClusters: number): number {
  const se = (drawScale(draw) * Math.sqrt(nClusters)) / n;
  return Number.isFinite(se) && se > SE_ZERO ? se : NaN;
}

/**
 * Simultaneous critical value for a set of columns: the (1 − α) type-1 quantile of max_k |θ*_bk| / σ_k
 * over draws; degenerate columns are left out. NaN when no column is usable.
 */
export function supTCritical(draws: readonly Float64Array[], alpha = 0.05): number {
  const cols = draws.map((d) => ({ d, s: drawScale(d) })).filter((c) => Number.isFinite(c.s));
  if (cols.length === 0) return NaN;
  const B = cols[0].d.length;
  const tmax = new Float64Array(B).fill(-Infinity);
  for (const { d, s } of cols) {
    for (let b = 0; b < B; b++) {
      const t = Math.abs(d[b] / s);
      if (t > tmax[b]) tmax[b] = t;
    }
  }
  const finite = Float64Array.from(tmax.filter((t) => Number.isFinite(t))).sort();
  return quantileType1(finite, 1 - alpha);
}

/** Bootstrap draws of the ATT(g,t) and of the cohort sums of the multipliers, from which any aggregate follows. */
export interface AttGtDraws {
  /** draws of each ATT(g,t), `cells[k][b]` (NaN for cells that could not be estimated) */
  cells: Float64Array[];
  /** n^{-1/2} Σ_{i in cohort} V_ib per cohort value (Infinity = never treated) */
  cohortSums: Map<number, Float64Array>;
  n: number;
  biters: number;
}

/**
 * Multiplier-bootstrap draws of every ATT(g,t) without forming the n × K matrix product: a cell's influence
 * function is a1 (ΔY_i − m1) on its treated cohort and −a0 (ΔY_i − m0) on its control cohorts, so
 * Σ_i V_i IF_i only needs, per draw, the sums Σ_{i in cohort c} V_i Y_it and Σ_{i in c} V_i — O(n·T) per draw
 * instead of O(n·K). Outcomes are centered by period first (exactly equivalent, better conditioned). The
 * multipliers are drawn in unit order exactly as `multiplierDraws` does, so both give the same draws.
 */
export function attGtDraws(panel: Panel, res: AttGtResult, opts: BootstrapOptions = {}): AttGtDraws {
  const biters = opts.biters ?? 1000;
  if (!Number.isInteger(biters) || biters < 1) throw new Error(`biters must be a positive integer, got ${biters}`);
  if (opts.cluster) throw new Error('attGtDraws bootstraps by unit; use multiplierDraws for coarser clusters');
  const kind = opts.weights ?? 'rademacher';
  const { n, times, cohort } = panel;
  const T = times.length;
  const classes = [...new Set(cohort)].sort((a, b) => a - b);
  const classOf = new Map(classes.map((c, j) => [c, j]));
  const C = classes.length;
  const cls = Int32Array.from(cohort, (g) => classOf.get(g)!);
  // period-centered outcomes, unit-major for cache-friendly accumulation
  const centre = times.map((_, t) => panel.y[t].reduce((s, v) => s + v, 0) / n);
  const yc = new Float64Array(n * T);
  for (let t = 0; t < T; t++) for (let i = 0; i < n; i++) yc[i * T + t] = panel.y[t][i] - centre[t];
  const cells = res.cells.map(() => new Float64Array(biters));
  const sums = classes.map(() => new Float64Array(biters));
  const rng = makeRng(opts.seed ?? 1);
  const v = new Float64Array(n);
  const SY = new Float64Array(C * T);
  const SU = new Float64Array(C);
  const scale = 1 / Math.sqrt(n);
  // per cell: class indices and the centered means (m − (mean_t − mean_b))
  const plan = res.comparisons.map((cmp, k) => {
    const shift = centre[cmp.ti] - centre[cmp.bi];
    return {
      ok: Number.isFinite(res.cells[k].att),
      t: cmp.ti,
      b: cmp.bi,
      g: classOf.get(cmp.treated)!,
      ctrl: cmp.controls.map((c) => classOf.get(c)!),
      a1: n / res.cells[k].nTreated,
      a0: n / res.cells[k].nControl,
      m1: cmp.m1 - shift,
      m0: cmp.m0 - shift,
    };
  });
  for (let b = 0; b < biters; b++) {
    fillMultipliers(v, rng, kind);
    SY.fill(0);
    SU.fill(0);
    for (let i = 0; i < n; i++) {
      const u = v[i];
      const c = cls[i];
      SU[c] += u;
      const base = c * T;
      const row = i * T;
      for (let t = 0; t < T; t++) SY[base + t] += u * yc[row + t];
    }
    for (let j = 0; j < C; j++) sums[j][b] = SU[j] * scale;
    // (a plain loop without a closure per cell and draw: the same arithmetic, several times faster for the
    // ~1,000 cells of a monthly panel)
    for (let k = 0; k < plan.length; k++) {
      const p = plan[k];
      if (!p.ok) {
        cells[k][b] = NaN;
        continue;
      }
      let ctrl = 0;
      const ctrlClasses = p.ctrl;
      for (let j = 0; j < ctrlClasses.length; j++) {
        const c = ctrlClasses[j];
        ctrl += SY[c * T + p.t] - SY[c * T + p.b] - p.m0 * SU[c];
      }
      const treated = SY[p.g * T + p.t] - SY[p.g * T + p.b] - p.m1 * SU[p.g];
      cells[k][b] = (p.a1 * treated - p.a0 * ctrl) * scale;
    }
  }
  return { cells, cohortSums: new Map(classes.map((c, j) => [c, sums[j]])), n, biters };
}

/** Draws of an aggregate from the cell draws: Σ_k w_k draws_k + Σ_c h(c) · cohortSums_c. */
export function estimateDraws(est: Estimate, draws: AttGtDraws): Float64Array {
  const out = new Float64Array(draws.biters);
  est.cellWeights.forEach((w, k) => {
    if (w === 0) return;
    const d = draws.cells[k];
    for (let b = 0; b < out.length; b++) out[b] += w * d[b];
  });
  for (const [g, h] of est.cohortTerm) {
    const s = draws.cohortSums.get(g);
    if (!s || h === 0) continue;
    for (let b = 0; b < out.length; b++) out[b] += h * s[b];
  }
  return out;
}
