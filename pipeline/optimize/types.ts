/**
 * The rotation optimiser's input and output. Pure data, no Node/DuckDB/DOM imports: the CLI (Node), the Web Worker
 * (browser) and the tests build the same `OptimizeInput` and read the same `OptimizeResult`.
 * Method: docs/method-optimizer.md.
 */
import type { IsoDate } from '#domain/rules.ts';
import type { Settings } from '#domain/settings.ts';

export type Willingness = 'yes' | 'no' | 'unknown';

export interface OptPosition {
  id: string;
  unitId: string;
  /** struktural / fungsional / pelaksana */
  kind: string;
  /** kelas jabatan 1–17 */
  class: number;
  /** minimum education (normalised level, e.g. 'S1'); null = none */
  requiredEducation: string | null;
  requiredCompetencies: readonly string[];
  /** workload of the chosen month in minutes */
  workloadMinutes: number;
}

export interface OptPerson {
  /** NIP (personal data: only in the signed-in views) */
  id: string;
  name: string;
  positionId: string;
  educationLevel: string | null;
  competencies: readonly string[];
  /** TMT jabatan: in the current position since (who is longest in post, for the choice among equals) */
  positionSince: IsoDate | null;
  /** the start of the spell a move would end, as the audit and the simulator count it for the minimum tenure
   *  (rules.ts spellStart: the last transfer's date, else the appointment date) */
  spellStart: IsoDate | null;
  /** true when spellStart is the appointment date (no earlier transfer) */
  firstRecorded: boolean;
  willing: Willingness;
}

export interface OptUnit {
  id: string;
  name: string;
  regionCode: string;
}

export type Objective = 'gap' | 'max-ej' | 'gini';

export interface OptimizeOptions {
  objective: Objective;
  /** at most this many moves in the plan */
  maxMoves: number;
  /** optionally at most this many moves out of any one unit */
  maxOutPerUnit?: number | null;
  /** the moves take effect on this date (tenure is counted up to it; the election ban is tested on it) */
  effectiveDate: IsoDate;
  /** people (NIP), positions and units left alone */
  lockedPeople?: readonly string[];
  lockedPositions?: readonly string[];
  lockedUnits?: readonly string[];
  /** people (NIP) for whom the analyst lifts the minimum tenure */
  tenureLifted?: readonly string[];
  /** null: unwilling staff are never moved (default); a number: they may be moved at this cost per move, in the
   *  objective's units */
  unwillingCost?: number | null;
  /** the target's kelas jabatan may differ from the source's by at most this much (default 0: same class) */
  classTolerance?: number;
  /** require every competency tag of the target position (default true); the education rank is always required */
  requireCompetencies?: boolean;
  /** seconds; the best plan found so far is returned with its gap */
  timeLimitSeconds?: number;
  /** relative MIP gap at which HiGHS stops (default 0.001 = 0.1 %) */
  mipRelGap?: number;
}

export interface OptimizeInput {
  /** the state month (first day), e.g. '2025-12-01' */
  month: IsoDate;
  /** the warehouse's settings in force: WKE, rounding, tenure limits, election windows */
  settings: Settings;
  positions: readonly OptPosition[];
  people: readonly OptPerson[];
  units: readonly OptUnit[];
}

/** One named move of the plan. */
export interface OptMove {
  personId: string;
  personName: string;
  fromPositionId: string;
  toPositionId: string;
  fromUnitId: string;
  toUnitId: string;
  /** the objective's change when this move is applied after the previous ones of the plan (negative = better) */
  improvement: number;
  /** why this person: the longest in post among the interchangeable holders of the source position (same education
   *  and competencies, equally movable): rank 1 = longest; `since` is their TMT jabatan */
  reason: { rank: number; of: number; since: IsoDate | null };
  /** the person is unwilling and was moved at the stated cost */
  unwilling: boolean;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'interrupted' | 'gap_limit' | 'no_moves_possible';

export interface ModelSize {
  classes: number;
  pools: number;
  variables: number;
  integerVariables: number;
  constraints: number;
  nonzeros: number;
}

export interface PlanSummary {
  moves: OptMove[];
  /** objective before any move and after the plan, computed from the staff counts (not the solver) */
  objectiveBefore: number;
  objectiveAfter: number;
  seconds: number;
}

export interface OptimizeResult {
  objective: Objective;
  status: SolveStatus;
  /** the exact model's plan */
  exact: PlanSummary & {
    /** HiGHS's objective (includes the move tie-break and unwilling costs) */
    solverObjective: number;
    /** best proven bound on the solver objective */
    bestBound: number;
    /** relative gap |objective − bound| / |objective| as HiGHS reports it */
    gap: number;
    model: ModelSize;
  };
  greedy: PlanSummary;
  /** constraints that hold the objective back (from LP relaxations with one group lifted), when asked or when no move is found */
  binding: BindingReport[];
  /** how many people could move at all, and why the others cannot */
  eligibility: EligibilityCounts;
}

export interface BindingReport {
  constraint: 'max_moves' | 'max_out_per_unit' | 'min_tenure' | 'unwilling' | 'unit_min_staff' | 'position_not_emptied' | 'locks' | 'class_tolerance' | 'election_ban';
  /** the objective's LP-relaxation bound with this group lifted, against the bound with every constraint */
  boundWith: number;
  boundWithout: number;
}

export interface EligibilityCounts {
  people: number;
  movable: number;
  locked: number;
  tenureTooShort: number;
  tenureUnknown: number;
  unwilling: number;
  /** everyone is held by the pre-election ban on the effective date */
  electionBan: boolean;
}
