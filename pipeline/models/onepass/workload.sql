-- One pass (pipeline/warehouse/one-pass.ts): monthly task volumes (realisasi beban kerja per jabatan per bulan)
-- read from the file and typed into `workload_record` at once, without a raw table (issue 20). A build-only
-- table (TEMP: never written to the warehouse file); core.workload_monthly sums it.
--
-- As performance.sql: every row stored in file order, helper columns NULL on a clean row, the checks that need
-- other tables (known task of the position, duplicate keys) afterwards on the typed keys (workload_checks.sql).
-- The values come untrimmed from a CSV (see performance.sql): onepass_trim is applied to each, except to a month
-- written YYYY-MM (nothing to trim; id_month's fast path).
CREATE OR REPLACE TEMP TABLE workload_record AS
SELECT
  position_id, task_id, "month", volume,
  -- the texts as read, in one list column (a column of NULLs costs its store; see performance.sql): the month's
  -- when the row is rejected or the month does not give it back (a month read from `YYYY-MM` always does, so only
  -- other texts are formatted: strftime costs ~0.25 s on 2 M rows), the volume's when the row is rejected
  CASE WHEN _bad THEN [onepass_trim(r_month), volume_text]
       WHEN f_month THEN NULL
       WHEN "month" IS NOT NULL AND regexp_full_match(onepass_trim(r_month), '\d{4}-\d{2}') THEN NULL
       WHEN onepass_trim(r_month) IS DISTINCT FROM strftime("month", '%Y-%m') THEN [onepass_trim(r_month), NULL] END AS _text,
  CASE WHEN _bad THEN true END AS _bad,
  CASE WHEN f_volume THEN number_shape_plain(volume_text) ELSE number_shape(volume_text) END AS _volume_shape,
  _row, _empty
FROM (
  SELECT *,
    NOT coalesce(position_id IS NOT NULL AND task_id IS NOT NULL AND "month" IS NOT NULL
      AND "month" <= setting_data_date() AND volume >= 0, false) AS _bad
  FROM (
    SELECT
      _row, _empty, f_month, f_volume, r_month,
      -- a volume in its column's common clean form (col_number_plain) has nothing to trim
      CASE WHEN f_volume THEN r_volume ELSE t_volume END AS volume_text,
      -- nullif(trim(x), '') of the trimmed text: onepass_trim leaves no space at an end, so nullif(…, '') alone
      nullif(onepass_trim(position_id), '') AS position_id,
      nullif(onepass_trim(task_id), '')     AS task_id,
      CASE WHEN f_month THEN try_cast(r_month || '-01' AS DATE) ELSE id_month(t_month) END AS "month",
      CASE WHEN f_volume THEN col_number_plain_value(r_volume, 'workload', 'volume')
           ELSE col_number(t_volume, _id_style, 'workload', 'volume') END AS volume
    FROM (
      -- the slow paths' trimmed texts as columns, as in performance.sql (cheaper to bind)
      SELECT *,
        CASE WHEN f_month THEN NULL ELSE onepass_trim(r_month) END AS t_month,
        CASE WHEN f_volume THEN NULL ELSE onepass_trim(r_volume) END AS t_volume
      FROM (
      SELECT _row, _empty, _id_style, position_id, task_id, "month" AS r_month,
        volume AS r_volume,
        -- id_month's fast path (pipeline/models/macros/normalise.sql)
        regexp_full_match("month", '[1-9]\d{3}-(?:0[1-9]|1[0-2])') AS f_month,
        -- col_number's fast path (normalise_columns.sql): one pattern, then no trim and no number_shape patterns
        col_number_plain(volume, 'workload', 'volume') AS f_volume
      FROM src_workload
      )
    )
  )
);
