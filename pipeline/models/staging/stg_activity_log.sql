-- Staging: e-Kinerja activity logs (minutes per employee per day or month), optional.
CREATE OR REPLACE TEMP TABLE stg_activity_log AS
WITH typed AS (
  SELECT
    _file, _row,
    nip_clean(nip)                                  AS nip,
    nip                                             AS nip_text,
    coalesce(col_date("date", 'activity_log', 'date'), id_month("date")) AS "date",
    "date"                                          AS date_text,
    col_number(minutes, _id_style, 'activity_log', 'minutes') AS minutes,
    minutes                                         AS minutes_text,
    nullif(trim(activity), '')                      AS activity
  FROM raw_activity_log
)
SELECT
  t._file, t._row, t.nip, t."date", t.minutes, t.activity,
  list_filter([
    employee_ref_issue(t.nip_text, t.nip, e.nip IS NOT NULL),
    CASE WHEN nullif(trim(t.date_text), '') IS NULL THEN issue('date', NULL, 'missing required value')
         WHEN col_date_ambiguous(t.date_text, 'activity_log', 'date') THEN issue('date', t.date_text, date_ambiguous_reason())
         WHEN t."date" IS NULL THEN issue('date', t.date_text, 'impossible or unreadable date')
         WHEN t."date" > setting_data_date() THEN issue('date', t.date_text, after_data_date_reason()) END,
    CASE WHEN nullif(trim(t.minutes_text), '') IS NULL THEN issue('minutes', NULL, 'missing required value')
         WHEN col_number_ambiguous(t.minutes_text, 'activity_log', 'minutes') THEN issue('minutes', t.minutes_text, number_ambiguous_reason())
         WHEN t.minutes IS NULL THEN issue('minutes', t.minutes_text, 'not a number')
         WHEN t.minutes < 0 OR t.minutes > 1440 THEN issue('minutes', t.minutes_text, 'minutes outside 0–1,440') END
  ], x -> x IS NOT NULL) AS _issues
FROM typed t
LEFT JOIN (SELECT nip FROM stg_employees WHERE len(_issues) = 0) e ON e.nip = t.nip;

COMMENT ON TABLE stg_activity_log IS 'Staging: activity logs typed from raw_activity_log; _issues lists every rejected value';
