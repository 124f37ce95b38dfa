-- Staging: SKP performance ratings (PermenPANRB 6/2022). The final predicate is taken as given, or derived from
-- the two sub-ratings (work results × work behaviour) by the matrix in shared/domain.md.
--
-- Shape (the same for every large staging model, see docs/benchmarks.md): one pass over the raw rows that types
-- every value; the key checks as two hash joins (known employee; keys that occur more than once, counted on a
-- BIGINT key); `_issues` is built only for rows that fail a check (CASE evaluates its ELSE for those rows only).
CREATE OR REPLACE TEMP TABLE stg_performance AS
SELECT
  t._file, t._row, t.nip, t.period, t.rating, skp_rank(t.rating) AS rating_rank, t.results_rating, t.behaviour_rating, t.score,
  CASE
    WHEN e.nip IS NOT NULL AND t.period IS NOT NULL AND t.rating IS NOT NULL
     AND (t.rating_given IS NOT NULL OR t.rating_text IS NULL)
     AND (t.results_rating IS NOT NULL OR t.results_text IS NULL)
     AND (t.behaviour_rating IS NOT NULL OR t.behaviour_text IS NULL)
     AND (t.score_text IS NULL OR t.score BETWEEN 0 AND 120)
     AND t.period <= setting_data_date()
     AND d.first_row IS NULL
    THEN []
    ELSE list_filter([
      employee_ref_issue(t.nip_text, t.nip, e.nip IS NOT NULL),
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
      CASE WHEN t._row > d.first_row
           THEN issue('period', t.period_text, 'duplicate key: this employee and period appear on an earlier row') END
    ], x -> x IS NOT NULL)
  END AS _issues
FROM (
  SELECT *, coalesce(rating_given, skp_matrix(results_rating, behaviour_rating)) AS rating
  FROM (
    SELECT
      _file, _row,
      nip_clean(nip)                         AS nip,
      nip                                    AS nip_text,
      id_year_or_month(period)               AS period,
      period                                 AS period_text,
      skp_rating(rating)                     AS rating_given,
      rating                                 AS rating_text,
      expectation_norm(results_rating)       AS results_rating,
      results_rating                         AS results_text,
      expectation_norm(behaviour_rating)     AS behaviour_rating,
      behaviour_rating                       AS behaviour_text,
      col_number(score, _id_style, 'performance', 'score') AS score,
      score                                  AS score_text
    FROM raw_performance
  )
) t
LEFT JOIN (SELECT nip FROM stg_employees WHERE len(_issues) = 0) e ON e.nip = t.nip
-- keys seen more than once, with the first row that has them (the NIP is 18 digits: it fits a BIGINT, which
-- hashes several times faster than the text)
LEFT JOIN (
  SELECT k, p, min(_row) AS first_row
  FROM (SELECT CAST(nip_clean(nip) AS BIGINT) AS k, id_year_or_month(period) AS p, _row FROM raw_performance)
  WHERE k IS NOT NULL AND p IS NOT NULL
  GROUP BY ALL HAVING count(*) > 1
) d ON d.k = CAST(t.nip AS BIGINT) AND d.p = t.period;

COMMENT ON TABLE stg_performance IS 'Staging: SKP ratings typed from raw_performance; _issues lists every rejected value';
