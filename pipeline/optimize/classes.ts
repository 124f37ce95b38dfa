/**
 * Classes of interchangeable staff. Two people are interchangeable for the optimiser when they hold the same position
 * (hence the same unit, kind and class) and have the same education and competencies and the same movability: every
 * rule gives them the same answer for every target, and moving one or the other changes every number the same way.
 * A class is one integer variable ("how many of them move"), not one per person and position.
 *
 * Classes are grouped into pools by profile (kind, class, education, competencies — what the rules look at): every
 * member of a pool may take exactly the same targets, so the model routes classes → pool → targets and the number of
 * person-to-position arcs never appears.
 */
import { canTake, lockSets, movability, profileKey, type LockSets, type Movability, type Profile } from './eligibility.ts';
import type { EligibilityCounts, OptimizeInput, OptimizeOptions, OptPerson } from './types.ts';
import type { Staffing } from './objective.ts';

export interface StaffClass {
  /** source position index */
  position: number;
  pool: number;
  /** members, longest in post first (the order in which named people are chosen) */
  members: OptPerson[];
  unwilling: boolean;
}

export interface Pool {
  profile: Profile;
  classes: number[];
  /** eligible target position indices */
  targets: number[];
  /** eligible target types (indices into ClassModel.types): every position of a type is eligible */
  types: number[];
}

/** Open positions that the rules cannot tell apart: the same kind, class, required education and competencies. */
export interface TargetType {
  positions: number[];
}

export interface ClassModel {
  classes: StaffClass[];
  pools: Pool[];
  types: TargetType[];
  movability: Map<string, Movability>;
  counts: EligibilityCounts;
  locks: LockSets;
}

/** Longest in post first (earliest TMT jabatan); ties by NIP for a deterministic plan. */
export function byTenure(a: OptPerson, b: OptPerson): number {
  const sa = a.positionSince ?? '9999-12-31';
  const sb = b.positionSince ?? '9999-12-31';
  return sa < sb ? -1 : sa > sb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildClasses(input: OptimizeInput, opts: OptimizeOptions, s: Staffing): ClassModel {
  const locks = lockSets(input, opts);
  const mov = new Map<string, Movability>();
  const counts: EligibilityCounts = { people: input.people.length, movable: 0, locked: 0, tenureTooShort: 0, tenureUnknown: 0, unwilling: 0, electionBan: false };
  const classByKey = new Map<string, StaffClass>();
  const poolByKey = new Map<string, number>();
  const pools: Pool[] = [];
  const classes: StaffClass[] = [];
  const allowUnwilling = opts.unwillingCost != null;
  for (const person of input.people) {
    const pi = s.positionIndex.get(person.positionId)!;
    const pos = input.positions[pi]!;
    const m = movability(person, pos, input, opts, locks);
    mov.set(person.id, m);
    if (m === 'locked') counts.locked++;
    else if (m === 'tenure_too_short') counts.tenureTooShort++;
    else if (m === 'tenure_unknown') counts.tenureUnknown++;
    else if (m === 'unwilling') counts.unwilling++;
    else if (m === 'election_ban') counts.electionBan = true;
    else counts.movable++;
    if (!(m === 'movable' || (m === 'unwilling' && allowUnwilling))) continue;
    const profile: Profile = { kind: pos.kind, class: pos.class, educationLevel: person.educationLevel, competencies: person.competencies };
    const pk = profileKey(profile);
    let pool = poolByKey.get(pk);
    if (pool === undefined) {
      pool = pools.length;
      poolByKey.set(pk, pool);
      pools.push({ profile, classes: [], targets: [], types: [] });
    }
    const ck = `${pi}|${pk}|${m}`;
    let c = classByKey.get(ck);
    if (!c) {
      c = { position: pi, pool, members: [], unwilling: m === 'unwilling' };
      classByKey.set(ck, c);
      pools[pool]!.classes.push(classes.length);
      classes.push(c);
    }
    c.members.push(person);
  }
  for (const c of classes) c.members.sort(byTenure);
  // Targets grouped by what the rules read of them (kind, class, required education and competencies) and whether
  // they are closed (locked, or inside the election ban): the rules are evaluated once per pool and target type.
  const types = new Map<string, { probe: number; positions: number[]; index: number }>();
  const closed = (q: number) => {
    const t = input.positions[q]!;
    return locks.positions.has(t.id) || locks.units.has(t.unitId) || locks.bannedUnits.has(t.unitId);
  };
  input.positions.forEach((t, q) => {
    if (closed(q)) return;
    const k = `${t.kind}|${t.class}|${t.requiredEducation ?? ''}|${[...t.requiredCompetencies].sort().join(',')}`;
    const ty = types.get(k);
    if (ty) ty.positions.push(q);
    else types.set(k, { probe: q, positions: [q], index: types.size });
  });
  const byKindClass = new Map<string, { probe: number; positions: number[]; index: number }[]>();
  for (const ty of types.values()) {
    const t = input.positions[ty.probe]!;
    const k = `${t.kind}|${t.class}`;
    const list = byKindClass.get(k);
    if (list) list.push(ty);
    else byKindClass.set(k, [ty]);
  }
  const tol = opts.classTolerance ?? 0;
  for (const pool of pools) {
    for (let c = pool.profile.class - tol; c <= pool.profile.class + tol; c++) {
      for (const ty of byKindClass.get(`${pool.profile.kind}|${c}`) ?? []) {
        if (canTake(pool.profile, input.positions[ty.probe]!, opts, locks)) {
          for (const q of ty.positions) pool.targets.push(q);
          pool.types.push(ty.index);
        }
      }
    }
    pool.targets.sort((a, b) => a - b);
  }
  return { classes, pools, types: [...types.values()].map((t) => ({ positions: t.positions })), movability: mov, counts, locks };
}
