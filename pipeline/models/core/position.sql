-- Core: positions (jabatan). Annual workload of a position = Σ of its tasks' volume × norm (PermenPANRB 1/2020).
CREATE OR REPLACE TABLE position AS
SELECT p.position_id, p.unit_id, p.title, p.position_kind, p."class", p.required_education, p.required_major,
       p.required_competencies, coalesce(t.annual_minutes, 0) AS annual_workload_minutes
FROM stg_positions p
LEFT JOIN (SELECT position_id, exact_sum(annual_minutes) AS annual_minutes FROM position_task GROUP BY ALL) t USING (position_id)
WHERE len(p._issues) = 0
ORDER BY p.position_id;

COMMENT ON TABLE position IS 'Core: positions with their requirements and annual ABK workload in minutes';
COMMENT ON COLUMN position.annual_workload_minutes IS 'Σ annual_volume × time_norm_minutes of the position''s ABK tasks';
