-- Staging: ABK task sheet (PermenPANRB 1/2020): annual volume and time norm per task of a position.
CREATE OR REPLACE TEMP TABLE stg_position_tasks AS
WITH typed AS (
  SELECT
    _file, _row,
    nullif(trim(position_id), '')           AS position_id,
    nullif(trim(task_id), '')               AS task_id,
    nullif(trim(task_name), '')             AS task_name,
    col_number(annual_volume, _id_style, 'position_tasks', 'annual_volume') AS annual_volume,
    annual_volume                           AS annual_volume_text,
    col_number(time_norm_minutes, _id_style, 'position_tasks', 'time_norm_minutes') AS time_norm_minutes,
    time_norm_minutes                       AS time_norm_text,
    nullif(trim(output_unit), '')           AS output_unit,
    row_number() OVER (PARTITION BY nullif(trim(position_id), ''), nullif(trim(task_id), '') ORDER BY _row) AS _dup
  FROM raw_position_tasks
)
SELECT
  t._file, t._row, t.position_id, t.task_id, t.task_name, t.annual_volume, t.time_norm_minutes, t.output_unit,
  list_filter([
    CASE WHEN t.position_id IS NULL THEN issue('position_id', NULL, 'missing required value')
         WHEN p.position_id IS NULL THEN issue('position_id', t.position_id, 'unknown position') END,
    CASE WHEN t.task_id IS NULL THEN issue('task_id', NULL, 'missing required value') END,
    CASE WHEN t._dup > 1 AND t.task_id IS NOT NULL THEN issue('task_id', t.task_id, 'duplicate key: task already listed for this position') END,
    CASE WHEN t.task_name IS NULL THEN issue('task_name', NULL, 'missing required value') END,
    CASE WHEN nullif(trim(t.annual_volume_text), '') IS NULL THEN issue('annual_volume', NULL, 'missing required value')
         WHEN col_number_ambiguous(t.annual_volume_text, 'position_tasks', 'annual_volume') THEN issue('annual_volume', t.annual_volume_text, number_ambiguous_reason())
         WHEN t.annual_volume IS NULL THEN issue('annual_volume', t.annual_volume_text, 'not a number')
         WHEN t.annual_volume < 0 THEN issue('annual_volume', t.annual_volume_text, 'negative volume') END,
    CASE WHEN nullif(trim(t.time_norm_text), '') IS NULL THEN issue('time_norm_minutes', NULL, 'missing required value')
         WHEN col_number_ambiguous(t.time_norm_text, 'position_tasks', 'time_norm_minutes') THEN issue('time_norm_minutes', t.time_norm_text, number_ambiguous_reason())
         WHEN t.time_norm_minutes IS NULL THEN issue('time_norm_minutes', t.time_norm_text, 'not a number')
         WHEN t.time_norm_minutes <= 0 THEN issue('time_norm_minutes', t.time_norm_text, 'time norm must be positive') END
  ], x -> x IS NOT NULL) AS _issues
FROM typed t
LEFT JOIN (SELECT position_id FROM stg_positions WHERE len(_issues) = 0) p ON p.position_id = t.position_id;

COMMENT ON TABLE stg_position_tasks IS 'Staging: ABK tasks typed from raw_position_tasks; _issues lists every rejected value';
