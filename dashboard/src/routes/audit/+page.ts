import { loadData } from '$lib/api';
import { isAuditRuleFilter, isYear } from '$lib/params';
import type { AuditRuleDatum } from '$lib/charts/auditByRule';
import type { AuditUnitDatum } from '$lib/charts/auditByUnit';
import type { AuditYearDatum } from '$lib/charts/auditByYear';
import type { AuditFailureRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { lang, warehouseError } = await parent();
  const rawYear = url.searchParams.get('year');
  const rawRule = url.searchParams.get('rule');
  const year = isYear(rawYear) ? rawYear : null;
  const rule = isAuditRuleFilter(rawRule) ? rawRule : 'all';
  const invalid = (rawYear != null && rawYear !== '' && !year) || (rawRule != null && rawRule !== '' && !isAuditRuleFilter(rawRule));
  if (warehouseError) return { year, rule, invalid, data: null };
  const [rules, years, units, failures] = await Promise.all([
    loadData<AuditRuleDatum>(fetch, '/api/audit/rules', { year }),
    loadData<AuditYearDatum>(fetch, '/api/audit/years', { rule }),
    loadData<AuditUnitDatum>(fetch, '/api/audit/units', { year, rule }),
    loadData<AuditFailureRow>(fetch, '/api/audit/failures', { year, rule, lang }),
  ]);
  return { year, rule, invalid, data: { rules, years, units, failures } };
};
