/**
 * The transition month by month (state month … state month + horizon): each change takes effect in its month; an
 * arriving person counts at the ramp-up share of a full FTE in each month after the move (state.rampup, from
 * transfer_rampup), the releasing position loses them at once. Hires count in full from their month (the curve is
 * measured on transfers, not on new staff); leaves remove the person at once. Demand factors apply in their months.
 *
 * Each month starts from copies of the unchanged cells and sets only the touched positions and their units, so a
 * 12-month timeline costs 13 × (touched cells + one pass per index) rather than 13 full recomputes.
 */
import type { ImbalanceSummary } from '#domain/metrics.ts';
import { demandWorkload, type Simulator } from './engine.ts';
import { monthText, parseMonth } from './months.ts';
import type { MonthText } from './types.ts';

export interface TimelineOptions {
  /** count arriving people at the ramp-up share (default true); false = full FTE from the effective month */
  rampup?: boolean;
  /** also the indices of each region per month (default false: all regions only) */
  regions?: boolean;
}

export interface Timeline {
  months: MonthText[];
  /** indices across units and across positions, all regions, per month */
  unit: ImbalanceSummary[];
  position: ImbalanceSummary[];
  /** per region (state.regions order) per month, when asked for */
  unitByRegion?: ImbalanceSummary[][];
  positionByRegion?: ImbalanceSummary[][];
  /** the units the plan touches (index into the simulator's units) */
  touchedUnits: Int32Array;
  /** EJ (NaN: nobody in post) and staff (FTE) of each touched unit per month: row = unit, column = month */
  unitEj: Float64Array;
  unitStaff: Float64Array;
}

/** share of a full FTE `k` months after a move (index 0 = the month of the move); 1 past the curve */
export function rampShare(curve: Float64Array, k: number): number {
  if (k < 0) return 0;
  if (k >= curve.length) return 1;
  const v = curve[k]!;
  return v > 1 ? 1 : v < 0 ? 0 : v;
}

export function timeline(sim: Simulator, opts: TimelineOptions = {}): Timeline {
  const useRamp = opts.rampup ?? true;
  const s = sim.state;
  const P0 = s.positions.id.length;
  const N0 = s.people.nip.length;
  const plan = sim.plan;
  const order = plan.map((_, i) => i).sort((a, b) => parseMonth(planMonth(plan[a]!))! - parseMonth(planMonth(plan[b]!))! || a - b);

  // scratch copies of the unchanged cells, kept by the simulator between calls (no allocation in the usual case)
  const scratch = (sim.timelineScratch ??= { positions: sim.baseCells.positions.clone(), units: sim.baseCells.units.clone() });
  if (!sim.baseCells.positions.copyInto(scratch.positions)) scratch.positions = sim.baseCells.positions.clone();
  if (!sim.baseCells.units.copyInto(scratch.units)) scratch.units = sim.baseCells.units.clone();
  const pos = scratch.positions;
  const un = scratch.units;
  // positions the plan adds exist as empty cells from the start, in the simulator's order
  const added: number[] = [];
  for (let p = P0; p < sim.nPositions; p++) added.push(pos.add(s.units.region[sim.posUnit[p]!]!, 0, 0));

  // the positions the plan touches, and the months they are added or removed
  const touched = new Set<number>();
  const addMonth = new Map<number, number>();
  const removeMonth = new Map<number, number>();
  const replayPos = new Map<number, number>();
  const whereIs = (person: number) => replayPos.get(person) ?? (person < N0 ? s.people.position[person]! : -1);
  for (const i of order) {
    const c = plan[i]!;
    if (c.type === 'move') {
      const person = sim.personIndex.get(c.nip)!;
      touched.add(whereIs(person));
      const to = sim.positionIndex.get(c.to)!;
      touched.add(to);
      replayPos.set(person, to);
    } else if (c.type === 'leave') {
      const person = sim.personIndex.get(c.nip)!;
      touched.add(whereIs(person));
      replayPos.set(person, -1);
    } else if (c.type === 'hire') {
      const to = sim.positionIndex.get(c.to)!;
      touched.add(to);
      replayPos.set(sim.personIndex.get(c.nip)!, to);
    } else if (c.type === 'add_position') {
      const p = sim.positionIndex.get(c.id)!;
      touched.add(p);
      addMonth.set(p, parseMonth(c.month)!);
    } else if (c.type === 'remove_position') {
      const p = sim.positionIndex.get(c.id)!;
      touched.add(p);
      removeMonth.set(p, parseMonth(c.month)!);
    } else if (c.type === 'demand') {
      if (c.target === 'position') touched.add(sim.positionIndex.get(c.id)!);
      else for (const p of sim.unitPositions[sim.unitIndex.get(c.id)!]!) touched.add(p);
    }
  }
  touched.delete(-1);
  const touchedList = [...touched].sort((a, b) => a - b);
  const unitSet = new Set<number>();
  for (const p of touchedList) unitSet.add(sim.posUnit[p]!);
  const touchedUnits = Int32Array.from([...unitSet].sort((a, b) => a - b));

  const months = sim.horizon + 1;
  const out: Timeline = {
    months: [], unit: [], position: [], touchedUnits,
    unitEj: new Float64Array(touchedUnits.length * months),
    unitStaff: new Float64Array(touchedUnits.length * months),
  };
  if (opts.regions) {
    out.unitByRegion = s.regions.map(() => []);
    out.positionByRegion = s.regions.map(() => []);
  }
  const staff = new Float64Array(sim.nPositions);
  const demands = sim.demandChanges;
  for (let k = 0; k < months; k++) {
    const t = sim.stateMonth + k;
    out.months.push(monthText(t));
    for (const p of touchedList) staff[p] = p < P0 ? sim.baseCells.positions.staff[p]! : 0;
    // replay the people's changes effective by month t, in time order
    const at = new Map<number, { p: number; share: number }>();
    const cur = (person: number) => at.get(person) ?? { p: person < N0 ? s.people.position[person]! : -1, share: 1 };
    for (const i of order) {
      const c = plan[i]!;
      const m = parseMonth(planMonth(c))!;
      if (m > t) break;
      if (c.type === 'move' || c.type === 'leave') {
        const person = sim.personIndex.get(c.nip)!;
        const was = cur(person);
        if (was.p >= 0) staff[was.p]! -= was.share;
        if (c.type === 'move') {
          const to = sim.positionIndex.get(c.to)!;
          const share = useRamp ? rampShare(s.rampup, t - m) : 1;
          staff[to]! += share;
          at.set(person, { p: to, share });
        } else at.set(person, { p: -1, share: 0 });
      } else if (c.type === 'hire') {
        const to = sim.positionIndex.get(c.to)!;
        staff[to]! += 1;
        at.set(sim.personIndex.get(c.nip)!, { p: to, share: 1 });
      }
    }
    for (const p of touchedList) {
      const a = addMonth.get(p);
      const r = removeMonth.get(p);
      const alive = (a === undefined || t >= a) && (r === undefined || t < r);
      const wl = alive ? demandWorkload(sim.posBaseWorkload[p]!, p, sim.posUnit[p]!, t, demands, sim.positionIndex, sim.unitIndex) : 0;
      pos.set(p, wl, staff[p]!);
    }
    for (let j = 0; j < touchedUnits.length; j++) {
      const u = touchedUnits[j]!;
      const [wl, st] = sim.unitSums(pos, u);
      un.set(u, wl, st);
      out.unitEj[j * months + k] = un.ej[u]!;
      out.unitStaff[j * months + k] = un.staff[u]!;
    }
    out.unit.push(un.summary(null));
    out.position.push(pos.summary(null));
    if (opts.regions) {
      for (let r = 0; r < s.regions.length; r++) {
        out.unitByRegion![r]!.push(un.summary(r));
        out.positionByRegion![r]!.push(pos.summary(r));
      }
    }
  }
  void added;
  return out;
}

function planMonth(c: { type: string; month?: string; from?: string }): string {
  return c.type === 'demand' ? c.from! : c.month!;
}
