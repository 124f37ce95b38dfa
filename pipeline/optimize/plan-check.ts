/**
 * Checks a plan of named moves against every rule and limit of the optimiser, person by person (no classes): used
 * to prune moves that bring nothing, and by the tests as a second, independent reading of the constraints.
 */
import { canTake, movability, type LockSets } from './eligibility.ts';
import type { Staffing } from './objective.ts';
import type { OptimizeInput, OptimizeOptions } from './types.ts';

export interface PlannedMove {
  personId: string;
  toPositionId: string;
}

/** The violations of a plan (empty = every move and limit holds), each a sentence naming the person or unit. */
export function checkPlan(input: OptimizeInput, opts: OptimizeOptions, s: Staffing, locks: LockSets, moves: readonly PlannedMove[]): string[] {
  const out: string[] = [];
  const people = new Map(input.people.map((p) => [p.id, p] as const));
  const departed = new Int32Array(s.current.length);
  const seen = new Set<string>();
  const outOfUnit = new Map<number, number>();
  if (moves.length > opts.maxMoves) out.push(`${moves.length} moves, more than the limit of ${opts.maxMoves}`);
  for (const m of moves) {
    const person = people.get(m.personId);
    const q = s.positionIndex.get(m.toPositionId);
    if (!person || q === undefined) {
      out.push(`${m.personId} → ${m.toPositionId}: unknown person or position`);
      continue;
    }
    if (seen.has(person.id)) out.push(`${person.id} is moved twice`);
    seen.add(person.id);
    const p = s.positionIndex.get(person.positionId)!;
    const from = input.positions[p]!;
    if (p === q) out.push(`${person.id}: the same position`);
    const mv = movability(person, from, input, opts, locks);
    if (!(mv === 'movable' || (mv === 'unwilling' && opts.unwillingCost != null))) out.push(`${person.id}: may not move (${mv})`);
    const profile = { kind: from.kind, class: from.class, educationLevel: person.educationLevel, competencies: person.competencies };
    if (!canTake(profile, input.positions[q]!, opts, locks)) out.push(`${person.id}: may not take ${m.toPositionId}`);
    departed[p]++;
    const u = s.unitOf[p]!;
    if (u !== s.unitOf[q]) outOfUnit.set(u, (outOfUnit.get(u) ?? 0) + 1);
  }
  for (const [u, n] of outOfUnit) {
    if (opts.maxOutPerUnit != null && n > opts.maxOutPerUnit) out.push(`${input.units[u]!.id}: ${n} moves out, more than ${opts.maxOutPerUnit}`);
  }
  // by departures alone, so that every order of the moves keeps the limits
  for (let i = 0; i < departed.length; i++) {
    if (departed[i]! > 0 && s.workload[i]! > 0 && s.current[i]! - departed[i]! < 1) out.push(`${input.positions[i]!.id}: left empty`);
  }
  for (const [u, n] of outOfUnit) {
    if (s.unitCurrent[u]! - n < s.unitMinStaff[u]!) out.push(`${input.units[u]!.id}: ${s.unitCurrent[u]! - n} staff after departures, below its minimum ${s.unitMinStaff[u]}`);
  }
  return out;
}
