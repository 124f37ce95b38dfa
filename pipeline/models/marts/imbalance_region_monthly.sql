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
  SELECT level, region_code, "month", ej, row_number() OVER w AS i, count(*) OVER w2 AS n
  FROM cells WHERE ej IS NOT NULL AND workload_minutes > 0
  WINDOW w AS (PARTITION BY level, region_code, "month" ORDER BY ej), w2 AS (PARTITION BY level, region_code, "month")
), means AS (
  -- ordered aggregates: a fixed summation order makes the result identical from build to build (a windowed avg()
  -- sums in the order the threads deliver the rows)
  SELECT level, region_code, "month", avg(ej ORDER BY i) AS m FROM defined GROUP BY ALL
), idx AS (
  SELECT d.level, d.region_code, d."month", count(*) AS n, any_value(x.m) AS mean_ej,
         CASE WHEN any_value(x.m) > 0 THEN sum((2 * d.i - d.n - 1) * d.ej ORDER BY d.i) / (count(*) * count(*) * any_value(x.m)) ELSE 0 END AS gini,
         CASE WHEN any_value(x.m) > 0 THEN stddev_pop(d.ej ORDER BY d.i) / any_value(x.m) ELSE 0 END AS cv,
         CASE WHEN any_value(x.m) > 0 THEN avg(CASE WHEN d.ej > 0 THEN (d.ej / x.m) * ln(d.ej / x.m) ELSE 0 END ORDER BY d.i) ELSE 0 END AS theil,
         CASE WHEN any_value(x.m) > 0 THEN max(d.ej) / any_value(x.m) ELSE 0 END AS max_mean,
         CASE WHEN max(d.ej) > 0 THEN any_value(x.m) / max(d.ej) ELSE 0 END AS balance_efficiency
  FROM defined d
  JOIN means x ON x.level = d.level AND x."month" = d."month" AND x.region_code IS NOT DISTINCT FROM d.region_code
  GROUP BY ALL
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
