-- Incremental build (pipeline/warehouse/incremental.ts): the new month's rows, read by the one-pass loads into
-- `performance` and `workload_record` and checked (pipeline/models/onepass), added to the previous warehouse.
-- The added ratings were read and checked in the in-memory database seimbang_stage (incremental.ts); they follow
-- the previous warehouse's rows, as they follow in the file.
INSERT INTO performance SELECT * FROM seimbang_stage.main.performance;
DROP TABLE seimbang_stage.main.performance;

-- the quarantine: the previous entries and the new rows', ordered as core/quarantine.sql orders them
CREATE OR REPLACE TEMP TABLE _quarantine_all AS
WITH q AS (
  SELECT 'workload' AS kind, _file, _row, _issues FROM workload_rejected
  UNION ALL SELECT 'performance', _file, _row, _issues FROM performance_rejected
), flat AS (
  SELECT kind, _file, _row, unnest(_issues) AS i FROM q
)
SELECT source_file, kind, "row", "column", "value", reason FROM quarantine
UNION ALL
SELECT _file, kind, _row, i."column", i."value", i.reason FROM flat;
CREATE OR REPLACE TABLE quarantine AS SELECT * FROM _quarantine_all ORDER BY source_file, "row", "column";
DROP TABLE _quarantine_all;

-- the calendar runs on to the new month (the first month stays: every new record's month is after the previous
-- ones, checked before; core/month_calendar.sql takes the span of the loaded workload records)
CREATE OR REPLACE TEMP TABLE _previous_last_month AS SELECT max("month") AS m FROM month_calendar;
CREATE OR REPLACE TEMP TABLE _calendar AS
SELECT CAST(g.m AS DATE) AS "month"
FROM (SELECT min("month") AS lo, greatest(max("month"), (SELECT max("month") FROM workload_record)) AS hi FROM month_calendar) b,
     generate_series(CAST(b.lo AS TIMESTAMP), CAST(b.hi AS TIMESTAMP), INTERVAL 1 MONTH) AS g(m)
ORDER BY 1;
CREATE OR REPLACE TABLE month_calendar AS SELECT * FROM _calendar ORDER BY 1;
DROP TABLE _calendar;

-- workload of the new months, as core/workload_monthly.sql computes it (the earlier months keep their rows)
INSERT INTO workload_monthly
WITH rec AS (
  SELECT w.position_id, w."month", exact_sum(w.volume * t.time_norm_minutes) AS minutes
  FROM workload_record w JOIN position_task t USING (position_id, task_id)
  GROUP BY ALL
)
SELECT p.position_id, p.unit_id, c."month",
       coalesce(r.minutes, p.annual_workload_minutes / 12.0) AS workload_minutes,
       CASE WHEN r.minutes IS NULL THEN 'abk' ELSE 'records' END AS source
FROM position p
CROSS JOIN (SELECT "month" FROM month_calendar WHERE "month" > (SELECT m FROM _previous_last_month)) c
LEFT JOIN rec r ON r.position_id = p.position_id AND r."month" = c."month"
ORDER BY c."month", p.position_id;
DROP TABLE _previous_last_month;
