import { browser } from '$app/environment';
import { loadData, type Dataset } from '$lib/api';
import { analysisWindow, isAuditRuleFilter, isYear, YEAR_ALL } from '$lib/params';
import type { AuditRuleDatum } from '$lib/charts/auditByRule';
import type { AuditUnitDatum } from '$lib/charts/auditByUnit';
import type { AuditYearDatum } from '$lib/charts/auditByYear';
import { askedRegion, loadRegions } from '$lib/region';
import type { AuditFailureRow, RegionRow } from '$lib/types';
import type { FairnessRow } from '$lib/fairness';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url, parent }) => {
  const { warehouseError, people, months } = await parent();
  const rawYear = url.searchParams.get('year');
  const rawRule = url.searchParams.get('rule');
  // the default scope is the analysis window (the last three calendar years of the warehouse), not every year
  // since the first recorded transfer: the old years carry rules that cannot be checked and inflate the rate
  const window = analysisWindow(months);
  const year = isYear(rawYear) ? rawYear : null;
  const allYears = rawYear === YEAR_ALL;
  const rule = isAuditRuleFilter(rawRule) ? rawRule : 'all';
  const invalid =
    (rawYear != null && rawYear !== '' && !year && !allYears) || (rawRule != null && rawRule !== '' && !isAuditRuleFilter(rawRule));
  const region = askedRegion(url);
  // the years asked of the endpoints: one year, the window, or all (nothing)
  const span = year ? { year } : allYears || !window ? {} : { from: String(window.from), to: String(window.to) };
  if (warehouseError) return { year, allYears, window, rule, invalid, region, regions: [] as RegionRow[], data: null, units: null, failures: null, people };
  // the rows by unit (a province: 900 units) and the failed transfers (thousands) stay out of the HTML (issue 16:
  // ≤ 100 KB a page): asked for in the browser beside the rest, not awaited; their chart and table draw on arrival
  const units: Promise<Dataset<AuditUnitDatum>> | null = browser ? loadData<AuditUnitDatum>(fetch, '/api/audit/units', { ...span, rule, region }) : null;
  // one row per transfer with its reason: person-level, signed-in pimpinan / analis only
  const failures: Promise<Dataset<AuditFailureRow>> | null =
    browser && people ? loadData<AuditFailureRow>(fetch, '/api/audit/failures', { ...span, rule, region }) : null;
  const [regions, rules, years, fairness] = await Promise.all([
    loadRegions(fetch),
    loadData<AuditRuleDatum>(fetch, '/api/audit/rules', { ...span, region }),
    loadData<AuditYearDatum>(fetch, '/api/audit/years', { rule, region }),
    loadData<FairnessRow>(fetch, '/api/audit/fairness', { ...span, region }),
  ]);
  return { year, allYears, window, rule, invalid, region, regions, data: { rules, years, fairness }, units, failures, people };
};
