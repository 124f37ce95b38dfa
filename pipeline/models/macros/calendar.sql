-- The first month whose first day falls on or after d: a spell that starts on d counts from this month on
-- (head-counts are taken on the first day of each month).
CREATE OR REPLACE MACRO month_ceil(d) AS
  CASE WHEN d IS NULL THEN NULL
       WHEN CAST(d AS DATE) = CAST(date_trunc('month', d) AS DATE) THEN CAST(d AS DATE)
       ELSE CAST(date_trunc('month', d) + INTERVAL 1 MONTH AS DATE) END;
