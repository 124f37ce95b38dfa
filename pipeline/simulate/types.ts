/**
 * The simulator's state and plan format. STABLE: the optimizer (pipeline/optimize) builds plans in this format and
 * the scenarios store keeps them; add optional fields, do not rename or remove any.
 *
 * State: columns (typed arrays for numbers, plain string arrays for text), never arrays of objects, so a province
 * (≈100,000 people, ≈20,000 positions) loads from Arrow without building an object per row.
 * Plan: a plain JSON-serialisable list of changes, applied in order.
 */
import type { Settings } from '#domain/settings.ts';

/** 'YYYY-MM' */
export type MonthText = string;

/** willingness codes in SimState.people.willing */
export const WILLING = { unknown: 0, yes: 1, no: 2 } as const;

export interface SimUnits {
  id: string[];
  /** display name (with the region in a warehouse of several regions) */
  name: string[];
  /** index into SimState.regions */
  region: Int32Array;
}

export interface SimPositions {
  id: string[];
  title: string[];
  /** index into SimState.units */
  unit: Int32Array;
  /** position_kind: struktural / fungsional / pelaksana (as the warehouse writes it; '' unknown) */
  kind: string[];
  /** kelas jabatan 1–17; 0 unknown */
  class: Int32Array;
  requiredEducation: (string | null)[];
  requiredMajor: (string | null)[];
  requiredCompetencies: string[][];
  /** workload minutes in the state month (position_load_monthly.workload_minutes: task records, else ABK / 12) */
  workload: Float64Array;
  /** the ABK standard: annual workload minutes / 12 (position.annual_workload_minutes / 12) */
  abkMonthly: Float64Array;
}

export interface SimPeople {
  /** PERSONAL DATA (UU 27/2022): only for signed-in roles */
  nip: string[];
  /** PERSONAL DATA */
  name: string[];
  /** index into SimState.positions: the position held on the first day of the state month */
  position: Int32Array;
  /** TMT jabatan: in the current position since (ISO date) */
  since: (string | null)[];
  /** the start of the current spell as the audit counts it: last transfer date, else appointment date */
  spellStart: (string | null)[];
  /** true when spellStart is the appointment date (no earlier transfer) */
  firstRecorded: Uint8Array;
  appointment: (string | null)[];
  /** PNS / PPPK */
  status: string[];
  educationLevel: (string | null)[];
  educationMajor: (string | null)[];
  competencies: string[][];
  /** WILLING code; the reason is never part of the state */
  willing: Uint8Array;
}

export interface SimState {
  /** the state month 'YYYY-MM': people in post on its first day, the month's workload */
  month: MonthText;
  /** settings in force in the warehouse (build_info.settings over the defaults) */
  settings: Settings;
  /** region codes; units refer to them by index */
  regions: string[];
  units: SimUnits;
  positions: SimPositions;
  people: SimPeople;
  /** share of a full FTE an arriving person counts for, by months since the move (index 0 = the month of the move);
   *  months past the end count 1 */
  rampup: Float64Array;
  /** 'warehouse' = transfer_rampup; 'setting' = the fallback curve (too little history) */
  rampupSource: 'warehouse' | 'setting';
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

/** Move a person to another position from an effective month (TMT, the first of the month). */
export interface MoveChange {
  type: 'move';
  nip: string;
  /** target position_id */
  to: string;
  month: MonthText;
}

/** A unit's or a position's workload × factor for the months from..to (inclusive). factor ≥ 0. */
export interface DemandChange {
  type: 'demand';
  target: 'unit' | 'position';
  /** unit_id or position_id */
  id: string;
  factor: number;
  from: MonthText;
  to: MonthText;
}

/** Add a position (formation) to a unit from a month, with its workload in minutes per month. */
export interface AddPositionChange {
  type: 'add_position';
  /** a new, unused position_id */
  id: string;
  unit: string;
  title: string;
  /** workload minutes per month */
  workload: number;
  month: MonthText;
  kind?: string;
  class?: number;
}

/** Remove a position (formation) from a month; it must be empty by then (move its people first). */
export interface RemovePositionChange {
  type: 'remove_position';
  id: string;
  month: MonthText;
}

/** A person leaves (retirement, leave, other) from a month: their position loses them. */
export interface LeaveChange {
  type: 'leave';
  nip: string;
  month: MonthText;
  reason?: 'retirement' | 'leave' | 'other';
}

/** A new hire into a position from a month. `nip` is a new identifier (may be a placeholder such as BARU-1). */
export interface HireChange {
  type: 'hire';
  nip: string;
  to: string;
  month: MonthText;
  name?: string;
  educationLevel?: string;
  educationMajor?: string;
  competencies?: string[];
}

export type Change = MoveChange | DemandChange | AddPositionChange | RemovePositionChange | LeaveChange | HireChange;
export type ChangeType = Change['type'];
export const CHANGE_TYPES: readonly ChangeType[] = ['move', 'demand', 'add_position', 'remove_position', 'leave', 'hire'];

/** A plan: the changes in the order they were made. */
export type Plan = Change[];

/** Why a change cannot be applied; nothing was changed. `field` names the change's field at fault. */
export type SimErrorCode =
  | 'unknown_person'
  | 'unknown_position'
  | 'unknown_unit'
  | 'same_position'
  | 'person_gone'
  | 'person_exists'
  | 'position_exists'
  | 'position_removed'
  | 'position_not_empty'
  | 'bad_month'
  | 'month_before_state'
  | 'month_before_previous_change'
  | 'bad_factor'
  | 'bad_range'
  | 'bad_workload'
  | 'bad_change';

export class SimulationError extends Error {
  constructor(
    readonly code: SimErrorCode,
    /** the change's field at fault (nip, to, month, factor …) */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimulationError';
  }
}
