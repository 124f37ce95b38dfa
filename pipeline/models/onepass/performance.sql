-- One pass (pipeline/warehouse/one-pass.ts): SKP ratings (PermenPANRB 6/2022) read from the file, typed and
-- written as the core table `performance` at once, instead of raw → staging → core (storing rows costs far more
-- than parsing them; issue 20). The final predicate is taken as given, or derived from the two sub-ratings by the
-- matrix in shared/domain.md.
--
-- Every row is stored, in file order (rowid = the record's place in the file: no join here, a join inside the
-- read would build its hash table on the file and scramble the order). The checks that need other tables (known
-- employee, duplicate keys) run afterwards on the stored, typed keys (performance_checks.sql), which then move the
-- rejected rows into the quarantine and drop the helper columns below.
--
-- Helper columns, NULL on a clean row. Each column costs its store even when it holds only NULLs (about 0.1 s of
-- CPU per VARCHAR column on 3.6 M rows), so the texts share one list column:
--   _text         NULL on a clean row; else [nip, period, rating, results, behaviour, score] as read, each kept
--                 on a _bad row, and the NIP and the period also when the text is not what the typed value gives
--                 back (e.g. `19660801 198803 1 001`), so a quarantine entry shows the text
--   _bad          true when a value of the row itself is rejected (the row checks of stg_performance before)
--   _score_shape  what the score's text says about a lone dot (number_shape, pipeline/ingest/profile.ts): the
--                 column's number format is decided from these after the pass (one-pass.ts)
--   _row          the spreadsheet row, from an XLSX or Parquet raw table (a CSV's rows are numbered by rowid)
--   _empty        a row without any value (dropped at the end of the file)
CREATE OR REPLACE TABLE performance AS
SELECT
  -- rating is a canonical predicate or NULL, so its rank is its place in the list (skp_rank without folding it again)
  nip, period, rating,
  list_position(['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'], rating) AS rating_rank,
  results_rating, behaviour_rating, score,
  CASE WHEN _bad THEN [nip_text, period_text, rating_text, results_text, behaviour_text, score_text]
       WHEN nip_text IS DISTINCT FROM nip OR period_differs
         THEN [CASE WHEN nip_text IS DISTINCT FROM nip THEN nip_text END, CASE WHEN period_differs THEN period_text END,
               NULL, NULL, NULL, NULL] END AS _text,
  CASE WHEN _bad THEN true END AS _bad,
  number_shape(score_text) AS _score_shape,
  _row, _empty
FROM (
  SELECT *,
    NOT coalesce(nip IS NOT NULL AND period IS NOT NULL AND rating IS NOT NULL
      AND (rating_given IS NOT NULL OR rating_text IS NULL)
      AND (results_rating IS NOT NULL OR results_text IS NULL)
      AND (behaviour_rating IS NOT NULL OR behaviour_text IS NULL)
      AND (score_text IS NULL OR score BETWEEN 0 AND 120)
      AND period <= setting_data_date(), false) AS _bad,
    -- the period's text is not what the period gives back (strftime(period, '%Y-%m')): a period read from
    -- `YYYY-MM` gives that text back, so only other texts are formatted (strftime costs ~0.4 s on 3.6 M rows)
    CASE WHEN period IS NOT NULL AND regexp_full_match(period_text, '\d{4}-\d{2}') THEN false
         ELSE period_text IS DISTINCT FROM strftime(period, '%Y-%m') END AS period_differs
  FROM (
    SELECT *, coalesce(rating_given, skp_matrix(results_rating, behaviour_rating)) AS rating
    FROM (
      SELECT
        _row, _empty,
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
      FROM src_performance
    )
  )
);
