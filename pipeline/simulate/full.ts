/**
 * The reference path: the "after" view of a plan computed from scratch (replay who is where, count, sort every
 * group once), without the incremental engine. Tests compare it with the engine after any sequence of changes;
 * the plan is assumed valid (the engine validates).
 */
import { demandWorkload, levelSnapshot, type Snapshot } from './engine.ts';
import { LoadCells } from './load-cells.ts';
import { parseMonth } from './months.ts';
import type { DemandChange, Plan, SimState } from './types.ts';

export function fullRecompute(state: SimState, plan: Plan, viewMonth?: string): Snapshot {
  const view = parseMonth(viewMonth ?? state.month)!;
  const positionIndex = new Map<string, number>();
  state.positions.id.forEach((id, i) => positionIndex.set(id, i));
  const unitIndex = new Map<string, number>();
  state.units.id.forEach((id, i) => unitIndex.set(id, i));
  const posUnit = Array.from(state.positions.unit);
  const base = Array.from(state.positions.workload);
  const alive = posUnit.map(() => true);
  for (const c of plan) {
    if (c.type === 'add_position') {
      positionIndex.set(c.id, posUnit.length);
      posUnit.push(unitIndex.get(c.unit)!);
      base.push(c.workload);
      alive.push(true);
    } else if (c.type === 'remove_position') alive[positionIndex.get(c.id)!] = false;
  }
  const P = posUnit.length;
  const where = new Map<string, number>();
  state.people.nip.forEach((nip, i) => where.set(nip, state.people.position[i]!));
  for (const c of plan) {
    if (c.type === 'move' || c.type === 'hire') where.set(c.nip, positionIndex.get(c.to)!);
    else if (c.type === 'leave') where.set(c.nip, -1);
  }
  const staff = new Float64Array(P);
  for (const p of where.values()) if (p >= 0) staff[p]!++;
  const demands = plan.filter((c): c is DemandChange => c.type === 'demand');
  const workload = new Float64Array(P);
  for (let p = 0; p < P; p++) workload[p] = alive[p] ? demandWorkload(base[p]!, p, posUnit[p]!, view, demands, positionIndex, unitIndex) : 0;
  const R = state.regions.length;
  const w = state.settings.workload;
  const period = w.effective_minutes_per_year / 12;
  const posRegion = posUnit.map((u) => state.units.region[u]!);
  const positions = LoadCells.fromColumns(R, period, w, posRegion, workload, staff);
  const U = state.units.id.length;
  const uw = new Float64Array(U);
  const us = new Float64Array(U);
  for (let p = 0; p < P; p++) {
    uw[posUnit[p]!]! += positions.workload[p]!;
    us[posUnit[p]!]! += positions.staff[p]!;
  }
  const units = LoadCells.fromColumns(R, period, w, state.units.region, uw, us);
  return { unit: levelSnapshot(units), position: levelSnapshot(positions) };
}
