/**
 * Calendar arithmetic on plain ISO dates ('YYYY-MM-DD'), with DuckDB's semantics so that a TypeScript rule and its
 * SQL twin count the same months (proven by test/integration/rules-parity.test.ts). Pure: no Date time zones, no
 * Node or DOM imports, so the browser, the CLI and the tests run the same code.
 */

/** An ISO calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: IsoDate): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const format = ({ y, m, d }: Ymd): IsoDate => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** Days in month m (1–12) of year y (Gregorian). */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** ISO dates compare as strings; this names the intent. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * date + n months, the day clamped to the target month's length — DuckDB's `date + INTERVAL n MONTH`
 * (and `- INTERVAL`): 2024-08-31 − 6 months = 2024-02-29.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const { y, m, d } = parse(date);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/**
 * Whole months from `start` to `end`, DuckDB's `date_sub('month', start, end)`: calendar months minus one when
 * the end's day is before the start's day — except that an end on the last day of its month completes the month
 * (2024-01-31 → 2024-02-29 is 1 month). Negative when end is before start.
 */
export function monthsBetween(start: IsoDate, end: IsoDate): number {
  if (start > end) return -monthsBetween(end, start);
  const s = parse(start);
  const e = parse(end);
  const endDays = daysInMonth(e.y, e.m);
  const sd = e.d === endDays && s.d > endDays ? endDays : s.d;
  return (e.y - s.y) * 12 + (e.m - s.m) - (e.d < sd ? 1 : 0);
}

/** The first day of the month before `date`'s month (the month whose load a transfer's advisory rules read). */
export function previousMonthStart(date: IsoDate): IsoDate {
  const { y, m } = parse(date);
  return addMonths(format({ y, m, d: 1 }), -1);
}

/** Whole days from a to b (b − a), as DuckDB's date_diff('day', a, b). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const p = parse(a);
  const q = parse(b);
  return (Date.UTC(q.y, q.m - 1, q.d) - Date.UTC(p.y, p.m - 1, p.d)) / 86_400_000;
}
