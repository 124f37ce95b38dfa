-- Core: the unit hierarchy (OPD and its sub-units), with depth and the top-level OPD each unit belongs to.
CREATE OR REPLACE TABLE unit AS
WITH RECURSIVE base AS (
  SELECT unit_id, unit_name, parent_id, unit_kind, region_code FROM stg_units WHERE len(_issues) = 0
), tree(unit_id, top_unit_id, depth, trail) AS (
  SELECT unit_id, unit_id, 0, [unit_id] FROM base WHERE parent_id IS NULL
  UNION ALL
  SELECT b.unit_id, t.top_unit_id, t.depth + 1, list_append(t.trail, b.unit_id)
  FROM base b JOIN tree t ON b.parent_id = t.unit_id
  WHERE NOT list_contains(t.trail, b.unit_id) AND t.depth < 20
)
SELECT b.unit_id, b.unit_name, b.parent_id, b.unit_kind, b.region_code,
       coalesce(t.depth, 0) AS depth, coalesce(t.top_unit_id, b.unit_id) AS top_unit_id
FROM base b LEFT JOIN tree t USING (unit_id)
ORDER BY b.unit_id;

COMMENT ON TABLE unit IS 'Core: units (OPD, bagian, bidang, UPT, kecamatan, kelurahan); depth 0 = top level; top_unit_id = the OPD it belongs to';
COMMENT ON COLUMN unit.parent_id IS 'parent unit (NULL for a top-level OPD)';
COMMENT ON COLUMN unit.region_code IS 'region (kode wilayah) for national roll-ups and Parquet partitions';
