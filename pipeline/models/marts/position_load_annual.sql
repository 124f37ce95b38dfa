-- Mart: the annual load of each position at each month — the ABK method is annual (PermenPANRB 1/2020), so the
-- default view reads a year, not a month whose seasonal surge (the June–July school registration) would read as a
-- staffing need. Annual workload = the workload of the 12 months ending at the month (the rolling year; at December,
-- the calendar year), annualised × 12 / n when the warehouse holds only n < 12 of them (annual_workload());
-- EJ = annual workload / (people in post that month × WKE) (shared/domain.md, "EJ"); required staff = annual
-- workload / WKE. Mirrors annualWorkload() and ej() in pipeline/domain/metrics.ts (test/integration/metrics-parity.test.ts).
CREATE OR REPLACE TABLE position_load_annual AS
WITH w AS (
  SELECT position_id, unit_id, "month", current_staff,
         -- a decimal sum: exact, so the result does not depend on the order the rows are added in
         CAST(sum(CAST(workload_minutes AS DECIMAL(38, 9))) OVER win AS DOUBLE) AS window_minutes,
         count(*) OVER win AS window_months
  FROM position_load_monthly
  WINDOW win AS (PARTITION BY position_id ORDER BY "month" RANGE BETWEEN INTERVAL 11 MONTH PRECEDING AND CURRENT ROW)
), base AS (
  SELECT position_id, unit_id, "month", CAST(window_months AS INTEGER) AS window_months,
         annual_workload(window_minutes, window_months) AS workload_minutes, current_staff
  FROM w
), withej AS (
  SELECT *, required_staff(workload_minutes, setting_wke()) AS required_staff,
         ej(workload_minutes, current_staff, setting_wke()) AS ej
  FROM base
)
SELECT position_id, unit_id, "month", window_months, workload_minutes, required_staff, current_staff, ej,
       ej_grade(ej) AS grade, load_band(workload_minutes, current_staff, ej) AS band
FROM withej
ORDER BY "month", position_id;

COMMENT ON TABLE position_load_annual IS 'Mart: per position and month, the annual (rolling 12-month) workload, required staff (workload / WKE), people in post that month, EJ, grade and band';
COMMENT ON COLUMN position_load_annual.window_months IS 'months of data in the 12-month window ending at month (fewer at the start of the warehouse: the workload is annualised × 12 / window_months)';
