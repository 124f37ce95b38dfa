-- Mart: the annual (rolling 12-month) load of each unit at each month (its own positions), the default view of the
-- dashboard: EJ = Σ annual workload / (Σ people in post that month × WKE). Every position of a unit has the same
-- window (one calendar), so the sum of annualised workloads is the annualised sum. Mirrors pipeline/domain/metrics.ts.
CREATE OR REPLACE TABLE unit_load_annual AS
WITH agg AS (
  SELECT unit_id, "month", CAST(max(window_months) AS INTEGER) AS window_months, exact_sum(workload_minutes) AS workload_minutes,
         CAST(sum(current_staff) AS INTEGER) AS current_staff
  FROM position_load_annual GROUP BY ALL
), base AS (
  SELECT *, required_staff(workload_minutes, setting_wke()) AS required_staff,
         ej(workload_minutes, current_staff, setting_wke()) AS ej
  FROM agg
)
SELECT unit_id, "month", window_months, workload_minutes, required_staff, round_staff(required_staff) AS required_staff_rounded,
       current_staff, ej, ej_grade(ej) AS grade, ej_label_id(ej) AS label_id, ej_label_en(ej) AS label_en,
       load_band(workload_minutes, current_staff, ej) AS band,
       wisn_ratio(current_staff, required_staff) AS wisn_ratio,
       wisn_difference(current_staff, required_staff) AS wisn_difference
FROM base
ORDER BY "month", unit_id;

COMMENT ON TABLE unit_load_annual IS 'Mart: per unit and month, the annual (rolling 12-month) workload, required staff, people in post, EJ, grade, band and WISN ratio/difference';
