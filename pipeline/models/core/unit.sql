-- Core: the unit hierarchy (OPD and its sub-units), with depth and the top-level OPD each unit belongs to.
-- region_name: the name given in the units file for the region (the first one, by region code), else the settings'
-- region.name for the settings' region. unit_label is the name to show: in a warehouse of several regions (a
-- province or national roll-up) every regency has its own "Dinas Pendidikan", so the label adds the region.
CREATE OR REPLACE TABLE unit AS
WITH RECURSIVE base AS (
  SELECT unit_id, unit_name, parent_id, unit_kind, region_code,
         coalesce(arg_min(region_name, _row) FILTER (WHERE region_name IS NOT NULL) OVER (PARTITION BY region_code),
                  CASE WHEN region_code = setting_region_code() THEN setting_region_name() END) AS region_name
  FROM stg_units WHERE len(_issues) = 0
), tree(unit_id, top_unit_id, depth, trail) AS (
  SELECT unit_id, unit_id, 0, [unit_id] FROM base WHERE parent_id IS NULL
  UNION ALL
  SELECT b.unit_id, t.top_unit_id, t.depth + 1, list_append(t.trail, b.unit_id)
  FROM base b JOIN tree t ON b.parent_id = t.unit_id
  WHERE NOT list_contains(t.trail, b.unit_id) AND t.depth < 20
)
SELECT b.unit_id, b.unit_name, b.parent_id, b.unit_kind, b.region_code, b.region_name,
       CASE WHEN (SELECT count(DISTINCT region_code) FROM base) > 1
            THEN b.unit_name || ' · ' || coalesce(b.region_name, b.region_code) ELSE b.unit_name END AS unit_label,
       coalesce(t.depth, 0) AS depth, coalesce(t.top_unit_id, b.unit_id) AS top_unit_id
FROM base b LEFT JOIN tree t USING (unit_id)
ORDER BY b.unit_id;

COMMENT ON TABLE unit IS 'Core: units (OPD, bagian, bidang, UPT, kecamatan, kelurahan); depth 0 = top level; top_unit_id = the OPD it belongs to';
COMMENT ON COLUMN unit.parent_id IS 'parent unit (NULL for a top-level OPD)';
COMMENT ON COLUMN unit.region_code IS 'region (kode wilayah) for national roll-ups and Parquet partitions';
COMMENT ON COLUMN unit.region_name IS 'name of the region (from the units file, else settings region.name for the settings region); NULL when unknown';
COMMENT ON COLUMN unit.unit_label IS 'name to show: unit_name, followed by the region name (or code) when the warehouse holds several regions';
