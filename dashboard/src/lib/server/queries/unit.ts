/** The unit page: one unit, its history, positions, transfers, performance ratings and sub-units. */
import { DEFAULT_SETTINGS } from '#domain/settings.ts'; // only the fallback k for a warehouse whose settings lack disclosure.min_cell_size
import { defineQuery, POSITION_LOAD, SELECTED_MONTH, UNIT_LOAD, VIEW_WKE } from './define';
import { discloseRatingDistribution, discloseReadiness } from '../disclosure';
import { lang, month, unitId, view } from '../params';

export const unitInfo = defineQuery({
  name: 'unit',
  description: 'One unit with its parent and top-level OPD names.',
  params: { id: unitId() },
  sql: `
    SELECT u.unit_id, u.unit_label AS unit_name, u.parent_id, p.unit_label AS parent_name, u.unit_kind, u.region_code,
      CAST(u.depth AS INTEGER) AS depth, u.top_unit_id, t.unit_label AS top_unit_name,
      CAST((SELECT count(*) FROM unit c WHERE c.parent_id = u.unit_id) AS INTEGER) AS subunits
    FROM unit u LEFT JOIN unit p ON p.unit_id = u.parent_id LEFT JOIN unit t ON t.unit_id = u.top_unit_id
    WHERE u.unit_id = $id`,
});

export const unitHistory = defineQuery({
  name: 'unit-history',
  description:
    'Workload and capacity of one unit at every month (minutes): on the annual view (default) the 12 months up to the ' +
    'month and capacity = staff × WKE; with `view=month` the month alone and capacity = staff × WKE / 12.',
  params: { id: unitId(), view: view() },
  // capacity_minutes(), setting_wke() and monthly_wke(): the warehouse's own macros, from the settings it was built with
  sql: `
    SELECT l.month, l.workload_minutes, capacity_minutes(l.current_staff, ${VIEW_WKE}) AS capacity_minutes,
      l.required_staff, l.current_staff, l.ej, l.grade, l.band, l.window_months
    FROM ${UNIT_LOAD} l WHERE l.unit_id = $id ORDER BY l.month`,
});

export const unitPositions = defineQuery({
  name: 'unit-positions',
  description:
    'Positions of one unit in the selected month (latest when absent), annual view (default) or `view=month`: required ' +
    'vs current staff, shortfall (> 0 short), EJ and band; the same rows /api/jabatan/units reads (one need per position, month and view). ' +
    'Nothing about the holders: see unit-position-holders (signed-in roles).',
  params: { id: unitId(), month: month(), lang: lang(), view: view() },
  // shortfall = displayed head-count (round_staff(), the rounding setting) − people in post, as staffing_need does
  sql: `
    SELECT l.position_id, p.title, p.position_kind, CAST(p.class AS INTEGER) AS class, l.month, l.required_staff,
      round_staff(l.required_staff) AS required_staff_rounded, l.current_staff,
      round_staff(l.required_staff) - l.current_staff AS shortfall,
      l.ej, l.grade, l.band, CASE WHEN $lang = 'en' THEN ej_label_en(l.ej) ELSE ej_label_id(l.ej) END AS label
    FROM ${POSITION_LOAD} l JOIN position p USING (position_id)
    WHERE l.unit_id = $id AND l.month = ${SELECTED_MONTH}
    ORDER BY shortfall DESC, p.title`,
});

/**
 * What the positions' holders lack (education below the requirement, competencies no holder has). Person-level
 * detail: a post with one holder describes that person (issue 19), so this is for signed-in roles only
 * (lib/server/endpoints.ts).
 */
export const unitPositionHolders = defineQuery({
  name: 'unit-position-holders',
  description: 'Per position of one unit: holders below the required education and required competencies no holder has.',
  params: { id: unitId() },
  sql: `
    SELECT s.position_id, s.holders_below_education, s.missing_competencies
    FROM staffing_need s WHERE s.unit_id = $id ORDER BY s.position_id`,
});

export const unitTransfers = defineQuery({
  name: 'unit-transfers',
  description: 'Transfers into and out of one unit per month (counts only; moves within the unit are not counted).',
  params: { id: unitId() },
  sql: `
    WITH t AS (
      SELECT CAST(date_trunc('month', effective_date) AS DATE) AS month, 1 AS n_in, 0 AS n_out
      FROM transfer WHERE to_unit_id = $id AND coalesce(from_unit_id, '') <> $id
      UNION ALL
      SELECT CAST(date_trunc('month', effective_date) AS DATE), 0, 1
      FROM transfer WHERE from_unit_id = $id AND coalesce(to_unit_id, '') <> $id
    )
    SELECT month, CAST(sum(n_in) AS INTEGER) AS transfers_in, CAST(sum(n_out) AS INTEGER) AS transfers_out
    FROM t GROUP BY month ORDER BY month`,
});

export const unitPerformance = defineQuery({
  name: 'unit-performance',
  description:
    'Distribution of the latest SKP rating (period up to the selected month) of the people in the unit in that month. ' +
    'Anonymous: counts of fewer than disclosure.min_cell_size people (default 5), and the counts that would reveal them, ' +
    'are NULL with `suppression` primary / secondary (UU 27/2022).',
  params: { id: unitId(), month: month() },
  constants: { default_k: DEFAULT_SETTINGS.disclosure.min_cell_size },
  transform: discloseRatingDistribution,
  sql: `
    WITH m AS (SELECT ${SELECTED_MONTH} AS month),
    people AS (
      SELECT DISTINCT h.nip FROM employee_position_history h, m
      WHERE h.unit_id = $id AND h.valid_from <= m.month AND (h.valid_to IS NULL OR h.valid_to > m.month)
    ),
    latest AS (
      SELECT p.nip, arg_max(p.rating_rank, p.period) AS rating_rank
      FROM performance p JOIN people USING (nip), m WHERE p.period <= m.month GROUP BY p.nip
    ),
    scale(rating_rank, rating) AS (VALUES
      (1, 'Sangat Kurang'), (2, 'Kurang/Misconduct'), (3, 'Butuh Perbaikan'), (4, 'Baik'), (5, 'Sangat Baik'))
    SELECT CAST(s.rating_rank AS INTEGER) AS rating_rank, s.rating, CAST(count(l.rating_rank) AS INTEGER) AS employees,
      CAST((SELECT count(*) FROM people) AS INTEGER) AS people_in_unit,
      coalesce((SELECT TRY_CAST(json_extract(settings, '$.disclosure.min_cell_size') AS INTEGER) FROM build_info LIMIT 1),
        CAST($default_k AS INTEGER)) AS min_cell_size
    FROM scale s LEFT JOIN latest l ON l.rating_rank = s.rating_rank
    GROUP BY s.rating_rank, s.rating ORDER BY s.rating_rank`,
});

export const unitSubunits = defineQuery({
  name: 'unit-subunits',
  description: 'Direct sub-units of one unit with their EJ in the selected month (annual view, default, or `view=month`).',
  params: { id: unitId(), month: month(), lang: lang(), view: view() },
  sql: `
    SELECT u.unit_id, u.unit_label AS unit_name, u.unit_kind, l.month, l.ej, l.grade, l.band,
      CASE WHEN $lang = 'en' THEN l.label_en ELSE l.label_id END AS label, l.current_staff, l.required_staff
    FROM unit u LEFT JOIN ${UNIT_LOAD} l ON l.unit_id = u.unit_id AND l.month = ${SELECTED_MONTH}
    WHERE u.parent_id = $id ORDER BY u.unit_label`,
});

/**
 * Rotation readiness of one unit now (issue 16, for the analyst preparing a rotation): of the people in post, how many
 * are overdue for rotation (more than tenure.max_years in their post: PP 11/2017 Pasal 190, mart tenure_overdue) and
 * how many said they are unwilling to move. Counts only (no names, no reasons: UU 27/2022), suppressed below
 * disclosure.min_cell_size for every role (discloseReadiness).
 */
export const unitReadiness = defineQuery({
  name: 'unit-readiness',
  description:
    'Rotation readiness of one unit now: people in post, how many are overdue for rotation (tenure_overdue: more than ' +
    'tenure.max_years in the post, PP 11/2017 Pasal 190) and how many are unwilling to move; counts only, a count of ' +
    'fewer than disclosure.min_cell_size people (or one revealing it) is NULL with its suppression status.',
  params: { id: unitId() },
  constants: { default_k: DEFAULT_SETTINGS.disclosure.min_cell_size },
  transform: discloseReadiness,
  sql: `
    SELECT CAST((SELECT count(*) FROM employee WHERE unit_id = $id) AS INTEGER) AS staff,
      CAST((SELECT count(*) FROM tenure_overdue WHERE unit_id = $id) AS INTEGER) AS overdue,
      CAST((SELECT count(*) FROM employee WHERE unit_id = $id AND willing_to_move = 'no') AS INTEGER) AS unwilling,
      setting_max_tenure_years() AS max_years,
      -- the date tenure_overdue counts to: the last day of the calendar
      (SELECT CAST(max("month") + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) FROM month_calendar) AS as_of,
      coalesce((SELECT TRY_CAST(json_extract(settings, '$.disclosure.min_cell_size') AS INTEGER) FROM build_info LIMIT 1),
        CAST($default_k AS INTEGER)) AS min_cell_size`,
});
