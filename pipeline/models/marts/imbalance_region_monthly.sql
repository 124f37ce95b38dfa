-- Mart: how unevenly load is spread, per region and month, across units and across positions (shared/domain.md
-- "Load-imbalance indices"), for the dashboard's region filter in a warehouse of several regions (a province, a
-- national roll-up). region_code NULL = all regions together: those rows are imbalance_monthly, so the indices are
-- computed by this one query. Indices over the EJ of cells with staff and workload; Gini = Σ(2i−n−1)x₍ᵢ₎/(n²·mean).
-- Mirrors imbalance() in pipeline/domain/metrics.ts (parity tests: test/integration/metrics-parity.test.ts and
-- build-tiny.test.ts).
CREATE OR REPLACE TABLE imbalance_region_monthly AS
WITH by_region AS (
  SELECT 'unit' AS level, u.region_code, l."month", l.workload_minutes, l.required_staff, l.current_staff, l.ej
  FROM unit_load_monthly l JOIN unit u USING (unit_id)
  UNION ALL
  SELECT 'position', u.region_code, l."month", l.workload_minutes, l.required_staff, l.current_staff, l.ej
  FROM position_load_monthly l JOIN unit u USING (unit_id)
  UNION ALL
  -- the units on the annual view (rolling 12-month workload, unit_load_annual): the dashboard's default view
  SELECT 'unit_annual', u.region_code, l."month", l.workload_minutes, l.required_staff, l.current_staff, l.ej
  FROM unit_load_annual l JOIN unit u USING (unit_id)
), cells AS (
  SELECT * FROM by_region
  UNION ALL
  SELECT level, NULL, "month", workload_minutes, required_staff, current_staff, ej FROM by_region
), defined AS (
  -- each cell's EJ in ascending order, one sort per group; the indices are then computed over the list in that
  -- order, so every sum has a fixed order and the result is identical from build to build (a windowed avg()
  -- sums in the order the threads deliver the rows). One sorted list instead of a window and four ordered
  -- aggregates (each sorted its input again): the same values, the same order, the same aggregate functions.
  SELECT level, region_code, "month", list(ej ORDER BY ej) AS xs
  FROM cells WHERE ej IS NOT NULL AND workload_minutes > 0
  GROUP BY ALL
), means AS (
  SELECT level, region_code, "month", xs, len(xs) AS n, list_avg(xs) AS m FROM defined
), idx AS (
  -- i = 1 … n, the rank of x in the sorted list
  SELECT level, region_code, "month", n, m AS mean_ej,
         CASE WHEN m > 0 THEN list_sum(list_transform(xs, (x, i) -> (2 * i - n - 1) * x)) / (n * n * m) ELSE 0 END AS gini,
         CASE WHEN m > 0 THEN list_aggregate(xs, 'stddev_pop') / m ELSE 0 END AS cv,
         CASE WHEN m > 0 THEN list_avg(list_transform(xs, x -> CASE WHEN x > 0 THEN (x / m) * ln(x / m) ELSE 0 END)) ELSE 0 END AS theil,
         CASE WHEN m > 0 THEN list_max(xs) / m ELSE 0 END AS max_mean,
         CASE WHEN list_max(xs) > 0 THEN m / list_max(xs) ELSE 0 END AS balance_efficiency
  FROM means
), tot AS (
  SELECT level, region_code, "month", sum(current_staff) AS staff,  -- integers: exact in any order
         sum(CASE WHEN load_band(workload_minutes, current_staff, ej) = 'overloaded' THEN current_staff ELSE 0 END) AS over_staff,
         sum(CASE WHEN load_band(workload_minutes, current_staff, ej) = 'slack' THEN current_staff ELSE 0 END) AS slack_staff,
         exact_sum(staffing_mismatch(required_staff, current_staff)) AS staffing_gap
  FROM cells GROUP BY ALL
)
SELECT t.region_code, t."month", t.level, CAST(coalesce(i.n, 0) AS INTEGER) AS n, coalesce(i.mean_ej, 0) AS mean_ej,
       coalesce(i.gini, 0) AS gini, coalesce(i.cv, 0) AS cv, coalesce(i.theil, 0) AS theil,
       coalesce(i.max_mean, 0) AS max_mean, coalesce(i.balance_efficiency, 0) AS balance_efficiency,
       CASE WHEN t.staff > 0 THEN t.over_staff / t.staff ELSE 0 END AS share_staff_overloaded,
       CASE WHEN t.staff > 0 THEN t.slack_staff / t.staff ELSE 0 END AS share_staff_slack,
       t.staffing_gap
FROM tot t
LEFT JOIN idx i ON i.level = t.level AND i."month" = t."month" AND i.region_code IS NOT DISTINCT FROM t.region_code
ORDER BY t.region_code NULLS FIRST, t."month", t.level;

COMMENT ON TABLE imbalance_region_monthly IS 'Mart: imbalance_monthly per region (region_code NULL = all regions, the rows of imbalance_monthly): Gini, CV, Theil, max/mean of EJ across units or positions per month, shares of staff in overloaded and slack cells, total staffing gap in FTE';
COMMENT ON COLUMN imbalance_region_monthly.level IS 'unit, position (the month''s EJ), unit_annual (units on the annual view: rolling 12-month workload, unit_load_annual)';
COMMENT ON COLUMN imbalance_region_monthly.region_code IS 'region (kode wilayah) of the units; NULL = all regions together';
