import { isMonth } from './params';

export interface MonthState {
  /** the month the page shows (`YYYY-MM`), null when the warehouse has no months */
  month: string | null;
  /** ?month= was given but not as YYYY-MM (the latest month is shown instead) */
  invalid: boolean;
  /** ?month= is well-formed but the warehouse has no data for it */
  missing: boolean;
}

/** The month a page shows: ?month= when valid, else the latest month with data. */
export function resolveMonth(url: URL, months: string[]): MonthState {
  const raw = url.searchParams.get('month');
  const latest = months[months.length - 1] ?? null;
  if (raw == null || raw === '') return { month: latest, invalid: false, missing: false };
  if (!isMonth(raw)) return { month: latest, invalid: true, missing: false };
  return { month: raw, invalid: false, missing: months.length > 0 && !months.includes(raw) };
}
