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
--
-- The values come untrimmed from a CSV (src_performance, pipeline/ingest/sql.ts rawSelectSql): onepass_trim
-- (one-pass.ts: the raw layer's trim) is applied only where a value is not in its common clean form, which has
-- nothing to trim (18 digits, YYYY-MM, a canonical predicate or expectation, a score col_number_plain accepts):
-- trimming every value cost ~0.1 s of CPU a column. Other predicates and expectation levels go to skp_rating and
-- expectation_norm as read (they trim first). From an XLSX or Parquet raw table the values are trimmed already,
-- and trimming again changes none.
--
-- The predicate and the two sub-ratings are stored as ENUMs of their domain values (SKP_RATINGS and Expectation in
-- pipeline/domain/skp.ts, listed in byte order so that ORDER BY, min/max and comparisons give what the texts gave;
-- test/integration/warehouse-schema.test.ts): storing 3.6 M short texts cost ~1.3 s of CPU in DuckDB's string
-- compression, the ENUMs ~0.1 s. The normalisers give only those values or NULL (a parity test each), so the
-- cast never fails on input. The canonical spellings become ENUM constants in the CASE itself (cast once, when the
-- query is bound), and only the slow paths' texts are cast row by row: casting 3 × 3.6 M texts to ENUMs, and
-- rating_rank's list_position over the texts, cost ~0.3 s of CPU. rating_rank is the predicate's place in
-- skp_rank's list (1 Sangat Kurang … 5 Sangat Baik), read from the ENUM. The two ENUM types, written once:
CREATE OR REPLACE TEMP MACRO skp_rating_enum(x) AS CAST(x AS ENUM('Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Baik', 'Sangat Kurang'));
CREATE OR REPLACE TEMP MACRO expectation_enum(x) AS CAST(x AS ENUM('above', 'as_expected', 'below'));

CREATE OR REPLACE TABLE performance AS
SELECT
  -- rating is a canonical predicate or NULL, so its rank is its place in skp_rank's list, without folding it again
  nip, period, rating,
  CAST(CASE rating WHEN 'Sangat Kurang' THEN 1 WHEN 'Kurang/Misconduct' THEN 2 WHEN 'Butuh Perbaikan' THEN 3
                   WHEN 'Baik' THEN 4 WHEN 'Sangat Baik' THEN 5 END AS INTEGER) AS rating_rank,
  results_rating, behaviour_rating, score,
  CASE WHEN _bad THEN [onepass_trim(r_nip), onepass_trim(r_period), onepass_trim(r_rating), onepass_trim(r_results),
                       onepass_trim(r_behaviour), score_text]
       WHEN nip_differs OR period_differs
         THEN [CASE WHEN nip_differs THEN onepass_trim(r_nip) END, CASE WHEN period_differs THEN onepass_trim(r_period) END,
               NULL, NULL, NULL, NULL] END AS _text,
  CASE WHEN _bad THEN true END AS _bad,
  CASE WHEN f_score THEN number_shape_plain(score_text) ELSE number_shape(score_text) END AS _score_shape,
  _row, _empty
FROM (
  SELECT *,
    -- CASE, not OR, around each onepass_trim: in a SELECT list DuckDB evaluates every operand of AND and OR on
    -- every row (no short circuit; a CASE evaluates a branch only on the rows that reach it), and the three trims
    -- of texts that were already read as canonical values cost ~0.35 s of CPU on 3.6 M rows
    NOT coalesce(nip IS NOT NULL AND period IS NOT NULL AND rating IS NOT NULL
      AND CASE WHEN rating_given IS NOT NULL THEN true ELSE onepass_trim(r_rating) IS NULL END
      AND CASE WHEN results_rating IS NOT NULL THEN true ELSE onepass_trim(r_results) IS NULL END
      AND CASE WHEN behaviour_rating IS NOT NULL THEN true ELSE onepass_trim(r_behaviour) IS NULL END
      AND (score_text IS NULL OR score BETWEEN 0 AND 120)
      AND period <= setting_data_date(), false) AS _bad,
    -- the NIP's text is not the NIP (e.g. `19660801 198803 1 001`)
    CASE WHEN f_nip THEN false ELSE onepass_trim(r_nip) IS DISTINCT FROM nip END AS nip_differs,
    -- the period's text is not what the period gives back (strftime(period, '%Y-%m')): a period read from
    -- `YYYY-MM` gives that text back, so only other texts are formatted (strftime costs ~0.4 s on 3.6 M rows)
    CASE WHEN f_period THEN false
         WHEN period IS NOT NULL AND regexp_full_match(onepass_trim(r_period), '\d{4}-\d{2}') THEN false
         ELSE onepass_trim(r_period) IS DISTINCT FROM strftime(period, '%Y-%m') END AS period_differs
  FROM (
    SELECT *, coalesce(rating_given, skp_rating_enum(skp_matrix(results_rating, behaviour_rating))) AS rating
    FROM (
      SELECT
        _row, _empty, f_nip, f_period, f_score, r_nip, r_period, r_rating, r_results, r_behaviour,
        -- a score in its column's common clean form (col_number_plain) has nothing to trim
        CASE WHEN f_score THEN r_score ELSE t_score END AS score_text,
        -- each value in its common clean form as it is (the normaliser's own fast path: the same value), else
        -- trimmed and normalised. skp_rating and expectation_norm fold their text with _word_key, which trims
        -- first (_clean: the blanks of onepass_trim and more), so they read the untrimmed text to the same result:
        -- onepass_trim inside them was evaluated once per WHEN and per _clean test (~0.3 s on 3.6 M ratings of
        -- which 1.4 % are spelled `Kurang`)
        CASE WHEN f_nip THEN r_nip ELSE nip_clean(t_nip) END AS nip,
        CASE WHEN f_period THEN try_cast(r_period || '-01' AS DATE) ELSE id_year_or_month(t_period) END AS period,
        CASE r_rating
          WHEN 'Sangat Baik'       THEN skp_rating_enum('Sangat Baik')
          WHEN 'Baik'              THEN skp_rating_enum('Baik')
          WHEN 'Butuh Perbaikan'   THEN skp_rating_enum('Butuh Perbaikan')
          WHEN 'Kurang/Misconduct' THEN skp_rating_enum('Kurang/Misconduct')
          WHEN 'Sangat Kurang'     THEN skp_rating_enum('Sangat Kurang')
          ELSE skp_rating_enum(skp_rating(r_rating)) END AS rating_given,
        CASE r_results
          WHEN 'di atas ekspektasi'  THEN expectation_enum('above')
          WHEN 'sesuai ekspektasi'   THEN expectation_enum('as_expected')
          WHEN 'di bawah ekspektasi' THEN expectation_enum('below')
          ELSE expectation_enum(expectation_norm(r_results)) END AS results_rating,
        CASE r_behaviour
          WHEN 'di atas ekspektasi'  THEN expectation_enum('above')
          WHEN 'sesuai ekspektasi'   THEN expectation_enum('as_expected')
          WHEN 'di bawah ekspektasi' THEN expectation_enum('below')
          ELSE expectation_enum(expectation_norm(r_behaviour)) END AS behaviour_rating,
        CASE WHEN f_score THEN col_number_plain_value(r_score, 'performance', 'score')
             ELSE col_number(t_score, _id_style, 'performance', 'score') END AS score
      FROM (
        -- the slow paths' trimmed texts as columns: a macro's argument is copied wherever the macro uses it, and
        -- onepass_trim(…) copied into id_year_or_month took DuckDB ~40 ms more to bind (a pass is bound anew each
        -- build; an incremental build binds both passes for a month of rows). ELSE as above: the same rows.
        SELECT *,
          CASE WHEN f_nip THEN NULL ELSE onepass_trim(r_nip) END AS t_nip,
          CASE WHEN f_period THEN NULL ELSE onepass_trim(r_period) END AS t_period,
          CASE WHEN f_score THEN NULL ELSE onepass_trim(r_score) END AS t_score
        FROM (
        SELECT
          _row, _empty, _id_style,
          nip AS r_nip, period AS r_period, rating AS r_rating, results_rating AS r_results, behaviour_rating AS r_behaviour,
          score AS r_score,
          -- nip_clean's and id_year_or_month's fast paths (pipeline/models/macros/normalise.sql)
          strlen(nip) = 18 AND CAST(try_cast(nip AS UBIGINT) AS VARCHAR) = nip AS f_nip,
          regexp_full_match(period, '[1-9]\d{3}-(?:0[1-9]|1[0-2])') AS f_period,
          -- col_number's fast path (normalise_columns.sql): one pattern, then no trim and no number_shape patterns
          col_number_plain(score, 'performance', 'score') AS f_score
        FROM src_performance
        )
      )
    )
  )
);
