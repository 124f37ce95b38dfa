/**
 * Unit × month EJ for the 36 months up to the selected month (the trend chart's span) (Ringkasan heat map). At most $limit units: those
 * with the most understaffed months in the window (then the highest EJ) — all units in a city, the ones where the
 * surges are in a province of several hundred units (a heat map of 900 rows is unreadable and ~2 MB to send).
 */
import { defineQuery, inRegion, SELECTED_MONTH, unitLabel } from './define';
import { month, region } from '../params';

export const HEATMAP_MAX_UNITS = 60;

export const heatmap = defineQuery({
  name: 'heatmap',
  description:
    `EJ of every unit for the 36 months ending at the selected month; at most ${HEATMAP_MAX_UNITS} units, those with the ` +
    'most understaffed months in the window (units_total = all units with data); of one region when `region` is given.',
  params: { month: month(), region: region() },
  constants: { limit: HEATMAP_MAX_UNITS },
  sql: `
    WITH m AS (SELECT ${SELECTED_MONTH} AS month),
    w AS (
      SELECT l.unit_id, l.month, l.ej, l.band, l.current_staff FROM unit_load_monthly l JOIN unit USING (unit_id), m
      WHERE l.month <= m.month AND l.month > m.month - INTERVAL 36 MONTH AND ${inRegion()}
    ),
    ranked AS (
      SELECT unit_id,
        row_number() OVER (ORDER BY count(*) FILTER (WHERE band IN ('overloaded', 'unstaffed')) DESC, max(ej) DESC NULLS LAST, unit_id) AS rk
      FROM w GROUP BY unit_id
    ),
    total AS (SELECT CAST(count(*) AS INTEGER) AS units_total FROM ranked)
    SELECT w.unit_id, ${unitLabel('u')} AS unit_name, CAST(u.depth AS INTEGER) AS depth, u.top_unit_id, w.month, w.ej, w.band,
      w.current_staff, total.units_total
    FROM w JOIN ranked r USING (unit_id) JOIN unit u USING (unit_id), total
    WHERE r.rk <= $limit
    ORDER BY lower(u.unit_label), u.unit_label, w.unit_id, w.month`,
});
