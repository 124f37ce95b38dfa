-- Core: e-Kinerja minutes per employee and month (optional input).
CREATE OR REPLACE TABLE activity_monthly AS
SELECT nip, CAST(date_trunc('month', "date") AS DATE) AS "month", sum(minutes) AS minutes, count(DISTINCT "date") AS days
FROM stg_activity_log WHERE len(_issues) = 0
GROUP BY ALL
ORDER BY nip, "month";

COMMENT ON TABLE activity_monthly IS 'Core: logged activity minutes per employee and month (e-Kinerja); nip is personal data';
