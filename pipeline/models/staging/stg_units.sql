-- Staging: units (unit kerja / OPD), typed and checked. Every problem becomes an entry of _issues
-- (column, value, reason); core.unit keeps only rows without issues, core.quarantine lists the rest.
CREATE OR REPLACE TEMP TABLE stg_units AS
WITH typed AS (
  SELECT
    _file, _row,
    nullif(trim(unit_id), '')                                   AS unit_id,
    nullif(trim(unit_name), '')                                 AS unit_name,
    nullif(trim(parent_id), '')                                 AS parent_id,
    lower(replace(nullif(trim(unit_kind), ''), ' ', '_'))       AS unit_kind_raw,
    coalesce(nullif(trim(region_code), ''), setting_region_code()) AS region_code,
    nullif(trim(region_name), '')                               AS region_name,
    unit_kind AS unit_kind_text
  FROM raw_units
), ranked AS (
  SELECT *,
    CASE
      WHEN unit_kind_raw IN ('sekretariat','bagian','dinas','badan','kecamatan','kelurahan','upt','inspektorat','rsud','satpol_pp','lainnya') THEN unit_kind_raw
      WHEN unit_kind_raw IN ('secretariat') THEN 'sekretariat'
      WHEN unit_kind_raw IN ('agency','office') THEN 'dinas'
      WHEN unit_kind_raw IN ('board') THEN 'badan'
      WHEN unit_kind_raw IN ('district') THEN 'kecamatan'
      WHEN unit_kind_raw IN ('village','subdistrict') THEN 'kelurahan'
      WHEN unit_kind_raw IN ('satpol', 'satuan_polisi_pamong_praja') THEN 'satpol_pp'
      WHEN unit_kind_raw IN ('other','others') THEN 'lainnya'
    END AS unit_kind,
    row_number() OVER (PARTITION BY unit_id ORDER BY _row) AS _dup
  FROM typed
), known AS (
  SELECT DISTINCT unit_id FROM ranked WHERE unit_id IS NOT NULL AND _dup = 1
)
SELECT r.* EXCLUDE (unit_kind_raw, unit_kind_text, _dup),
  list_filter([
    CASE WHEN r.unit_id IS NULL THEN issue('unit_id', NULL, 'missing required value') END,
    CASE WHEN r._dup > 1 THEN issue('unit_id', r.unit_id, 'duplicate key: unit_id appears on an earlier row') END,
    CASE WHEN r.unit_name IS NULL THEN issue('unit_name', NULL, 'missing required value') END,
    CASE WHEN r.unit_kind IS NULL THEN issue('unit_kind', r.unit_kind_text, 'unknown unit kind') END,
    CASE WHEN r.parent_id IS NOT NULL AND k.unit_id IS NULL THEN issue('parent_id', r.parent_id, 'unknown parent unit') END,
    CASE WHEN r.parent_id IS NOT NULL AND r.parent_id = r.unit_id THEN issue('parent_id', r.parent_id, 'unit is its own parent') END
  ], x -> x IS NOT NULL) AS _issues
FROM ranked r LEFT JOIN known k ON k.unit_id = r.parent_id;

COMMENT ON TABLE stg_units IS 'Staging: units typed from raw_units; _issues lists every rejected value (empty = loaded into core.unit)';
