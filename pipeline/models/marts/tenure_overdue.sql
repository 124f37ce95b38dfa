-- Mart: people who have stayed in their current position longer than the maximum of PP 11/2017 Pasal 190
-- (amended by PP 17/2020: at most setting_max_tenure_years() = 5 years), as of the last day of the last month of
-- the calendar. One row per such employee. Time in post starts at the current spell of employee_position_history
-- (the last transfer into the post, else the TMT jabatan of the employee file). Overdue when
-- start + max years (calendar months) < as-of date, i.e. strictly more than the maximum. Codes and numbers only:
-- a page that words them does so in the dashboard (issue 11: the words in one place, from the numbers).
-- alongside: early — DuckDB computes this model on one thread (it reads employee, one row group); in the batch
-- beside the effects estimation it runs first, while the estimation holds the other core (warehouse/alongside.ts).
CREATE OR REPLACE TABLE tenure_overdue AS
WITH as_of_date AS (
  SELECT CAST(max("month") + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS as_of FROM month_calendar
), cur AS (
  SELECT e.nip, e.position_id, e.unit_id, e.willing_to_move,
         coalesce(h.valid_from, e.position_since) AS since
  FROM employee e
  LEFT JOIN (SELECT nip, position_id, max(valid_from) AS valid_from
             FROM employee_position_history WHERE valid_to IS NULL GROUP BY ALL) h
    ON h.nip = e.nip AND h.position_id = e.position_id
), span0 AS (
  SELECT c.*, a.as_of, date_sub('month', c.since, a.as_of) AS months,
         date_diff('day', c.since, a.as_of) / 365.25 AS years
  FROM cur c, as_of_date a
  WHERE c.since IS NOT NULL AND c.since <= a.as_of
    AND c.since + to_months(CAST(round(setting_max_tenure_years() * 12) AS INTEGER)) < a.as_of
)
SELECT s.nip, s.position_id, p.title, s.unit_id, s.since AS position_since, s.as_of,
       CAST(s.months AS INTEGER) AS months_in_position, round(s.years, 2) AS years_in_position,
       setting_max_tenure_years() AS max_years, round(s.years - setting_max_tenure_years(), 2) AS years_over,
       s.willing_to_move
FROM span0 s JOIN position p USING (position_id)
ORDER BY s.unit_id, s.position_id, s.since, s.nip;

COMMENT ON TABLE tenure_overdue IS 'Mart: employees in their current position for more than the maximum years (PP 11/2017 Pasal 190: at most 5) at the end of the calendar; nip is personal data';
COMMENT ON COLUMN tenure_overdue.nip IS 'PERSONAL DATA (UU 27/2022): never public';
COMMENT ON COLUMN tenure_overdue.as_of IS 'last day of the last month of the calendar';
COMMENT ON COLUMN tenure_overdue.years_in_position IS 'days in post / 365.25, two decimals';
