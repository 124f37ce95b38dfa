/**
 * Parameter rules shared by pages (URL state) and endpoints (validated query parameters).
 * Pure functions; safe on the server and in the browser.
 */

export const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const UNIT_ID_RE = /^[A-Za-z0-9._-]{1,40}$/;
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isMonth(v: string | null | undefined): v is string {
  return typeof v === 'string' && MONTH_RE.test(v);
}

export function isUnitId(v: string | null | undefined): boolean {
  return typeof v === 'string' && UNIT_ID_RE.test(v);
}

export function parseLang(v: string | null | undefined): Lang {
  return v === 'en' ? 'en' : 'id';
}

/** `YYYY-MM` of a month value (Date, epoch ms from Arrow DateDay, or `YYYY-MM-DD` text), in UTC. */
export function monthKey(v: Date | number | string): string {
  if (typeof v === 'string') return v.slice(0, 7);
  const d = typeof v === 'number' ? new Date(v) : v;
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** First day of a `YYYY-MM` month as a UTC Date. */
export function monthDate(key: string): Date {
  const [y, m] = key.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, 1));
}

/** Title filter: free text, bound as a parameter; limited to printable characters and 120 chars. */
export function isTitle(v: string): boolean {
  return v.length >= 1 && v.length <= 120 && !/[\u0000-\u001f\u007f]/.test(v);
}
