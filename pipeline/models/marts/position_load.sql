-- Mart: load of each position now: annual ABK workload (PermenPANRB 1/2020) against the people in post.
CREATE OR REPLACE TABLE position_load AS
WITH staff AS (SELECT position_id, count(*) AS n FROM employee GROUP BY ALL),
base AS (
  SELECT p.position_id, p.unit_id, p.title, p.position_kind,
         p.annual_workload_minutes AS workload_minutes,
         required_staff(p.annual_workload_minutes, setting_wke()) AS required_staff,
         CAST(coalesce(s.n, 0) AS INTEGER) AS current_staff
  FROM position p LEFT JOIN staff s USING (position_id)
), withej AS (
  SELECT *, ej(workload_minutes, current_staff, setting_wke()) AS ej FROM base
)
SELECT position_id, unit_id, title, position_kind, workload_minutes, required_staff,
       round_staff(required_staff) AS required_staff_rounded, current_staff, ej,
       ej_grade(ej) AS grade, ej_label_id(ej) AS label_id, ej_label_en(ej) AS label_en,
       load_band(workload_minutes, current_staff, ej) AS band,
       wisn_ratio(current_staff, required_staff) AS wisn_ratio,
       wisn_difference(current_staff, required_staff) AS wisn_difference
FROM withej
ORDER BY position_id;

COMMENT ON TABLE position_load IS 'Mart: per position now — annual ABK workload, required staff (unrounded and rounded), people in post, EJ, grade, band, WISN ratio/difference';
