-- Mart: the numbers behind the merit audit of each transfer, one row per transfer. The rules and their sources
-- are described in marts/transfer_audit.sql (the view that turns these numbers into one row per rule with a status
-- and readable sentences). Kept apart so the build writes ~20 small columns per transfer instead of six rows of
-- text: the sentences are built when they are read, for the rows that are read.
-- alongside: early — DuckDB computes this model on one thread (a window over the 130,000 transfers in ~100,000
-- partitions); in the batch beside the effects estimation it runs first, while the estimation holds the other core
-- (pipeline/warehouse/alongside.ts).
CREATE OR REPLACE TABLE transfer_audit_fact AS
WITH t AS (
  SELECT tr.transfer_id, tr.nip, tr.effective_date, tr.from_unit_id, tr.to_unit_id, tr.decree_date,
         coalesce(ut.region_code, uf.region_code, setting_region_code()) AS region_code,
         -- start of the spell this transfer ends (employee_position_history.valid_from of that spell)
         lag(tr.effective_date) OVER (PARTITION BY tr.nip ORDER BY tr.effective_date, tr.transfer_id) AS prev_transfer,
         e.appointment_date, e.education_level, e.competencies,
         pt.required_education, pt.required_competencies,
         CAST(date_trunc('month', tr.effective_date) - INTERVAL 1 MONTH AS DATE) AS ref_month
  FROM transfer tr
  JOIN employee e USING (nip)
  JOIN position pt ON pt.position_id = tr.to_position_id
  LEFT JOIN unit ut ON ut.unit_id = tr.to_unit_id
  LEFT JOIN unit uf ON uf.unit_id = tr.from_unit_id
),
windows AS (
  -- the region's own election windows, else the '*' windows, as one list per region: each transfer reads its
  -- region's few windows from the list (a join with a handful of rows per region, no grouping of every transfer)
  SELECT r.region_code, list({'ban_start': w.ban_start, 'ban_end': w.ban_end}) AS ws, min(w.ban_start) AS first_start, max(w.ban_end) AS last_end
  FROM (SELECT DISTINCT region_code FROM t) r
  JOIN setting_election_window w
    ON w.region_code = r.region_code
    OR (w.region_code = '*' AND NOT EXISTS (SELECT 1 FROM setting_election_window x WHERE x.region_code = r.region_code))
  GROUP BY r.region_code
),
ban AS (
  SELECT t.*,
         CAST(coalesce(len(w.ws), 0) AS BIGINT) AS n_windows,
         -- the window the effective date is in
         list_min(list_transform(list_filter(w.ws, x -> t.effective_date BETWEEN x.ban_start AND x.ban_end), x -> x.ban_start)) AS hit_start,
         list_max(list_transform(list_filter(w.ws, x -> t.effective_date BETWEEN x.ban_start AND x.ban_end), x -> x.ban_end)) AS hit_end,
         -- the decree date inside a window (mentioned only)
         coalesce(list_bool_or(list_transform(w.ws, x -> t.decree_date BETWEEN x.ban_start AND x.ban_end)), false) AS decree_in_window,
         -- the period the configured dates cover (checkedPeriod() in pipeline/domain/rules.ts)
         coalesce(t.effective_date BETWEEN coalesce(setting_election_checked_from(), w.first_start)
                                       AND coalesce(setting_election_checked_until(), w.last_end), false) AS in_checked_period
  FROM t LEFT JOIN windows w ON w.region_code = t.region_code
)
SELECT
  t.transfer_id, t.region_code,
  -- min_tenure
  coalesce(t.prev_transfer, t.appointment_date) AS prev_start,
  t.prev_transfer IS NULL AS first_recorded,
  months_in_post(coalesce(t.prev_transfer, t.appointment_date), t.effective_date) AS tenure_months,
  -- election_ban
  t.n_windows, t.hit_start, t.hit_end, t.decree_in_window, t.in_checked_period,
  -- competency
  t.education_level, t.required_education,
  education_rank(t.education_level) AS have_rank, education_rank(t.required_education) AS need_rank,
  CASE WHEN len(t.required_competencies) > 0
       THEN list_filter(t.required_competencies, x -> NOT list_contains(coalesce(t.competencies, []), x)) ELSE [] END AS lacking,
  -- receiving_need, releasing_slack: the units' load in the month before the effective month
  t.ref_month,
  c."month" IS NOT NULL AS in_calendar,
  lt.ej AS to_ej, lt.band AS to_band, lt.required_staff AS to_required, lt.current_staff AS to_staff,
  lf.ej AS from_ej, lf.band AS from_band, lf.required_staff AS from_required, lf.current_staff AS from_staff
FROM ban t
LEFT JOIN month_calendar c ON c."month" = t.ref_month
LEFT JOIN unit_load_monthly lt ON lt.unit_id = t.to_unit_id AND lt."month" = t.ref_month
LEFT JOIN unit_load_monthly lf ON lf.unit_id = t.from_unit_id AND lf."month" = t.ref_month;

COMMENT ON TABLE transfer_audit_fact IS 'Mart: per transfer, the numbers the merit audit (view transfer_audit) tests: start of the previous spell and months in it, the election window hit and whether the configured election dates cover the effective date, education ranks and lacking competencies, both units'' EJ and band the month before';
