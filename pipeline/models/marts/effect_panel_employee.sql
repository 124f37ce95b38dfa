-- Mart: the employee × month panel for the effect of a transfer on the person who moves (the ramp-up), for the
-- Callaway & Sant'Anna estimator (docs/method-effects.md). Balanced: only employees with a score in every month
-- of month_calendar (people who joined or left during the window are left out).
--   cohort = t of the month of the person's first transfer inside the calendar (the first month whose 1st is on
--            or after the effective date: the month from which the new post holds on the 1st, as the head-counts
--            and the unit attribution do); 1 = in the first month (did drops these people: no month before);
--            0 = not moved inside the calendar.
--   first_move_wave = that first transfer was part of a rotation wave (see effect_panel_unit).
-- Outcomes:
--   score               the SKP score (performance.score) of the month;
--   score_vs_colleagues score − the mean score of the SETTLED colleagues of the same unit that month (people whose
--                       spell in the unit began at least 12 months before; the person left out). Differencing
--                       against settled colleagues removes what belongs to the unit and the month — the unit's
--                       level, common shocks, and an effect a wave has on everyone in a receiving unit — so the
--                       ramp-up is the person's own dip; colleagues who arrived in the last year are left out of
--                       the benchmark because they may still be ramping up themselves. NULL when the unit has no
--                       settled colleague that month.
-- Scale: at most setting_effects_max_employees() people (10,000 by default: no sampling at city scale), a
-- deterministic sample by md5(nip) within two strata, moved and not moved inside the calendar: movers up to half
-- of the cap, or what the non-movers leave free; non-movers fill the rest. The precision of the effects comes
-- from the movers, and the bootstrap costs O(people × months), so this keeps the build fast at province and
-- national scale. Sampling within each stratum keeps the cohort shares of the movers and so the aggregation
-- weights. The colleague benchmark of score_vs_colleagues is computed on everyone, before sampling.
-- sample_share = the share of the person's stratum kept (1 = everyone).
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
  -- months of the calendar covered by a position spell, per person (a spell [valid_from, valid_to) covers the
  -- months m with month_ceil(valid_from) ≤ m < month_ceil(valid_to))
  -- (every bound is a month's 1st, where date_diff('month', …) counts the months exactly, as date_sub would)
  SELECT CAST(h.nip AS BIGINT) AS k,
         sum(greatest(0, date_diff('month',
           greatest(b.lo, coalesce(month_ceil(h.valid_from), b.lo)),
           least(CAST(b.hi + INTERVAL 1 MONTH AS DATE), coalesce(month_ceil(h.valid_to), CAST(b.hi + INTERVAL 1 MONTH AS DATE)))))) AS n
  FROM employee_position_history h CROSS JOIN bounds b
  GROUP BY ALL
), complete AS (
  -- a score in every month of the calendar, each month in a unit: a person has at most one rating a month
  -- ((nip, period) is unique in performance) and at most one spell covering a month (spells of one person never
  -- overlap, core/employee_position_history.sql), so the person has a row in every month exactly when both
  -- counts are the calendar's length (test/integration/transfer-effects.test.ts checks this against the join)
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
), person AS (
  -- what the rows of a kept person share: joined once per person, then with the rows (joined with every row, the
  -- first moves made DuckDB build its hash table on the 360,000 rows)
  SELECT kp.k, kp.nip, kp.sample_share,
         CAST(CASE WHEN f.m IS NULL THEN 0 ELSE cm.t END AS INTEGER) AS cohort,
         coalesce(f.wave, false) AS first_move_wave
  FROM kept kp
  LEFT JOIN first_move f USING (k)
  LEFT JOIN cal cm ON cm."month" = f.m
), scored AS (
  -- the kept people's ratings with the unit of the position held on the 1st of the month; settled = in that
  -- spell for at least 12 months (as unit_rating_monthly). Spells of one person never overlap and (nip, period)
  -- is unique in performance, so each row here is one person-month.
  SELECT p.k, p.period AS "month", p.score, h.unit_id,
         h.settled_from IS NULL OR h.settled_from <= p.period AS settled
  FROM (SELECT CAST(nip AS BIGINT) AS k, period, score FROM performance
        WHERE nip IN (SELECT nip FROM kept) AND score IS NOT NULL AND period IN (SELECT "month" FROM month_calendar)) p
  JOIN (SELECT CAST(nip AS BIGINT) AS k, unit_id, valid_from, valid_to,
               CAST(valid_from + INTERVAL 12 MONTH AS DATE) AS settled_from
        FROM employee_position_history WHERE nip IN (SELECT nip FROM kept)) h
    ON h.k = p.k AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
)
SELECT p.nip, s."month", c.t, p.cohort, p.first_move_wave,
       s.unit_id, s.score,
       s.score - (um.s - CASE WHEN s.settled THEN s.score ELSE 0 END)
                 / nullif(um.n - CASE WHEN s.settled THEN 1 ELSE 0 END, 0) AS score_vs_colleagues,
       p.sample_share
FROM scored s
JOIN person p USING (k)
JOIN cal c USING ("month")
-- the settled colleagues' sum and count of the unit and month (unit_rating_monthly)
JOIN (SELECT unit_id, "month", settled_score_sum AS s, n_settled AS n FROM unit_rating_monthly) um USING (unit_id, "month")
-- (k is the NIP as a number: 18 digits each, so its order is the order of the text)
ORDER BY s.k, s."month";

COMMENT ON TABLE effect_panel_employee IS 'Mart: employee × month panel (balanced: a score every month) for the effect of a transfer on the person; cohort = month index t of the first transfer inside the calendar (0 not moved); outcomes score and score_vs_colleagues (score − mean of settled colleagues in the unit); capped at setting_effects_max_employees() by a deterministic sample; nip is personal data';
COMMENT ON COLUMN effect_panel_employee.nip IS 'PERSONAL DATA (UU 27/2022): never public';
COMMENT ON COLUMN effect_panel_employee.t IS 'month index: 1 = first month of month_calendar';
COMMENT ON COLUMN effect_panel_employee.score_vs_colleagues IS 'score − mean score of the colleagues in the same unit that month whose spell began ≥ 12 months before (the person excluded); NULL without such colleagues';
COMMENT ON COLUMN effect_panel_employee.sample_share IS 'share of the person''s stratum (moved / not moved inside the calendar) kept by the cap; 1 = no sampling';
