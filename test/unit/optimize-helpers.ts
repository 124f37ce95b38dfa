/**
 * Test helpers for the optimiser: a fast-check generator of small instances and a brute-force optimum written
 * independently of pipeline/optimize (person by person, no classes or pools; the rules straight from rules.ts, the
 * metrics straight from metrics.ts), so agreement is evidence, not an echo.
 */
import fc from 'fast-check';
import { ej, requiredStaff, roundStaff } from '#domain/metrics.ts';
import { competency, minTenure } from '#domain/rules.ts';
import { DEFAULT_SETTINGS } from '#domain/settings.ts';
import type { Objective, OptimizeInput, OptimizeOptions } from '../../pipeline/optimize/types.ts';

export const EFFECTIVE = '2026-01-01';

export const instanceArb = fc
  .record({
    nUnits: fc.integer({ min: 2, max: 3 }),
    positions: fc.array(
      fc.record({
        unit: fc.nat(2),
        kind: fc.constantFrom('pelaksana', 'pelaksana', 'pelaksana', 'fungsional'),
        class: fc.constantFrom(7, 7, 7, 8),
        requiredEducation: fc.constantFrom(null, null, 'SMA', 'S1'),
        requiredCompetencies: fc.constantFrom<readonly string[]>([], [], ["a"], ["a", "b"]),
        // monthly minutes: required staff = minutes / 6,250 (WKE 75,000 / 12), 0 … 6.4 FTE, skewed so that some positions are slack and some overloaded
        workloadMinutes: fc.oneof(fc.constantFrom(0, 1_000, 3_100), fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 15_000, max: 40_000 })),
      }),
      { minLength: 2, maxLength: 4 },
    ),
    people: fc.array(
      fc.record({
        position: fc.nat(3),
        educationLevel: fc.constantFrom(null, 'SMA', 'D3', 'S1', 'S1', 'S1'),
        competencies: fc.constantFrom<string[]>([], ['a'], ['a', 'b'], ['a', 'b']),
        positionSince: fc.constantFrom(null, '2012-03-01', '2016-01-01', '2019-07-15', '2024-06-01'),
        // the spell the minimum tenure counts (last transfer, else appointment): not always the TMT jabatan
        spellStart: fc.constantFrom(null, '2012-03-01', '2012-03-01', '2019-07-15', '2019-07-15', '2024-06-01'),
        firstRecorded: fc.boolean(),
        willing: fc.constantFrom('yes', 'yes', 'yes', 'unknown', 'no'),
      }),
      { minLength: 3, maxLength: 8 },
    ),
    objective: fc.constantFrom<Objective>('gap', 'max-ej', 'gini'),
    maxMoves: fc.constantFrom(0, 1, 2, 3, 3, 5, 5),
    maxOutPerUnit: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
    unwillingCost: fc.option(fc.constantFrom(0.05, 0.7), { nil: null }),
    classTolerance: fc.constantFrom(0, 1),
    lockPerson: fc.option(fc.nat(7), { nil: null, freq: 2 }),
    lockPosition: fc.option(fc.nat(3), { nil: null, freq: 3 }),
    liftPerson: fc.option(fc.nat(7), { nil: null }),
  })
  .map((r) => {
    const units = Array.from({ length: r.nUnits }, (_, i) => ({ id: `U${i}`, name: `Unit ${i}`, regionCode: '3999' }));
    const positions = r.positions.map((p, i) => ({
      id: `P${i}`,
      unitId: `U${p.unit % r.nUnits}`,
      kind: p.kind,
      class: p.class,
      requiredEducation: p.requiredEducation,
      requiredCompetencies: p.requiredCompetencies,
      workloadMinutes: p.workloadMinutes,
    }));
    const people = r.people.map((p, i) => ({
      id: `N${i}`,
      name: `Person ${i}`,
      positionId: `P${p.position % positions.length}`,
      educationLevel: p.educationLevel,
      competencies: p.competencies,
      positionSince: p.positionSince,
      spellStart: p.spellStart,
      firstRecorded: p.firstRecorded,
      willing: p.willing as 'yes' | 'no' | 'unknown',
    }));
    const input: OptimizeInput = { month: '2025-12-01', settings: DEFAULT_SETTINGS, units, positions, people };
    const opts: OptimizeOptions = {
      objective: r.objective,
      maxMoves: r.maxMoves,
      maxOutPerUnit: r.maxOutPerUnit,
      unwillingCost: r.unwillingCost,
      classTolerance: r.classTolerance,
      effectiveDate: EFFECTIVE,
      lockedPeople: r.lockPerson !== null && r.lockPerson < people.length ? [people[r.lockPerson]!.id] : [],
      lockedPositions: r.lockPosition !== null && r.lockPosition < positions.length ? [positions[r.lockPosition]!.id] : [],
      tenureLifted: r.liftPerson !== null && r.liftPerson < people.length ? [people[r.liftPerson]!.id] : [],
      mipRelGap: 0,
      timeLimitSeconds: 30,
    };
    return { input, opts };
  });

/** May person i take position q (q ≠ own)? Every rule, read straight from rules.ts and the options. */
export function allowed(input: OptimizeInput, opts: OptimizeOptions, i: number, q: number): boolean {
  const person = input.people[i]!;
  const from = input.positions.find((p) => p.id === person.positionId)!;
  const to = input.positions[q]!;
  if (to.id === from.id) return false;
  if ((opts.lockedPeople ?? []).includes(person.id)) return false;
  for (const p of [from, to]) {
    if ((opts.lockedPositions ?? []).includes(p.id) || (opts.lockedUnits ?? []).includes(p.unitId)) return false;
  }
  if (!(opts.tenureLifted ?? []).includes(person.id)) {
    const t = minTenure({ spellStart: person.spellStart, firstRecorded: person.firstRecorded, effectiveDate: opts.effectiveDate }, input.settings.tenure);
    if (t.status !== 'passed') return false;
  }
  if (person.willing === 'no' && opts.unwillingCost == null) return false;
  if (to.kind !== from.kind || Math.abs(to.class - from.class) > (opts.classTolerance ?? 0)) return false;
  const c = competency({ educationLevel: person.educationLevel, requiredEducation: to.requiredEducation, competencies: person.competencies, requiredCompetencies: to.requiredCompetencies });
  if (!(c.code === 'meets' || c.code === 'no_requirement')) return false;
  if ((opts.requireCompetencies ?? true) && c.lacking.length > 0) return false;
  return true;
}

/** The objective of a head-count per position, from the metric definitions. */
export function objectiveOf(input: OptimizeInput, objective: Objective, staff: number[]): number {
  const k = input.settings.workload.effective_minutes_per_year / 12;
  const units = input.units.map((u) => {
    let w = 0, n = 0;
    input.positions.forEach((p, i) => {
      if (p.unitId === u.id) {
        w += p.workloadMinutes;
        n += staff[i]!;
      }
    });
    return { w, n };
  });
  if (objective === 'gap') return input.positions.reduce((a, p, i) => a + Math.abs(requiredStaff(p.workloadMinutes, k) - staff[i]!), 0);
  if (objective === 'max-ej') return units.reduce((mx, u) => (u.w > 0 && u.n > 0 ? Math.max(mx, ej(u.w, u.n, k)!) : mx), 0);
  const S = input.people.length;
  const R = units.reduce((a, u) => a + requiredStaff(u.w, k), 0);
  if (S === 0) return 0;
  return units.reduce((a, u) => a + Math.abs(u.n - (R > 0 ? (requiredStaff(u.w, k) * S) / R : 0)), 0) / (2 * S);
}

/** Is a complete plan (a target per person, -1 = stays) within the limits? */
export function withinLimits(input: OptimizeInput, opts: OptimizeOptions, plan: number[]): boolean {
  const k = input.settings.workload.effective_minutes_per_year / 12;
  const cur = input.positions.map((p) => input.people.filter((x) => x.positionId === p.id).length);
  const staff = [...cur];
  const leaving = input.positions.map(() => 0);
  const outOfUnit = new Map<string, number>();
  let moves = 0;
  plan.forEach((q, i) => {
    if (q < 0) return;
    moves++;
    const p = input.positions.findIndex((x) => x.id === input.people[i]!.positionId);
    staff[p]--;
    staff[q]++;
    leaving[p]++;
    const u = input.positions[p]!.unitId;
    if (u !== input.positions[q]!.unitId) outOfUnit.set(u, (outOfUnit.get(u) ?? 0) + 1);
  });
  if (moves > opts.maxMoves) return false;
  for (const [, n] of outOfUnit) if (opts.maxOutPerUnit != null && n > opts.maxOutPerUnit) return false;
  // the releasing position is not left empty, by departures alone (any order of the moves keeps it)
  for (let p = 0; p < staff.length; p++) {
    if (leaving[p]! > 0 && input.positions[p]!.workloadMinutes > 0 && cur[p]! - leaving[p]! < 1) return false;
  }
  // a unit people leave for other units keeps min(current, rounded required), by departures alone
  for (const [u, n] of outOfUnit) {
    let w = 0, before = 0;
    input.positions.forEach((p, i) => {
      if (p.unitId !== u) return;
      w += p.workloadMinutes;
      before += cur[i]!;
    });
    if (before - n < Math.min(before, roundStaff(requiredStaff(w, k), input.settings.workload.rounding))) return false;
  }
  return true;
}

export interface BruteResult {
  /** primary objective + stated costs of moving unwilling people */
  best: number;
  moves: number;
}

/** Every plan: each person stays or takes one allowed position. */
export function bruteForce(input: OptimizeInput, opts: OptimizeOptions): BruteResult {
  const choices = input.people.map((_, i) => [-1, ...input.positions.map((_, q) => q).filter((q) => allowed(input, opts, i, q))]);
  const cur = input.positions.map((p) => input.people.filter((x) => x.positionId === p.id).length);
  const posOf = input.people.map((x) => input.positions.findIndex((p) => p.id === x.positionId));
  let best = Infinity;
  let bestMoves = Infinity;
  const plan = input.people.map(() => -1);
  const rec = (i: number) => {
    if (i === plan.length) {
      if (!withinLimits(input, opts, plan)) return;
      const staff = [...cur];
      let moves = 0, cost = 0;
      plan.forEach((q, j) => {
        if (q < 0) return;
        staff[posOf[j]!]--;
        staff[q]++;
        moves++;
        if (input.people[j]!.willing === 'no') cost += opts.unwillingCost ?? 0;
      });
      const v = objectiveOf(input, opts.objective, staff) + cost;
      if (v < best - 1e-9 || (Math.abs(v - best) <= 1e-9 && moves < bestMoves)) {
        best = v;
        bestMoves = moves;
      }
      return;
    }
    for (const q of choices[i]!) {
      plan[i] = q;
      rec(i + 1);
    }
    plan[i] = -1;
  };
  rec(0);
  return { best, moves: bestMoves };
}
