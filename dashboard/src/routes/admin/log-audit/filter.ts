/** The audit-log filters from the URL (page and CSV export share them): actor, action, from, to (YYYY-MM-DD). */
import { AUDIT_ACTIONS } from '#app-store/audit-log.ts';
import type { AuditFilter } from '#app-store/audit-log.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFilter(url: URL): AuditFilter {
  const get = (k: string) => url.searchParams.get(k)?.trim() || null;
  const action = get('action');
  const from = get('from');
  const to = get('to');
  return {
    actor: get('actor')?.slice(0, 64) ?? null,
    action: action && (AUDIT_ACTIONS as readonly string[]).includes(action) ? action : null,
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
  };
}
