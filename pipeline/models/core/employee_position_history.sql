-- Core: who held which position when, derived from the transfers and the current state.
-- Spells are [valid_from, valid_to); valid_to NULL = still there. The spell before a person's first recorded
-- transfer starts at their appointment date (NULL when unknown = since before the records).
CREATE OR REPLACE TABLE employee_position_history AS
WITH t AS (
  SELECT transfer_id, nip, effective_date, from_position_id, to_position_id,
         row_number() OVER w AS k,
         lead(effective_date) OVER w AS next_date,
         count(*) OVER (PARTITION BY nip) AS n
  FROM transfer
  WINDOW w AS (PARTITION BY nip ORDER BY effective_date, transfer_id)
), spells AS (
  SELECT t.nip, t.from_position_id AS position_id, e.appointment_date AS valid_from, t.effective_date AS valid_to, NULL AS transfer_id
  FROM t JOIN employee e USING (nip)
  WHERE t.k = 1 AND t.from_position_id IS NOT NULL
  UNION ALL
  -- a spell per transfer; the last one is closed only when the current state disagrees with it
  SELECT t.nip, t.to_position_id, t.effective_date,
         CASE WHEN t.k < t.n THEN t.next_date
              WHEN e.position_id <> t.to_position_id THEN greatest(e.position_since, t.effective_date) END,
         t.transfer_id
  FROM t JOIN employee e USING (nip)
  UNION ALL
  -- the current position when the transfers do not end in it (or there are none)
  SELECT e.nip, e.position_id,
         CASE WHEN l.nip IS NULL THEN e.position_since ELSE greatest(e.position_since, l.effective_date) END,
         NULL, NULL
  FROM employee e
  LEFT JOIN (SELECT nip, to_position_id, effective_date FROM t WHERE k = n) l USING (nip)
  WHERE l.nip IS NULL OR l.to_position_id <> e.position_id
)
SELECT s.nip, s.position_id, p.unit_id, s.valid_from, s.valid_to, s.transfer_id
FROM spells s JOIN position p USING (position_id)
WHERE s.valid_to IS NULL OR s.valid_from IS NULL OR s.valid_to > s.valid_from
ORDER BY s.nip, s.valid_from NULLS FIRST;

COMMENT ON TABLE employee_position_history IS 'Core: position spells per employee [valid_from, valid_to), derived from transfers and the current state; nip is personal data';
