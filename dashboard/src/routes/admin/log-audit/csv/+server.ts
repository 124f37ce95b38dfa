import type { RequestHandler } from '@sveltejs/kit';
import { listAudit } from '#app-store/audit-log.ts';
import { appStore, audit } from '$lib/server/store';
import { csvFile } from '$lib/server/csv';
import { auditFilter } from '../filter';

/** The audit log as CSV (with the page's filters), cells neutralised against formulas; the export is itself logged. */
export const GET: RequestHandler = (event) => {
  const filter = auditFilter(event.url);
  const rows = listAudit(appStore(), { ...filter, limit: 100_000 });
  audit({ actor: event.locals.user?.username, actorRole: event.locals.role, action: 'audit_log_exported', detail: { rows: rows.length }, address: event.getClientAddress() });
  const body = csvFile(
    ['id', 'at', 'actor', 'actor_role', 'action', 'target', 'detail', 'address'],
    rows.map((r) => [r.id, r.at, r.actor, r.actor_role, r.action, r.target, r.detail, r.address]),
  );
  return new Response(body, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="seimbang-audit-log.csv"' },
  });
};
