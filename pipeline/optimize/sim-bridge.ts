/**
 * The optimiser speaks the simulator's language: its input is built from the simulator's state (the same state the
 * /simulasi page and `seimbang simulate` load), and its proposal is a plan in the simulator's format, so it opens in
 * the simulator, can be edited there, and is re-checked by the simulator's own rule warnings.
 */
import { WILLING, type MoveChange, type SimState } from '../simulate/types.ts';
import type { OptimizeInput, OptMove, Willingness } from './types.ts';

const willingness = (code: number): Willingness => (code === WILLING.yes ? 'yes' : code === WILLING.no ? 'no' : 'unknown');

export function inputFromSimState(state: SimState): OptimizeInput {
  const u = state.units;
  const p = state.positions;
  const n = state.people;
  const units = u.id.map((id, i) => ({ id, name: u.name[i]!, regionCode: state.regions[u.region[i]!] ?? state.settings.region.code }));
  const positions = p.id.map((id, i) => ({
    id,
    unitId: u.id[p.unit[i]!]!,
    kind: p.kind[i]!,
    class: p.class[i]!,
    requiredEducation: p.requiredEducation[i] ?? null,
    requiredCompetencies: p.requiredCompetencies[i] ?? [],
    workloadMinutes: p.workload[i]!,
  }));
  const people: OptimizeInput['people'][number][] = [];
  for (let i = 0; i < n.nip.length; i++) {
    if (n.position[i]! < 0) continue;
    people.push({
      id: n.nip[i]!,
      name: n.name[i]!,
      positionId: p.id[n.position[i]!]!,
      educationLevel: n.educationLevel[i] ?? null,
      competencies: n.competencies[i] ?? [],
      positionSince: n.since[i] ?? null,
      spellStart: n.spellStart[i] ?? null,
      firstRecorded: n.firstRecorded[i] === 1,
      willing: willingness(n.willing[i]!),
    });
  }
  return { month: `${state.month}-01`, settings: state.settings, units, positions, people };
}

/** The proposal as a simulator plan: one move per person, effective in `month` ('YYYY-MM'). */
export function toSimPlan(moves: readonly OptMove[], month: string): MoveChange[] {
  return moves.map((m) => ({ type: 'move', nip: m.personId, to: m.toPositionId, month }));
}
