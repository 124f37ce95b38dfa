/**
 * The what-if engine: a plan of changes applied to the state, every number kept up to date incrementally.
 *
 * The "after" view: every structural change of the plan (moves, leaves, hires, positions added or removed) in
 * effect at full strength, and the demand changes whose month range covers the view month (default: the state
 * month; setView picks another month of the horizon). The month-by-month transition, with the ramp-up, is
 * timeline.ts.
 *
 * A move touches two positions and (at most) two units: their cells are set again and the indices of their regions
 * and of all regions follow (load-cells.ts). Undo restores the primary values (who is where, the demand factors) and
 * sets the same cells again, so the state after undo is bit-identical to the state before the change.
 */
import { band, ejGrade, roundStaff, wisnDifference, wisnRatio, type Band, type ImbalanceSummary } from '#domain/metrics.ts';
import type { EjGrade } from '#domain/settings.ts';
import { LoadCells } from './load-cells.ts';
import { monthText, parseMonth } from './months.ts';
import { SimulationError, type Change, type DemandChange, type Plan, type SimState } from './types.ts';
import { changeWarnings, planWarnings, type Warning } from './warnings.ts';

export type Level = 'unit' | 'position';

/** The numbers of one level at one moment: per cell and the indices per region and for all regions. */
export interface LevelSnapshot {
  workload: Float64Array;
  staff: Float64Array;
  required: Float64Array;
  ej: Float64Array;
  /** indices: one per region (state.regions order), then all regions */
  indices: ImbalanceSummary[];
}

export interface Snapshot {
  unit: LevelSnapshot;
  position: LevelSnapshot;
}

/** One row as the dashboard shows it: EJ, grade, plain band, WISN ratio and difference. */
export interface LoadRow {
  workload: number;
  staff: number;
  required: number;
  requiredRounded: number;
  ej: number | null;
  grade: EjGrade | null;
  band: Band;
  wisnRatio: number | null;
  wisnDifference: number;
}

interface UndoRecord {
  change: Change;
  /** person index touched (move, leave, hire) */
  person: number;
  /** previous position of the person (move, leave) */
  fromPos: number;
  /** previous month of the person's last plan change */
  prevLast: number;
}

export interface SimulatorOptions {
  /** months after the state month the timeline covers (default 12) */
  horizon?: number;
}

export class Simulator {
  readonly state: SimState;
  readonly stateMonth: number;
  readonly horizon: number;
  readonly periodMinutes: number;

  // people: position index (−1 gone), month of the last plan change (−1 none)
  personPos: Int32Array;
  personLast: Int32Array;
  nPeople: number;
  readonly personIndex = new Map<string, number>();
  /** nip of hired people (index − state.people.nip.length) */
  readonly hiredNip: string[] = [];

  // positions
  nPositions: number;
  posUnit: Int32Array;
  posAlive: Uint8Array;
  posBaseWorkload: Float64Array;
  posCount: Float64Array;
  readonly positionIndex = new Map<string, number>();
  /** added positions (index − state.positions.id.length) */
  readonly addedPositions: { id: string; title: string; kind: string; class: number }[] = [];
  readonly unitIndex = new Map<string, number>();
  /** positions of each unit */
  readonly unitPositions: number[][];

  readonly positions: LoadCells;
  readonly units: LoadCells;
  private readonly demands: DemandChange[] = [];
  private viewMonth: number;

  private readonly done: UndoRecord[] = [];
  private readonly undone: Change[] = [];
  private readonly warningList: Warning[][] = [];
  readonly before: Snapshot;
  /** the cells of the unchanged state (the timeline starts from copies of them) */
  readonly baseCells: { positions: LoadCells; units: LoadCells };
  /** scratch cells the timeline reuses between calls (timeline.ts) */
  timelineScratch: { positions: LoadCells; units: LoadCells } | null = null;

  constructor(state: SimState, opts: SimulatorOptions = {}) {
    this.state = state;
    const m = parseMonth(state.month);
    if (m === null) throw new Error(`state month ${state.month} is not YYYY-MM`);
    this.stateMonth = m;
    this.viewMonth = m;
    this.horizon = opts.horizon ?? 12;
    // PermenPANRB 1/2020: WKE per year; a month has WKE / 12 (as position_load_monthly)
    this.periodMinutes = state.settings.workload.effective_minutes_per_year / 12;

    const P = state.positions.id.length;
    const N = state.people.nip.length;
    const U = state.units.id.length;
    this.nPositions = P;
    this.nPeople = N;
    this.personPos = state.people.position.slice();
    this.personLast = new Int32Array(N).fill(-1);
    state.people.nip.forEach((nip, i) => this.personIndex.set(nip, i));
    state.positions.id.forEach((id, i) => this.positionIndex.set(id, i));
    state.units.id.forEach((id, i) => this.unitIndex.set(id, i));
    this.posUnit = state.positions.unit.slice();
    this.posAlive = new Uint8Array(P).fill(1);
    this.posBaseWorkload = state.positions.workload.slice();
    this.posCount = new Float64Array(P);
    for (let i = 0; i < N; i++) if (this.personPos[i]! >= 0) this.posCount[this.personPos[i]!]!++;
    this.unitPositions = Array.from({ length: U }, () => []);
    for (let p = 0; p < P; p++) this.unitPositions[this.posUnit[p]!]!.push(p);

    const R = state.regions.length;
    const w = state.settings.workload;
    const posRegion = new Int32Array(P);
    for (let p = 0; p < P; p++) posRegion[p] = state.units.region[this.posUnit[p]!]!;
    this.positions = LoadCells.fromColumns(R, this.periodMinutes, w, posRegion, this.posBaseWorkload, this.posCount);
    const uw = new Float64Array(U);
    const us = new Float64Array(U);
    for (let u = 0; u < U; u++) [uw[u], us[u]] = this.unitSums(this.positions, u);
    this.units = LoadCells.fromColumns(R, this.periodMinutes, w, state.units.region, uw, us);
    this.before = this.snapshot();
    this.baseCells = { positions: this.positions.clone(), units: this.units.clone() };
  }

  /** Σ workload and Σ staff of a unit's positions, in position order (the mart's unit_load_monthly). */
  unitSums(cells: LoadCells, u: number): [number, number] {
    let wl = 0, st = 0;
    for (const p of this.unitPositions[u]!) {
      wl += cells.workload[p]!;
      st += cells.staff[p]!;
    }
    return [wl, st];
  }

  // -------------------------------------------------------------------------------------------------------------
  // reading

  get plan(): Plan {
    return this.done.map((d) => d.change);
  }
  /** the warnings of each change of the plan: those found when it was applied, and those later changes add
   *  (the person leaving within the horizon) */
  get warnings(): Warning[][] {
    const extra = planWarnings(this.plan, this.stateMonth, this.horizon);
    return this.warningList.map((w, i) => [...w, ...extra[i]!]);
  }
  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  get view(): number {
    return this.viewMonth;
  }
  get demandChanges(): readonly DemandChange[] {
    return this.demands;
  }

  indices(level: Level, region: number | null = null): ImbalanceSummary {
    return (level === 'unit' ? this.units : this.positions).summary(region);
  }

  row(level: Level, i: number): LoadRow {
    return loadRow(level === 'unit' ? this.units : this.positions, i, this.state);
  }

  snapshot(): Snapshot {
    return { unit: levelSnapshot(this.units), position: levelSnapshot(this.positions) };
  }

  positionId(p: number): string {
    const P = this.state.positions.id.length;
    return p < P ? this.state.positions.id[p]! : this.addedPositions[p - P]!.id;
  }
  positionTitle(p: number): string {
    const P = this.state.positions.id.length;
    return p < P ? this.state.positions.title[p]! : this.addedPositions[p - P]!.title;
  }
  nip(person: number): string {
    const N = this.state.people.nip.length;
    return person < N ? this.state.people.nip[person]! : this.hiredNip[person - N]!;
  }

  /** effective workload of a position at the view month: its base × the factors of the demand changes covering it */
  positionWorkload(p: number): number {
    if (!this.posAlive[p]) return 0;
    return demandWorkload(this.posBaseWorkload[p]!, p, this.posUnit[p]!, this.viewMonth, this.demands, this.positionIndex, this.unitIndex);
  }

  // -------------------------------------------------------------------------------------------------------------
  // changing

  /** Apply a change; on an impossible change throws SimulationError and changes nothing. Clears redo. */
  apply(change: Change): Warning[] {
    const w = this.applyInternal(change);
    this.undone.length = 0;
    return w;
  }

  private applyInternal(change: Change): Warning[] {
    const rec = this.validate(change);
    const warnings = changeWarnings(this, change, rec.person);
    this.doApply(rec);
    this.done.push(rec);
    this.warningList.push(warnings);
    return warnings;
  }

  /** The warnings a change would get, without applying it; throws SimulationError when it is impossible. */
  preview(change: Change): Warning[] {
    const rec = this.validate(change);
    return changeWarnings(this, change, rec.person);
  }

  undo(): Change | null {
    const rec = this.done.pop();
    if (!rec) return null;
    this.warningList.pop();
    this.doUndo(rec);
    this.undone.push(rec.change);
    return rec.change;
  }

  redo(): Change | null {
    const c = this.undone.pop();
    if (!c) return null;
    this.applyInternal(c);
    return c;
  }

  /** Remove the i-th change of the plan; the later ones are applied again. If one of them becomes impossible, the
   *  plan is restored as it was and the error is thrown. */
  remove(i: number): void {
    if (i < 0 || i >= this.done.length) throw new RangeError(`no change ${i}`);
    const later: Change[] = [];
    while (this.done.length > i + 1) later.unshift(this.undo()!);
    const removed = this.undo()!;
    try {
      const redo = [...later];
      for (const c of redo) this.applyInternal(c);
    } catch (e) {
      // roll back to exactly the plan before remove()
      while (this.done.length > i) this.undo();
      this.applyInternal(removed);
      for (const c of later) this.applyInternal(c);
      this.undone.length = 0;
      throw e;
    }
    this.undone.length = 0;
  }

  /** Apply a whole plan, all or nothing: on the first impossible change everything applied here is undone. */
  applyPlan(plan: Plan): void {
    const start = this.done.length;
    for (let k = 0; k < plan.length; k++) {
      try {
        this.applyInternal(plan[k]!);
      } catch (e) {
        while (this.done.length > start) this.undo();
        this.undone.length = 0;
        if (e instanceof SimulationError) throw new PlanError(k, e);
        throw e;
      }
    }
    this.undone.length = 0;
  }

  /** Show the demand changes of another month (state month … state month + horizon). */
  setView(month: number): void {
    if (month === this.viewMonth) return;
    this.viewMonth = month;
    for (const p of this.demandPositions(this.demands)) this.refreshPosition(p);
  }

  private month(field: string, text: string): number {
    const m = typeof text === 'string' ? parseMonth(text) : null;
    if (m === null) throw new SimulationError('bad_month', field, `${field}: '${text}' is not a month (YYYY-MM)`);
    if (m < this.stateMonth) throw new SimulationError('month_before_state', field, `${field}: ${text} is before the state month ${this.state.month}`);
    return m;
  }

  private person(nip: unknown): number {
    const i = typeof nip === 'string' ? this.personIndex.get(nip) : undefined;
    if (i === undefined) throw new SimulationError('unknown_person', 'nip', `nip: no person ${String(nip)} in post in ${this.state.month}`);
    if (this.personPos[i]! < 0) throw new SimulationError('person_gone', 'nip', `nip: ${String(nip)} has already left in this plan`);
    return i;
  }

  private positionOf(field: string, id: unknown): number {
    const p = typeof id === 'string' ? this.positionIndex.get(id) : undefined;
    if (p === undefined) throw new SimulationError('unknown_position', field, `${field}: no position ${String(id)}`);
    if (!this.posAlive[p]) throw new SimulationError('position_removed', field, `${field}: position ${String(id)} is removed in this plan`);
    return p;
  }

  private notBeforeLast(person: number, m: number): void {
    const last = this.personLast[person]!;
    if (last > m) {
      throw new SimulationError('month_before_previous_change', 'month',
        `month: ${monthText(m)} is before this person's previous change in the plan (${monthText(last)})`);
    }
  }

  private validate(c: Change): UndoRecord {
    const rec: UndoRecord = { change: c, person: -1, fromPos: -1, prevLast: -1 };
    switch (c?.type) {
      case 'move': {
        const person = this.person(c.nip);
        const to = this.positionOf('to', c.to);
        const m = this.month('month', c.month);
        if (this.personPos[person] === to) throw new SimulationError('same_position', 'to', `to: ${c.nip} already holds ${c.to}`);
        this.notBeforeLast(person, m);
        return { ...rec, person, fromPos: this.personPos[person]!, prevLast: this.personLast[person]! };
      }
      case 'leave': {
        const person = this.person(c.nip);
        const m = this.month('month', c.month);
        this.notBeforeLast(person, m);
        return { ...rec, person, fromPos: this.personPos[person]!, prevLast: this.personLast[person]! };
      }
      case 'hire': {
        if (typeof c.nip !== 'string' || c.nip === '') throw new SimulationError('bad_change', 'nip', 'nip: a hire needs an identifier');
        if (this.personIndex.has(c.nip)) throw new SimulationError('person_exists', 'nip', `nip: ${c.nip} is already a person of the state`);
        this.positionOf('to', c.to);
        this.month('month', c.month);
        return rec;
      }
      case 'demand': {
        if (c.target !== 'unit' && c.target !== 'position') throw new SimulationError('bad_change', 'target', `target: '${String(c.target)}' is neither unit nor position`);
        if (c.target === 'unit' && !this.unitIndex.has(c.id)) throw new SimulationError('unknown_unit', 'id', `id: no unit ${String(c.id)}`);
        if (c.target === 'position') this.positionOf('id', c.id);
        if (typeof c.factor !== 'number' || !Number.isFinite(c.factor) || c.factor < 0) {
          throw new SimulationError('bad_factor', 'factor', `factor: ${String(c.factor)} is not a number ≥ 0`);
        }
        const from = this.month('from', c.from);
        const to = this.month('to', c.to);
        if (to < from) throw new SimulationError('bad_range', 'to', `to: ${c.to} is before from ${c.from}`);
        return rec;
      }
      case 'add_position': {
        if (typeof c.id !== 'string' || c.id === '') throw new SimulationError('bad_change', 'id', 'id: a new position needs an identifier');
        if (this.positionIndex.has(c.id)) throw new SimulationError('position_exists', 'id', `id: position ${c.id} exists`);
        if (!this.unitIndex.has(c.unit)) throw new SimulationError('unknown_unit', 'unit', `unit: no unit ${String(c.unit)}`);
        if (typeof c.workload !== 'number' || !Number.isFinite(c.workload) || c.workload < 0) {
          throw new SimulationError('bad_workload', 'workload', `workload: ${String(c.workload)} is not minutes ≥ 0`);
        }
        this.month('month', c.month);
        return rec;
      }
      case 'remove_position': {
        const p = this.positionOf('id', c.id);
        this.month('month', c.month);
        if (this.posCount[p]! > 0) {
          throw new SimulationError('position_not_empty', 'id', `id: position ${c.id} still has ${this.posCount[p]} people in this plan; move them first`);
        }
        return { ...rec, fromPos: p };
      }
      default:
        throw new SimulationError('bad_change', 'type', `type: '${String((c as { type?: unknown })?.type)}' is not a change type`);
    }
  }

  private doApply(rec: UndoRecord): void {
    const c = rec.change;
    switch (c.type) {
      case 'move': {
        const to = this.positionIndex.get(c.to)!;
        this.personPos[rec.person] = to;
        this.personLast[rec.person] = parseMonth(c.month)!;
        this.posCount[rec.fromPos]!--;
        this.posCount[to]!++;
        this.refreshPosition(rec.fromPos);
        this.refreshPosition(to);
        break;
      }
      case 'leave': {
        this.personPos[rec.person] = -1;
        this.personLast[rec.person] = parseMonth(c.month)!;
        this.posCount[rec.fromPos]!--;
        this.refreshPosition(rec.fromPos);
        break;
      }
      case 'hire': {
        const to = this.positionIndex.get(c.to)!;
        const i = this.nPeople++;
        this.personPos = growInt(this.personPos, i + 1);
        this.personLast = growInt(this.personLast, i + 1);
        this.personPos[i] = to;
        this.personLast[i] = parseMonth(c.month)!;
        this.personIndex.set(c.nip, i);
        this.hiredNip.push(c.nip);
        this.posCount[to]!++;
        this.refreshPosition(to);
        break;
      }
      case 'demand': {
        this.demands.push(c);
        for (const p of this.demandPositions([c])) this.refreshPosition(p);
        break;
      }
      case 'add_position': {
        const u = this.unitIndex.get(c.unit)!;
        const p = this.nPositions++;
        this.posUnit = growInt(this.posUnit, p + 1);
        this.posAlive = growU8(this.posAlive, p + 1);
        this.posBaseWorkload = growF(this.posBaseWorkload, p + 1);
        this.posCount = growF(this.posCount, p + 1);
        this.posUnit[p] = u;
        this.posAlive[p] = 1;
        this.posBaseWorkload[p] = c.workload;
        this.posCount[p] = 0;
        this.positionIndex.set(c.id, p);
        this.addedPositions.push({ id: c.id, title: c.title ?? c.id, kind: c.kind ?? '', class: c.class ?? 0 });
        this.unitPositions[u]!.push(p);
        this.positions.add(this.state.units.region[u]!, this.positionWorkload(p), 0);
        this.refreshUnit(u);
        break;
      }
      case 'remove_position': {
        this.posAlive[rec.fromPos] = 0;
        this.refreshPosition(rec.fromPos);
        break;
      }
    }
  }

  private doUndo(rec: UndoRecord): void {
    const c = rec.change;
    switch (c.type) {
      case 'move': {
        const to = this.personPos[rec.person]!;
        this.personPos[rec.person] = rec.fromPos;
        this.personLast[rec.person] = rec.prevLast;
        this.posCount[to]!--;
        this.posCount[rec.fromPos]!++;
        this.refreshPosition(to);
        this.refreshPosition(rec.fromPos);
        break;
      }
      case 'leave': {
        this.personPos[rec.person] = rec.fromPos;
        this.personLast[rec.person] = rec.prevLast;
        this.posCount[rec.fromPos]!++;
        this.refreshPosition(rec.fromPos);
        break;
      }
      case 'hire': {
        const i = --this.nPeople;
        const to = this.personPos[i]!;
        this.personPos[i] = 0;
        this.personLast[i] = 0;
        this.personIndex.delete(c.nip);
        this.hiredNip.pop();
        this.posCount[to]!--;
        this.refreshPosition(to);
        break;
      }
      case 'demand': {
        const d = this.demands.pop()!;
        for (const p of this.demandPositions([d])) this.refreshPosition(p);
        break;
      }
      case 'add_position': {
        const p = --this.nPositions;
        const u = this.posUnit[p]!;
        this.positions.pop();
        this.positionIndex.delete(c.id);
        this.addedPositions.pop();
        this.unitPositions[u]!.pop();
        this.posUnit[p] = 0;
        this.posAlive[p] = 0;
        this.posBaseWorkload[p] = 0;
        this.posCount[p] = 0;
        this.refreshUnit(u);
        break;
      }
      case 'remove_position': {
        this.posAlive[rec.fromPos] = 1;
        this.refreshPosition(rec.fromPos);
        break;
      }
    }
  }

  /** positions whose workload a set of demand changes affects */
  private demandPositions(ds: readonly DemandChange[]): Set<number> {
    const out = new Set<number>();
    for (const d of ds) {
      if (d.target === 'position') {
        const p = this.positionIndex.get(d.id);
        if (p !== undefined) out.add(p);
      } else {
        const u = this.unitIndex.get(d.id);
        if (u !== undefined) for (const p of this.unitPositions[u]!) out.add(p);
      }
    }
    return out;
  }

  private refreshPosition(p: number): void {
    this.positions.set(p, this.positionWorkload(p), this.posCount[p]!);
    this.refreshUnit(this.posUnit[p]!);
  }

  private refreshUnit(u: number): void {
    const [wl, st] = this.unitSums(this.positions, u);
    this.units.set(u, wl, st);
  }
}

/** A plan that cannot be applied: the change's index in the plan and why. */
export class PlanError extends Error {
  constructor(readonly index: number, readonly cause: SimulationError) {
    super(`change ${index + 1}: ${cause.message}`);
    this.name = 'PlanError';
  }
}

/** workload × the factors (in plan order) of the demand changes covering `month` for the position or its unit */
export function demandWorkload(
  base: number, p: number, u: number, month: number, demands: readonly DemandChange[],
  positionIndex: ReadonlyMap<string, number>, unitIndex: ReadonlyMap<string, number>,
): number {
  let wl = base;
  for (const d of demands) {
    const hit = d.target === 'position' ? positionIndex.get(d.id) === p : unitIndex.get(d.id) === u;
    if (!hit) continue;
    if (month >= parseMonth(d.from)! && month <= parseMonth(d.to)!) wl *= d.factor;
  }
  return wl;
}

export function levelSnapshot(c: LoadCells): LevelSnapshot {
  const indices: ImbalanceSummary[] = [];
  for (let r = 0; r < c.nRegions; r++) indices.push(c.summary(r));
  indices.push(c.summary(null));
  return {
    workload: c.workload.slice(0, c.n),
    staff: c.staff.slice(0, c.n),
    required: c.required.slice(0, c.n),
    ej: c.ej.slice(0, c.n),
    indices,
  };
}

/** a cell as the dashboard shows it (#domain/metrics.ts: grade table, plain band, WISN) */
export function loadRow(c: LoadCells, i: number, state: SimState): LoadRow {
  const w = state.settings.workload;
  const e = c.ej[i]!;
  const ejv = Number.isNaN(e) ? null : e;
  const workload = c.workload[i]!;
  const staff = c.staff[i]!;
  const required = c.required[i]!;
  return {
    workload, staff, required,
    requiredRounded: roundStaff(required, w.rounding),
    ej: ejv,
    grade: ejGrade(ejv, w.ej_grades),
    band: band(workload, staff, ejv, w),
    wisnRatio: wisnRatio(staff, required),
    wisnDifference: wisnDifference(staff, required),
  };
}

function growInt(a: Int32Array, min: number): Int32Array {
  if (a.length >= min) return a;
  const b = new Int32Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}
function growF(a: Float64Array, min: number): Float64Array {
  if (a.length >= min) return a;
  const b = new Float64Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, min: number): Uint8Array {
  if (a.length >= min) return a;
  const b = new Uint8Array(Math.max(min, a.length * 2, 16));
  b.set(a);
  return b;
}
