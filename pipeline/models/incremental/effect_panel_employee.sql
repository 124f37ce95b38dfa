-- Incremental build (pipeline/warehouse/incremental-marts.ts): effect_panel_employee after new months, equal to
-- marts/effect_panel_employee.sql run on all months ({{last}} = the previous warehouse's last month). Every
-- formula below is the model's; what changes is which ratings are joined with the position spells (the model's
-- `scored`: every rating of a kept person against every spell of the person):
--
-- - the new months: the kept people's ratings of them, as the model does;
-- - the earlier months: nothing changes there (their ratings, spells and units' settled colleagues are those of
--   the previous build), so the rows of people kept before are the previous table's (score, unit_id,
--   score_vs_colleagues), and only the people the sample keeps now and did not keep before (a new month moves a
--   few hundred of 10,000) are joined;
-- - the settled colleagues of every unit and month are unit_rating_monthly's, already brought up to date (its new
--   months appended); who is complete is counted as the model counts it.
--
CREATE OR REPLACE TEMP TABLE _previous_panel AS
SELECT CAST(nip AS BIGINT) AS k, "month", unit_id, score, score_vs_colleagues FROM effect_panel_employee;

CREATE OR REPLACE TABLE effect_panel_employee AS
-- the model's CTEs cal … person, as they are in marts/effect_panel_employee.sql (incremental-marts.ts inserts
-- them): the calendar, the first moves, who is complete, the strata and the sample are computed again for everyone
WITH {{model ctes through person}}, newly AS (
  -- kept now, not before: their earlier months are joined here
  SELECT k, nip FROM kept WHERE k NOT IN (SELECT k FROM _previous_panel)
), spells AS (
  -- settled_from as in the model
  SELECT CAST(nip AS BIGINT) AS k, unit_id, valid_from, valid_to, CAST(valid_from + INTERVAL 12 MONTH AS DATE) AS settled_from
  FROM employee_position_history
), scored_newly AS (
  -- the model's `scored`, for the newly kept people's earlier months
  SELECT p.k, p.period AS "month", p.score, h.unit_id,
         h.settled_from IS NULL OR h.settled_from <= p.period AS settled
  FROM (SELECT CAST(nip AS BIGINT) AS k, period, score FROM performance
        WHERE period <= {{last}} AND nip IN (SELECT nip FROM newly)) p
  JOIN (SELECT * FROM spells WHERE k IN (SELECT k FROM newly)) h
    ON h.k = p.k AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
  WHERE p.score IS NOT NULL AND p.period IN (SELECT "month" FROM month_calendar)
), scored_new_months AS (
  -- the model's `scored`, for the new months
  SELECT p.k, p.period AS "month", p.score, h.unit_id,
         h.settled_from IS NULL OR h.settled_from <= p.period AS settled
  FROM (SELECT CAST(nip AS BIGINT) AS k, period, score FROM performance
        WHERE period > {{last}} AND nip IN (SELECT nip FROM kept)) p
  JOIN (SELECT * FROM spells WHERE k IN (SELECT k FROM kept)) h
    ON h.k = p.k AND (h.valid_from IS NULL OR h.valid_from <= p.period) AND (h.valid_to IS NULL OR h.valid_to > p.period)
  WHERE p.score IS NOT NULL AND p.period IN (SELECT "month" FROM month_calendar)
), rows AS (
  -- the kept people's rows: the previous table's for the people kept before, the model's formula for the others
  SELECT o.k, o."month", o.unit_id, o.score, o.score_vs_colleagues
  FROM _previous_panel o WHERE o.k IN (SELECT k FROM kept)
  UNION ALL
  SELECT s.k, s."month", s.unit_id, s.score,
         s.score - (um.s - CASE WHEN s.settled THEN s.score ELSE 0 END)
                   / nullif(um.n - CASE WHEN s.settled THEN 1 ELSE 0 END, 0) AS score_vs_colleagues
  FROM (FROM scored_newly UNION ALL FROM scored_new_months) s
  -- the settled colleagues' sum and count of the unit and month, as the model
  JOIN (SELECT unit_id, "month", settled_score_sum AS s, n_settled AS n FROM unit_rating_monthly) um USING (unit_id, "month")
)
SELECT p.nip, r."month", c.t, p.cohort, p.first_move_wave,
       r.unit_id, r.score, r.score_vs_colleagues,
       p.sample_share
FROM rows r
JOIN person p USING (k)
JOIN cal c USING ("month")
ORDER BY r.k, r."month";

DROP TABLE _previous_panel;
