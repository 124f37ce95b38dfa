/**
 * The greedy heuristic beside the exact model: repeatedly make the single move that improves the objective most
 * (under the same rules and limits), until N moves or no move improves it. Fast, and without any bound: it cannot
 * say how far from the best it is — which is why the exact model runs too (and starts from this plan).
 */
import { ej } from '#domain/metrics.ts';
import type { ClassModel } from './classes.ts';
import { MOVE_EPSILON, proportionalShare, type Staffing } from './objective.ts';
import type { OptimizeOptions } from './types.ts';

export interface ClassPlan {
  /** per class: how many leave */
  y: Int32Array;
  /** `${pool}|${target}` → how many arrive through the pool (from another unit, or counted as such) */
  z: Map<string, number>;
  /** `${class}|${target}` → how many move within their unit */
  x: Map<string, number>;
  /** the moves in the order they were chosen: class index and target position */
  sequence: { cls: number; target: number }[];
}

interface Candidate {
  key: number;
  delta: number;
  index: number;
}

/** Keep the best two candidates with distinct keys (positions or units): enough to find the best pair with p ≠ q. */
function top2(list: Candidate[], c: Candidate): void {
  if (list.length > 0 && list[0]!.key === c.key) {
    if (c.delta < list[0]!.delta) list[0] = c;
    return;
  }
  if (list.length > 1 && list[1]!.key === c.key) {
    if (c.delta < list[1]!.delta) list[1] = c;
  } else if (list.length < 2) list.push(c);
  else if (c.delta < list[1]!.delta) list[1] = c;
  if (list.length === 2 && list[1]!.delta < list[0]!.delta) list.reverse();
}

export function greedy(cm: ClassModel, s: Staffing, opts: OptimizeOptions): ClassPlan {
  const nUnits = s.unitCurrent.length;
  const pos = Int32Array.from(s.current);
  const unit = Int32Array.from(s.unitCurrent);
  const remaining = Int32Array.from(cm.classes.map((c) => c.members.length));
  const outOfUnit = new Int32Array(nUnits);
  const departed = new Int32Array(s.current.length);
  const y = new Int32Array(cm.classes.length);
  const z = new Map<string, number>();
  const x = new Map<string, number>();
  const sequence: ClassPlan['sequence'] = [];
  const N = Math.max(0, Math.floor(opts.maxMoves));
  const K = opts.maxOutPerUnit ?? Infinity;
  const cost = (c: number) => MOVE_EPSILON + (cm.classes[c]!.unwilling ? (opts.unwillingCost ?? 0) : 0);
  const w = s.totalStaff > 0 ? 1 / (2 * s.totalStaff) : 0;
  const f = (u: number, staff: number) => (s.unitWorkload[u]! > 0 ? ej(s.unitWorkload[u]!, staff, s.monthlyMinutes) : null);

  // the same limits as the model, by departures alone
  const canLeave = (c: number): boolean => {
    const p = cm.classes[c]!.position;
    if (remaining[c]! <= 0) return false;
    if (s.workload[p]! > 0 && s.current[p]! >= 1 && departed[p]! + 1 > s.current[p]! - 1) return false; // position not left empty
    return true;
  };
  // leaving the unit: at most K, and the unit keeps min(current, required rounded)
  const unitAllows = (u: number, v: number) => u === v || (outOfUnit[u]! < K && outOfUnit[u]! + 1 <= s.unitCurrent[u]! - s.unitMinStaff[u]!);

  const outDelta = (p: number): number => {
    if (opts.objective === 'gap') return Math.abs(s.required[p]! - (pos[p]! - 1)) - Math.abs(s.required[p]! - pos[p]!);
    const u = s.unitOf[p]!;
    const sh = proportionalShare(s, u);
    return w * (Math.abs(unit[u]! - 1 - sh) - Math.abs(unit[u]! - sh));
  };
  const inDelta = (q: number): number => {
    if (opts.objective === 'gap') return Math.abs(s.required[q]! - (pos[q]! + 1)) - Math.abs(s.required[q]! - pos[q]!);
    const v = s.unitOf[q]!;
    const sh = proportionalShare(s, v);
    return w * (Math.abs(unit[v]! + 1 - sh) - Math.abs(unit[v]! - sh));
  };

  // arrivals' best candidates per target type and per pool, recomputed only where the last move changed something
  const keyOf = (p: number) => (opts.objective === 'gap' ? p : s.unitOf[p]!);
  const typeOf = new Int32Array(s.current.length).fill(-1);
  cm.types.forEach((ty, k) => ty.positions.forEach((q) => (typeOf[q] = k)));
  const typePools: number[][] = cm.types.map(() => []);
  cm.pools.forEach((pool, t) => pool.types.forEach((k) => typePools[k]!.push(t)));
  const unitPositions: number[][] = Array.from({ length: nUnits }, () => []);
  for (let q = 0; q < s.current.length; q++) unitPositions[s.unitOf[q]!]!.push(q);
  const separable = opts.objective !== 'max-ej';
  const typeTop: Candidate[][] = separable ? cm.types.map(() => []) : [];
  const poolTop: Candidate[][] = separable ? cm.pools.map(() => []) : [];
  const computeType = (k: number) => {
    const list: Candidate[] = [];
    for (const q of cm.types[k]!.positions) top2(list, { key: keyOf(q), delta: inDelta(q), index: q });
    typeTop[k] = list;
  };
  const computePool = (t: number) => {
    const list: Candidate[] = [];
    for (const k of cm.pools[t]!.types) for (const c of typeTop[k]!) top2(list, c);
    poolTop[t] = list;
  };
  if (separable) {
    cm.types.forEach((_, k) => computeType(k));
    cm.pools.forEach((_, t) => computePool(t));
  }

  for (let step = 0; step < N; step++) {
    let best: { cls: number; target: number; delta: number } | null = null;
    if (opts.objective === 'max-ej') {
      // only a move into the unit with the largest EJ can lower the largest EJ; with a tie, no single move does
      const ejs: { u: number; e: number }[] = [];
      for (let u = 0; u < nUnits; u++) {
        const e = unit[u]! >= 1 ? f(u, unit[u]!) : null;
        if (e !== null) ejs.push({ u, e });
      }
      ejs.sort((a, b) => b.e - a.e);
      if (ejs.length === 0 || (ejs.length > 1 && ejs[1]!.e === ejs[0]!.e)) break;
      const top = ejs[0]!;
      const others = (a: number, b: number) => ejs.find((x) => x.u !== a && x.u !== b)?.e ?? 0;
      // a position of each target type in the unit with the largest EJ
      const inTop = new Map<number, number>();
      cm.types.forEach((ty, k) => {
        const q = ty.positions.find((p) => s.unitOf[p] === top.u);
        if (q !== undefined) inTop.set(k, q);
      });
      cm.pools.forEach((pool) => {
        const targets: number[] = [];
        for (const k of pool.types) if (inTop.has(k)) targets.push(inTop.get(k)!);
        if (targets.length === 0) return;
        for (const c of pool.classes) {
          if (!canLeave(c)) continue;
          const p = cm.classes[c]!.position;
          const u = s.unitOf[p]!;
          if (u === top.u || !unitAllows(u, top.u)) continue;
          const fu = unit[u]! - 1 >= 1 ? (f(u, unit[u]! - 1) ?? 0) : 0;
          const newMax = Math.max(others(u, top.u), fu, f(top.u, unit[top.u]! + 1) ?? 0);
          const delta = newMax - top.e + cost(c);
          if (!best || delta < best.delta) best = { cls: c, target: targets[0]!, delta };
        }
      });
    } else {
      cm.pools.forEach((pool, t) => {
        const sources: Candidate[] = [];
        for (const c of pool.classes) {
          if (!canLeave(c)) continue;
          const p = cm.classes[c]!.position;
          top2(sources, { key: keyOf(p), delta: outDelta(p) + cost(c), index: c });
        }
        if (sources.length === 0) return;
        const targets = poolTop[t]!;
        for (const a of sources) {
          for (const t of targets) {
            if (a.key === t.key) continue;
            const u = s.unitOf[cm.classes[a.index]!.position]!;
            if (!unitAllows(u, s.unitOf[t.index]!)) continue;
            const delta = a.delta + t.delta;
            if (!best || delta < best.delta) best = { cls: a.index, target: t.index, delta };
          }
        }
      });
      // a source blocked by its unit's minimum may hide a feasible second choice: the top-2 lists are short on
      // purpose (speed); the exact model has no such blind spot.
    }
    const found = best as { cls: number; target: number; delta: number } | null;
    if (!found || !(found.delta < -1e-12)) break;
    const { cls, target } = found;
    const c = cm.classes[cls]!;
    const u = s.unitOf[c.position]!;
    const v = s.unitOf[target]!;
    remaining[cls]--;
    departed[c.position]++;
    pos[c.position]--;
    pos[target]++;
    unit[u]--;
    unit[v]++;
    if (u === v) {
      const key = `${cls}|${target}`;
      x.set(key, (x.get(key) ?? 0) + 1);
    } else {
      y[cls]++;
      outOfUnit[u]++;
      const key = `${c.pool}|${target}`;
      z.set(key, (z.get(key) ?? 0) + 1);
    }
    sequence.push({ cls, target });
    if (separable) {
      // the arrivals' deltas changed at the two positions (gap) or in the two units (Hoover)
      const touched = opts.objective === 'gap' ? [c.position, target] : [...unitPositions[u]!, ...(u === v ? [] : unitPositions[v]!)];
      const types = new Set<number>();
      for (const q of touched) if (typeOf[q]! >= 0) types.add(typeOf[q]!);
      const pools = new Set<number>();
      for (const k of types) {
        computeType(k);
        for (const t of typePools[k]!) pools.add(t);
      }
      for (const t of pools) computePool(t);
    }
  }
  return { y, z, x, sequence };
}
