-- Mart: what each position needs now: required vs current staff and the qualifications its holders lack
-- (competence must match the job's requirements: PP 11/2017 Pasal 190).
-- alongside: early — DuckDB computes this model on one thread (it reads employee, one row group); in the batch
-- beside the effects estimation it runs first, while the estimation holds the other core (warehouse/alongside.ts).
CREATE OR REPLACE TABLE staffing_need AS
WITH holders AS (
  SELECT e.position_id,
         count(*) FILTER (WHERE p.required_education IS NOT NULL
                           AND coalesce(education_rank(e.education_level), 0) < education_rank(p.required_education)) AS below_edu,
         list_distinct(flatten(list(e.competencies))) AS tags
  FROM employee e JOIN position p USING (position_id)
  GROUP BY ALL
)
SELECT l.unit_id, l.position_id, l.title, l.required_staff, l.required_staff_rounded, l.current_staff,
       -- shortfall: signed, > 0 short of staff, < 0 more than needed (the total staffing gap Σ|required − current|
       -- of the imbalance marts is another figure: unsigned, unrounded)
       l.required_staff_rounded - l.current_staff AS shortfall,
       CAST(coalesce(h.below_edu, 0) AS INTEGER) AS holders_below_education,
       list_filter(p.required_competencies, t -> NOT list_contains(coalesce(h.tags, []), t)) AS missing_competencies
FROM position_load l
JOIN position p USING (position_id)
LEFT JOIN holders h USING (position_id)
ORDER BY l.unit_id, l.position_id;

COMMENT ON TABLE staffing_need IS 'Mart: per position, required (rounded per setting) vs current staff, shortfall (rounded required − current: > 0 short, < 0 surplus), holders below the required education, required competencies no holder has';
