-- Mart: how unevenly load is spread, per month, across units and across positions (shared/domain.md
-- "Load-imbalance indices"), over the whole warehouse: the all-regions rows of imbalance_region_monthly, where the
-- indices are computed (one definition, mirroring imbalance() in pipeline/domain/metrics.ts).
CREATE OR REPLACE TABLE imbalance_monthly AS
SELECT * EXCLUDE (region_code) FROM imbalance_region_monthly WHERE region_code IS NULL
ORDER BY "month", level;

COMMENT ON TABLE imbalance_monthly IS 'Mart: Gini, CV, Theil, max/mean of EJ across units or positions per month, shares of staff in overloaded and slack cells (the plain bands of the settings), total staffing gap in FTE';
