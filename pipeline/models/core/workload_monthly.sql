-- Core: workload minutes per position and month = Σ volume × time norm of the month's task records
-- (PermenPANRB 1/2020). A month without records falls back to the annual ABK workload / 12 (source = 'abk').
CREATE OR REPLACE TABLE workload_monthly AS
WITH rec AS (
  -- the loaded records (workload_record: only tasks of the position are loaded) with their task's time norm
  SELECT w.position_id, w."month", exact_sum(w.volume * t.time_norm_minutes) AS minutes
  FROM workload_record w JOIN position_task t USING (position_id, task_id)
  GROUP BY ALL
)
SELECT p.position_id, p.unit_id, c."month",
       coalesce(r.minutes, p.annual_workload_minutes / 12.0) AS workload_minutes,
       CASE WHEN r.minutes IS NULL THEN 'abk' ELSE 'records' END AS source
FROM position p
CROSS JOIN month_calendar c
LEFT JOIN rec r ON r.position_id = p.position_id AND r."month" = c."month"
ORDER BY c."month", p.position_id;

COMMENT ON TABLE workload_monthly IS 'Core: workload minutes per position and month; source records = task volumes × norms, abk = annual ABK / 12';
