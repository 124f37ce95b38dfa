/**
 * The indexed staffing picture the model, the greedy heuristic and the tests share, and the objectives evaluated
 * from head-counts with the metric definitions of pipeline/domain/metrics.ts (never a formula twice).
 */
import { ej, requiredStaff, roundStaff } from '#domain/metrics.ts';
import type { Objective, OptimizeInput } from './types.ts';

export interface Staffing {
  positionIndex: Map<string, number>;
  unitIndex: Map<string, number>;
  /** per position: its unit's index */
  unitOf: Int32Array;
  /** per position: required staff for the month (unrounded FTE) = workload / (WKE / 12) */
  required: Float64Array;
  /** per position: people in post now */
  current: Int32Array;
  workload: Float64Array;
  unitWorkload: Float64Array;
  unitRequired: Float64Array;
  unitCurrent: Int32Array;
  /**
   * Each unit keeps its minimum staff: min(current, required rounded per the setting). A unit at or below its
   * requirement may not lose staff on balance; one above it may shed down to it (the simulator warns when the
   * releasing unit falls below its required staff).
   */
  unitMinStaff: Int32Array;
  /** monthly effective minutes per person, WKE / 12 */
  monthlyMinutes: number;
  /** total staff and total required (the Hoover objective's proportional shares) */
  totalStaff: number;
  totalRequired: number;
}

export function staffing(input: OptimizeInput): Staffing {
  const positionIndex = new Map(input.positions.map((p, i) => [p.id, i] as const));
  const unitIndex = new Map(input.units.map((u, i) => [u.id, i] as const));
  const n = input.positions.length;
  const m = input.units.length;
  const monthlyMinutes = input.settings.workload.effective_minutes_per_year / 12;
  const unitOf = new Int32Array(n);
  const required = new Float64Array(n);
  const workload = new Float64Array(n);
  const current = new Int32Array(n);
  const unitWorkload = new Float64Array(m);
  const unitCurrent = new Int32Array(m);
  input.positions.forEach((p, i) => {
    const u = unitIndex.get(p.unitId);
    if (u === undefined) throw new Error(`position ${p.id}: unknown unit ${p.unitId}`);
    unitOf[i] = u;
    workload[i] = p.workloadMinutes;
    required[i] = requiredStaff(p.workloadMinutes, monthlyMinutes);
    unitWorkload[u] += p.workloadMinutes;
  });
  for (const person of input.people) {
    const i = positionIndex.get(person.positionId);
    if (i === undefined) throw new Error(`person ${person.id}: unknown position ${person.positionId}`);
    current[i]++;
    unitCurrent[unitOf[i]!]++;
  }
  const unitRequired = new Float64Array(m);
  const unitMinStaff = new Int32Array(m);
  let totalRequired = 0;
  for (let u = 0; u < m; u++) {
    unitRequired[u] = requiredStaff(unitWorkload[u]!, monthlyMinutes);
    totalRequired += unitRequired[u]!;
    unitMinStaff[u] = Math.min(unitCurrent[u]!, roundStaff(unitRequired[u]!, input.settings.workload.rounding));
  }
  return {
    positionIndex, unitIndex, unitOf, required, current, workload, unitWorkload, unitRequired, unitCurrent, unitMinStaff,
    monthlyMinutes, totalStaff: input.people.length, totalRequired,
  };
}

/** The unit head-counts implied by position head-counts. */
export function unitStaff(s: Staffing, positionStaff: ArrayLike<number>): Int32Array {
  const out = new Int32Array(s.unitCurrent.length);
  for (let i = 0; i < positionStaff.length; i++) out[s.unitOf[i]!] += positionStaff[i]!;
  return out;
}

/** Total staffing gap Σ |required − current| over positions, in FTE (the dashboard's staffing_gap, position level). */
export function gapObjective(s: Staffing, positionStaff: ArrayLike<number>): number {
  let g = 0;
  for (let i = 0; i < positionStaff.length; i++) g += Math.abs(s.required[i]! - positionStaff[i]!);
  return g;
}

/** Largest EJ over units with workload and staff (units' EJ, the indices' cells: metrics.imbalance). */
export function maxEjObjective(s: Staffing, positionStaff: ArrayLike<number>): number {
  const us = unitStaff(s, positionStaff);
  let mx = 0;
  for (let u = 0; u < us.length; u++) {
    if (!(s.unitWorkload[u]! > 0)) continue;
    const e = ej(s.unitWorkload[u]!, us[u]!, s.monthlyMinutes);
    if (e !== null && e > mx) mx = e;
  }
  return mx;
}

/** A unit's proportional share of the staff: the head-count at which its EJ equals the government-wide EJ. */
export function proportionalShare(s: Staffing, u: number): number {
  return s.totalRequired > 0 ? (s.unitRequired[u]! * s.totalStaff) / s.totalRequired : 0;
}

/**
 * The linearised imbalance measure: the Hoover (Robin Hood) index of staff against workload across units,
 * Σ_u |staff_u − share_u| / (2 · total staff), share_u = required_u · total staff / total required — the fraction of
 * all staff that would have to change unit for every unit's EJ to be equal. Zero exactly when Gini, CV and Theil of
 * the units' EJ are zero; linear in the head-counts, so the model stays a MIP.
 */
export function hooverObjective(s: Staffing, positionStaff: ArrayLike<number>): number {
  if (s.totalStaff === 0) return 0;
  const us = unitStaff(s, positionStaff);
  let d = 0;
  for (let u = 0; u < us.length; u++) d += Math.abs(us[u]! - proportionalShare(s, u));
  return d / (2 * s.totalStaff);
}

export function evaluate(objective: Objective, s: Staffing, positionStaff: ArrayLike<number>): number {
  if (objective === 'gap') return gapObjective(s, positionStaff);
  if (objective === 'max-ej') return maxEjObjective(s, positionStaff);
  return hooverObjective(s, positionStaff);
}

/** Weight of one move in every objective: ties are broken by fewer moves, and a plan's primary objective is at most
 *  maxMoves × MOVE_EPSILON worse than the lexicographic optimum (docs/method-optimizer.md). */
export const MOVE_EPSILON = 1e-6;
