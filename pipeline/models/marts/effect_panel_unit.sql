-- Mart: the unit × month panel for the past-transfer effects (shared/domain.md "Past-transfer effects: method";
-- docs/method-effects.md), balanced over month_calendar (every unit of unit_load_monthly × every month).
--
-- Treatment = the unit first GAINS staff through a rotation WAVE (a collective decree: the mart
-- rotation_wave_transfer, where a wave is defined). A unit gains staff in a wave month when the wave's arrivals exceed its departures there.
--   cohort = t of the first such month (month of the first 1st-of-month on or after the effective date, as
--            head-counts are taken); 1 = in or before the first month (did drops these units: no untreated
--            period); 0 = never (also when the first gain is after the calendar).
--   wave_role = receiver (gains staff in some wave) | sender (no gain, but loses staff in a wave inside the
--            calendar: its EJ and staffing gap change mechanically, so the estimation leaves it out of the
--            comparison group) | none.
-- Outcomes: ej (monthly, from unit_load_monthly); staffing_gap = |required − current| in FTE with the required
-- staff of the annual ABK (Σ of the unit's positions' annual workload / WKE, PermenPANRB 1/2020) against the
-- head-count on the 1st of the month — the monthly requirement swings with seasonal workload (Dinas Pendidikan's
-- June–July doubles it), which would swamp the effect of a few people moving; mean_score and
-- mean_rating_rank (1 Sangat Kurang … 5 Sangat Baik) over the people whose spell covers the 1st of the month
-- (unit_rating_monthly), NULL when nobody in the unit has a rating that month.
CREATE OR REPLACE TABLE effect_panel_unit AS
WITH cal AS (
  SELECT "month", CAST(row_number() OVER (ORDER BY "month") AS INTEGER) AS t FROM month_calendar
), bounds AS (
  SELECT min("month") AS lo, max("month") AS hi FROM month_calendar
), wave AS (
  -- the waves' transfers, defined once in rotation_wave_transfer
  SELECT to_unit_id, from_unit_id, "month" AS m FROM rotation_wave_transfer
), flows AS (
  SELECT unit_id, m, sum(d) AS net
  FROM (SELECT to_unit_id AS unit_id, m, 1 AS d FROM wave
        UNION ALL SELECT from_unit_id, m, -1 FROM wave WHERE from_unit_id IS NOT NULL)
  GROUP BY ALL
), roles AS (
  SELECT f.unit_id,
         min(f.m) FILTER (WHERE f.net > 0) AS first_gain,
         min(f.m) FILTER (WHERE f.net < 0 AND f.m > b.lo AND f.m <= b.hi) AS loss_in_window
  FROM flows f, bounds b GROUP BY ALL
), abk AS (
  SELECT unit_id, required_staff(exact_sum(annual_workload_minutes), setting_wke()) AS required FROM position GROUP BY ALL
), scores AS (
  -- the unit's ratings of the month (mean_score, mean_rating_rank, n_scored): unit_rating_monthly
  SELECT unit_id, "month", mean_score, mean_rating_rank, n_scored FROM unit_rating_monthly
)
SELECT l.unit_id, coalesce(u.region_code, setting_region_code()) AS region_code, l."month", c.t,
       CAST(CASE WHEN r.first_gain IS NULL OR r.first_gain > b.hi THEN 0
                 WHEN r.first_gain <= b.lo THEN 1
                 ELSE (SELECT c2.t FROM cal c2 WHERE c2."month" = r.first_gain) END AS INTEGER) AS cohort,
       r.first_gain AS wave_month,
       CASE WHEN r.first_gain IS NOT NULL THEN 'receiver' WHEN r.loss_in_window IS NOT NULL THEN 'sender' ELSE 'none' END AS wave_role,
       l.ej, staffing_mismatch(coalesce(a.required, 0), l.current_staff) AS staffing_gap, a.required AS required_staff_abk, l.current_staff,
       s.mean_score, s.mean_rating_rank, CAST(coalesce(s.n_scored, 0) AS INTEGER) AS n_scored
FROM unit_load_monthly l
JOIN cal c USING ("month")
CROSS JOIN bounds b
LEFT JOIN unit u USING (unit_id)
LEFT JOIN roles r USING (unit_id)
LEFT JOIN abk a USING (unit_id)
LEFT JOIN scores s USING (unit_id, "month")
ORDER BY l.unit_id, l."month";

COMMENT ON TABLE effect_panel_unit IS 'Mart: unit × month panel for the transfer-wave effects (Callaway & Sant''Anna); cohort = month index t of the first month the unit gains staff in a rotation wave (collective rotasi_berkala decree), 0 never, 1 in or before the first month; outcomes ej, staffing_gap, mean_score, mean_rating_rank';
COMMENT ON COLUMN effect_panel_unit.t IS 'month index: 1 = first month of month_calendar';
COMMENT ON COLUMN effect_panel_unit.wave_role IS 'receiver (gains staff in a wave), sender (loses staff in a wave inside the calendar and never gains: left out of the estimation), none';
COMMENT ON COLUMN effect_panel_unit.staffing_gap IS '|required − current| staff (FTE): required from the annual ABK (required_staff_abk), current = head-count on the 1st of the month';
COMMENT ON COLUMN effect_panel_unit.required_staff_abk IS 'Σ annual ABK workload of the unit''s positions / WKE (unrounded)';
