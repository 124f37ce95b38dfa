/** EJ of every unit in one month (Ringkasan's sorted chart and table). */
import { defineQuery, inRegion, SELECTED_MONTH, UNIT_LOAD, unitLabel } from './define';
import { lang, month, region, view } from '../params';

export const unitLoad = defineQuery({
  name: 'unit-load',
  description: 'EJ, grade, plain label and staffing of every unit (of one region when `region` is given) in a month, highest EJ first; annual view (default) or `view=month`.',
  params: { month: month(), lang: lang(), region: region(), view: view() },
  sql: `
    SELECT l.unit_id, ${unitLabel('u')} AS unit_name, u.parent_id, CAST(u.depth AS INTEGER) AS depth, u.top_unit_id, l.month,
      l.ej, l.grade, l.band, CASE WHEN $lang = 'en' THEN l.label_en ELSE l.label_id END AS label,
      l.workload_minutes, l.required_staff, l.required_staff_rounded, l.current_staff, l.wisn_ratio, l.wisn_difference, l.window_months
    FROM ${UNIT_LOAD} l JOIN unit u USING (unit_id)
    WHERE l.month = ${SELECTED_MONTH} AND ${inRegion('u')}
    ORDER BY l.ej DESC NULLS LAST, u.unit_label`,
});
