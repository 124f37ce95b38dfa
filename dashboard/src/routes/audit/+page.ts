import { loadData } from '$lib/api';
import { isAuditRuleFilter, isYear } from '$lib/params';
import type { AuditRuleDatum } from '$lib/charts/auditByRule';
import type { AuditUnitDatum } from '$lib/charts/auditByUnit';
import type { AuditYearDatum } from '$lib/charts/auditByYear';
import { askedRegion, loadRegions } from '$lib/region';
import type { AuditFailureRow, RegionRow } from '$lib/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { lang, warehouseError, people } = await parent();
  const rawYear = url.searchParams.get('year');
  const rawRule = url.searchParams.get('rule');
  const year = isYear(rawYear) ? rawYear : null;
  const rule = isAuditRuleFilter(rawRule) ? rawRule : 'all';
  const invalid = (rawYear != null && rawYear !== '' && !year) || (rawRule != null && rawRule !== '' && !isAuditRuleFilter(rawRule));
  const region = askedRegion(url);
  if (warehouseError) return { year, rule, invalid, region, regions: [] as RegionRow[], data: null };
  const [regions, rules, years, units, failures] = await Promise.all([
    loadRegions(fetch),
    loadData<AuditRuleDatum>(fetch, '/api/audit/rules', { year, region }),
    loadData<AuditYearDatum>(fetch, '/api/audit/years', { rule, region }),
    loadData<AuditUnitDatum>(fetch, '/api/audit/units', { year, rule, region }),
    // one row per transfer with its reason: person-level, signed-in pimpinan / analis only
    people ? loadData<AuditFailureRow>(fetch, '/api/audit/failures', { year, rule, region }) : null,
  ]);
  return { year, rule, invalid, region, regions, data: { rules, years, units, failures } };
};
