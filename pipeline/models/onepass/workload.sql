-- One pass (pipeline/warehouse/one-pass.ts): monthly task volumes (realisasi beban kerja per jabatan per bulan)
-- read from the file and typed into `workload_record` at once, without a raw table (issue 20). A build-only
-- table (TEMP: never written to the warehouse file); core.workload_monthly sums it.
--
-- As performance.sql: every row stored in file order, helper columns NULL on a clean row, the checks that need
-- other tables (known task of the position, duplicate keys) afterwards on the typed keys (workload_checks.sql).
CREATE OR REPLACE TEMP TABLE workload_record AS
SELECT
  position_id, task_id, "month", volume,
  -- the texts as read, in one list column (a column of NULLs costs its store; see performance.sql): the month's
  -- when the row is rejected or the month does not give it back (a month read from `YYYY-MM` always does, so only
  -- other texts are formatted: strftime costs ~0.25 s on 2 M rows), the volume's when the row is rejected
  CASE WHEN _bad THEN [month_text, volume_text]
       WHEN "month" IS NOT NULL AND regexp_full_match(month_text, '\d{4}-\d{2}') THEN NULL
       WHEN month_text IS DISTINCT FROM strftime("month", '%Y-%m') THEN [month_text, NULL] END AS _text,
  CASE WHEN _bad THEN true END AS _bad,
  number_shape(volume_text) AS _volume_shape,
  _row, _empty
FROM (
  SELECT *,
    NOT coalesce(position_id IS NOT NULL AND task_id IS NOT NULL AND "month" IS NOT NULL
      AND "month" <= setting_data_date() AND volume >= 0, false) AS _bad
  FROM (
    SELECT
      _row, _empty,
      -- nullif(trim(x), ''), trimming only a value with a space at an end (trim() on every value ~0.25 s)
      CASE WHEN prefix(position_id, ' ') OR suffix(position_id, ' ') THEN nullif(trim(position_id), '')
           ELSE nullif(position_id, '') END AS position_id,
      CASE WHEN prefix(task_id, ' ') OR suffix(task_id, ' ') THEN nullif(trim(task_id), '')
           ELSE nullif(task_id, '') END AS task_id,
      id_month("month")               AS "month",
      "month"                         AS month_text,
      col_number(volume, _id_style, 'workload', 'volume') AS volume,
      volume                          AS volume_text
    FROM src_workload
  )
);
