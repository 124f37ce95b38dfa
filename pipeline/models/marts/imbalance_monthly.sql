-- Mart: how unevenly load is spread, per month, across units and across positions (shared/domain.md
-- "Load-imbalance indices"). Indices over the EJ of cells with staff and workload; Gini = Σ(2i−n−1)x₍ᵢ₎/(n²·mean).
-- Mirrors imbalance() in pipeline/domain/metrics.ts (parity test: test/integration/metrics-parity.test.ts).
CREATE OR REPLACE TABLE imbalance_monthly AS
WITH cells AS (
  SELECT 'unit' AS level, "month", workload_minutes, required_staff, current_staff, ej FROM unit_load_monthly
  UNION ALL
  SELECT 'position', "month", workload_minutes, required_staff, current_staff, ej FROM position_load_monthly
), defined AS (
  SELECT level, "month", ej,
         row_number() OVER w AS i, count(*) OVER w2 AS n, avg(ej) OVER w2 AS m
  FROM cells WHERE ej IS NOT NULL AND workload_minutes > 0
  WINDOW w AS (PARTITION BY level, "month" ORDER BY ej), w2 AS (PARTITION BY level, "month")
), idx AS (
  -- ordered aggregates: a fixed summation order makes the result identical from build to build
  SELECT level, "month", count(*) AS n, avg(ej ORDER BY i) AS mean_ej,
         CASE WHEN avg(ej) > 0 THEN sum((2 * i - n - 1) * ej ORDER BY i) / (count(*) * count(*) * avg(ej ORDER BY i)) ELSE 0 END AS gini,
         CASE WHEN avg(ej) > 0 THEN stddev_pop(ej ORDER BY i) / avg(ej ORDER BY i) ELSE 0 END AS cv,
         CASE WHEN avg(ej) > 0 THEN avg(CASE WHEN ej > 0 THEN (ej / m) * ln(ej / m) ELSE 0 END ORDER BY i) ELSE 0 END AS theil,
         CASE WHEN avg(ej) > 0 THEN max(ej) / avg(ej ORDER BY i) ELSE 0 END AS max_mean,
         CASE WHEN max(ej) > 0 THEN avg(ej ORDER BY i) / max(ej) ELSE 0 END AS balance_efficiency
  FROM defined GROUP BY ALL
), tot AS (
  SELECT level, "month", sum(current_staff) AS staff,  -- integers: exact in any order
         sum(CASE WHEN ej IS NOT NULL AND workload_minutes > 0 AND ej > setting_overloaded_above() THEN current_staff ELSE 0 END) AS over_staff,
         sum(CASE WHEN ej IS NOT NULL AND workload_minutes > 0 AND ej < setting_slack_below() THEN current_staff ELSE 0 END) AS slack_staff,
         exact_sum(abs(required_staff - current_staff)) AS staffing_gap
  FROM cells GROUP BY ALL
)
SELECT t."month", t.level, CAST(coalesce(i.n, 0) AS INTEGER) AS n, coalesce(i.mean_ej, 0) AS mean_ej,
       coalesce(i.gini, 0) AS gini, coalesce(i.cv, 0) AS cv, coalesce(i.theil, 0) AS theil,
       coalesce(i.max_mean, 0) AS max_mean, coalesce(i.balance_efficiency, 0) AS balance_efficiency,
       CASE WHEN t.staff > 0 THEN t.over_staff / t.staff ELSE 0 END AS share_staff_overloaded,
       CASE WHEN t.staff > 0 THEN t.slack_staff / t.staff ELSE 0 END AS share_staff_slack,
       t.staffing_gap
FROM tot t LEFT JOIN idx i USING (level, "month")
ORDER BY t."month", t.level;

COMMENT ON TABLE imbalance_monthly IS 'Mart: Gini, CV, Theil, max/mean of EJ across units or positions per month, shares of staff in overloaded (EJ > 1) and slack (EJ < 0.7) cells, total staffing gap in FTE';
