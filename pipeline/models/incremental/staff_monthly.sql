-- Incremental build (pipeline/warehouse/incremental-marts.ts): staff_monthly for the new months only.
-- core/staff_monthly.sql counts the people on the 1st of each month as a running sum of +1 (spell begins) and −1
-- (spell ends) events. An event counts from its own month on, so the months before the new ones keep their
-- head-counts, and a new month's head-count is the previous last month's plus the events of the months since
-- (integers: the same numbers as the full running sum). {{last}} = the previous warehouse's last month; every
-- new month is after it, so the first month of the calendar (where core/staff_monthly.sql moves earlier events)
-- is never among them.
INSERT INTO staff_monthly
WITH cal AS (SELECT max("month") AS hi FROM month_calendar),
ev AS (
  SELECT h.position_id, month_ceil(h.valid_from) AS "month", 1 AS d
  FROM employee_position_history h, cal
  WHERE month_ceil(h.valid_from) > {{last}} AND month_ceil(h.valid_from) <= cal.hi
  UNION ALL
  SELECT h.position_id, month_ceil(h.valid_to), -1
  FROM employee_position_history h, cal
  WHERE month_ceil(h.valid_to) > {{last}} AND month_ceil(h.valid_to) <= cal.hi
), delta AS (
  SELECT position_id, "month", sum(d) AS d FROM ev GROUP BY ALL
), before AS (
  SELECT position_id, staff FROM staff_monthly WHERE "month" = {{last}}
)
SELECT p.position_id, p.unit_id, c."month",
       CAST(coalesce(b.staff, 0) + sum(coalesce(delta.d, 0)) OVER (PARTITION BY p.position_id ORDER BY c."month") AS INTEGER) AS staff
FROM position p
CROSS JOIN (SELECT "month" FROM month_calendar WHERE "month" > {{last}}) c
LEFT JOIN before b ON b.position_id = p.position_id
LEFT JOIN delta ON delta.position_id = p.position_id AND delta."month" = c."month"
ORDER BY c."month", p.position_id;
