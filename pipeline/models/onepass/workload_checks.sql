-- The checks of the monthly task volumes that need other tables, on the stored, typed keys (after workload.sql):
-- a row is rejected when a value of its own is (_bad), when its task is not a loaded task of its position, when
-- its key (position, task, month) appears on an earlier row, or when the reader quarantined a cell of it. The
-- quarantine entries are those the staging model gave before, in the same order; the rejected rows then leave
-- `workload_record`.
CREATE OR REPLACE TEMP TABLE workload_rejected AS
WITH task AS (
  SELECT position_id, task_id FROM stg_position_tasks WHERE len(_issues) = 0
), month_set AS (
  -- a cheap pre-filter for the duplicate keys (as performance_checks.sql): per task of a position and block of 64
  -- months, a bitmap of the months its rows have; more rows than months set means a month repeats
  SELECT position_id AS p, task_id AS k
  FROM (SELECT position_id, task_id, year("month") * 12 + month("month") - 1 AS m FROM workload_record
        WHERE position_id IS NOT NULL AND task_id IS NOT NULL AND "month" IS NOT NULL)
  GROUP BY p, k, m // 64
  HAVING count(*) > bit_count(bit_or(CAST(1 AS UBIGINT) << CAST(m % 64 AS UBIGINT)))
), dup AS (
  -- keys seen more than once, with the first row that has them (rowid follows the file's order), among the tasks
  -- flagged above
  SELECT w.position_id AS p, w.task_id AS k, w."month" AS m, min(w.rowid) AS first_rid
  FROM workload_record w SEMI JOIN month_set f ON f.p = w.position_id AND f.k = w.task_id
  WHERE w."month" IS NOT NULL
  GROUP BY ALL HAVING count(*) > 1
), cells AS (
  SELECT _row, list(issue("column", "value", reason) ORDER BY "column") AS issues
  FROM raw_cell_issue WHERE kind = 'workload' GROUP BY _row
), flagged AS (
  SELECT w.rowid AS rid, w._row AS stored_row,
    w.position_id, w.task_id, k.task_id IS NOT NULL AS known,
    coalesce(w._text[1], strftime(w."month", '%Y-%m')) AS month_text, w."month",
    w._text[2] AS volume_text, w.volume, d.first_rid, c.issues AS cell_issues
  FROM workload_record w
  LEFT JOIN task k ON k.position_id = w.position_id AND k.task_id = w.task_id
  LEFT JOIN dup d ON d.p = w.position_id AND d.k = w.task_id AND d.m = w."month"
  LEFT JOIN cells c ON c._row = w._row
  WHERE w._bad OR k.task_id IS NULL OR w.rowid > d.first_rid OR c.issues IS NOT NULL
), numbered AS (
  SELECT t.*, coalesce(t.stored_row, CAST(t.rid + f.base + coalesce(s.shift, 0) AS INTEGER)) AS _row, f.file AS _file
  FROM flagged t
  JOIN onepass_file f ON f.kind = 'workload'
  ASOF LEFT JOIN (SELECT start_rec, max(shift) AS shift FROM onepass_row_shift WHERE kind = 'workload' GROUP BY start_rec) s
    ON t.rid >= s.start_rec
), issues AS (
  SELECT t.rid, t._file, t._row,
    list_concat(list_filter([
      CASE WHEN t.position_id IS NULL THEN issue('position_id', NULL, 'missing required value') END,
      CASE WHEN t.task_id IS NULL THEN issue('task_id', NULL, 'missing required value')
           WHEN t.position_id IS NOT NULL AND NOT t.known THEN issue('task_id', t.position_id || ' / ' || t.task_id, 'unknown task of this position') END,
      CASE WHEN nullif(trim(t.month_text), '') IS NULL THEN issue('month', NULL, 'missing required value')
           WHEN t."month" IS NULL THEN issue('month', t.month_text, 'impossible or unreadable month')
           WHEN t."month" > setting_data_date() THEN issue('month', t.month_text, after_data_date_reason()) END,
      CASE WHEN nullif(trim(t.volume_text), '') IS NULL AND t.volume IS NULL THEN issue('volume', NULL, 'missing required value')
           WHEN col_number_ambiguous(t.volume_text, 'workload', 'volume') THEN issue('volume', t.volume_text, number_ambiguous_reason())
           WHEN t.volume IS NULL THEN issue('volume', t.volume_text, 'not a number')
           WHEN t.volume < 0 THEN issue('volume', t.volume_text, 'negative volume') END,
      CASE WHEN t.rid > t.first_rid AND t.known
           THEN issue('month', t.month_text, 'duplicate key: this task and month appear on an earlier row') END
    ], x -> x IS NOT NULL), coalesce(t.cell_issues, [])) AS _issues
  FROM numbered t
)
SELECT rid, _file, _row, _issues FROM issues WHERE len(_issues) > 0 ORDER BY rid;

DELETE FROM workload_record WHERE rowid IN (SELECT rid FROM workload_rejected);
