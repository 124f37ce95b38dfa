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
import { NORMAL_IQR, quantileIndexType1, quantileType1 } from './stats.ts';

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

/**
 * xoshiro128** (Blackman & Vigna), seeded through splitmix32. Returns uint32 values. The state is kept in a
 * Uint32Array: as closure variables, each uint32 above 2^30 assigned to them was a heap-allocated number (the
 * province build's ~330,000 calls: 10–30 ms → 4–13 ms, the same sequence).
 */
export function makeRng(seed: number): () => number {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = new Uint32Array(4);
  for (let k = 0; k < 4; k++) s[k] = splitmix();
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1;
  return () => {
    const s0 = s[0];
    const s1 = s[1];
    const s2 = s[2] ^ s0;
    const s3 = s[3] ^ s1;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    // the Uint32Array keeps the low 32 bits of each shifted value, as `>>> 0` did
    s[0] = s0 ^ s3;
    s[1] = s1 ^ s2;
    s[2] = s2 ^ (s1 << 9);
    s[3] = (s3 << 11) | (s3 >>> 21);
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
    // one generator call per 32 multipliers, low bit first; branch-free (a coin-flip branch mispredicts half
    // the time and made this the slowest part of the bootstrap after the class sums)
    let bits = 0;
    for (let i = 0; i < out.length; i++) {
      if ((i & 31) === 0) bits = rng();
      out[i] = ((bits & 1) << 1) - 1;
      bits >>>= 1;
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

let scratch = new Float64Array(0);

/** IQR-based scale of one column of draws (did's `bSigma`); NaN when degenerate. */
export function drawScale(draw: Float64Array): number {
  let ss = 0;
  for (let b = 0; b < draw.length; b++) ss += draw[b] * draw[b];
  if (!Number.isFinite(ss) || ss <= SE_ZERO) return NaN;
  // the two order statistics by selection instead of a full sort (same values: the draws are finite here), in a
  // scratch copy reused across calls
  if (scratch.length < draw.length) scratch = new Float64Array(draw.length);
  const a = scratch.subarray(0, draw.length);
  a.set(draw);
  const lo = quantileIndexType1(a.length, 0.25);
  const hi = quantileIndexType1(a.length, 0.75);
  const q25 = selectInPlace(a, lo, 0, a.length - 1);
  const q75 = hi > lo ? selectInPlace(a, hi, lo + 1, a.length - 1) : q25;
  const sigma = (q75 - q25) / NORMAL_IQR;
  return sigma > SE_ZERO ? sigma : NaN;
}

/**
 * The k-th smallest value (0-based) of a[lo … hi], for k in that range (quickselect, Hoare partition, median
 * of three). Reorders a[lo … hi] so that a[lo … k − 1] ≤ a[k] ≤ a[k + 1 … hi].
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): number {
  while (lo < hi) {
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    // now a[lo … j] ≤ pivot ≤ a[i … hi], and everything strictly between j and i equals the pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** Bootstrap SE of one column: bSigma · sqrt(nClusters) / n (= bSigma / sqrt(n) without clustering). */
export function bootstrapSe(draw: Float64Array, n: number, nClusters: number): number {
  return seFromScale(drawScale(draw), n, nClusters);
}

/** `bootstrapSe` from the column's `drawScale`. */
export function seFromScale(scale: number, n: number, nClusters: number): number {
  const se = (scale * Math.sqrt(nClusters)) / n;
  return Number.isFinite(se) && se > SE_ZERO ? se : NaN;
}

/**
 * Simultaneous critical value for a set of columns: the (1 − α) type-1 quantile of max_k |θ*_bk| / σ_k
 * over draws; degenerate columns are left out. NaN when no column is usable. `scales` are the columns'
 * `drawScale` values when already known.
 */
export function supTCritical(draws: readonly Float64Array[], alpha = 0.05, scales?: readonly number[]): number {
  const cols = draws.map((d, k) => ({ d, s: scales ? scales[k] : drawScale(d) })).filter((c) => Number.isFinite(c.s));
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

/** Units per lookup block of `attGtDraws` (a block's table holds 2^BLOCK rows). */
const BLOCK = 8;

/** The two values a two-point multiplier takes: [value of bit 0, value of bit 1]. */
function twoPoints(kind: MultiplierWeights): [number, number] {
  return kind === 'rademacher' ? [-1, 1] : [MAMMEN.low, MAMMEN.high];
}

/**
 * Multiplier-bootstrap draws of every ATT(g,t) without forming the n × K matrix product: a cell's influence
 * function is a1 (ΔY_i − m1) on its treated cohort and −a0 (ΔY_i − m0) on its control cohorts, so
 * Σ_i V_i IF_i only needs, per draw, the sums Σ_{i in cohort c} V_i Y_it and Σ_{i in c} V_i (O(n·T) per draw
 * instead of O(n·K)). Outcomes are centered by period first (exactly equivalent, better conditioned). The
 * multipliers are drawn in unit order exactly as `multiplierDraws` does, so both give the same draws.
 *
 * The class sums are formed with lookup tables (the "four Russians" idea): both multiplier kinds take two
 * values, so the units of a class are cut into blocks of BLOCK units and, for each block, the sums
 * Σ_{j in block} v_j (y_jt, 1) for all 2^BLOCK sign patterns are tabulated once; a draw then adds one table
 * row per block (its pattern read from the draw's multipliers) instead of BLOCK products per unit: about
 * BLOCK/2 times fewer operations over the 999 draws. The blocks are taken one by one for every draw (the
 * block's table stays in cache), the sums of each draw in unit order of the blocks, so the result does not
 * depend on anything but the panel and the seed; it differs from the plain products in the last bits only.
 */
export function attGtDraws(panel: Panel, res: AttGtResult, opts: BootstrapOptions = {}): AttGtDraws {
  const biters = opts.biters ?? 1000;
  if (!Number.isInteger(biters) || biters < 1) throw new Error(`biters must be a positive integer, got ${biters}`);
  if (opts.cluster) throw new Error('attGtDraws bootstraps by unit; use multiplierDraws for coarser clusters');
  const kind = opts.weights ?? 'rademacher';
  const { n, times, cohort } = panel;
  const T = times.length;
  const T1 = T + 1; // the T periods' sums and the multipliers' own sum
  const classes = [...new Set(cohort)].sort((a, b) => a - b);
  const classOf = new Map(classes.map((c, j) => [c, j]));
  const C = classes.length;
  // units grouped by class, keeping unit order within a class (a prepared panel is ordered by cohort already)
  const { order, start } = groupByClass(Int32Array.from(cohort, (g) => classOf.get(g)!), C);
  const grouped = order.every((u, j) => u === j);
  // period-centered outcomes, one array per period with units grouped by class
  const centre = panel.y.map(mean);
  const yc = panel.y.map((col, t) => centeredInOrder(col, centre[t], order));
  const plan = cellPlan(res, classOf, centre, n);
  // the blocks: BLOCK consecutive units of one class (the last of a class may be shorter)
  const blockStart: number[] = [];
  const blockClass: number[] = [];
  for (let c = 0; c < C; c++) {
    for (let j = start[c]; j < start[c + 1]; j += BLOCK) {
      blockStart.push(j);
      blockClass.push(c);
    }
  }
  const nb = blockStart.length;
  blockStart.push(n);
  // each draw's multipliers as one bit per unit, block by block: codes[q · biters + b] (bit j = unit j of block q
  // has the second value)
  const codes = blockCodes(n, order, grouped, blockStart, biters, opts.seed ?? 1, kind);
  // A[(c · biters + b) · T1 + t]: draw b's sum over class c of v_i y_it (t < T) and of v_i (t = T); a class's
  // sums are contiguous (they stay in cache while its blocks are added)
  const A = scratchArray(0, biters * C * T1);
  A.fill(0);
  // four blocks of one class at a time: each draw's sums are read and written once for the four
  // the four tables are views of one buffer, read through it: the accumulation then keeps one table array in
  // registers instead of four (the province's employee panel: attGtDraws 137 → 114 ms warm, the same sums)
  const S = (1 << BLOCK) * T1;
  const tab = new Float64Array(4 * S);
  const tables = Array.from({ length: 4 }, (_, k) => tab.subarray(k * S, (k + 1) * S));
  for (let q = 0; q < nb; ) {
    const c = blockClass[q];
    let k = 0;
    while (k < 4 && q + k < nb && blockClass[q + k] === c) {
      blockTable(yc, blockStart[q + k], blockStart[q + k + 1], kind, tables[k]!);
      k++;
    }
    const oc = c * biters * T1;
    const c0 = q * biters;
    if (k === 4) {
      addFourTables(A, oc, tab, S, codes, c0, biters, T1);
    } else {
      for (let j = 0; j < k; j++) {
        const cj = c0 + j * biters;
        for (let b = 0; b < biters; b++) {
          const r = j * S + codes[cj + b] * T1;
          const o = oc + b * T1;
          for (let t = 0; t < T1; t++) A[o + t] += tab[r + t];
        }
      }
    }
    q += k;
  }
  // the sums laid out draw-innermost for the cells (each cell reads a few sums over all draws): X[(c · T1 + t) · biters + b]
  // = A[c, b, t], and the running sums over the classes in class order, P[(c · T1 + t) · biters + b] =
  // Σ_{c' < c} A[c', b, t] (c = 0 … C): a cell's controls are one or two ranges of classes, each the difference of
  // two running sums
  const X = scratchArray(1, C * T1 * biters);
  const P = scratchArray(2, (C + 1) * T1 * biters);
  P.fill(0, 0, T1 * biters);
  for (let c = 0; c < C; c++) {
    for (let b = 0; b < biters; b++) {
      const from = (c * biters + b) * T1;
      for (let t = 0; t < T1; t++) X[(c * T1 + t) * biters + b] = A[from + t];
    }
    const at = c * T1 * biters;
    const next = at + T1 * biters;
    for (let j = 0; j < T1 * biters; j++) P[next + j] = P[at + j] + X[at + j];
  }
  const cells = columns(res.cells.length, biters);
  const sums = columns(C, biters);
  const scale = 1 / Math.sqrt(n);
  for (let j = 0; j < C; j++) for (let b = 0; b < biters; b++) sums[j][b] = X[(j * T1 + T) * biters + b] * scale;
  cellDraws(plan, X, P, biters, T1, scale, cells);
  return { cells, cohortSums: new Map(classes.map((c, j) => [c, sums[j]])), n, biters };
}

/**
 * A[oc + b · T1 + t] += the rows of the four tables (views of `tab`, S values apart) that draw b's codes of the four
 * blocks pick, for every draw b and t < T1 (the four blocks' codes are codes[c0 + j · biters + b], j = 0 … 3).
 */
function addFourTables(A: Float64Array, oc: number, tab: Float64Array, S: number, codes: Uint8Array, c0: number, biters: number, T1: number): void {
  for (let b = 0; b < biters; b++) {
    const r0 = codes[c0 + b] * T1;
    const r1 = S + codes[c0 + biters + b] * T1;
    const r2 = 2 * S + codes[c0 + 2 * biters + b] * T1;
    const r3 = 3 * S + codes[c0 + 3 * biters + b] * T1;
    const o = oc + b * T1;
    for (let t = 0; t < T1; t++) A[o + t] += (tab[r0 + t] + tab[r1 + t]) + (tab[r2 + t] + tab[r3 + t]);
  }
}

/**
 * The multipliers of every draw as block codes (see attGtDraws): codes[q · biters + b], bit j = unit j of block q
 * (units grouped by class, `order`) has the second value. They depend only on the seed, the number of draws, the
 * kind, the units' order and the blocks, which the outcomes of one panel share: the last codes are kept and
 * reused when all of these are the same (the build estimates four outcomes of the unit panel and two of the
 * employee panel; the codes of the employee panel took 15–45 ms).
 */
function blockCodes(n: number, order: Int32Array, grouped: boolean, blockStart: readonly number[], biters: number, seed: number, kind: MultiplierWeights): Uint8Array {
  const key = `${seed}|${biters}|${kind}|${n}|${grouped ? 'grouped' : Array.prototype.join.call(order, ',')}|${blockStart.join(',')}`;
  if (lastCodes?.key === key) return lastCodes.codes;
  const nb = blockStart.length - 1;
  const codes = new Uint8Array(nb * biters);
  const rng = makeRng(seed);
  if (kind === 'rademacher' && grouped) {
    // fillMultipliers gives unit i the bit i mod 32 of the draw's (i div 32)-th generator word: read the bits
    const words = new Uint32Array(Math.ceil(n / 32) + 1);
    for (let b = 0; b < biters; b++) {
      for (let w = 0; w * 32 < n; w++) words[w] = rng();
      for (let q = 0; q < nb; q++) {
        const j0 = blockStart[q];
        const m = blockStart[q + 1] - j0;
        const w = j0 >>> 5;
        const sh = j0 & 31;
        let x = words[w] >>> sh;
        if (sh + m > 32) x |= words[w + 1] << (32 - sh);
        codes[q * biters + b] = x & ((1 << m) - 1);
      }
    }
  } else {
    const [, high] = twoPoints(kind);
    const v = new Float64Array(n);
    const g = grouped ? v : new Float64Array(n);
    for (let b = 0; b < biters; b++) {
      fillMultipliers(v, rng, kind);
      if (!grouped) for (let j = 0; j < n; j++) g[j] = v[order[j]];
      for (let q = 0; q < nb; q++) {
        let code = 0;
        for (let j = blockStart[q], bit = 1; j < blockStart[q + 1]; j++, bit <<= 1) if (g[j] === high) code |= bit;
        codes[q * biters + b] = code;
      }
    }
  }
  lastCodes = { key, codes };
  return codes;
}

let lastCodes: { key: string; codes: Uint8Array } | null = null;

/**
 * The lookup table of the block of units lo … hi − 1: row p (a pattern of hi − lo bits), column t < T holds
 * Σ_j w(bit j of p) · yc[t][lo + j] and column T holds Σ_j w(bit j of p), w(0) and w(1) being the two values
 * of the multipliers. Row p is row p without its highest bit plus that unit's change from the first value to the
 * second.
 */
function blockTable(yc: Float64Array[], lo: number, hi: number, kind: MultiplierWeights, table: Float64Array): void {
  const [w0, w1] = twoPoints(kind);
  const dw = w1 - w0;
  const T = yc.length;
  const T1 = T + 1;
  const m = hi - lo;
  // the block's outcomes, unit by unit: d[h · T1 + t] = (w1 − w0) · yc[t][lo + h], and (w1 − w0) for t = T
  if (blockScratch.length < BLOCK * T1) blockScratch = new Float64Array(BLOCK * T1);
  const d = blockScratch;
  for (let h = 0; h < m; h++) {
    for (let t = 0; t < T; t++) d[h * T1 + t] = dw * yc[t][lo + h];
    d[h * T1 + T] = dw;
  }
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let j = lo; j < hi; j++) s += w0 * yc[t][j];
    table[t] = s;
  }
  table[T] = w0 * m;
  // rows top … 2·top − 1 are rows 0 … top − 1 plus unit h's row of d: each value once, column by column, so d's
  // value stays in a register over the rows (the same sums as row by row; the province's blocks 24 → 15 ms)
  for (let h = 0; h < m; h++) {
    const len = (1 << h) * T1;
    const dh = h * T1;
    for (let t = 0; t < T1; t++) {
      const v = d[dh + t];
      for (let i = t; i < len; i += T1) table[len + i] = table[i] + v;
    }
  }
}

let blockScratch = new Float64Array(0);

/**
 * attGtDraws' working arrays (three of ~10 MB each at province scale), kept between calls: allocating them anew
 * for every outcome made V8 collect garbage for the memory they hold outside its heap. A view of `length`.
 */
const workArrays: Float64Array[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
function scratchArray(k: number, length: number): Float64Array {
  if (workArrays[k]!.length < length) workArrays[k] = new Float64Array(length);
  return workArrays[k]!.subarray(0, length);
}

function mean(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
}

/** x[order[j]] − centre for j = 0 … n − 1. */
function centeredInOrder(x: Float64Array, centre: number, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) out[j] = x[order[j]] - centre;
  return out;
}

/** k columns of length m as views of one buffer (one allocation instead of k; a thousand cells are common). */
function columns(k: number, m: number): Float64Array[] {
  const buf = new Float64Array(k * m);
  return Array.from({ length: k }, (_, j) => buf.subarray(j * m, (j + 1) * m));
}

/** Units grouped by class, keeping unit order within a class (so sums over a class add in unit order). */
function groupByClass(cls: Int32Array, C: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(C + 1);
  for (const c of cls) start[c + 1]++;
  for (let c = 0; c < C; c++) start[c + 1] += start[c];
  const next = start.slice(0, C);
  const order = new Int32Array(cls.length);
  for (let i = 0; i < cls.length; i++) order[next[cls[i]]++] = i;
  return { order, start };
}

/** Per cell, flat: periods, class indices and the centered means (m − (mean_t − mean_b)). */
interface CellPlan {
  /** number of classes */
  C: number;
  ok: Uint8Array;
  t: Int32Array;
  b: Int32Array;
  g: Int32Array;
  a1: Float64Array;
  a0: Float64Array;
  m1: Float64Array;
  m0: Float64Array;
  /**
   * control classes of cell k, as ranges of class indices: ranges[2j] … ranges[2j + 1] − 1 for
   * j = rangeStart[k] … rangeStart[k + 1] − 1 (not-yet-treated controls are one or two ranges)
   */
  rangeStart: Int32Array;
  ranges: Int32Array;
}

function cellPlan(res: AttGtResult, classOf: Map<number, number>, centre: number[], n: number): CellPlan {
  const K = res.comparisons.length;
  const plan: CellPlan = {
    C: classOf.size,
    ok: new Uint8Array(K), t: new Int32Array(K), b: new Int32Array(K), g: new Int32Array(K),
    a1: new Float64Array(K), a0: new Float64Array(K), m1: new Float64Array(K), m0: new Float64Array(K),
    rangeStart: new Int32Array(K + 1), ranges: new Int32Array(0),
  };
  const ranges: number[] = [];
  res.comparisons.forEach((cmp, k) => {
    const shift = centre[cmp.ti] - centre[cmp.bi];
    plan.ok[k] = Number.isFinite(res.cells[k].att) ? 1 : 0;
    plan.t[k] = cmp.ti;
    plan.b[k] = cmp.bi;
    plan.g[k] = classOf.get(cmp.treated)!;
    plan.a1[k] = n / res.cells[k].nTreated;
    plan.a0[k] = n / res.cells[k].nControl;
    plan.m1[k] = cmp.m1 - shift;
    plan.m0[k] = cmp.m0 - shift;
    // controls are listed in ascending cohort order, hence ascending class index
    for (const c of cmp.controls) {
      const j = classOf.get(c)!;
      if (ranges.length > 2 * plan.rangeStart[k] && ranges[ranges.length - 1] === j) ranges[ranges.length - 1] = j + 1;
      else ranges.push(j, j + 1);
    }
    plan.rangeStart[k + 1] = ranges.length / 2;
  });
  plan.ranges = Int32Array.from(ranges);
  return plan;
}

/**
 * The draws of every cell from the class sums X[(c · T1 + t) · biters + b] (Σ_{i in c} v_i y_it for t < T,
 * Σ_{i in c} v_i for t = T) and their running sums over classes P (see attGtDraws).
 */
function cellDraws(p: CellPlan, X: Float64Array, P: Float64Array, biters: number, T1: number, scale: number, cells: Float64Array[]): void {
  const { ok, t, b: base, g, a1, a0, m1, m0, rangeStart, ranges } = p;
  const U = T1 - 1;
  const s0 = new Float64Array(biters);
  for (let k = 0; k < ok.length; k++) {
    const draws = cells[k];
    if (!ok[k]) {
      draws.fill(NaN);
      continue;
    }
    const tk = t[k] * biters;
    const bk = base[k] * biters;
    const uk = U * biters;
    const m0k = m0[k];
    const m1k = m1[k];
    const a1k = a1[k];
    const a0k = a0[k];
    s0.fill(0);
    for (let r = rangeStart[k]; r < rangeStart[k + 1]; r++) {
      const lo = ranges[2 * r] * T1 * biters;
      const hi = ranges[2 * r + 1] * T1 * biters;
      for (let b = 0; b < biters; b++) {
        s0[b] += (P[hi + tk + b] - P[lo + tk + b]) - (P[hi + bk + b] - P[lo + bk + b]) - m0k * (P[hi + uk + b] - P[lo + uk + b]);
      }
    }
    const og = g[k] * T1 * biters;
    for (let b = 0; b < biters; b++) {
      const s1 = X[og + tk + b] - X[og + bk + b] - m1k * X[og + uk + b];
      draws[b] = (a1k * s1 - a0k * s0[b]) * scale;
    }
  }
}

/** Draws of an aggregate from the cell draws: Σ_k w_k draws_k + Σ_c h(c) · cohortSums_c. */
export function estimateDraws(est: Estimate, draws: AttGtDraws): Float64Array {
  const out = new Float64Array(draws.biters);
  for (let k = 0; k < est.cellWeights.length; k++) {
    const w = est.cellWeights[k];
    if (w === 0) continue;
    const d = draws.cells[k];
    for (let b = 0; b < out.length; b++) out[b] += w * d[b];
  }
  for (const [g, h] of est.cohortTerm) {
    const s = draws.cohortSums.get(g);
    if (!s || h === 0) continue;
    for (let b = 0; b < out.length; b++) out[b] += h * s[b];
  }
  return out;
}
