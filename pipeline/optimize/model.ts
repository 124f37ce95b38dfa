/**
 * The exact rotation model (a mixed-integer program for HiGHS), written out in docs/method-optimizer.md:
 *
 *   y_c ∈ {0 … |c|}       how many members of staff class c leave through their pool (cost ε per move, + the stated
 *                         cost for an unwilling class)
 *   z_tk ∈ ℤ≥0            how many people of pool t go to target type k (k eligible for t: every position of k is)
 *   w_kq ∈ ℤ≥0            how many of those arriving at type k take its position q
 *   x_cq ∈ ℤ≥0            how many of class c move to position q of their own unit (q eligible; same costs)
 *   Σ_{c∈t} y_c = Σ_k z_tk,  Σ_t z_tk = Σ_q w_kq   (every leaver lands in a target their pool may take)
 *   y_c + Σ_q x_cq ≤ |c|
 *   out_q = Σ_{c at q} (y_c + Σ x_c·),  net_q = w_kq + Σ_c x_cq − out_q
 *   out_q ≤ cur_q − 1 where q has workload and staff    (the releasing position is not left empty)
 *   Σ_{c in u} y_c ≤ cur_u − minStaff_u    (each unit keeps its minimum staff, by departures alone)
 *   Σ y + Σ x ≤ N;  Σ_{c in u} y_c ≤ K     (at most N moves, at most K out of any one unit)
 * and one objective:
 *   gap     Σ_q d_q,  d_q ≥ ±(r_q − cur_q − net_q)                         (|required − current| per position)
 *   max-ej  T,  T ≥ chords of EJ_u(s) = W_u / (s · WKE/12) between consecutive integers s (exact at integers)
 *   gini    Σ_u e_u / (2S),  e_u ≥ ±(cur_u + net_u − share_u)              (Hoover index, objective.ts)
 */
import type { Model as HighsModel, ModelData } from 'highs';
import { ej } from '#domain/metrics.ts';
import type { ClassModel } from './classes.ts';
import { MOVE_EPSILON, proportionalShare, type Staffing } from './objective.ts';
import type { ModelSize, OptimizeOptions } from './types.ts';

/** A small sparse builder: columns and CSR rows. */
class Builder {
  colCost: number[] = [];
  colLower: number[] = [];
  colUpper: number[] = [];
  integrality: number[] = [];
  colNames: string[] = [];
  rowLower: number[] = [];
  rowUpper: number[] = [];
  rowNames: string[] = [];
  starts: number[] = [0];
  indices: number[] = [];
  values: number[] = [];

  col(name: string, lower: number, upper: number, cost: number, integer: boolean): number {
    this.colNames.push(name);
    this.colLower.push(lower);
    this.colUpper.push(upper);
    this.colCost.push(cost);
    this.integrality.push(integer ? 1 : 0);
    return this.colNames.length - 1;
  }

  row(name: string, lower: number, upper: number, terms: Map<number, number>): void {
    const entries = [...terms].filter(([, v]) => v !== 0).sort((a, b) => a[0] - b[0]);
    for (const [i, v] of entries) {
      this.indices.push(i);
      this.values.push(v);
    }
    this.starts.push(this.indices.length);
    this.rowNames.push(name);
    this.rowLower.push(lower);
    this.rowUpper.push(upper);
  }
}

const add = (m: Map<number, number>, col: number, v: number) => m.set(col, (m.get(col) ?? 0) + v);
const plus = (a: Map<number, number>, b: Map<number, number> | undefined, sign = 1) => {
  const out = new Map(a);
  if (b) for (const [k, v] of b) add(out, k, sign * v);
  return out;
};

export interface BuiltModel {
  data: ModelData;
  /** y column of each class */
  yCol: Int32Array;
  /** z columns: pool, target position, column */
  zCols: { pool: number; type: number; col: number }[];
  /** type → position arcs */
  wCols: { type: number; target: number; col: number }[];
  /** target type of each position (−1: closed) */
  typeOf: Int32Array;
  /** direct arcs within a unit: class, target position, column */
  xCols: { cls: number; target: number; col: number }[];
  /** constant part of the objective (positions/units no move can touch) */
  offset: number;
  size: ModelSize;
  /** builds a full column vector from class and arc counts (a MIP start, e.g. the greedy plan) */
  complete(y: ArrayLike<number>, z: ReadonlyMap<string, number>, x: ReadonlyMap<string, number>): Float64Array;
}

/** Constraint groups a binding report lifts one at a time (docs/method-optimizer.md "Which constraint binds"). */
export interface Relax {
  unitMinStaff?: boolean;
  keepPositions?: boolean;
  /** the LP relaxation: every variable continuous */
  continuous?: boolean;
}

export function buildModel(cm: ClassModel, s: Staffing, opts: OptimizeOptions, infinity: number, relax: Relax = {}): BuiltModel {
  const b = new Builder();
  const nPos = s.required.length;
  const nUnits = s.unitCurrent.length;
  const N = Math.max(0, Math.floor(opts.maxMoves));
  const unwillingCost = opts.unwillingCost ?? 0;

  const yCol = new Int32Array(cm.classes.length);
  cm.classes.forEach((c, i) => {
    yCol[i] = b.col(`y${i}`, 0, Math.min(c.members.length, N), MOVE_EPSILON + (c.unwilling ? unwillingCost : 0), true);
  });
  // net head-count change per position, as sparse terms; departures per position (between units and within)
  const net: (Map<number, number> | undefined)[] = new Array(nPos);
  const netOf = (q: number) => (net[q] ??= new Map());
  const outOf: (Map<number, number> | undefined)[] = new Array(nPos);
  const outOfPos = (q: number) => (outOf[q] ??= new Map());
  cm.classes.forEach((c, i) => {
    add(netOf(c.position), yCol[i]!, -1);
    add(outOfPos(c.position), yCol[i]!, 1);
  });
  // moves within the unit: direct arcs x_cq to the eligible positions of the class's own unit (few), so that they
  // do not count as departures from the unit; a class's x and y together never exceed its members
  const xCols: BuiltModel['xCols'] = [];
  const moveTerms = new Map<number, number>();
  for (const col of yCol) add(moveTerms, col, 1);
  cm.classes.forEach((c, i) => {
    const u = s.unitOf[c.position]!;
    const members = new Map([[yCol[i]!, 1]]);
    for (const q of cm.pools[c.pool]!.targets) {
      if (q === c.position || s.unitOf[q] !== u) continue;
      const col = b.col(`x${i}_${q}`, 0, Math.min(c.members.length, N), MOVE_EPSILON + (c.unwilling ? unwillingCost : 0), true);
      xCols.push({ cls: i, target: q, col });
      add(netOf(c.position), col, -1);
      add(netOf(q), col, 1);
      add(outOfPos(c.position), col, 1);
      add(moveTerms, col, 1);
      members.set(col, 1);
    }
    if (members.size > 1) b.row(`members_c${i}`, -infinity, c.members.length, members);
  });
  // pools → target types → positions: a pool may take every position of an eligible type, so the arcs are
  // pool × type plus type × position, never pool × position
  const zCols: BuiltModel['zCols'] = [];
  const wCols: BuiltModel['wCols'] = [];
  const typeIn: Map<number, number>[] = cm.types.map(() => new Map());
  const typeOf = new Int32Array(nPos).fill(-1);
  cm.types.forEach((ty, k) => ty.positions.forEach((q) => (typeOf[q] = k)));
  cm.pools.forEach((pool, t) => {
    const supply = pool.classes.reduce((a, c) => a + Math.min(cm.classes[c]!.members.length, N), 0);
    const conservation = new Map<number, number>();
    for (const c of pool.classes) add(conservation, yCol[c]!, 1);
    for (const k of pool.types) {
      const col = b.col(`z${t}_t${k}`, 0, Math.min(supply, N), 0, true);
      zCols.push({ pool: t, type: k, col });
      add(typeIn[k]!, col, 1);
      add(conservation, col, -1);
    }
    b.row(`pool${t}`, 0, 0, conservation);
  });
  cm.types.forEach((ty, k) => {
    if (typeIn[k]!.size === 0) return;
    const conservation = new Map(typeIn[k]!);
    for (const q of ty.positions) {
      const col = b.col(`w${k}_${q}`, 0, N, 0, true);
      wCols.push({ type: k, target: q, col });
      add(netOf(q), col, 1);
      add(conservation, col, -1);
    }
    b.row(`type${k}`, 0, 0, conservation);
  });

  // at most N moves; at most K out of one unit (moves through a pool count as leaving the unit)
  b.row('max_moves', -infinity, N, moveTerms);
  const unitNet: (Map<number, number> | undefined)[] = new Array(nUnits);
  const unitOut: (Map<number, number> | undefined)[] = new Array(nUnits);
  for (let q = 0; q < nPos; q++) {
    const u = s.unitOf[q]!;
    if (net[q]) unitNet[u] = plus(unitNet[u] ?? new Map(), net[q]);
  }
  cm.classes.forEach((c, i) => add((unitOut[s.unitOf[c.position]!] ??= new Map()), yCol[i]!, 1));
  if (opts.maxOutPerUnit != null) {
    for (let u = 0; u < nUnits; u++) if (unitOut[u]) b.row(`max_out_u${u}`, -infinity, opts.maxOutPerUnit, unitOut[u]!);
  }
  // The limits hold by departures alone, so they hold after every step in whatever order the moves are made (the
  // simulator checks each move against the state just before it):
  // the releasing position is not left empty — a position with workload keeps one of its holders;
  for (let q = 0; q < nPos; q++) {
    if (!relax.keepPositions && outOf[q] && s.workload[q]! > 0 && s.current[q]! >= 1) b.row(`keep_q${q}`, -infinity, s.current[q]! - 1, outOf[q]!);
  }
  // each unit keeps its minimum staff: departures to other units leave at least min(current, required rounded).
  for (let u = 0; u < nUnits; u++) {
    if (!relax.unitMinStaff && unitOut[u]) b.row(`min_staff_u${u}`, -infinity, s.unitCurrent[u]! - s.unitMinStaff[u]!, unitOut[u]!);
  }

  let offset = 0;
  const continuous: { col: number; value: (pos: Float64Array, unit: Float64Array) => number }[] = [];
  if (opts.objective === 'gap') {
    for (let q = 0; q < nPos; q++) {
      const gapNow = s.required[q]! - s.current[q]!;
      if (!net[q]) {
        offset += Math.abs(gapNow);
        continue;
      }
      const d = b.col(`d${q}`, 0, infinity, 1, false);
      continuous.push({ col: d, value: (pos) => Math.abs(s.required[q]! - pos[q]!) });
      // d ≥ r − (cur + net)  ⇔  d + net ≥ r − cur;   d ≥ (cur + net) − r  ⇔  d − net ≥ cur − r
      b.row(`gap_hi_q${q}`, gapNow, infinity, plus(new Map([[d, 1]]), net[q], 1));
      b.row(`gap_lo_q${q}`, -gapNow, infinity, plus(new Map([[d, 1]]), net[q], -1));
    }
  } else if (opts.objective === 'gini') {
    const w = s.totalStaff > 0 ? 1 / (2 * s.totalStaff) : 0;
    for (let u = 0; u < nUnits; u++) {
      const devNow = s.unitCurrent[u]! - proportionalShare(s, u);
      if (!unitNet[u]) {
        offset += w * Math.abs(devNow);
        continue;
      }
      const e = b.col(`e${u}`, 0, infinity, w, false);
      continuous.push({ col: e, value: (_p, unit) => Math.abs(unit[u]! - proportionalShare(s, u)) });
      b.row(`dev_hi_u${u}`, devNow, infinity, plus(new Map([[e, 1]]), unitNet[u], -1));
      b.row(`dev_lo_u${u}`, -devNow, infinity, plus(new Map([[e, 1]]), unitNet[u], 1));
    }
  } else {
    buildMaxEj(b, cm, s, N, unitNet, infinity, continuous);
  }

  const numCols = b.colNames.length;
  const numRows = b.rowNames.length;
  const data: ModelData = {
    numCols,
    numRows,
    offset,
    colCost: b.colCost,
    colLower: b.colLower,
    colUpper: b.colUpper,
    rowLower: b.rowLower,
    rowUpper: b.rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts: b.starts, indices: b.indices, values: b.values },
    integrality: (relax.continuous ? b.integrality.map(() => 0) : b.integrality) as ModelData['integrality'],
    colNames: b.colNames,
    rowNames: b.rowNames,
  };
  const complete = (y: ArrayLike<number>, z: ReadonlyMap<string, number>, direct: ReadonlyMap<string, number>): Float64Array => {
    const x = new Float64Array(numCols);
    const pos = Float64Array.from(s.current);
    for (const xc of xCols) {
      const v = direct.get(`${xc.cls}|${xc.target}`) ?? 0;
      x[xc.col] = v;
      pos[cm.classes[xc.cls]!.position] -= v;
      pos[xc.target] += v;
    }
    cm.classes.forEach((c, i) => {
      x[yCol[i]!] = y[i]!;
      pos[c.position] -= y[i]!;
    });
    const zIndex = new Map(zCols.map((c) => [`${c.pool}|${c.type}`, c.col] as const));
    const wIndex = new Map(wCols.map((c) => [c.target, c.col] as const));
    for (const [key, v] of z) {
      const [t, q] = key.split('|').map(Number) as [number, number];
      x[zIndex.get(`${t}|${typeOf[q]}`)!] += v;
      x[wIndex.get(q)!] += v;
      pos[q] += v;
    }
    const unit = new Float64Array(nUnits);
    for (let q = 0; q < nPos; q++) unit[s.unitOf[q]!] += pos[q]!;
    for (const c of continuous) x[c.col] = c.value(pos, unit);
    return x;
  };
  return {
    data,
    yCol,
    zCols,
    wCols,
    typeOf,
    xCols,
    offset,
    complete,
    size: {
      classes: cm.classes.length,
      pools: cm.pools.length,
      variables: numCols,
      integerVariables: b.integrality.filter((v) => v === 1).length,
      constraints: numRows,
      nonzeros: b.indices.length,
    },
  };
}

/**
 * Largest unit EJ. EJ_u(s) = W_u / (s · WKE/12) is convex and decreasing in the head-count s, so at integer s it
 * equals the largest of the chords through (j, EJ(j)) and (j+1, EJ(j+1)); every other chord suffices (each integer
 * lies on one kept chord), and chords entirely below a proven lower bound of the optimum are dropped. Units no move
 * can touch, and that lower bound, become the lower bound of T. A unit with workload and nobody in post has no EJ
 * (it is not among the indices' cells): a binary b_u switches its chords on when someone arrives.
 */
function buildMaxEj(
  b: Builder,
  cm: ClassModel,
  s: Staffing,
  N: number,
  unitNet: (Map<number, number> | undefined)[],
  infinity: number,
  continuous: { col: number; value: (pos: Float64Array, unit: Float64Array) => number }[],
): void {
  const nUnits = s.unitCurrent.length;
  const f = (u: number, staff: number) => ej(s.unitWorkload[u]!, staff, s.monthlyMinutes) ?? 0;
  // reachable head-count range per unit: at most N arrivals and N departures, and no more than the pools can send
  const inCap = new Float64Array(nUnits);
  const outCap = new Float64Array(nUnits);
  for (const c of cm.classes) outCap[s.unitOf[c.position]!] += c.members.length;
  cm.pools.forEach((pool) => {
    const supply = pool.classes.reduce((a, c) => a + cm.classes[c]!.members.length, 0);
    const units = new Set(pool.targets.map((q) => s.unitOf[q]!));
    for (const u of units) inCap[u] += supply;
  });
  const lo = new Int32Array(nUnits);
  const hi = new Int32Array(nUnits);
  let lower = 0;
  for (let u = 0; u < nUnits; u++) {
    const cur = s.unitCurrent[u]!;
    lo[u] = Math.max(s.unitMinStaff[u]!, cur - Math.min(N, outCap[u]!));
    hi[u] = cur + Math.min(N, inCap[u]!);
    if (!(s.unitWorkload[u]! > 0)) continue;
    // T ≥ EJ_u at its largest reachable head-count (a valid lower bound of the optimum, for a unit that cannot be
    // emptied: an empty unit has no EJ and leaves the max)
    if (lo[u]! >= 1) lower = Math.max(lower, f(u, hi[u]!));
    if (!unitNet[u] && cur >= 1) lower = Math.max(lower, f(u, cur));
  }
  const T = b.col('T', lower, infinity, 1, false);
  continuous.push({
    col: T,
    value: (_p, unit) => {
      let mx = lower;
      for (let u = 0; u < nUnits; u++) if (s.unitWorkload[u]! > 0 && unit[u]! >= 1) mx = Math.max(mx, f(u, unit[u]!));
      return mx;
    },
  });
  for (let u = 0; u < nUnits; u++) {
    if (!(s.unitWorkload[u]! > 0) || !unitNet[u]) continue;
    const cur = s.unitCurrent[u]!;
    const from = Math.max(1, lo[u]!);
    if (hi[u]! < 1) continue;
    // a unit that may be (or is) empty: a binary b_u = [s_u ≥ 1] switches its chords on
    let bin = -1;
    if (lo[u]! === 0) {
      bin = b.col(`b${u}`, 0, 1, 0, true);
      b.row(`on_lo_u${u}`, -cur, infinity, plus(new Map([[bin, -1]]), unitNet[u])); // s ≥ b
      b.row(`on_hi_u${u}`, -infinity, -cur, plus(new Map([[bin, -hi[u]!]]), unitNet[u])); // s ≤ hi · b
    }
    const chord = (j: number) => {
      // T ≥ L_j(s) = f(j) + slope (s − j), s = cur + net  ⇔  T − slope·net ≥ c0 = f(j) + slope (cur − j);
      // with the switch: T ≥ L_j(s) − L_j(0)(1 − b)  ⇔  T − slope·net − L_j(0)·b ≥ c0 − L_j(0)
      const slope = f(u, j + 1) - f(u, j);
      const c0 = f(u, j) + slope * (cur - j);
      const terms = plus(new Map([[T, 1]]), unitNet[u], -slope);
      if (bin >= 0) {
        const a0 = f(u, j) - slope * j;
        add(terms, bin, -a0);
        b.row(`ej_u${u}_${j}`, c0 - a0, infinity, terms);
      } else b.row(`ej_u${u}_${j}`, c0, infinity, terms);
    };
    if (hi[u]! === from) {
      // a single reachable head-count: EJ is a constant there
      const terms = new Map([[T, 1]]);
      if (bin >= 0) {
        add(terms, bin, -f(u, from)); // s ∈ {0, from}: T ≥ f(from) · b
        b.row(`ej_u${u}_${from}`, 0, infinity, terms);
      } else if (f(u, from) > lower) b.row(`ej_u${u}_${from}`, f(u, from), infinity, terms);
      continue;
    }
    let last = -1;
    for (let j = from; j < hi[u]!; j += 2) {
      if (f(u, j) <= lower) break;
      chord(j);
      last = j + 1;
    }
    if (last >= 0 && last < hi[u]! && f(u, hi[u]!) > lower) chord(hi[u]! - 1);
  }
}

export type { HighsModel };
