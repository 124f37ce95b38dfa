-- Core: the months the warehouse covers: the span of the workload records (else of the ratings, else the month of
-- the latest TMT jabatan). Every monthly table is complete over this calendar.
CREATE OR REPLACE TABLE month_calendar AS
WITH bounds AS (
  SELECT
    coalesce((SELECT min("month") FROM workload_record),
             (SELECT CAST(date_trunc('month', min(period)) AS DATE) FROM performance),
             (SELECT CAST(date_trunc('month', max(position_since)) AS DATE) FROM employee)) AS lo,
    coalesce((SELECT max("month") FROM workload_record),
             (SELECT CAST(date_trunc('month', max(period)) AS DATE) FROM performance),
             (SELECT CAST(date_trunc('month', max(position_since)) AS DATE) FROM employee)) AS hi
)
SELECT CAST(g.m AS DATE) AS "month"
FROM bounds, generate_series(CAST(bounds.lo AS TIMESTAMP), CAST(bounds.hi AS TIMESTAMP), INTERVAL 1 MONTH) AS g(m)
WHERE bounds.lo IS NOT NULL
ORDER BY 1;

COMMENT ON TABLE month_calendar IS 'Core: the months covered by the warehouse (first day of each month)';
