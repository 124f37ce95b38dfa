-- Column-level reading decisions (pipeline/ingest/profile.ts, docs/data-contract.md "How a column's number format
-- and date order are decided"). The build replaces number_dots and date_order_of with the decisions for its files;
-- these defaults (dots decimal unless the file is a semicolon CSV, dates day-first) are the value-by-value rules.

-- number_dots(kind, column) → 'thousands' | 'decimal' | 'ambiguous': the role of a lone dot in that column
CREATE OR REPLACE MACRO number_dots(k, c) AS 'decimal';
-- date_order_of(kind, column) → 'dmy' | 'mdy' | 'mixed': the order of `04/01/2003` in that column
CREATE OR REPLACE MACRO date_order_of(k, c) AS 'dmy';

-- a lone dot followed by three digits (`3.600`, `-1.364`): a thousands group or three decimals
CREATE OR REPLACE MACRO number_dot_ambiguous(txt) AS
  regexp_full_match(regexp_replace(CAST(txt AS VARCHAR), '[\s\x{00A0}]+', '', 'g'), '[+-]?[1-9]\d{0,2}\.\d{3}');

-- col_number_plain(txt, kind, column): the text is a number in a common clean form of its column, read by
-- col_number_plain_value exactly as col_number reads it (test/unit/onepass-fast-paths.test.ts): no blanks, an
-- optional sign, and with the column's decided role of a lone dot (docs/data-contract.md "Values": a comma is
-- always the decimal separator) —
--   decimal     a whole number or one decimal point with 1–2 decimals (73.9, -0.25); not 3.600-like texts
--               (number_shape 3, see profile.ts) nor a comma
--   thousands   a whole number, or a decimal comma after digits or after well-formed dot groups (12,5, 1.234,5)
--   ambiguous   a whole number
-- One pattern per column (number_dots is constant there): the common values take one regexp, and the one-pass
-- loads need neither trim nor number_shape's patterns for them (number_shape_plain).
CREATE OR REPLACE MACRO col_number_plain(txt, k, c) AS
  CASE number_dots(k, c)
    WHEN 'decimal' THEN regexp_full_match(txt, '[+-]?\d+(?:\.\d{1,2})?')
    WHEN 'thousands' THEN regexp_full_match(txt, '[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+),\d+|[+-]?\d+')
    ELSE regexp_full_match(txt, '[+-]?\d+')
  END;
-- the value of a text col_number_plain accepts: dots group thousands only where a comma is the decimal separator
CREATE OR REPLACE MACRO col_number_plain_value(txt, k, c) AS
  CASE number_dots(k, c)
    WHEN 'thousands' THEN try_cast(replace(replace(txt, '.', ''), ',', '.') AS DOUBLE)
    ELSE try_cast(txt AS DOUBLE)
  END;

-- col_number(txt, id_style, kind, column) → DOUBLE as id_number, with the column's decision for a lone dot;
-- NULL for a value that is ambiguous in its column (staging quarantines it with number_ambiguous_issue). The
-- common clean forms take col_number_plain's one pattern first.
CREATE OR REPLACE MACRO col_number(txt, id_style, k, c) AS
  CASE
    WHEN col_number_plain(txt, k, c) THEN col_number_plain_value(txt, k, c)
    ELSE CASE number_dots(k, c)
      WHEN 'thousands' THEN id_number(txt, true)
      WHEN 'ambiguous' THEN CASE WHEN number_dot_ambiguous(txt) THEN NULL ELSE id_number(txt, id_style) END
      ELSE id_number(txt, false)
    END
  END;
CREATE OR REPLACE MACRO col_number_ambiguous(txt, k, c) AS number_dots(k, c) = 'ambiguous' AND coalesce(number_dot_ambiguous(txt), false);
CREATE OR REPLACE MACRO number_ambiguous_reason() AS
  'ambiguous number: the dot may group thousands (3.600 = 3600) or mark decimals (3.6) and the column''s other values do not decide; set input.number_locale (id or en)';

-- `dd/mm/yyyy`-like text with both parts ≤ 12 and different: the day-first and month-first readings differ
CREATE OR REPLACE MACRO _date_reads_both_ways(txt) AS
  list_transform([regexp_extract(CAST(txt AS VARCHAR), '^\s*(\d{1,2})[-/.](\d{1,2})[-/.][1-9]\d{3}(?:[ T].*)?\s*$', ['a', 'b'])],
    lambda _p: _p.a <> '' AND try_cast(_p.a AS INTEGER) <= 12 AND try_cast(_p.b AS INTEGER) <= 12 AND try_cast(_p.a AS INTEGER) <> try_cast(_p.b AS INTEGER))[1];
-- swap the first two parts of `a/b/yyyy` (any text else unchanged)
CREATE OR REPLACE MACRO _date_swap_dm(txt) AS
  regexp_replace(CAST(txt AS VARCHAR), '^(\s*)(\d{1,2})([-/.])(\d{1,2})([-/.])([1-9]\d{3})', '\1\4\3\2\5\6');

-- col_date(txt, kind, column) → DATE as id_date, in the column's order; in a mixed column a value that reads
-- both ways is NULL (staging quarantines it with date_ambiguous_reason), the others take their only reading
CREATE OR REPLACE MACRO col_date(txt, k, c) AS
  CASE date_order_of(k, c)
    WHEN 'mdy' THEN id_date(_date_swap_dm(txt))
    WHEN 'mixed' THEN CASE WHEN coalesce(_date_reads_both_ways(txt), false) THEN NULL ELSE coalesce(id_date(txt), id_date(_date_swap_dm(txt))) END
    ELSE id_date(txt)
  END;
CREATE OR REPLACE MACRO col_date_ambiguous(txt, k, c) AS date_order_of(k, c) = 'mixed' AND coalesce(_date_reads_both_ways(txt), false);
CREATE OR REPLACE MACRO date_ambiguous_reason() AS
  'ambiguous date: the column holds both day-first and month-first dates and this one reads both ways';

-- setting_data_date() → DATE: the day the data are as of (settings input.data_date; the build's day when unset).
-- Transfers, ratings, workload months, activities and TMT jabatan after it are quarantined. The build replaces
-- this default with the settings in force (pipeline/warehouse/input-sql.ts).
CREATE OR REPLACE MACRO setting_data_date() AS current_date;
CREATE OR REPLACE MACRO after_data_date_reason() AS
  'date is after the data date ' || strftime(setting_data_date(), '%Y-%m-%d') || ' (settings input.data_date; the day of the build when unset)';
