import { AUDIT_ACTIONS, listAudit } from '#app-store/audit-log.ts';
import { appStore } from '$lib/server/store';
import { auditFilter } from './filter';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
  const filter = auditFilter(url);
  return { filter, actions: [...AUDIT_ACTIONS], rows: listAudit(appStore(), { ...filter, limit: 500 }), csv: `/admin/log-audit/csv${url.search}` };
};
