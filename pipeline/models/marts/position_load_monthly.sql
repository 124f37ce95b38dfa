-- Mart: load of each position per month. Monthly effective time = WKE / 12 (WKE: PermenPANRB 1/2020, a setting).
-- EJ = workload / (staff × WKE/12); required staff = workload / (WKE/12). Mirrors pipeline/domain/metrics.ts.
CREATE OR REPLACE TABLE position_load_monthly AS
WITH base AS (
  SELECT w.position_id, w.unit_id, w."month", w.workload_minutes,
         required_staff(w.workload_minutes, monthly_wke()) AS required_staff,
         s.staff AS current_staff,
         ej(w.workload_minutes, s.staff, monthly_wke()) AS ej
  FROM workload_monthly w JOIN staff_monthly s USING (position_id, "month")
)
SELECT position_id, unit_id, "month", workload_minutes, required_staff, current_staff, ej,
       ej_grade(ej) AS grade, load_band(workload_minutes, current_staff, ej) AS band
FROM base
ORDER BY "month", position_id;

COMMENT ON TABLE position_load_monthly IS 'Mart: workload, required and current staff, EJ, grade and band per position and month (WKE/12 per month)';
