-- Small helpers used across models: calendar months and exact sums.
-- The first month whose first day falls on or after d: a spell that starts on d counts from this month on
-- (head-counts are taken on the first day of each month).
CREATE OR REPLACE MACRO month_ceil(d) AS
  CASE WHEN d IS NULL THEN NULL
       WHEN CAST(d AS DATE) = CAST(date_trunc('month', d) AS DATE) THEN CAST(d AS DATE)
       ELSE CAST(date_trunc('month', d) + INTERVAL 1 MONTH AS DATE) END;

-- A sum of DOUBLEs that is the same in every build: DuckDB adds in parallel, in no fixed order, so plain sums differ
-- in the last bits from run to run. Summing as DECIMAL (exact at 1e-9) and converting back removes that.
CREATE OR REPLACE MACRO exact_sum(x) AS CAST(sum(CAST(x AS DECIMAL(38, 9))) AS DOUBLE);
