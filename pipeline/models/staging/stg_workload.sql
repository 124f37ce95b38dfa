-- Staging: monthly task volumes (realisasi beban kerja per jabatan per bulan).
-- Shape as stg_performance: one typing pass, the key checks as hash joins, `_issues` built for failing rows only.
CREATE OR REPLACE TEMP TABLE stg_workload AS
SELECT
  t._file, t._row, t.position_id, t.task_id, t."month", t.volume, k.time_norm_minutes,
  CASE
    WHEN k.task_id IS NOT NULL AND t."month" IS NOT NULL AND t."month" <= setting_data_date() AND t.volume >= 0 AND d.first_row IS NULL THEN []
    ELSE list_filter([
      CASE WHEN t.position_id IS NULL THEN issue('position_id', NULL, 'missing required value') END,
      CASE WHEN t.task_id IS NULL THEN issue('task_id', NULL, 'missing required value')
           WHEN t.position_id IS NOT NULL AND k.task_id IS NULL THEN issue('task_id', t.position_id || ' / ' || t.task_id, 'unknown task of this position') END,
      CASE WHEN nullif(trim(t.month_text), '') IS NULL THEN issue('month', NULL, 'missing required value')
           WHEN t."month" IS NULL THEN issue('month', t.month_text, 'impossible or unreadable month')
           WHEN t."month" > setting_data_date() THEN issue('month', t.month_text, after_data_date_reason()) END,
      CASE WHEN nullif(trim(t.volume_text), '') IS NULL THEN issue('volume', NULL, 'missing required value')
           WHEN col_number_ambiguous(t.volume_text, 'workload', 'volume') THEN issue('volume', t.volume_text, number_ambiguous_reason())
           WHEN t.volume IS NULL THEN issue('volume', t.volume_text, 'not a number')
           WHEN t.volume < 0 THEN issue('volume', t.volume_text, 'negative volume') END,
      CASE WHEN t._row > d.first_row AND k.task_id IS NOT NULL
           THEN issue('month', t.month_text, 'duplicate key: this task and month appear on an earlier row') END
    ], x -> x IS NOT NULL)
  END AS _issues
FROM (
  SELECT
    _file, _row,
    nullif(trim(position_id), '')   AS position_id,
    nullif(trim(task_id), '')       AS task_id,
    id_month("month")               AS "month",
    "month"                         AS month_text,
    col_number(volume, _id_style, 'workload', 'volume') AS volume,
    volume                          AS volume_text
  FROM raw_workload
) t
LEFT JOIN (SELECT position_id, task_id, time_norm_minutes FROM stg_position_tasks WHERE len(_issues) = 0) k
  ON k.position_id = t.position_id AND k.task_id = t.task_id
-- keys seen more than once, with the first row that has them
LEFT JOIN (
  SELECT p, k, m, min(_row) AS first_row
  FROM (SELECT nullif(trim(position_id), '') AS p, nullif(trim(task_id), '') AS k, id_month("month") AS m, _row FROM raw_workload)
  WHERE p IS NOT NULL AND k IS NOT NULL AND m IS NOT NULL
  GROUP BY ALL HAVING count(*) > 1
) d ON d.p = t.position_id AND d.k = t.task_id AND d.m = t."month";

COMMENT ON TABLE stg_workload IS 'Staging: monthly task volumes typed from raw_workload, with the task time norm; _issues lists every rejected value';
