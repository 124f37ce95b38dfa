-- Core: head-count per position and month: people whose spell covers the first day of the month.
-- Computed from +1/-1 events and a running sum, so it stays linear in the number of spells.
CREATE OR REPLACE TABLE staff_monthly AS
WITH cal AS (SELECT min("month") AS lo, max("month") AS hi FROM month_calendar),
ev AS (
  SELECT h.position_id, greatest(coalesce(month_ceil(h.valid_from), cal.lo), cal.lo) AS "month", 1 AS d
  FROM employee_position_history h, cal
  WHERE h.valid_from IS NULL OR month_ceil(h.valid_from) <= cal.hi
  UNION ALL
  SELECT h.position_id, greatest(month_ceil(h.valid_to), cal.lo), -1
  FROM employee_position_history h, cal
  WHERE h.valid_to IS NOT NULL AND month_ceil(h.valid_to) <= cal.hi
), delta AS (
  SELECT position_id, "month", sum(d) AS d FROM ev GROUP BY ALL
)
SELECT p.position_id, p.unit_id, c."month",
       CAST(sum(coalesce(delta.d, 0)) OVER (PARTITION BY p.position_id ORDER BY c."month") AS INTEGER) AS staff
FROM position p
CROSS JOIN month_calendar c
LEFT JOIN delta ON delta.position_id = p.position_id AND delta."month" = c."month"
ORDER BY c."month", p.position_id;

COMMENT ON TABLE staff_monthly IS 'Core: people in each position on the first day of each month (from employee_position_history)';
