/** Months as integers (year × 12 + month − 1), so the engine compares and subtracts months without dates. */
import type { MonthText } from './types.ts';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' (or 'YYYY-MM-DD', the day ignored) → month number; null when not a month. */
export function parseMonth(text: string): number | null {
  const m = MONTH_RE.exec(text.length === 10 && text[7] === '-' ? text.slice(0, 7) : text);
  if (!m) return null;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthText(n: number): MonthText {
  const y = Math.floor(n / 12);
  const m = n - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
}

/** the first day of the month as an ISO date (the effective date, TMT, of a change in that month) */
export function monthStartDate(n: number): string {
  return `${monthText(n)}-01`;
}
