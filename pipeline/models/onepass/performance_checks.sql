-- The checks of the SKP ratings that need other tables, on the stored, typed keys (after performance.sql; see
-- there). A row is rejected when a value of its own is (_bad), when its NIP is not a loaded employee, when its key
-- (employee, period) appears on an earlier row, or when the reader quarantined a cell of it (raw_cell_issue).
-- Its quarantine entries are exactly those the staging model gave before, in the same order; the rejected rows
-- then leave `performance`, and the helper columns are dropped.
CREATE OR REPLACE TEMP TABLE performance_rejected AS
WITH emp AS (
  SELECT nip FROM stg_employees WHERE len(_issues) = 0
), month_set AS (
  -- a cheap pre-filter for the duplicate keys: per employee and block of 64 months, a bitmap of the months its
  -- rows have; more rows than months set means a month repeats (exact: no false negatives, no false positives
  -- at the level of the employee). 100,000 groups instead of 3.6 M keys: ~0.9 s → ~0.2 s of CPU
  SELECT CAST(nip AS BIGINT) AS k
  FROM (SELECT nip, year(period) * 12 + month(period) - 1 AS m FROM performance WHERE nip IS NOT NULL AND period IS NOT NULL)
  GROUP BY k, m // 64
  HAVING count(*) > bit_count(bit_or(CAST(1 AS UBIGINT) << CAST(m % 64 AS UBIGINT)))
), dup AS (
  -- keys seen more than once, with the first row that has them, among the employees flagged above (the NIP is
  -- 18 digits: it fits a BIGINT, which hashes several times faster than the text; rowid follows the file's order)
  SELECT CAST(nip AS BIGINT) AS k, period AS p, min(rowid) AS first_rid
  FROM performance
  WHERE nip IS NOT NULL AND period IS NOT NULL AND CAST(nip AS BIGINT) IN (SELECT k FROM month_set)
  GROUP BY ALL HAVING count(*) > 1
), cells AS (
  SELECT _row, list(issue("column", "value", reason) ORDER BY "column") AS issues
  FROM raw_cell_issue WHERE kind = 'performance' GROUP BY _row
), flagged AS (
  SELECT p.rowid AS rid, p._row AS stored_row,
    coalesce(p._text[1], p.nip) AS nip_text, p.nip, e.nip IS NOT NULL AS known,
    coalesce(p._text[2], strftime(p.period, '%Y-%m')) AS period_text, p.period,
    skp_rating(p._text[3]) AS rating_given, p._text[3] AS rating_text, p.rating,
    p._text[4] AS results_text, p.results_rating, p._text[5] AS behaviour_text, p.behaviour_rating,
    p._text[6] AS score_text, p.score, d.first_rid, c.issues AS cell_issues
  FROM performance p
  LEFT JOIN emp e ON e.nip = p.nip
  LEFT JOIN dup d ON d.k = CAST(p.nip AS BIGINT) AND d.p = p.period
  LEFT JOIN cells c ON c._row = p._row
  WHERE p._bad OR e.nip IS NULL OR p.rowid > d.first_rid OR c.issues IS NOT NULL
), numbered AS (
  -- the spreadsheet row: stored for an XLSX or Parquet file; for a CSV, record + header row + 1, moved down by the
  -- blank lines above it (onepass_row_shift)
  SELECT t.*, coalesce(t.stored_row, CAST(t.rid + f.base + coalesce(s.shift, 0) AS INTEGER)) AS _row, f.file AS _file
  FROM flagged t
  JOIN onepass_file f ON f.kind = 'performance'
  ASOF LEFT JOIN (SELECT start_rec, max(shift) AS shift FROM onepass_row_shift WHERE kind = 'performance' GROUP BY start_rec) s
    ON t.rid >= s.start_rec
), issues AS (
  SELECT t.rid, t._file, t._row,
    list_concat(list_filter([
      employee_ref_issue(t.nip_text, t.nip, t.known),
      CASE WHEN nullif(trim(t.period_text), '') IS NULL THEN issue('period', NULL, 'missing required value')
           WHEN t.period IS NULL THEN issue('period', t.period_text, 'impossible or unreadable period')
           WHEN t.period > setting_data_date() THEN issue('period', t.period_text, after_data_date_reason()) END,
      CASE WHEN nullif(trim(t.rating_text), '') IS NOT NULL AND t.rating_given IS NULL
           THEN issue('rating', t.rating_text, 'unknown SKP predicate')
           WHEN t.rating IS NULL THEN issue('rating', NULL, 'missing required value (no predicate and no sub-ratings)') END,
      CASE WHEN nullif(trim(t.results_text), '') IS NOT NULL AND t.results_rating IS NULL
           THEN issue('results_rating', t.results_text, 'unknown expectation level') END,
      CASE WHEN nullif(trim(t.behaviour_text), '') IS NOT NULL AND t.behaviour_rating IS NULL
           THEN issue('behaviour_rating', t.behaviour_text, 'unknown expectation level') END,
      CASE WHEN col_number_ambiguous(t.score_text, 'performance', 'score') THEN issue('score', t.score_text, number_ambiguous_reason())
           WHEN nullif(trim(t.score_text), '') IS NOT NULL AND t.score IS NULL THEN issue('score', t.score_text, 'not a number')
           WHEN t.score < 0 OR t.score > 120 THEN issue('score', t.score_text, 'score outside 0–120') END,
      CASE WHEN t.rid > t.first_rid
           THEN issue('period', t.period_text, 'duplicate key: this employee and period appear on an earlier row') END
    ], x -> x IS NOT NULL), coalesce(t.cell_issues, [])) AS _issues
  FROM numbered t
)
SELECT rid, _file, _row, _issues FROM issues WHERE len(_issues) > 0 ORDER BY rid;

DELETE FROM performance WHERE rowid IN (SELECT rid FROM performance_rejected);
ALTER TABLE performance DROP COLUMN _text;
ALTER TABLE performance DROP COLUMN _bad;
ALTER TABLE performance DROP COLUMN _score_shape;
ALTER TABLE performance DROP COLUMN _row;
ALTER TABLE performance DROP COLUMN _empty;

COMMENT ON TABLE performance IS 'Core: SKP ratings (PermenPANRB 6/2022) per employee and period, in the order of the input file; nip is personal data';
COMMENT ON COLUMN performance.rating_rank IS '1 Sangat Kurang, 2 Kurang/Misconduct, 3 Butuh Perbaikan, 4 Baik, 5 Sangat Baik';
