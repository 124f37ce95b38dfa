/** Shared by the audit charts: the three results of a check, in order, with their colours (passed / failed / unknown). */
import type { Texts } from '$lib/i18n';

export const STATUS_ORDER = ['passed', 'failed', 'unknown'] as const;
export type AuditStatus = (typeof STATUS_ORDER)[number];
// the band colours of theme.ts: green (balanced), orange (overloaded), grey (idle); ≥ 3:1 on white
export const STATUS_COLORS: Record<AuditStatus, string> = { passed: '#00836a', failed: '#c24e00', unknown: '#8a8a94' };

export interface StatusCounts {
  transfers: number;
  passed: number;
  failed: number;
  unknown: number;
  rate: number | null;
}

/** Plot color scale for the statuses, legend in words. */
export function statusScale(t: Texts) {
  return {
    domain: STATUS_ORDER.map((s) => t.audit.status[s]!),
    range: STATUS_ORDER.map((s) => STATUS_COLORS[s]),
    legend: true,
  };
}

/** one row per status of each item, for stacked bars */
export function longByStatus<T extends StatusCounts>(rows: T[], t: Texts): { row: T; status: AuditStatus; label: string; count: number; share: number }[] {
  return rows.flatMap((row) =>
    STATUS_ORDER.map((status) => ({
      row,
      status,
      label: t.audit.status[status]!,
      count: row[status],
      share: row.transfers ? row[status] / row.transfers : 0,
    })),
  );
}
