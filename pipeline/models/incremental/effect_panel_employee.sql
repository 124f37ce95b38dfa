-- Incremental build (pipeline/warehouse/incremental-marts.ts): effect_panel_employee after new months, equal to
-- marts/effect_panel_employee.sql run on all months ({{last}} = the previous warehouse's last month). Every
-- formula below is the model's; what changes is which ratings are joined with the position spells (the model's
-- `scored`, its expensive part: every rating against every spell of the person):
--
-- - the new months: every rating of them, as the model does;
-- - the earlier months: nothing changes there (their ratings, spells and units' settled colleagues are those of
--   the previous build), so the rows of people kept before are the previous table's (score, unit_id,
--   score_vs_colleagues), and only the people the sample keeps now and did not keep before (a new month moves a
--   few hundred of 10,000) are joined, with the settled colleagues of the units and months they were in;
-- - who is complete (a score in every month of the calendar): in the model, count(*) of the person's `scored`
--   rows = the months. A person has at most one rating a month ((nip, period) is unique in performance) and one
--   spell covering a month (spells of one person never overlap, core/employee_position_history.sql), so that
--   count is the calendar's length exactly when the person has a rating with a score in every month AND the
--   spells cover every month; both are counted here without the join (a spell [valid_from, valid_to) covers the
--   months m with month_ceil(valid_from) ≤ m < month_ceil(valid_to)).
--
-- cohort, first_move_wave and sample_share read the calendar's end and the strata: computed again for everyone.
CREATE OR REPLACE TEMP TABLE _previous_panel AS
SELECT CAST(nip AS BIGINT) AS k, "month", unit_id, score, score_vs_colleagues FROM effect_panel_employee;

CREATE OR REPLACE TABLE effect_panel_employee AS
WITH cal AS (
  SELECT "month", CAST(row_number() OVER (ORDER BY "month") AS INTEGER) AS t FROM month_calendar
), bounds AS (
  SELECT min("month") AS lo, max("month") AS hi, count(*) AS n_months FROM month_calendar
), tr AS (
  SELECT nip, transfer_id, effective_date, month_ceil(effective_date) AS m FROM transfer
), wave_ids AS (
  -- the transfers of a rotation wave: the one definition is the mart rotation_wave_transfer
  SELECT transfer_id FROM rotation_wave_transfer
), first_move AS (
  SELECT CAST(tr.nip AS BIGINT) AS k, arg_min(tr.m, (tr.effective_date, tr.transfer_id)) AS m,
         arg_min(w.transfer_id IS NOT NULL, (tr.effective_date, tr.transfer_id)) AS wave
  FROM tr CROSS JOIN bounds b LEFT JOIN wave_ids w USING (transfer_id)
  WHERE tr.m BETWEEN b.lo AND b.hi
  GROUP BY ALL
), rated AS (
  -- months with a scored rating, per person (counted per NIP text, then the 100,000 NIPs made numbers: casting
  -- 3.6 million ratings' NIPs took most of the time)
  SELECT CAST(nip AS BIGINT) AS k, sum(n) AS n
  FROM (SELECT nip, count(*) AS n FROM performance
        WHERE score IS NOT NULL AND period IN (SELECT "month" FROM month_calendar) GROUP BY ALL)
  GROUP BY ALL
), covered AS (
  -- months of the calendar covered by a spell, per person
  SELECT CAST(h.nip AS BIGINT) AS k,
         sum(greatest(0, date_sub('month',
           greatest(b.lo, coalesce(month_ceil(h.valid_from), b.lo)),
           least(CAST(b.hi + INTERVAL 1 MONTH AS DATE), coalesce(month_ceil(h.valid_to), CAST(b.hi + INTERVAL 1 MONTH AS DATE)))))) AS n
  FROM employee_position_history h CROSS JOIN bounds b
  GROUP BY ALL
), complete AS (
  SELECT r.k, f.m IS NOT NULL AS moved
  FROM rated r JOIN covered c USING (k) LEFT JOIN first_move f USING (k)
  WHERE r.n = (SELECT n_months FROM bounds) AND c.n = (SELECT n_months FROM bounds)
), strata AS (
  SELECT count(*) FILTER (WHERE moved) AS n_moved, count(*) FILTER (WHERE NOT moved) AS n_stay,
         setting_effects_max_employees() AS cap
  FROM complete
), quota AS (
  SELECT n_moved, n_stay,
         least(n_moved, greatest(cap // 2, cap - n_stay)) AS q_moved,
         least(n_stay, cap - least(n_moved, greatest(cap // 2, cap - n_stay))) AS q_stay
  FROM strata
), kept AS (
  SELECT c.k, lpad(CAST(c.k AS VARCHAR), 18, '0') AS nip, c.moved,
         CASE WHEN c.moved THEN q.q_moved / nullif(q.n_moved, 0) ELSE q.q_stay / nullif(q.n_stay, 0) END AS sample_share
  FROM complete c CROSS JOIN quota q
  QUALIFY row_number() OVER (PARTITION BY c.moved ORDER BY md5(lpad(CAST(c.k AS VARCHAR), 18, '0')), c.k) <= CASE WHEN c.moved THEN q.q_moved ELSE q.q_stay END
), newly AS (
  -- kept now, not before: their earlier months are joined here
  SELECT k FROM kept WHERE k NOT IN (SELECT k FROM _previous_panel)
), spells AS (
  SELECT CAST(nip AS BIGINT) AS k, unit_id, valid_from, valid_to FROM employee_position_history
), scored_newly AS (
  -- the model's `scored`, for the newly kept people's earlier months
  SELECT p.k, p.period AS "month", p.score, h.unit_id,
         h.valid_from IS NULL OR date_sub('month', h.valid_from, p.period) >= 12 AS settled
  FROM (SELECT CAST(nip AS BIGINT) AS k, period, score FROM performance WHERE period <= {{last}}) p
  JOIN (SELECT * FROM spells WHERE k IN (SELECT k FROM newly)) h
    ON h.k = p.k AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
  WHERE p.score IS NOT NULL AND p.period IN (SELECT "month" FROM month_calendar) AND p.k IN (SELECT k FROM newly)
), scored_colleagues AS (
  -- the model's `scored`, for everyone in the units and earlier months the newly kept people were in
  SELECT p.k, p.period AS "month", p.score, h.unit_id,
         h.valid_from IS NULL OR date_sub('month', h.valid_from, p.period) >= 12 AS settled
  FROM (SELECT CAST(nip AS BIGINT) AS k, period, score FROM performance WHERE period <= {{last}}) p
  JOIN (SELECT * FROM spells WHERE unit_id IN (SELECT unit_id FROM scored_newly)) h
    ON h.k = p.k AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
  JOIN (SELECT DISTINCT unit_id, "month" FROM scored_newly) x ON x.unit_id = h.unit_id AND x."month" = p.period
  WHERE p.score IS NOT NULL AND p.period IN (SELECT "month" FROM month_calendar)
), scored_new_months AS (
  -- the model's `scored`, for the new months
  SELECT p.k, p.period AS "month", p.score, h.unit_id,
         h.valid_from IS NULL OR date_sub('month', h.valid_from, p.period) >= 12 AS settled
  FROM (SELECT CAST(nip AS BIGINT) AS k, period, score FROM performance WHERE period > {{last}}) p
  JOIN spells h
    ON h.k = p.k AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
  WHERE p.score IS NOT NULL AND p.period IN (SELECT "month" FROM month_calendar)
), unit_month AS (
  -- the model's unit_month, for the unit-months read below (an exact decimal sum: the same in any order)
  SELECT unit_id, "month", CAST(sum(CAST(score AS DECIMAL(18, 4))) FILTER (WHERE settled) AS DOUBLE) AS s, count(*) FILTER (WHERE settled) AS n
  FROM (FROM scored_colleagues UNION ALL FROM scored_new_months) GROUP BY ALL
), rows AS (
  -- the kept people's rows: the previous table's for the people kept before, the model's formula for the others
  SELECT o.k, o."month", o.unit_id, o.score, o.score_vs_colleagues
  FROM _previous_panel o WHERE o.k IN (SELECT k FROM kept)
  UNION ALL
  SELECT s.k, s."month", s.unit_id, s.score,
         s.score - (um.s - CASE WHEN s.settled THEN s.score ELSE 0 END)
                   / nullif(um.n - CASE WHEN s.settled THEN 1 ELSE 0 END, 0) AS score_vs_colleagues
  FROM (FROM scored_newly UNION ALL SELECT * FROM scored_new_months WHERE k IN (SELECT k FROM kept)) s
  JOIN unit_month um USING (unit_id, "month")
)
SELECT kp.nip, r."month", c.t,
       CAST(CASE WHEN f.m IS NULL THEN 0 ELSE (SELECT c2.t FROM cal c2 WHERE c2."month" = f.m) END AS INTEGER) AS cohort,
       coalesce(f.wave, false) AS first_move_wave,
       r.unit_id, r.score, r.score_vs_colleagues,
       kp.sample_share
FROM rows r
JOIN kept kp USING (k)
JOIN cal c USING ("month")
LEFT JOIN first_move f USING (k)
ORDER BY r.k, r."month";

DROP TABLE _previous_panel;
