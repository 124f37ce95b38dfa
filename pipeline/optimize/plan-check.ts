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
  const regionOf = new Map(input.units.map((u) => [u.id, u.regionCode] as const));
  const pos = Int32Array.from(s.current);
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
    const mv = movability(person, from, regionOf.get(from.unitId) ?? input.settings.region.code, input, opts, locks);
    if (!(mv === 'movable' || (mv === 'unwilling' && opts.unwillingCost != null))) out.push(`${person.id}: may not move (${mv})`);
    const profile = { kind: from.kind, class: from.class, educationLevel: person.educationLevel, competencies: person.competencies };
    if (!canTake(profile, input.positions[q]!, opts, locks)) out.push(`${person.id}: may not take ${m.toPositionId}`);
    pos[p]--;
    pos[q]++;
    const u = s.unitOf[p]!;
    outOfUnit.set(u, (outOfUnit.get(u) ?? 0) + 1);
  }
  for (const [u, n] of outOfUnit) {
    if (opts.maxOutPerUnit != null && n > opts.maxOutPerUnit) out.push(`${input.units[u]!.id}: ${n} moves out, more than ${opts.maxOutPerUnit}`);
  }
  const unit = new Int32Array(s.unitCurrent.length);
  for (let i = 0; i < pos.length; i++) {
    unit[s.unitOf[i]!] += pos[i]!;
    if (pos[i]! < s.current[i]! && s.workload[i]! > 0 && pos[i]! < 1) out.push(`${input.positions[i]!.id}: left empty`);
  }
  for (const [u] of outOfUnit) {
    if (unit[u]! < s.unitMinStaff[u]!) out.push(`${input.units[u]!.id}: ${unit[u]} staff, below its minimum ${s.unitMinStaff[u]}`);
  }
  return out;
}
