-- Staging: monthly task volumes (realisasi beban kerja per jabatan per bulan).
CREATE OR REPLACE TABLE stg_workload AS
WITH typed AS (
  SELECT
    _file, _row,
    nullif(trim(position_id), '')   AS position_id,
    nullif(trim(task_id), '')       AS task_id,
    id_month("month")               AS "month",
    "month"                         AS month_text,
    id_number(volume, _id_style)    AS volume,
    volume                          AS volume_text
  FROM raw_workload
), ranked AS (
  SELECT *, row_number() OVER (PARTITION BY position_id, task_id, "month" ORDER BY _row) AS _dup FROM typed
)
SELECT
  t._file, t._row, t.position_id, t.task_id, t."month", t.volume, k.time_norm_minutes,
  list_filter([
    CASE WHEN t.position_id IS NULL THEN issue('position_id', NULL, 'missing required value') END,
    CASE WHEN t.task_id IS NULL THEN issue('task_id', NULL, 'missing required value')
         WHEN t.position_id IS NOT NULL AND k.task_id IS NULL THEN issue('task_id', t.position_id || ' / ' || t.task_id, 'unknown task of this position') END,
    CASE WHEN nullif(trim(t.month_text), '') IS NULL THEN issue('month', NULL, 'missing required value')
         WHEN t."month" IS NULL THEN issue('month', t.month_text, 'impossible or unreadable month') END,
    CASE WHEN nullif(trim(t.volume_text), '') IS NULL THEN issue('volume', NULL, 'missing required value')
         WHEN t.volume IS NULL THEN issue('volume', t.volume_text, 'not a number')
         WHEN t.volume < 0 THEN issue('volume', t.volume_text, 'negative volume') END,
    CASE WHEN t._dup > 1 AND t."month" IS NOT NULL AND k.task_id IS NOT NULL
         THEN issue('month', t.month_text, 'duplicate key: this task and month appear on an earlier row') END
  ], x -> x IS NOT NULL) AS _issues
FROM ranked t
LEFT JOIN (SELECT position_id, task_id, time_norm_minutes FROM stg_position_tasks WHERE len(_issues) = 0) k
  ON k.position_id = t.position_id AND k.task_id = t.task_id;

COMMENT ON TABLE stg_workload IS 'Staging: monthly task volumes typed from raw_workload, with the task time norm; _issues lists every rejected value';
