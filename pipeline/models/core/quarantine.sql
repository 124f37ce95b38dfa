-- Core: every rejected value, with the file, the row as a spreadsheet shows it, the column and the reason.
-- (The ratings and the workload records are checked where they are stored: pipeline/models/onepass/*_checks.sql.)
-- A row with several problems has several entries; input rows = loaded rows + distinct quarantined rows.
CREATE OR REPLACE TABLE quarantine AS
WITH q AS (
  SELECT 'units' AS kind, _file, _row, _issues FROM stg_units WHERE len(_issues) > 0
  UNION ALL SELECT 'positions', _file, _row, _issues FROM stg_positions WHERE len(_issues) > 0
  UNION ALL SELECT 'position_tasks', _file, _row, _issues FROM stg_position_tasks WHERE len(_issues) > 0
  UNION ALL SELECT 'employees', _file, _row, _issues FROM stg_employees WHERE len(_issues) > 0
  UNION ALL SELECT 'workload', _file, _row, _issues FROM workload_rejected
  UNION ALL SELECT 'activity_log', _file, _row, _issues FROM stg_activity_log WHERE len(_issues) > 0
  UNION ALL SELECT 'performance', _file, _row, _issues FROM performance_rejected
  UNION ALL SELECT 'transfers', _file, _row, _issues FROM stg_transfers WHERE len(_issues) > 0
), flat AS (
  SELECT kind, _file, _row, unnest(_issues) AS i FROM q
)
SELECT _file AS source_file, kind, _row AS "row", i."column" AS "column", i."value" AS "value", i.reason AS reason
FROM flat
ORDER BY source_file, "row", "column";

COMMENT ON TABLE quarantine IS 'Rejected values: source file, row (as a spreadsheet shows it), column, value and reason';
