/** Load-imbalance indices over time (Gini, CV, Theil, …) at the unit or position level. */
import { defineQuery } from './define';
import { oneOf, region } from '../params';

export const imbalance = defineQuery({
  name: 'imbalance',
  description: 'Imbalance indices of EJ across units (or positions; `unit_annual`: units on the annual view) for every month; within one region when `region` is given.',
  params: { level: oneOf(['unit', 'position', 'unit_annual'], 'unit'), region: region() },
  sql: `
    SELECT month, CAST(n AS INTEGER) AS n, mean_ej, gini, cv, theil, max_mean, balance_efficiency,
      share_staff_overloaded, share_staff_slack, staffing_gap
    FROM imbalance_region_monthly
    WHERE level = $level AND region_code IS NOT DISTINCT FROM CAST($region AS VARCHAR) ORDER BY month`,
});
