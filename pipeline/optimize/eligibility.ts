/**
 * Who may move, and where to: the merit rules (shared/domain.md "Transfer rules") applied through the predicates of
 * pipeline/domain/rules.ts, so the optimiser, the simulator's warnings and the audit use one definition.
 */
import { competency, electionBan, minTenure } from '#domain/rules.ts';
import type { OptimizeInput, OptimizeOptions, OptPerson, OptPosition } from './types.ts';

export type Movability = 'movable' | 'unwilling' | 'locked' | 'tenure_too_short' | 'tenure_unknown' | 'election_ban';

/** The effective date is inside the region's pre-election ban (UU 10/2016 Pasal 71 ayat (2)): nobody is replaced. */
export function inElectionBan(regionCode: string, input: OptimizeInput, opts: OptimizeOptions): boolean {
  const r = electionBan({ effectiveDate: opts.effectiveDate, regionCode, approvalRef: null, decreeDate: null }, input.settings.election);
  return r.status === 'failed';
}

/**
 * Whether a person may be moved at all:
 * - locked by the analyst (the person, their position or their unit);
 * - UU 10/2016 Pasal 71 ayat (2): not inside the pre-election ban of their unit's region;
 * - PP 11/2017 Pasal 190: at least `tenure.min_years` in the current position on the effective date, unless the
 *   analyst lifts it for this person; an unknown start (no TMT jabatan) is not moved;
 * - an unwilling person (shared/domain.md: a constraint or a cost) is 'unwilling': moved only at a stated cost.
 */
export function movability(
  person: OptPerson,
  position: OptPosition,
  input: OptimizeInput,
  opts: OptimizeOptions,
  locks: LockSets,
): Movability {
  if (locks.people.has(person.id) || locks.positions.has(position.id) || locks.units.has(position.unitId)) return 'locked';
  if (locks.bannedUnits.has(position.unitId)) return 'election_ban';
  if (!locks.tenureLifted.has(person.id)) {
    const t = minTenure({ spellStart: person.spellStart, firstRecorded: person.firstRecorded, effectiveDate: opts.effectiveDate }, input.settings.tenure);
    if (t.status === 'failed') return 'tenure_too_short';
    if (t.status === 'unknown') return 'tenure_unknown';
  }
  if (person.willing === 'no') return 'unwilling';
  return 'movable';
}

/** What a person brings to a target position, for the rules: their education and competencies, and the kind and
 *  class of the position they leave. People equal in these are interchangeable for every target. */
export interface Profile {
  kind: string;
  class: number;
  educationLevel: string | null;
  competencies: readonly string[];
}

export function profileKey(p: Profile): string {
  return `${p.kind}|${p.class}|${p.educationLevel ?? ''}|${[...p.competencies].sort().join(',')}`;
}

/**
 * May a person with this profile take the target position?
 * - PP 11/2017 Pasal 190 (job classification, career pattern): the same kind of position, and a kelas jabatan within
 *   `classTolerance` of the one they leave (default 0: the same class);
 * - PP 11/2017 Pasal 190 (competence matches the job's requirements): rules.ts `competency` — the education rank at
 *   least the target's required rank (no requirement passes, an unknown education does not);
 * - and, unless `requireCompetencies` is false, every competency tag the target requires (rules.ts only lists the
 *   missing tags; the optimiser proposes no move that would list one).
 * The target must not be locked (position or unit).
 */
export function canTake(profile: Profile, target: OptPosition, opts: OptimizeOptions, locks: LockSets): boolean {
  if (locks.positions.has(target.id) || locks.units.has(target.unitId)) return false;
  // UU 10/2016 Pasal 71 ayat (2) is also tested on the receiving unit's region (as the simulator does)
  if (locks.bannedUnits.has(target.unitId)) return false;
  if (profile.kind !== target.kind) return false;
  if (Math.abs(profile.class - target.class) > (opts.classTolerance ?? 0)) return false;
  const c = competency({
    educationLevel: profile.educationLevel,
    requiredEducation: target.requiredEducation,
    competencies: profile.competencies,
    requiredCompetencies: target.requiredCompetencies,
  });
  if (!(c.code === 'meets' || c.code === 'no_requirement')) return false;
  if ((opts.requireCompetencies ?? true) && c.lacking.length > 0) return false;
  return true;
}

export interface LockSets {
  /** units whose region is inside the pre-election ban on the effective date */
  bannedUnits: ReadonlySet<string>;
  people: ReadonlySet<string>;
  positions: ReadonlySet<string>;
  units: ReadonlySet<string>;
  tenureLifted: ReadonlySet<string>;
}

export function lockSets(input: OptimizeInput, opts: OptimizeOptions): LockSets {
  const banned = new Map<string, boolean>();
  const bannedUnits = new Set<string>();
  for (const u of input.units) {
    if (!banned.has(u.regionCode)) banned.set(u.regionCode, inElectionBan(u.regionCode, input, opts));
    if (banned.get(u.regionCode)) bannedUnits.add(u.id);
  }
  return {
    bannedUnits,
    people: new Set(opts.lockedPeople ?? []),
    positions: new Set(opts.lockedPositions ?? []),
    units: new Set(opts.lockedUnits ?? []),
    tenureLifted: new Set(opts.tenureLifted ?? []),
  };
}
