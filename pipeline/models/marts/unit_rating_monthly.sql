-- Mart: the SKP ratings of the people in each unit, per month — the unit of the position a person holds on the 1st
-- of the month (employee_position_history, spells [valid_from, valid_to)). Read by both effect panels
-- (effect_panel_unit: the unit's mean score and rating rank; effect_panel_employee: the settled colleagues'
-- benchmark), so joining every rating with the position spells, the expensive part of each, is done once.
--   settled = in that spell for at least 12 months (effect_panel_employee.sql): the spell's start + 12 months is
--   on or before the month's 1st, which for a month's 1st is date_sub('month', valid_from, month) >= 12 (checked
--   for every start day 1990–2030); no known start (valid_from NULL) = settled.
-- Aggregates of personal ratings: a unit-month of one person shows that person's score; never public.
CREATE OR REPLACE TABLE unit_rating_monthly AS
WITH rated AS (
  SELECT h.unit_id, p.period AS "month", p.score, p.rating_rank,
         h.settled_from IS NULL OR h.settled_from <= p.period AS settled
  FROM performance p
  JOIN (SELECT nip, unit_id, valid_from, valid_to, CAST(valid_from + INTERVAL 12 MONTH AS DATE) AS settled_from
        FROM employee_position_history) h
    ON h.nip = p.nip AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
  WHERE p.period IN (SELECT "month" FROM month_calendar)
)
SELECT unit_id, "month",
       -- decimal sums: exact, so the results do not depend on the order the rows are added in
       CAST(avg(CAST(score AS DECIMAL(18, 4))) AS DOUBLE) AS mean_score,
       avg(rating_rank) AS mean_rating_rank,
       CAST(count(score) AS INTEGER) AS n_scored,
       CAST(sum(CAST(score AS DECIMAL(18, 4))) FILTER (WHERE settled) AS DOUBLE) AS settled_score_sum,
       CAST(count(score) FILTER (WHERE settled) AS INTEGER) AS n_settled
FROM rated
GROUP BY ALL
ORDER BY "month", unit_id;

COMMENT ON TABLE unit_rating_monthly IS 'Mart: SKP ratings per unit and month (the unit of the position held on the 1st of the month): mean score, mean rating rank, people scored, and the score sum and count of the settled people (in the spell ≥ 12 months), the benchmark of effect_panel_employee.score_vs_colleagues; aggregates of personal ratings, never public';
COMMENT ON COLUMN unit_rating_monthly.mean_score IS 'mean SKP score of the people with a score that month (NULL when none)';
COMMENT ON COLUMN unit_rating_monthly.mean_rating_rank IS 'mean rating rank (1 Sangat Kurang … 5 Sangat Baik) of the people rated that month';
COMMENT ON COLUMN unit_rating_monthly.settled_score_sum IS 'Σ score of the people with a score whose spell in the unit began ≥ 12 months before (NULL when none)';
COMMENT ON COLUMN unit_rating_monthly.n_settled IS 'people with a score whose spell in the unit began ≥ 12 months before';
