/**
 * Dates for the sample generator. Two integer encodings keep the simulation exact and fast:
 * - a **month index** `mi = year × 12 + (month − 1)` (every transfer takes effect on the 1st of a month, so a
 *   spell is a half-open range of month indexes and "the position held on the first day of the month" is exact);
 * - a **day number**: days since 1970-01-01 (UTC), for birth dates and decree dates.
 */

export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;

const DAY_MS = 86_400_000;

export function mi(year: number, month: number): number {
  return year * 12 + (month - 1);
}
export function miYear(m: number): number {
  return Math.floor(m / 12);
}
/** 1..12 */
export function miMonth(m: number): number {
  return (m % 12) + 1;
}
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** `2024-01` */
export function monthStr(m: number): string {
  return `${pad4(miYear(m))}-${pad2(miMonth(m))}`;
}
/** parse `2024-01` */
export function parseMonth(text: string): number {
  const [y, mo] = text.split('-').map(Number);
  return mi(y, mo);
}

export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}
/** the day number of the 1st of month index `m` */
export function firstDay(m: number): number {
  return dayNumber(miYear(m), miMonth(m), 1);
}
export function dayParts(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
/** month index of the month containing `day` */
export function dayMonth(day: number): number {
  const p = dayParts(day);
  return mi(p.y, p.m);
}
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
/** a UTC-midnight Date (what exceljs turns into an Excel date serial without a time-zone shift) */
export function dayDate(day: number): Date {
  return new Date(day * DAY_MS);
}

/** `2024-01-12` */
export function isoDate(day: number): string {
  const p = dayParts(day);
  return `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}`;
}
/** `12-01-2024` (Indonesian day-month-year) */
export function dmyDate(day: number): string {
  const p = dayParts(day);
  return `${pad2(p.d)}-${pad2(p.m)}-${pad4(p.y)}`;
}
/** `12 Januari 2024` */
export function longIdDate(day: number): string {
  const p = dayParts(day);
  return `${p.d} ${MONTHS_ID[p.m - 1]} ${p.y}`;
}
export function parseIsoDate(text: string): number {
  const [y, m, d] = text.split('-').map(Number);
  return dayNumber(y, m, d);
}

/** the three date spellings the employee file mixes (docs/data-contract.md, "Values") */
export type DateStyle = 'iso' | 'dmy' | 'long';
export function formatDate(day: number, style: DateStyle): string {
  return style === 'iso' ? isoDate(day) : style === 'dmy' ? dmyDate(day) : longIdDate(day);
}
