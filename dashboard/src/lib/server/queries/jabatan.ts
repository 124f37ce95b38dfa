/** Jabatan: the same position title across units — where it is short, where in surplus. */
import { defineQuery, inRegion, POSITION_LOAD, SELECTED_MONTH, unitLabel } from './define';
import { month, region, title, view } from '../params';

export const jabatanTitles = defineQuery({
  name: 'jabatan-titles',
  description:
    'Per position title in a month (in one region when `region` is given): positions, units, required and current staff, positions short / in surplus; annual view (default) or `view=month`.',
  params: { month: month(), region: region(), view: view() },
  sql: `
    SELECT p.title, CAST(count(*) AS INTEGER) AS positions, CAST(count(DISTINCT l.unit_id) AS INTEGER) AS units,
      sum(l.required_staff) AS required_staff, CAST(sum(l.current_staff) AS INTEGER) AS current_staff,
      CAST(count(*) FILTER (WHERE l.band IN ('overloaded', 'unstaffed')) AS INTEGER) AS positions_short,
      CAST(count(*) FILTER (WHERE l.band = 'slack') AS INTEGER) AS positions_surplus
    FROM ${POSITION_LOAD} l JOIN position p USING (position_id) JOIN unit u ON u.unit_id = l.unit_id
    WHERE l.month = ${SELECTED_MONTH} AND ${inRegion('u')}
    GROUP BY p.title ORDER BY p.title`,
});

export const jabatanUnits = defineQuery({
  name: 'jabatan-units',
  description:
    'Positions with a given title (all titles when absent) across units (of one region when `region` is given) in a month: required vs current staff and EJ; annual view (default) or `view=month`.',
  params: { month: month(), title: title(), region: region(), view: view() },
  sql: `
    SELECT p.title, l.position_id, l.unit_id, ${unitLabel('u')} AS unit_name, l.month, l.required_staff, l.current_staff,
      wisn_difference(l.current_staff, l.required_staff) AS difference, l.ej, l.grade, l.band, l.window_months
    FROM ${POSITION_LOAD} l JOIN position p USING (position_id) JOIN unit u ON u.unit_id = l.unit_id
    WHERE l.month = ${SELECTED_MONTH} AND ($title IS NULL OR p.title = $title) AND ${inRegion('u')}
    ORDER BY p.title, difference, u.unit_label`,
});
