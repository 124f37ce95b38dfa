-- Mart: load of each unit per month (its own positions). EJ = Σ workload / (Σ staff × WKE/12);
-- WISN ratio = current / required, difference = current − required (WHO WISN). Mirrors pipeline/domain/metrics.ts.
CREATE OR REPLACE TABLE unit_load_monthly AS
WITH agg AS (
  SELECT unit_id, "month", exact_sum(workload_minutes) AS workload_minutes, CAST(sum(current_staff) AS INTEGER) AS current_staff
  FROM position_load_monthly GROUP BY ALL
), base AS (
  SELECT unit_id, "month", workload_minutes,
         required_staff(workload_minutes, monthly_wke()) AS required_staff,
         current_staff,
         ej(workload_minutes, current_staff, monthly_wke()) AS ej
  FROM agg
)
SELECT unit_id, "month", workload_minutes, required_staff, round_staff(required_staff) AS required_staff_rounded,
       current_staff, ej, ej_grade(ej) AS grade, ej_label_id(ej) AS label_id, ej_label_en(ej) AS label_en,
       load_band(workload_minutes, current_staff, ej) AS band,
       wisn_ratio(current_staff, required_staff) AS wisn_ratio,
       wisn_difference(current_staff, required_staff) AS wisn_difference
FROM base
ORDER BY "month", unit_id;

COMMENT ON TABLE unit_load_monthly IS 'Mart: workload, required and current staff, EJ, grade, plain band and WISN ratio/difference per unit and month';
COMMENT ON COLUMN unit_load_monthly.ej IS 'EJ = workload / (current staff × WKE/12); > 1 overloaded, < 1 slack; NULL when nobody is in post';
