/**
 * Parameter rules shared by pages (URL state) and endpoints (validated query parameters).
 * Pure functions; safe on the server and in the browser.
 */

export const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const UNIT_ID_RE = /^[A-Za-z0-9._-]{1,40}$/;
/** transfer ids as the warehouse writes them (T0000001); the same characters as unit ids are accepted */
export const TRANSFER_ID_RE = /^[A-Za-z0-9._-]{1,40}$/;
export const YEAR_RE = /^(19|20)\d{2}$/;
/** region codes (kode wilayah) as in unit.region_code */
export const REGION_RE = /^[A-Za-z0-9._-]{1,20}$/;
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isMonth(v: string | null | undefined): v is string {
  return typeof v === 'string' && MONTH_RE.test(v);
}

export function isUnitId(v: string | null | undefined): boolean {
  return typeof v === 'string' && UNIT_ID_RE.test(v);
}

export function isTransferId(v: string | null | undefined): boolean {
  return typeof v === 'string' && TRANSFER_ID_RE.test(v);
}

export function isRegion(v: string | null | undefined): v is string {
  return typeof v === 'string' && REGION_RE.test(v);
}

export function isYear(v: string | null | undefined): v is string {
  return typeof v === 'string' && YEAR_RE.test(v);
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

/** unit-level outcomes of the transfer-effect estimates the Dampak page offers (transfer_effect.outcome) */
export const EFFECT_OUTCOMES = ['mean_score', 'ej', 'staffing_gap', 'mean_rating_rank'] as const;
export type EffectOutcome = (typeof EFFECT_OUTCOMES)[number];

export function isEffectOutcome(v: string | null | undefined): v is EffectOutcome {
  return (EFFECT_OUTCOMES as readonly string[]).includes(v ?? '');
}

/** the merit-audit rules (transfer_audit.rule), legal rules first, then the two advisory considerations */
export const AUDIT_RULES = ['min_tenure', 'election_ban', 'competency', 'documentation', 'receiving_need', 'releasing_slack'] as const;
/** the rule filter of the audit page: `all` = every legal rule */
export const AUDIT_RULE_FILTER = ['all', ...AUDIT_RULES] as const;

export function isAuditRuleFilter(v: string | null | undefined): v is (typeof AUDIT_RULE_FILTER)[number] {
  return (AUDIT_RULE_FILTER as readonly string[]).includes(v ?? '');
}

/**
 * How EJ is read: `annual` (default: the workload of the 12 months up to the chosen month against the people in post,
 * ABK being an annual method, PermenPANRB 1/2020; marts *_load_annual) or `month` (that month alone, WKE / 12; a
 * seasonal surge shows as a peak). Issue 16.
 */
export const VIEWS = ['annual', 'month'] as const;
export type View = (typeof VIEWS)[number];
export const DEFAULT_VIEW: View = 'annual';
export function parseView(v: string | null | undefined): View {
  return v === 'month' ? 'month' : DEFAULT_VIEW;
}
/** the view as a URL parameter: null for the default, so links stay short */
export function viewParam(v: View): string | null {
  return v === DEFAULT_VIEW ? null : v;
}

/** `?year=` value for every year of the warehouse's transfers (the audit's default is the analysis window) */
export const YEAR_ALL = 'semua';

/** Years of the analysis window: the last three calendar years of the warehouse's months (`YYYY-MM` keys). */
export const WINDOW_YEARS = 3;
export function analysisWindow(months: readonly string[]): { from: number; to: number } | null {
  if (months.length === 0) return null;
  const last = Math.max(...months.map((m) => Number(m.slice(0, 4))));
  return { from: last - (WINDOW_YEARS - 1), to: last };
}
