/**
 * Retirement (pensiun) by the retirement age (batas usia pensiun, BUP) of the position held: the one definition the
 * notebooks and any later page use. Ages are a setting (Settings.retirement, PP 11/2017 Pasal 239 ayat (2)).
 */
import type { RetirementRule, Settings } from './settings.ts';

export interface PositionForRetirement {
  position_kind: string | null;
  class: number | null;
  title: string | null;
}

/** The rule that applies to a position: the first whose conditions all hold, else the default. */
export function retirementRule(p: PositionForRetirement, r: Settings['retirement']): { age: number; source: string } {
  const title = (p.title ?? '').toLowerCase();
  const holds = (x: RetirementRule) =>
    (x.position_kind === undefined || x.position_kind === p.position_kind) &&
    (x.min_class === undefined || (p.class !== null && p.class >= x.min_class)) &&
    (x.title_contains === undefined || title.includes(x.title_contains.toLowerCase())) &&
    (x.title_starts_with === undefined || title.startsWith(x.title_starts_with.toLowerCase()));
  const hit = r.rules.find(holds);
  return hit ? { age: hit.age, source: hit.source } : { age: r.default_age, source: r.default_source };
}

/**
 * The first day in retirement (TMT pensiun): a civil servant reaching the BUP is honourably discharged at the end of
 * the month of that birthday and the pension starts on the 1st of the next month (the BKN practice for PNS reaching
 * the BUP). Dates in UTC, as the warehouse's DATE values are read.
 */
export function retirementDate(birthDate: Date, age: number): Date {
  return new Date(Date.UTC(birthDate.getUTCFullYear() + age, birthDate.getUTCMonth() + 1, 1));
}
