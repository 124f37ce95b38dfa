/**
 * From class moves to named people: in each class the longest in post leave first (PP 11/2017 Pasal 190 sets 5
 * years as the most in one position, so the longest-serving are the first due for rotation); within a pool every
 * leaver may take every target, so leavers and arrivals are paired freely, avoiding a "move" into one's own position.
 * Then the moves are ordered so each brings the largest improvement given the ones before, and a move that brings
 * nothing and is not needed by a limit is dropped (ties are broken by fewer moves).
 */
import type { ClassModel } from './classes.ts';
import type { ClassPlan } from './greedy.ts';
import { evaluate, type Staffing } from './objective.ts';
import { checkPlan } from './plan-check.ts';
import type { OptimizeInput, OptimizeOptions, OptMove } from './types.ts';

interface RawMove {
  cls: number;
  member: number;
  target: number;
}

function pairPools(cm: ClassModel, plan: ClassPlan): RawMove[] {
  const moves: RawMove[] = [];
  cm.pools.forEach((pool, t) => {
    const sources: { cls: number; member: number; position: number }[] = [];
    for (const c of pool.classes) {
      for (let k = 0; k < plan.y[c]!; k++) sources.push({ cls: c, member: k, position: cm.classes[c]!.position });
    }
    const slots: number[] = [];
    for (const q of pool.targets) for (let k = 0; k < (plan.z.get(`${t}|${q}`) ?? 0); k++) slots.push(q);
    const n = Math.min(sources.length, slots.length);
    // pair in order, then repair any pair that lands in its own position by swapping targets with another pair
    for (let i = 0; i < n; i++) {
      if (sources[i]!.position !== slots[i]) continue;
      for (let j = 0; j < n; j++) {
        if (j !== i && sources[j]!.position !== slots[i] && sources[i]!.position !== slots[j]) {
          [slots[i], slots[j]] = [slots[j]!, slots[i]!];
          break;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      // an unrepairable self-pair is no move at all: one leaves and one arrives in the same position
      if (sources[i]!.position !== slots[i]) moves.push({ cls: sources[i]!.cls, member: sources[i]!.member, target: slots[i]! });
    }
  });
  // moves within a unit: the next longest in post of the class, after those who leave through the pool
  const next = Int32Array.from(plan.y);
  for (const [key, v] of plan.x) {
    const [cls, target] = key.split('|').map(Number) as [number, number];
    for (let k = 0; k < v; k++) moves.push({ cls, member: next[cls]!++, target });
  }
  return moves;
}

export function namedMoves(input: OptimizeInput, opts: OptimizeOptions, s: Staffing, cm: ClassModel, plan: ClassPlan): OptMove[] {
  let raw = pairPools(cm, plan);
  // order: each next move the best given those before
  const pos = Float64Array.from(s.current);
  const ordered: { m: RawMove; improvement: number }[] = [];
  const left = new Set(raw.map((_, i) => i));
  let current = evaluate(opts.objective, s, pos);
  // best-first ordering is quadratic: for long plans, order by each move's own effect on the starting state
  if (raw.length > 80) {
    const own = raw.map((m) => {
      const p = cm.classes[m.cls]!.position;
      pos[p]--;
      pos[m.target]++;
      const v = evaluate(opts.objective, s, pos);
      pos[p]++;
      pos[m.target]--;
      return v;
    });
    for (const i of [...left].sort((a, b) => own[a]! - own[b]!)) ordered.push({ m: raw[i]!, improvement: 0 });
    left.clear();
  }
  while (left.size > 0) {
    let bestI = -1;
    let bestVal = Infinity;
    for (const i of left) {
      const m = raw[i]!;
      const p = cm.classes[m.cls]!.position;
      pos[p]--;
      pos[m.target]++;
      const v = evaluate(opts.objective, s, pos);
      pos[p]++;
      pos[m.target]--;
      if (v < bestVal - 1e-12) {
        bestVal = v;
        bestI = i;
      }
    }
    const m = raw[bestI]!;
    left.delete(bestI);
    pos[cm.classes[m.cls]!.position]--;
    pos[m.target]++;
    ordered.push({ m, improvement: current - bestVal });
    current = bestVal;
  }
  raw = ordered.map((o) => o.m);
  // drop moves that bring nothing and no limit needs (from the end of the order)
  const toPlanned = (ms: RawMove[]) => ms.map((m) => ({ personId: cm.classes[m.cls]!.members[m.member]!.id, toPositionId: input.positions[m.target]!.id }));
  const objectiveOf = (ms: RawMove[]) => {
    const p = Float64Array.from(s.current);
    for (const m of ms) {
      p[cm.classes[m.cls]!.position]--;
      p[m.target]++;
    }
    return evaluate(opts.objective, s, p);
  };
  const full = objectiveOf(raw);
  for (let i = raw.length - 1; i >= 0; i--) {
    const without = raw.filter((_, j) => j !== i);
    if (objectiveOf(without) <= full + 1e-9 && checkPlan(input, opts, s, cm.locks, toPlanned(without)).length === 0) raw = without;
  }
  // improvements again for the kept moves, in order
  const p = Float64Array.from(s.current);
  let before = evaluate(opts.objective, s, p);
  return raw.map((m) => {
    const c = cm.classes[m.cls]!;
    const person = c.members[m.member]!;
    p[c.position]--;
    p[m.target]++;
    const after = evaluate(opts.objective, s, p);
    const improvement = before - after;
    before = after;
    const from = input.positions[c.position]!;
    const to = input.positions[m.target]!;
    return {
      personId: person.id,
      personName: person.name,
      fromPositionId: from.id,
      toPositionId: to.id,
      fromUnitId: from.unitId,
      toUnitId: to.unitId,
      improvement,
      reason: { rank: m.member + 1, of: c.members.length, since: person.positionSince },
      unwilling: c.unwilling,
    };
  });
}
