/**
 * The simulator's state read from the warehouse for one month ($month = 'YYYY-MM-01', NULL = the latest month of
 * position_load_monthly). One query per part; the parts are served together as Arrow by /api/simulasi/state and
 * read directly by the CLI. Column names are the contract with columns.ts (stateFromColumns).
 */

const MONTH = `coalesce(CAST($month AS DATE), (SELECT max("month") FROM position_load_monthly))`;

export const STATE_QUERIES = {
  /** the month and the settings in force (build_info.settings) */
  meta: `
    SELECT strftime(${MONTH}, '%Y-%m') AS month,
           (SELECT CAST(settings AS VARCHAR) FROM build_info LIMIT 1) AS settings,
           (SELECT count(*) FROM position_load_monthly WHERE "month" = ${MONTH}) AS rows_in_month`,
  units: `
    SELECT unit_id, coalesce(unit_label, unit_name, unit_id) AS unit_name, coalesce(region_code, '') AS region_code
    FROM unit ORDER BY unit_id`,
  /** every position with the month's workload (position_load_monthly) and the ABK standard per month */
  positions: `
    SELECT p.position_id, p.unit_id, coalesce(p.title, p.position_id) AS title, coalesce(p.position_kind, '') AS kind,
           CAST(coalesce(p."class", 0) AS INTEGER) AS "class", p.required_education, p.required_major,
           array_to_string(coalesce(p.required_competencies, []), '|') AS required_competencies,
           coalesce(l.workload_minutes, 0) AS workload_minutes,
           coalesce(p.annual_workload_minutes, 0) / 12.0 AS abk_monthly_minutes
    FROM position p
    LEFT JOIN position_load_monthly l ON l.position_id = p.position_id AND l."month" = ${MONTH}
    ORDER BY p.position_id`,
  /** people in post on the first day of the month: the spells of employee_position_history that cover it, counted
   *  as staff_monthly counts them. PERSONAL DATA (nip, name): only for signed-in roles. The reason for
   *  unwillingness is not read. Compact for transfer: the position as its row number in `positions` (ordered by
   *  position_id), dates as days since 1970-01-01, competencies joined by '|'. */
  people: `
    WITH pos AS (SELECT position_id, CAST(row_number() OVER (ORDER BY position_id) - 1 AS INTEGER) AS position_index FROM position)
    SELECT h.nip, e.name, pos.position_index,
           CAST(date_diff('day', DATE '1970-01-01', coalesce(h.valid_from, e.position_since)) AS INTEGER) AS since_day,
           CAST(date_diff('day', DATE '1970-01-01', coalesce(h.valid_from, e.appointment_date)) AS INTEGER) AS spell_start_day,
           (h.transfer_id IS NULL AND (h.valid_from IS NULL OR h.valid_from = e.appointment_date)) AS first_recorded,
           CAST(date_diff('day', DATE '1970-01-01', e.appointment_date) AS INTEGER) AS appointment_day,
           coalesce(e.status, '') AS status, e.education_level, e.education_major,
           array_to_string(coalesce(e.competencies, []), '|') AS competencies,
           coalesce(e.willing_to_move, 'unknown') AS willing_to_move
    FROM employee_position_history h JOIN employee e USING (nip) JOIN pos ON pos.position_id = h.position_id
    WHERE (h.valid_from IS NULL OR month_ceil(h.valid_from) <= ${MONTH})
      AND (h.valid_to IS NULL OR month_ceil(h.valid_to) > ${MONTH})
    ORDER BY h.nip`,
  /** the ramp-up curve (transfer_rampup), empty when the build could not estimate it */
  rampup: `
    SELECT CAST(months_since_transfer AS INTEGER) AS months_since_transfer, share_of_full_productivity
    FROM transfer_rampup ORDER BY months_since_transfer`,
} as const;

export type StatePart = keyof typeof STATE_QUERIES;
export const STATE_PARTS = Object.keys(STATE_QUERIES) as StatePart[];
