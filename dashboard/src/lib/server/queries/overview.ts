/** Ringkasan: the headline figures of one month. */
import { defineQuery, inRegion, SELECTED_MONTH, UNIT_LEVEL, UNIT_LOAD } from './define';
import { month, region, view } from '../params';

export const overview = defineQuery({
  name: 'overview',
  description:
    'Headline figures of a month: units per plain band (overloaded, balanced, slack: the balanced band of the settings), staff in overloaded units, staffing gap (FTE, unit level), ' +
    'Gini of unit EJ and its change versus 12 months earlier; of one region when `region` is given; on the annual view ' +
    '(`view=annual`, default: rolling 12-month workload) or the month alone (`view=month`).',
  params: { month: month(), region: region(), view: view() },
  sql: `
    WITH m AS (SELECT ${SELECTED_MONTH} AS month),
    u AS (SELECT l.* FROM ${UNIT_LOAD} l JOIN unit USING (unit_id), m WHERE l.month = m.month AND ${inRegion()}),
    r AS (SELECT * FROM imbalance_region_monthly WHERE level = ${UNIT_LEVEL} AND region_code IS NOT DISTINCT FROM CAST($region AS VARCHAR)),
    i AS (SELECT r.* FROM r, m WHERE r.month = m.month),
    p AS (SELECT r.* FROM r, m WHERE r.month = m.month - INTERVAL 12 MONTH)
    SELECT m.month,
      CAST((SELECT count(*) FROM u) AS INTEGER) AS units_total,
      CAST((SELECT count(*) FROM u WHERE band = 'overloaded') AS INTEGER) AS units_overloaded,
      CAST((SELECT count(*) FROM u WHERE band = 'balanced') AS INTEGER) AS units_balanced,
      CAST((SELECT count(*) FROM u WHERE band = 'slack') AS INTEGER) AS units_slack,
      CAST((SELECT coalesce(sum(current_staff), 0) FROM u) AS INTEGER) AS staff_total,
      CAST((SELECT coalesce(sum(current_staff), 0) FROM u WHERE band = 'overloaded') AS INTEGER) AS staff_in_overloaded_units,
      (SELECT staffing_gap FROM i) AS staffing_gap_fte,
      (SELECT gini FROM i) AS gini,
      CAST((m.month - INTERVAL 12 MONTH) AS DATE) AS month_12m_ago,
      (SELECT gini FROM p) AS gini_12m_ago,
      (SELECT gini FROM i) - (SELECT gini FROM p) AS gini_change
    FROM m`,
});
