-- Core: ABK tasks. Workload of a task (minutes/year) = annual volume × time norm (PermenPANRB 1/2020).
CREATE OR REPLACE TABLE position_task AS
SELECT position_id, task_id, task_name, annual_volume, time_norm_minutes,
       annual_volume * time_norm_minutes AS annual_minutes, output_unit
FROM stg_position_tasks WHERE len(_issues) = 0
ORDER BY position_id, task_id;

COMMENT ON TABLE position_task IS 'Core: ABK tasks of each position; annual_minutes = annual_volume × time_norm_minutes (PermenPANRB 1/2020)';
