/** Ringkasan: the headline figures of one month. */
import { defineQuery, inRegion, SELECTED_MONTH, UNIT_LEVEL, UNIT_LOAD, unitLabel } from './define';
import { limit, month, region, unitId, view } from '../params';

export const overview = defineQuery({
  name: 'overview',
  description:
    'Headline figures of a month: units per plain band (overloaded, balanced, slack: the balanced band of the settings), staff in overloaded units, staffing gap (FTE, unit level), ' +
    'Gini of unit EJ and its change versus 12 months earlier, the months in the annual window; of one region when `region` is given; on the annual view ' +
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
      (SELECT gini FROM i) - (SELECT gini FROM p) AS gini_change,
      -- the months in the annual view's window (1 in the month view), for the sentence saying which EJ is shown
      CAST((SELECT max(window_months) FROM u) AS INTEGER) AS window_months
    FROM m`,
});

/**
 * The last rotation wave up to the selected month (a collective decree: mart rotation_wave_transfer), for the
 * leadership strip of Ringkasan: the units it moved people into and out of, and their EJ the month before the wave
 * and in the selected month, on the page's view. Counts of moves per unit, as /api/units/{id}/transfers.
 */
export const lastWave = defineQuery({
  name: 'last-wave',
  description:
    'The last rotation wave up to the selected month (of one region when `region` is given): its units with arrivals, ' +
    'departures and EJ the month before the wave and in the selected month (annual view, default, or `view=month`); ' +
    'every row carries the wave\'s units and people moved in all, so `limit` (the first rows, by net arrivals) keeps them.',
  params: { month: month(), region: region(), view: view(), limit: limit() },
  sql: `
    WITH m AS (SELECT ${SELECTED_MONTH} AS month),
    w AS (
      SELECT r.* FROM rotation_wave_transfer r, m
      WHERE r.month <= m.month AND (CAST($region AS VARCHAR) IS NULL OR r.region_code = CAST($region AS VARCHAR))
    ),
    last AS (SELECT max(month) AS wm FROM w),
    moves AS (
      SELECT w.to_unit_id AS unit_id, 1 AS n_in, 0 AS n_out FROM w, last WHERE w.month = last.wm AND w.to_unit_id IS NOT NULL
      UNION ALL
      SELECT w.from_unit_id, 0, 1 FROM w, last WHERE w.month = last.wm AND w.from_unit_id IS NOT NULL
    ),
    units AS (SELECT unit_id, CAST(sum(n_in) AS INTEGER) AS arrivals, CAST(sum(n_out) AS INTEGER) AS departures FROM moves GROUP BY unit_id)
    SELECT x.unit_id, ${unitLabel('u')} AS unit_name, last.wm AS wave_month,
      CAST(last.wm - INTERVAL 1 MONTH AS DATE) AS before_month, m.month AS after_month,
      x.arrivals, x.departures, b.ej AS ej_before, b.band AS band_before, a.ej AS ej_after, a.band AS band_after,
      CAST(count(*) OVER () AS INTEGER) AS wave_units, CAST(sum(x.arrivals) OVER () AS INTEGER) AS wave_moved
    FROM units x JOIN unit u USING (unit_id) CROSS JOIN last CROSS JOIN m
    LEFT JOIN ${UNIT_LOAD} b ON b.unit_id = x.unit_id AND b.month = CAST(last.wm - INTERVAL 1 MONTH AS DATE)
    LEFT JOIN ${UNIT_LOAD} a ON a.unit_id = x.unit_id AND a.month = m.month
    ORDER BY x.arrivals - x.departures DESC, u.unit_label
    LIMIT coalesce(CAST($limit AS INTEGER), 1000000)`,
});

/** The months of the rotation waves (mart rotation_wave_transfer), for the markers on Ringkasan's trend. */
export const waves = defineQuery({
  name: 'waves',
  description: 'The rotation waves (collective rotasi_berkala decrees): month and people moved; of one region when `region` is given.',
  params: { region: region() },
  sql: `
    SELECT month, CAST(count(*) AS INTEGER) AS moved FROM rotation_wave_transfer
    WHERE CAST($region AS VARCHAR) IS NULL OR region_code = CAST($region AS VARCHAR)
    GROUP BY month ORDER BY month`,
});

/**
 * The rotation waves of one unit's region (mart rotation_wave_transfer: a wave belongs to the region of the units it
 * moves people into), each with the people it moved in the region and how many it moved into and out of this unit
 * (0 when the wave passed the unit by), for the wave markers on the unit page's trend charts. Counts as
 * /api/units/{id}/transfers.
 */
export const unitWaves = defineQuery({
  name: 'unit-waves',
  description:
    'The rotation waves of the unit\'s region: month, people moved in the region, and arrivals into / departures from ' +
    'this unit in that wave (0 when the wave did not move anyone into or out of it). Counts only.',
  params: { id: unitId() },
  sql: `
    WITH r AS (SELECT coalesce(region_code, setting_region_code()) AS region_code FROM unit WHERE unit_id = $id)
    SELECT w.month, CAST(count(*) AS INTEGER) AS moved,
      CAST(count(*) FILTER (WHERE w.to_unit_id = $id AND coalesce(w.from_unit_id, '') <> $id) AS INTEGER) AS arrivals,
      CAST(count(*) FILTER (WHERE w.from_unit_id = $id AND coalesce(w.to_unit_id, '') <> $id) AS INTEGER) AS departures
    FROM rotation_wave_transfer w JOIN r USING (region_code)
    GROUP BY w.month ORDER BY w.month`,
});
