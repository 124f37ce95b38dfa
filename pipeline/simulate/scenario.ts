/**
 * A saved scenario seen through the simulator (issue 15): its plan applied to a state, change by change, and the
 * numbers the scenario pages, the comparison and the decree-list export show. Pure, like the rest of the engine.
 *
 * - A change the state no longer allows (the person left, the position is gone …) is kept in the report, marked
 *   with the simulator's error code, and skipped: never dropped silently.
 * - `planOrigins` records what the plan assumed of the warehouse it was saved on (each planned person's position,
 *   the positions named, the touched units' workload); `staleness` compares a later state against it, so a
 *   scenario opened on a newer build lists what changed under it (a person moved or left, a position gone, a unit's
 *   workload changed).
 * - "after" = every structural change at full strength, demand at the state month (engine.ts); the month-by-month
 *   roll-out with the ramp-up is timeline.ts.
 */
import type { Band, ImbalanceSummary } from '#domain/metrics.ts';
import { Simulator } from './engine.ts';
import { timeline } from './timeline.ts';
import { SimulationError, type Change, type SimErrorCode, type SimState } from './types.ts';
import type { Warning } from './warnings.ts';

export interface PlanOrigins {
  /** month of the state the plan was saved on */
  month: string;
  /** each moving or leaving person: the position held in that state (null: not in post there) */
  people: Record<string, string | null>;
  /** the positions the plan names that existed in that state */
  positions: string[];
  /** the workload (minutes in the state month) of the units the plan touches */
  units: Record<string, number>;
  /** the unit ids each change of the plan touched (same order as the plan) */
  changeUnits: string[][];
}

export type StaleReason =
  | { code: 'person_gone'; nip: string }
  | { code: 'person_moved'; nip: string; then: string | null; now: string }
  | { code: 'position_gone'; id: string }
  | { code: 'unit_workload_changed'; unit: string; then: number; now: number };

export interface ChangeResult {
  index: number;
  change: Change;
  applied: boolean;
  /** why it could not be applied (the simulator's error code and message) */
  error: { code: SimErrorCode; message: string } | null;
  /** what changed in the warehouse since the plan was saved, touching this change */
  stale: StaleReason[];
  warnings: Warning[];
}

export interface MoveRow {
  index: number;
  nip: string;
  name: string;
  fromPosition: string;
  fromTitle: string;
  fromUnit: string;
  fromUnitName: string;
  toPosition: string;
  toTitle: string;
  toUnit: string;
  toUnitName: string;
  month: string;
  /** the two units' EJ before the plan and after it (null: nobody in post) */
  fromEj: [number | null, number | null];
  toEj: [number | null, number | null];
  warnings: Warning[];
}

export interface UnitChangeRow {
  unit: string;
  name: string;
  staffBefore: number;
  staffAfter: number;
  ejBefore: number | null;
  ejAfter: number | null;
  bandBefore: Band;
  bandAfter: Band;
  /** names (NIP) of the people arriving and leaving */
  in: { nip: string; name: string }[];
  out: { nip: string; name: string }[];
  /** warning codes of the plan's changes touching the unit */
  warnings: string[];
}

export interface UnitRow {
  unit: string;
  name: string;
  ejBefore: number | null;
  ejAfter: number | null;
  staffBefore: number;
  staffAfter: number;
  bandBefore: Band;
  bandAfter: Band;
}

export interface ScenarioReport {
  month: string;
  changes: ChangeResult[];
  applied: number;
  indices: { unit: { before: ImbalanceSummary; after: ImbalanceSummary }; position: { before: ImbalanceSummary; after: ImbalanceSummary } };
  /** every unit, before and after */
  units: UnitRow[];
  /** the units the plan touches: staff in and out, EJ before → after, warnings */
  touched: UnitChangeRow[];
  moves: MoveRow[];
  /** the roll-out month by month (ramp-up): Gini of unit EJ and the staffing gap */
  timeline: { month: string; gini: number; staffingGap: number }[];
}

const num = (v: number): number | null => (Number.isNaN(v) ? null : v);

function unitsOfChange(sim: Simulator, c: Change): number[] {
  const out: number[] = [];
  const unitOfPos = (id: string) => {
    const p = sim.positionIndex.get(id);
    if (p !== undefined) out.push(sim.posUnit[p]!);
  };
  const unitOfPerson = (nip: string) => {
    const i = sim.personIndex.get(nip);
    if (i !== undefined && sim.personPos[i]! >= 0) out.push(sim.posUnit[sim.personPos[i]!]!);
  };
  switch (c.type) {
    case 'move':
      unitOfPerson(c.nip);
      unitOfPos(c.to);
      break;
    case 'leave':
      unitOfPerson(c.nip);
      break;
    case 'hire':
      unitOfPos(c.to);
      break;
    case 'remove_position':
      unitOfPos(c.id);
      break;
    case 'add_position': {
      const u = sim.unitIndex.get(c.unit);
      if (u !== undefined) out.push(u);
      break;
    }
    case 'demand':
      if (c.target === 'unit') {
        const u = sim.unitIndex.get(c.id);
        if (u !== undefined) out.push(u);
      } else unitOfPos(c.id);
      break;
  }
  return [...new Set(out)];
}

/** What the plan assumes of `state` (stored with each saved version). */
export function planOrigins(state: SimState, plan: readonly Change[]): PlanOrigins {
  const sim = new Simulator(state, { horizon: 0 });
  const people: Record<string, string | null> = {};
  const positions = new Set<string>();
  const units: Record<string, number> = {};
  const changeUnits: string[][] = [];
  for (const c of plan) {
    if ((c.type === 'move' || c.type === 'leave') && !(c.nip in people)) {
      const i = sim.personIndex.get(c.nip);
      people[c.nip] = i === undefined || i >= state.people.nip.length ? null : state.positions.id[state.people.position[i]!] ?? null;
    }
    for (const id of namedPositions(c)) if (sim.positionIndex.has(id)) positions.add(id);
    // the units as the plan meets them (a second move of one person leaves from the first move's unit)
    const touched = unitsOfChange(sim, c);
    changeUnits.push(touched.map((u) => state.units.id[u]!));
    for (const u of touched) units[state.units.id[u]!] ??= sim.before.unit.workload[u]!;
    try {
      sim.apply(c);
    } catch (e) {
      if (!(e instanceof SimulationError)) throw e;
    }
  }
  return { month: state.month, people, positions: [...positions].sort(), units, changeUnits };
}

function namedPositions(c: Change): string[] {
  if (c.type === 'move' || c.type === 'hire') return [c.to];
  if (c.type === 'remove_position' || (c.type === 'demand' && c.target === 'position')) return [c.id];
  return [];
}

/** relative change of a unit's workload counted as "changed" (0.5 %: rounding in a rebuild is not a change) */
const WORKLOAD_TOLERANCE = 0.005;

/** What changed in `state` since `origins`, per change of the plan. */
export function staleness(state: SimState, plan: readonly Change[], origins: PlanOrigins | null): StaleReason[][] {
  const out: StaleReason[][] = plan.map(() => []);
  if (!origins) return out;
  const personIndex = new Map(state.people.nip.map((n, i) => [n, i]));
  const positionSet = new Set(state.positions.id);
  const unitIndex = new Map(state.units.id.map((u, i) => [u, i]));
  const unitWorkload = new Float64Array(state.units.id.length);
  for (let p = 0; p < state.positions.id.length; p++) unitWorkload[state.positions.unit[p]!]! += state.positions.workload[p]!;
  const hired = new Set(plan.filter((c) => c.type === 'hire').map((c) => (c as { nip: string }).nip));
  const added = new Set(plan.filter((c) => c.type === 'add_position').map((c) => (c as { id: string }).id));
  plan.forEach((c, k) => {
    const r = out[k]!;
    if ((c.type === 'move' || c.type === 'leave') && !hired.has(c.nip)) {
      const i = personIndex.get(c.nip);
      const then = origins.people[c.nip];
      if (i === undefined) r.push({ code: 'person_gone', nip: c.nip });
      else if (then !== undefined) {
        const now = state.positions.id[state.people.position[i]!]!;
        if (now !== then) r.push({ code: 'person_moved', nip: c.nip, then, now });
      }
    }
    for (const id of namedPositions(c)) if (!added.has(id) && origins.positions.includes(id) && !positionSet.has(id)) r.push({ code: 'position_gone', id });
    for (const u of origins.changeUnits?.[k] ?? []) {
      const then = origins.units[u];
      const ui = unitIndex.get(u);
      if (then === undefined || ui === undefined) continue;
      const now = unitWorkload[ui]!;
      if (Math.abs(now - then) > WORKLOAD_TOLERANCE * Math.max(Math.abs(then), 1)) r.push({ code: 'unit_workload_changed', unit: u, then, now });
    }
  });
  return out;
}

/** Apply `plan` to `state`, change by change (skipping and marking those that fail) and report. */
export function scenarioReport(state: SimState, plan: readonly Change[], origins: PlanOrigins | null = null): ScenarioReport {
  const sim = new Simulator(state, { horizon: state.settings.simulation.horizon_months });
  const stale = staleness(state, plan, origins);
  const N = state.people.nip.length;
  const nameOf = (nip: string) => {
    const i = sim.personIndex.get(nip);
    return i !== undefined && i < N ? state.people.name[i]! : nip;
  };
  const changes: ChangeResult[] = [];
  const appliedAt: number[] = []; // index in sim.plan → index in plan
  const movesPending: { index: number; nip: string; from: number; to: number; month: string }[] = [];
  const unitIn = new Map<number, { nip: string; name: string }[]>();
  const unitOut = new Map<number, { nip: string; name: string }[]>();
  const unitWarn = new Map<number, Set<string>>();
  const touchedUnits = new Set<number>();
  /** the units each applied change touched, as it met them */
  const changeUnits = new Map<number, number[]>();
  const push = (m: Map<number, { nip: string; name: string }[]>, u: number, nip: string) => {
    if (!m.has(u)) m.set(u, []);
    m.get(u)!.push({ nip, name: nameOf(nip) });
  };
  plan.forEach((c, index) => {
    // before applying: where the person is, which units the change touches
    const units = unitsOfChange(sim, c);
    const person = c.type === 'move' || c.type === 'leave' ? sim.personIndex.get(c.nip) : undefined;
    const fromPos = person !== undefined ? sim.personPos[person]! : -1;
    try {
      sim.apply(c);
    } catch (e) {
      if (!(e instanceof SimulationError)) throw e;
      changes.push({ index, change: c, applied: false, error: { code: e.code, message: e.message }, stale: stale[index]!, warnings: [] });
      return;
    }
    appliedAt.push(index);
    changeUnits.set(index, units);
    changes.push({ index, change: c, applied: true, error: null, stale: stale[index]!, warnings: [] });
    for (const u of units) touchedUnits.add(u);
    if (c.type === 'move') {
      const to = sim.positionIndex.get(c.to)!;
      push(unitOut, sim.posUnit[fromPos]!, c.nip);
      push(unitIn, sim.posUnit[to]!, c.nip);
      movesPending.push({ index, nip: c.nip, from: fromPos, to, month: c.month });
    } else if (c.type === 'leave') push(unitOut, sim.posUnit[fromPos]!, c.nip);
    else if (c.type === 'hire') push(unitIn, sim.posUnit[sim.positionIndex.get(c.to)!]!, c.nip);
  });
  // warnings of the applied changes, with those later changes add (engine.ts: warnings); a unit shows the warnings
  // that concern it: the releasing side's (position left empty, unit below need) at the unit left, the rest at the
  // receiving unit (or the unit of a leave, a hire, a demand change)
  const warnings = sim.warnings;
  const addWarn = (u: number, code: string) => {
    if (!unitWarn.has(u)) unitWarn.set(u, new Set());
    unitWarn.get(u)!.add(code);
  };
  const moveAt = new Map(movesPending.map((m) => [m.index, m]));
  appliedAt.forEach((planIndex, k) => {
    const w = warnings[k] ?? [];
    changes[planIndex]!.warnings = w;
    const m = moveAt.get(planIndex);
    for (const x of w) {
      if (x.kind !== 'warning') continue;
      if (m) addWarn(x.code.startsWith('releasing_') ? sim.posUnit[m.from]! : sim.posUnit[m.to]!, x.code);
      else for (const u of changeUnits.get(planIndex) ?? []) addWarn(u, x.code);
    }
  });

  const R = state.regions.length;
  const before = sim.before;
  const units: UnitRow[] = state.units.id.map((id, u) => {
    const r = sim.row('unit', u);
    return {
      unit: id,
      name: state.units.name[u]!,
      ejBefore: num(before.unit.ej[u]!),
      ejAfter: r.ej,
      staffBefore: before.unit.staff[u]!,
      staffAfter: r.staff,
      bandBefore: bandBefore(sim, u),
      bandAfter: r.band,
    };
  });
  const touched: UnitChangeRow[] = [...touchedUnits]
    .sort((a, b) => state.units.name[a]!.localeCompare(state.units.name[b]!))
    .map((u) => ({
      ...units[u]!,
      in: unitIn.get(u) ?? [],
      out: unitOut.get(u) ?? [],
      warnings: [...(unitWarn.get(u) ?? [])].sort(),
    }));
  const moves: MoveRow[] = movesPending.map((m) => {
    const fu = sim.posUnit[m.from]!;
    const tu = sim.posUnit[m.to]!;
    return {
      index: m.index,
      nip: m.nip,
      name: nameOf(m.nip),
      fromPosition: sim.positionId(m.from),
      fromTitle: sim.positionTitle(m.from),
      fromUnit: state.units.id[fu]!,
      fromUnitName: state.units.name[fu]!,
      toPosition: sim.positionId(m.to),
      toTitle: sim.positionTitle(m.to),
      toUnit: state.units.id[tu]!,
      toUnitName: state.units.name[tu]!,
      month: m.month,
      fromEj: [units[fu]!.ejBefore, units[fu]!.ejAfter],
      toEj: [units[tu]!.ejBefore, units[tu]!.ejAfter],
      warnings: changes[m.index]!.warnings,
    };
  });
  const tl = timeline(sim);
  return {
    month: state.month,
    changes,
    applied: appliedAt.length,
    indices: {
      unit: { before: before.unit.indices[R]!, after: sim.indices('unit') },
      position: { before: before.position.indices[R]!, after: sim.indices('position') },
    },
    units,
    touched,
    moves,
    timeline: tl.months.map((month, k) => ({ month, gini: tl.unit[k]!.gini, staffingGap: tl.unit[k]!.staffing_gap })),
  };
}

function bandBefore(sim: Simulator, u: number): Band {
  const b = sim.before.unit;
  const ej = num(b.ej[u]!);
  const w = sim.state.settings.workload;
  const workload = b.workload[u]!;
  if (!(workload > 0)) return 'idle';
  if (!(b.staff[u]! > 0) || ej === null) return 'unstaffed';
  if (ej > w.overloaded_above) return 'overloaded';
  if (ej < w.slack_below) return 'slack';
  return 'balanced';
}

// ---------------------------------------------------------------------------------------------------------------
// comparing two or three scenarios on one state

export interface Comparison {
  /** per index key: the value after each scenario, and before (the same baseline) */
  indices: { key: keyof ImbalanceSummary; before: number; after: number[] }[];
  /** units whose EJ after differs most between the scenarios (largest spread first) */
  units: { unit: string; name: string; ejBefore: number | null; ejAfter: (number | null)[]; spread: number }[];
  /** moves (person → position) of each scenario that some other lacks */
  onlyIn: { nip: string; name: string; to: string; toTitle: string; toUnitName: string; month: string; in: boolean[] }[];
  /** warning counts by code per scenario */
  warnings: { code: string; counts: number[] }[];
}

const INDEX_KEYS: (keyof ImbalanceSummary)[] = ['gini', 'cv', 'theil', 'max_mean', 'share_staff_overloaded', 'share_staff_slack', 'staffing_gap'];

export function compareReports(reports: readonly ScenarioReport[], topUnits = 15): Comparison {
  const indices = INDEX_KEYS.map((key) => ({ key, before: reports[0]!.indices.unit.before[key], after: reports.map((r) => r.indices.unit.after[key]) }));
  // by unit id: the scenarios may have been saved on different months, the units are matched by id
  const byUnit = new Map<string, { name: string; ejBefore: number | null; ejAfter: (number | null)[] }>();
  reports.forEach((r, k) => {
    for (const u of r.units) {
      if (!byUnit.has(u.unit)) byUnit.set(u.unit, { name: u.name, ejBefore: u.ejBefore, ejAfter: reports.map(() => null) });
      byUnit.get(u.unit)!.ejAfter[k] = u.ejAfter;
    }
  });
  const units = [...byUnit.entries()]
    .map(([unit, v]) => {
      const vals = v.ejAfter.filter((x): x is number => x !== null);
      const spread = vals.length ? Math.max(...vals) - Math.min(...vals) : 0;
      return { unit, ...v, spread };
    })
    .filter((u) => u.spread > 0)
    .sort((a, b) => b.spread - a.spread || a.name.localeCompare(b.name))
    .slice(0, topUnits);
  const key = (m: MoveRow) => `${m.nip}→${m.toPosition}@${m.month}`;
  const sets = reports.map((r) => new Set(r.moves.map(key)));
  const seen = new Map<string, Comparison['onlyIn'][number]>();
  reports.forEach((r) => {
    for (const m of r.moves) {
      const k = key(m);
      const inEach = sets.map((s) => s.has(k));
      if (inEach.every(Boolean) || seen.has(k)) continue;
      seen.set(k, { nip: m.nip, name: m.name, to: m.toPosition, toTitle: m.toTitle, toUnitName: m.toUnitName, month: m.month, in: inEach });
    }
  });
  const codes = new Map<string, number[]>();
  reports.forEach((r, k) => {
    for (const c of r.changes) for (const w of c.warnings) {
      if (w.kind !== 'warning') continue;
      if (!codes.has(w.code)) codes.set(w.code, reports.map(() => 0));
      codes.get(w.code)![k]!++;
    }
  });
  return {
    indices,
    units,
    onlyIn: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.nip.localeCompare(b.nip)),
    warnings: [...codes.entries()].map(([code, counts]) => ({ code, counts })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}
