-- Value normalisers: text from the raw layer (raw_<kind>, every value VARCHAR) → typed values. One definition
-- serves every reader (CSV, XLSX, Parquet). Accepted forms: docs/data-contract.md "Values"; NIP and golongan
-- rules: shared/domain.md "Identifiers and grades"; SKP: PermenPANRB 6/2022 (shared/domain.md "Performance").
-- The TypeScript twins (pipeline/domain/{nip,golongan,skp}.ts) must agree: test/unit/normalise-parity.test.ts.
--
-- Public macros: id_date, id_month, id_year_or_month, id_number, nip_clean, nip_birth_date, nip_problem,
-- golongan_norm, golongan_rank, yes_no, sex_norm, education_norm, education_rank, tags, skp_rating, skp_rank,
-- expectation_norm, skp_from_subratings. Macros whose names start with `_` are helpers.
--
-- Conventions: every macro is NULL-safe; empty or whitespace-only text is NULL (yes_no: 'unknown'); text
-- that cannot be read is NULL (never guessed), so staging can quarantine it by comparing the typed value
-- with the text.
--
-- Performance: the raw tables hold tens of millions of values. Macro arguments are substituted as
-- expressions, and DuckDB shares a repeated subexpression only when one copy is always evaluated (at the top
-- of a select item, or in the first WHEN of a CASE); copies inside CASE branches are evaluated each, and so is
-- the operand of `CASE x WHEN …`: once per WHEN. So the hot macros (id_date, id_month, id_number, nip_clean)
-- do not trim first but accept surrounding whitespace in their patterns; the common, already clean forms
-- take a fast path behind a cheap regular expression, and only the rare forms the full logic; an argument is
-- repeated only where it is cheap (a column), else used once (a list lookup, one regexp_replace). The "let"
-- idiom `list_transform([expr], lambda _r: …)[1]` about doubles a macro's cost: only on rare forms (id_month,
-- id_number, Excel serials). No `try()` (on an error it re-runs the whole vector row by row). Measured on 5M
-- values (CPU seconds, DuckDB 1.5, 2 vCPU): try_cast(iso AS DATE) 0.14 · id_date ISO 0.45, dd-mm-yyyy 0.85 ·
-- id_month YYYY-MM 0.63 · id_number 123 0.39, 12,5 0.90 · nip_clean 18 digits 0.48, "19660801 198803 1 001" 1.74.
-- Issue 20, on the 3.6 M ratings of the province bench (CPU seconds, in a table): id_year_or_month YYYY-MM
-- 0.62 → 0.37 (a cast behind one pattern) · id_number 73.9 0.55 → 0.20 · nip_clean 18 digits 0.39 → 0.22 (a cast and
-- back) · skp_rating 0.50 → 0.05 (the folded spellings looked up once: `CASE k WHEN …` folded `Kurang` 10 times).

-- Trimmed text (space, tab, CR, LF, no-break space), empty → NULL. Accepts any type. Only values with
-- whitespace at an end are trimmed (prefix/suffix tests are much cheaper than trim()).
CREATE OR REPLACE MACRO _clean(x) AS
  CASE
    WHEN x IS NULL THEN NULL
    WHEN prefix(CAST(x AS VARCHAR), ' ') OR suffix(CAST(x AS VARCHAR), ' ')
      OR prefix(CAST(x AS VARCHAR), chr(9)) OR suffix(CAST(x AS VARCHAR), chr(9))
      OR prefix(CAST(x AS VARCHAR), chr(10)) OR suffix(CAST(x AS VARCHAR), chr(10))
      OR prefix(CAST(x AS VARCHAR), chr(13)) OR suffix(CAST(x AS VARCHAR), chr(13))
      OR prefix(CAST(x AS VARCHAR), chr(160)) OR suffix(CAST(x AS VARCHAR), chr(160))
      THEN nullif(trim(CAST(x AS VARCHAR), ' ' || chr(9) || chr(10) || chr(13) || chr(160)), '')
    WHEN CAST(x AS VARCHAR) = '' THEN NULL
    ELSE CAST(x AS VARCHAR)
  END;

-- ---------------------------------------------------------------------------------------------------------
-- Month names: Indonesian (also old spellings Pebruari, Nopember) and English, full or abbreviated.
CREATE OR REPLACE MACRO _month_no(w) AS (MAP {
  'jan': 1, 'januari': 1, 'january': 1,
  'feb': 2, 'febr': 2, 'peb': 2, 'februari': 2, 'pebruari': 2, 'february': 2,
  'mar': 3, 'mrt': 3, 'maret': 3, 'march': 3,
  'apr': 4, 'april': 4,
  'mei': 5, 'may': 5,
  'jun': 6, 'juni': 6, 'june': 6,
  'jul': 7, 'juli': 7, 'july': 7,
  'agu': 8, 'agt': 8, 'ags': 8, 'agus': 8, 'agst': 8, 'agustus': 8, 'aug': 8, 'august': 8,
  'sep': 9, 'sept': 9, 'september': 9,
  'okt': 10, 'oct': 10, 'oktober': 10, 'october': 10,
  'nov': 11, 'nop': 11, 'november': 11, 'nopember': 11,
  'des': 12, 'dec': 12, 'desember': 12, 'december': 12
})[lower(w)];

-- A date from digit strings (year 4 digits, month and day 1–2); NULL when a part is missing or the date does
-- not exist (31-02-2024 is not rolled over to March). The parts come from anchored regular expressions, so
-- the lenient VARCHAR → DATE cast only ever sees `Y-M-D`.
CREATE OR REPLACE MACRO _ymd(y, m, d) AS
  CASE WHEN CAST(y AS VARCHAR) <> '' AND CAST(m AS VARCHAR) <> '' AND CAST(d AS VARCHAR) <> ''
       THEN try_cast(CAST(y AS VARCHAR) || '-' || CAST(m AS VARCHAR) || '-' || CAST(d AS VARCHAR) AS DATE) END;

-- Month as a word: 12 Januari 2024, 12 Jan 2024, 12-Jan-2024, 12 Agt. 2024, Senin, 12 Januari 2024, and the
-- English order January 12, 2024. The text is folded to lower-case words separated by one space (_date_words),
-- then read by position. The folded text is bound once, as a lambda's argument: _date_named_w reads it eight
-- times, and copied eight times (a macro's argument is copied wherever it is used) it made binding id_date
-- 10.5 ms instead of 4 (three date columns of stg_employees: ~35 ms of its binding). The lambda's cost per value
-- (a list per value) only applies to the rare values that reach this branch of _id_date.
CREATE OR REPLACE MACRO _date_words(s) AS
  regexp_replace(trim(regexp_replace(lower(s), '[^a-z0-9]+', ' ', 'g')), '^(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday) ', '');
CREATE OR REPLACE MACRO _date_named_w(w) AS
  CASE
    WHEN regexp_full_match(w, '\d{1,2} [a-z]+ [1-9]\d{3}')
      THEN _ymd(split_part(w, ' ', 3), _month_no(split_part(w, ' ', 2)), split_part(w, ' ', 1))
    WHEN regexp_full_match(w, '[a-z]+ \d{1,2} [1-9]\d{3}')
      THEN _ymd(split_part(w, ' ', 3), _month_no(split_part(w, ' ', 1)), split_part(w, ' ', 2))
  END;
CREATE OR REPLACE MACRO _date_named(s) AS list_transform([_date_words(s)], lambda _w: _date_named_w(_w))[1];
CREATE OR REPLACE MACRO _date_named_us(s) AS _date_named_w(_date_words(s));

-- Excel serial day number: 1899-12-30 + n, with or without decimals (a time of day is dropped). Only
-- five-digit serials are read (10000 … 99999 = 1927-05-18 … 2173-10-13): Excel accepts 1 … 2958465, but
-- here a shorter number is a year (`2024`), a day or a typo, and a longer one a YYYYMM/YYYYMMDD gone wrong
-- (`202413`); they give NULL rather than a date in 1900 or 2454.
CREATE OR REPLACE MACRO _date_serial(s) AS list_transform(
  [regexp_extract(s, '^\s*(\d{5})(?:[.,]\d+)?\s*$', 1)],
  lambda _n: CASE WHEN _n <> '' THEN CAST(DATE '1899-12-30' + CAST(_n AS INTEGER) AS DATE) END)[1];

-- The forms, each behind a cheap regular-expression gate (a 4-digit year is required: strptime's %Y would
-- also take `24`). Day-first order is Indonesian usage; one separator throughout (12-01/2024 → NULL).
CREATE OR REPLACE MACRO _id_date(s) AS
  CASE
    -- ISO 2024-01-12 (the common case first)
    WHEN regexp_full_match(s, '\s*[1-9]\d{3}-\d{2}-\d{2}\s*') THEN try_cast(s AS DATE)
    -- fast paths for the next most common forms: 12-01-2024 (one format to try, not three) and
    -- 12 Januari 2024 (read in place, without the folding of _date_words)
    WHEN regexp_full_match(s, '\d{1,2}-\d{1,2}-[1-9]\d{3}') THEN CAST(try_strptime(s, '%d-%m-%Y') AS DATE)
    WHEN regexp_full_match(s, '\d{1,2} [A-Za-z]+ [1-9]\d{3}')
      THEN try_cast(split_part(s, ' ', 3) || '-' || CAST(_month_no(split_part(s, ' ', 2)) AS VARCHAR) || '-' || split_part(s, ' ', 1) AS DATE)
    -- 12-01-2024, 12/01/2024, 12.01.2024, 1-2-2024
    WHEN regexp_full_match(s, '\s*\d{1,2}[-/.]\d{1,2}[-/.][1-9]\d{3}\s*')
      THEN CAST(try_strptime(s, ['%d-%m-%Y', '%d/%m/%Y', '%d.%m.%Y']) AS DATE)
    -- the same with a time of day: 12/01/2024 08:30, 12-01-2024 08.30.00
    WHEN regexp_full_match(s, '\s*\d{1,2}[-/.]\d{1,2}[-/.][1-9]\d{3}[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*')
      THEN CAST(try_strptime(regexp_extract(s, '^\s*(\S+)', 1), ['%d-%m-%Y', '%d/%m/%Y', '%d.%m.%Y']) AS DATE)
    -- ISO with a time (2024-01-12 00:00:00, 2024-01-12T08:30:00Z, +07:00), 2024-1-2, 2024/01/12, 2024.01.12
    WHEN regexp_full_match(s, '\s*[1-9]\d{3}([-/.])\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*')
      THEN CAST(try_strptime(regexp_extract(s, '^\s*([1-9]\d{3}[-/.]\d{1,2}[-/.]\d{1,2})', 1), ['%Y-%m-%d', '%Y/%m/%d', '%Y.%m.%d']) AS DATE)
    -- month as a word
    WHEN regexp_matches(s, '[A-Za-z]') THEN _date_named(s)
    -- 20240112 (YYYYMMDD, as inside a NIP)
    WHEN regexp_full_match(s, '\s*[12]\d{7}\s*') THEN CAST(try_strptime(s, '%Y%m%d') AS DATE)
    -- Excel serial
    WHEN regexp_full_match(s, '\s*\d+(?:[.,]\d+)?\s*') THEN _date_serial(s)
  END;

-- id_date(txt) → DATE. See the forms above; anything else (and impossible dates) → NULL.
CREATE OR REPLACE MACRO id_date(txt) AS _id_date(CAST(txt AS VARCHAR));

-- ---------------------------------------------------------------------------------------------------------
-- Months → DATE on the first of the month.
CREATE OR REPLACE MACRO _id_month(s) AS
  CASE
    -- 2024-01, the common form: a cast, not strptime with three formats
    WHEN regexp_full_match(s, '[1-9]\d{3}-(?:0[1-9]|1[0-2])') THEN try_cast(s || '-01' AS DATE)
    -- 2024-01, 2024/01, 2024.01
    WHEN regexp_full_match(s, '\s*[1-9]\d{3}[-/.]\d{1,2}\s*') THEN CAST(try_strptime(s, ['%Y-%m', '%Y/%m', '%Y.%m']) AS DATE)
    -- 01/2024, 01-2024, 1.2024
    WHEN regexp_full_match(s, '\s*\d{1,2}[-/.][1-9]\d{3}\s*') THEN CAST(try_strptime(s, ['%m/%Y', '%m-%Y', '%m.%Y']) AS DATE)
    -- 202401 (YYYYMM)
    WHEN regexp_full_match(s, '\s*[12]\d{3}(?:0[1-9]|1[0-2])\s*') THEN CAST(try_strptime(s, '%Y%m') AS DATE)
    -- a month as a word, else any other date form (its month); a year alone stays NULL. _id_date is written once
    -- (a macro's text is copied wherever it is called: twice made binding id_year_or_month take ~2× longer, and
    -- the one-pass loads are bound anew each build)
    ELSE coalesce(
      CASE WHEN regexp_matches(s, '[A-Za-z]') THEN coalesce(
        -- Januari 2024, Jan 2024, Jan-2024, Agt. 2024
        list_transform([regexp_extract(s, '^\s*([a-z]+)\.?[\s\-./,]+([1-9]\d{3})\s*$', ['m', 'y'], 'i')],
                       lambda _r: _ymd(_r.y, _month_no(_r.m), 1))[1],
        -- 2024 Januari
        list_transform([regexp_extract(s, '^\s*([1-9]\d{3})[\s\-./]+([a-z]+)\.?\s*$', ['y', 'm'], 'i')],
                       lambda _r: _ymd(_r.y, _month_no(_r.m), 1))[1],
        -- Jan-24 (Excel's mmm-yy): a two-digit year is 20yy
        list_transform([regexp_extract(s, '^\s*([a-z]+)[\s\-/]+(\d{2})\s*$', ['m', 'y'], 'i')],
                       lambda _r: CASE WHEN _r.y <> '' THEN _ymd('20' || _r.y, _month_no(_r.m), 1) END)[1]) END,
      CAST(date_trunc('month', _id_date(s)) AS DATE))
  END;

-- id_month(txt) → DATE, first of the month. A year written alone → NULL (see id_year_or_month).
CREATE OR REPLACE MACRO id_month(txt) AS _id_month(CAST(txt AS VARCHAR));

-- id_year_or_month(txt): like id_month, and a year alone (2024, 2024.0) is that year's January.
CREATE OR REPLACE MACRO _id_year_or_month(s) AS
  CASE WHEN regexp_full_match(s, '[1-9]\d{3}-(?:0[1-9]|1[0-2])') THEN try_cast(s || '-01' AS DATE)
       WHEN regexp_full_match(s, '\s*[1-9]\d{3}(?:[.,]0+)?\s*')
       THEN CAST(try_strptime(regexp_extract(s, '([1-9]\d{3})', 1), '%Y') AS DATE)
       ELSE _id_month(s) END;
CREATE OR REPLACE MACRO id_year_or_month(txt) AS _id_year_or_month(CAST(txt AS VARCHAR));

-- ---------------------------------------------------------------------------------------------------------
-- Numbers (docs/data-contract.md "Values"): spaces are dropped; a comma is always the decimal separator;
-- dots are thousands separators when a comma is present, when there is more than one dot, or when the file
-- is a semicolon CSV (id_style); otherwise one dot is the decimal point. Thousands groups must be
-- well-formed (1.234.567; `12.5` in a semicolon CSV is NULL, not 125). A leading + or − is allowed.
-- `s` has no spaces here.
CREATE OR REPLACE MACRO _id_number(s, id_style) AS
  CASE
    WHEN s IS NULL THEN NULL
    WHEN contains(s, ',') THEN
      CASE WHEN regexp_full_match(s, '[+-]?(?:(?:\d{1,3}(?:\.\d{3})+|\d+),\d*|,\d+)')
           THEN CAST(replace(replace(s, '.', ''), ',', '.') AS DOUBLE) END
    WHEN id_style OR s LIKE '%.%.%' THEN
      CASE WHEN regexp_full_match(s, '[+-]?\d{1,3}(?:\.\d{3})+') THEN CAST(replace(s, '.', '') AS DOUBLE) END
    WHEN regexp_full_match(s, '[+-]?(?:\d+\.?\d*|\.\d+)') THEN CAST(s AS DOUBLE)
  END;

-- id_number(txt, id_style) → DOUBLE. id_style NULL counts as false. The common forms take fast paths:
-- whole numbers, and decimals without thousands separators (12,5 anywhere; 12.5 outside semicolon CSVs).
CREATE OR REPLACE MACRO id_number(txt, id_style) AS
  CASE
    -- outside semicolon CSVs, whole numbers and 12.5 in one pattern (the common case; a column whose dots group
    -- thousands calls this with id_style true, and there only whole numbers take a fast path)
    WHEN NOT coalesce(CAST(id_style AS BOOLEAN), false) AND regexp_full_match(CAST(txt AS VARCHAR), '[+-]?\d+(?:\.\d+)?')
      THEN try_cast(CAST(txt AS VARCHAR) AS DOUBLE)
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '\s*[+-]?\d+\s*') THEN try_cast(trim(CAST(txt AS VARCHAR)) AS DOUBLE)
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '\s*[+-]?\d+,\d+\s*') THEN try_cast(replace(trim(CAST(txt AS VARCHAR)), ',', '.') AS DOUBLE)
    WHEN NOT coalesce(CAST(id_style AS BOOLEAN), false) AND regexp_full_match(CAST(txt AS VARCHAR), '\s*[+-]?\d+\.\d+\s*')
      THEN try_cast(trim(CAST(txt AS VARCHAR)) AS DOUBLE)
    ELSE list_transform(
      [{'s': nullif(regexp_replace(CAST(txt AS VARCHAR), '[\s\x{00A0}\x{2007}\x{2009}\x{202F}]+', '', 'g'), ''),
        'id': coalesce(CAST(id_style AS BOOLEAN), false)}],
      lambda _w: _id_number(_w.s, _w.id))[1]
  END;

-- ---------------------------------------------------------------------------------------------------------
-- NIP (shared/domain.md): 18 digits, written with spaces, dots or dashes: 19660801 198803 1 001.
-- A leading apostrophe (Excel's "store as text" mark) is dropped too.
CREATE OR REPLACE MACRO nip_clean(txt) AS
  CASE
    -- 18 digits without a leading zero, as NIPs are (a birth year first): the text is what its integer writes,
    -- tested by a cast and back (half the cost of the pattern below, which takes any other 18 digits)
    WHEN strlen(CAST(txt AS VARCHAR)) = 18 AND CAST(try_cast(CAST(txt AS VARCHAR) AS UBIGINT) AS VARCHAR) = CAST(txt AS VARCHAR)
      THEN CAST(txt AS VARCHAR)
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '\d{18}') THEN CAST(txt AS VARCHAR)
    -- the usual groups 8-6-1-3 with one space, dot or dash between them: plain replace() (a replace with
    -- capture groups costs several times a regexp test)
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '\d{8}[ .\-]?\d{6}[ .\-]?\d[ .\-]?\d{3}')
      THEN replace(replace(replace(CAST(txt AS VARCHAR), ' ', ''), '.', ''), '-', '')
    -- the same groups with other blanks, runs of separators, a leading apostrophe: one non-global replace
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '[\s''\x{00A0}]*\d{8}[\s.\-\x{00A0}]*\d{6}[\s.\-\x{00A0}]*\d[\s.\-\x{00A0}]*\d{3}[\s\x{00A0}]*')
      THEN regexp_replace(CAST(txt AS VARCHAR),
        '^[\s''\x{00A0}]*(\d{8})[\s.\-\x{00A0}]*(\d{6})[\s.\-\x{00A0}]*(\d)[\s.\-\x{00A0}]*(\d{3})[\s\x{00A0}]*$', '\1\2\3\4')
    -- anything else: drop every space, dot, dash and apostrophe, then 18 digits or nothing
    ELSE nullif(regexp_extract(regexp_replace(CAST(txt AS VARCHAR), '[\s.\-''\x{00A0}]+', '', 'g'), '^(\d{18})$', 1), '')
  END;

-- Birth date in digits 1–8 (YYYYMMDD), NULL when not a real date. 18 plain digits (and every NIP staging
-- has cleaned) take substr; other text is cleaned once, then one regexp_replace writes YYYY-MM-DD.
CREATE OR REPLACE MACRO nip_birth_date(nip) AS
  CASE
    WHEN regexp_full_match(CAST(nip AS VARCHAR), '\d{18}')
      THEN try_cast(substr(CAST(nip AS VARCHAR), 1, 4) || '-' || substr(CAST(nip AS VARCHAR), 5, 2) || '-'
                    || substr(CAST(nip AS VARCHAR), 7, 2) AS DATE)
    ELSE try_cast(regexp_replace(nip_clean(nip), '^(\d{4})(\d{2})(\d{2})\d{10}$', '\1-\2-\3') AS DATE)
  END;

-- PNS: digits 9–14 = first appointment YYYYMM (TMT CPNS), at least 18 years after the birth year.
CREATE OR REPLACE MACRO _nip_pns(n) AS
  CASE
    WHEN CAST(substr(n, 13, 2) AS INTEGER) NOT BETWEEN 1 AND 12
      THEN 'appointment month (digits 9–14, YYYYMM) is not a valid month'
    WHEN CAST(substr(n, 9, 4) AS INTEGER) < CAST(substr(n, 1, 4) AS INTEGER) + 18
      THEN 'appointment year (digits 9–12) is less than 18 years after the birth year'
  END;

-- PPPK: digits 9–12 = year of appointment (PPPK exist since PP 49/2018, so 2018 or later, and at least 18
-- years after the birth year), digit 13 = 2 (the PPPK marker), digit 14 any.
CREATE OR REPLACE MACRO _nip_pppk(n) AS
  CASE
    WHEN substr(n, 13, 1) <> '2' THEN 'digit 13 must be 2 in a PPPK NIP'
    WHEN CAST(substr(n, 9, 4) AS INTEGER) < 2018
      THEN 'appointment year (digits 9–12) is before 2018 (PPPK exist since PP 49/2018)'
    WHEN CAST(substr(n, 9, 4) AS INTEGER) < CAST(substr(n, 1, 4) AS INTEGER) + 18
      THEN 'appointment year (digits 9–12) is less than 18 years after the birth year'
  END;

-- PNS/CPNS → PNS, PPPK/P3K → PPPK, else NULL; the two written forms compare as they are
CREATE OR REPLACE MACRO _nip_status(status) AS
  CASE CAST(status AS VARCHAR) WHEN 'PNS' THEN 'PNS' WHEN 'PPPK' THEN 'PPPK'
    ELSE ['PNS', 'PNS', 'PPPK', 'PPPK'][list_position(['PNS', 'CPNS', 'PPPK', 'P3K'], upper(_clean(status)))]
  END;

CREATE OR REPLACE MACRO _nip_problem18(n, st) AS
  CASE
    WHEN _ymd(substr(n, 1, 4), substr(n, 5, 2), substr(n, 7, 2)) IS NULL
      THEN 'birth date (digits 1–8, YYYYMMDD) is not a valid date'
    WHEN CAST(substr(n, 1, 4) AS INTEGER) < 1900 THEN 'birth year (digits 1–4) is before 1900'
    WHEN substr(n, 15, 1) <> '1' AND substr(n, 15, 1) <> '2' THEN 'sex digit (15) must be 1 (male) or 2 (female)'
    WHEN substr(n, 16, 3) = '000'
      THEN 'serial number (digits 16–18) is 000: the NIP was probably typed as a number in Excel, which keeps only 15 digits (format the column as Text)'
    WHEN st = 'PNS' THEN _nip_pns(n)
    WHEN st = 'PPPK' THEN _nip_pppk(n)
    -- status unknown: valid when it fits either pattern
    WHEN _nip_pns(n) IS NULL OR _nip_pppk(n) IS NULL THEN NULL
    ELSE _nip_pns(n)
  END;

-- Fast path: an 18-digit NIP n that passes every check above, as one regular expression over n and its
-- status (PNS, PPPK, or - for another): birth date with day 01–28 (a date in any month), year 1900 or
-- later; then PNS: appointment year and month 01–12, or PPPK: year 2018 or later, 2, a digit; then sex 1 or 2
-- and a serial other than 000. The appointment year ≥ birth year + 18 compares as numbers. Anything else
-- (days 29–31 too) goes through _nip_problem18.
CREATE OR REPLACE MACRO _nip_passes(n, st) AS
  regexp_full_match(n || coalesce(st, '-'),
    '(?:19\d\d|[2-9]\d{3})(?:0[1-9]|1[0-2])(?:0[1-9]|1\d|2[0-8])'
    || '(?:\d{4}(?:0[1-9]|1[0-2])[12](?:\d\d[1-9]|\d[1-9]0|[1-9]00)(?:PNS|-)'
    || '|(?:201[89]|20[2-9]\d|2[1-9]\d\d|[3-9]\d{3})2\d[12](?:\d\d[1-9]|\d[1-9]0|[1-9]00)(?:PPPK|-))')
  AND CAST(substr(n, 9, 4) AS INTEGER) >= CAST(substr(n, 1, 4) AS INTEGER) + 18;

-- nip_problem(nip, status) → NULL when the NIP is valid for the status (PNS/CPNS, PPPK/P3K; other or NULL:
-- either pattern), else the reason. NULL/empty NIP → NULL (a missing value is staging's business).
-- nip_clean(nip) in the first WHEN is computed once and shared by the copies after it (for 18 plain
-- digits, as staging passes them, it is one regexp test).
CREATE OR REPLACE MACRO nip_problem(nip, status) AS
  CASE
    WHEN nip_clean(nip) IS NULL THEN CASE WHEN _clean(nip) IS NULL THEN NULL ELSE 'a NIP has 18 digits' END
    WHEN _nip_passes(nip_clean(nip), _nip_status(status)) THEN NULL
    ELSE _nip_problem18(nip_clean(nip), _nip_status(status))
  END;

-- ---------------------------------------------------------------------------------------------------------
-- Golongan (shared/domain.md): PNS I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e; PPPK I–XVII.
-- Key: upper case, without a leading "Gol."/"Golongan (ruang)", spaces, slashes, dashes, dots, underscores.
CREATE OR REPLACE MACRO _gol_key(txt) AS
  nullif(regexp_replace(regexp_replace(upper(_clean(txt)), '^GOL(?:ONGAN)?(?:\s*RUANG)?\.?\s*', ''), '[\s/\-._]+', '', 'g'), '');

-- The valid keys, each once per way of writing the number (roman, digit), in rank order: a list lookup reads
-- the key once (a `CASE k WHEN …` would evaluate k once per WHEN) and costs no more than a regular expression.
CREATE OR REPLACE MACRO _gol_pns(k) AS
  ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e']
  [(list_position(['IA', 'IB', 'IC', 'ID', 'IIA', 'IIB', 'IIC', 'IID', 'IIIA', 'IIIB', 'IIIC', 'IIID', 'IVA', 'IVB', 'IVC', 'IVD', 'IVE',
                   '1A', '1B', '1C', '1D', '2A', '2B', '2C', '2D', '3A', '3B', '3C', '3D', '4A', '4B', '4C', '4D', '4E'], k) - 1) % 17 + 1];

-- inside longer text, roman numeral and an explicit separator: a pangkat such as "Penata Muda (III/a)". The
-- leftmost match is rewritten to `III/A` (the whole text when there is none, which is never such a key).
CREATE OR REPLACE MACRO _gol_embedded(t) AS
  ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e']
  [list_position(['I/A', 'I/B', 'I/C', 'I/D', 'II/A', 'II/B', 'II/C', 'II/D', 'III/A', 'III/B', 'III/C', 'III/D', 'IV/A', 'IV/B', 'IV/C', 'IV/D', 'IV/E'],
     regexp_replace(upper(t), '^(?s:.*?)(?:^|[^A-Z0-9])(IV|III|II|I)\s*[/\-]\s*([A-Z])(?:$|[^A-Z0-9])(?s:.*)$', '\1/\2'))];

-- PPPK: I … XVII, or 1 … 17 (also 01 … 09)
CREATE OR REPLACE MACRO _gol_pppk(k) AS
  ['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII']
  [(list_position(['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII',
                   '1','2','3','4','5','6','7','8','9','10','11','12','13','14','15','16','17',
                   '01','02','03','04','05','06','07','08','09'], k) - 1) % 17 + 1];

CREATE OR REPLACE MACRO _golongan_k(k, st, t) AS
  CASE
    WHEN k IS NULL THEN NULL
    WHEN st = 'PPPK' THEN _gol_pppk(k)
    WHEN st = 'PNS' THEN coalesce(_gol_pns(k), _gol_embedded(t))
    ELSE coalesce(_gol_pns(k), _gol_pppk(k), _gol_embedded(t))
  END;

-- golongan_norm(txt, status) → 'III/a' (PNS) or 'IX' (PPPK); NULL when it does not exist for the status.
-- Status PNS/CPNS or PPPK/P3K; another or NULL status: read by form (a letter → PNS, else PPPK).
-- Fast path for the usual spellings, whose key needs no folding (III/a, IIIa, 3A, III-A, 3/a; IX, 9, 09):
-- one regexp test, then the PNS lookup of the key and the PPPK lookup of the text (the two sets of keys
-- are disjoint, so the status only picks which one may answer). The rest goes through the full key.
CREATE OR REPLACE MACRO golongan_norm(txt, status) AS
  CASE
    WHEN regexp_full_match(CAST(txt AS VARCHAR),
                           '(?:I{1,3}|IV|[1-4])[/\-]?[A-Ea-e]|I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|0?[1-9]|1[0-7]')
      THEN CASE _nip_status(status)
             WHEN 'PNS' THEN _gol_pns(upper(replace(replace(CAST(txt AS VARCHAR), '/', ''), '-', '')))
             WHEN 'PPPK' THEN _gol_pppk(CAST(txt AS VARCHAR))
             ELSE coalesce(_gol_pns(upper(replace(replace(CAST(txt AS VARCHAR), '/', ''), '-', ''))), _gol_pppk(CAST(txt AS VARCHAR)))
           END
    ELSE _golongan_k(_gol_key(txt), _nip_status(status), _clean(txt))
  END;

-- golongan_rank(g) → order for comparisons: PNS I/a = 1 … I/d = 4, II/a = 5 … III/d = 12, IV/a = 13 … IV/e = 17;
-- PPPK I … XVII = 1 … 17 (compare PPPK grades only with each other). Any accepted form of g works.
CREATE OR REPLACE MACRO golongan_rank(g) AS
  (list_position(['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d',
                  'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
                  'I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII'],
                 golongan_norm(g, NULL)) - 1) % 17 + 1;

-- ---------------------------------------------------------------------------------------------------------
-- Small vocabularies. Keys are lower case with runs of spaces, dots, slashes, dashes, underscores folded
-- to one space.
CREATE OR REPLACE MACRO _word_key(txt) AS
  nullif(trim(regexp_replace(lower(_clean(txt)), '[\s./\-_]+', ' ', 'g')), '');

-- yes_no(txt) → 'yes' / 'no'; empty → 'unknown'; unrecognised text → NULL (staging may flag it).
CREATE OR REPLACE MACRO _yes_no_key(k) AS
  ['yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes', 'yes',
   'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no', 'no',
   'unknown', 'unknown', 'unknown', 'unknown', 'unknown', 'unknown']
  [list_position(['ya', 'iya', 'y', 'yes', '1', 'true', 'bersedia', 'setuju', 'willing',
                  'tidak', 'tdk', 'no', 'n', '0', 'false', 'tidak bersedia', 'tdk bersedia', 'belum bersedia',
                  'tidak setuju', 'unwilling', 'not willing',
                  'unknown', 'tidak diketahui', 'belum diketahui', '?', 'n a', 'na'], k)];
-- (Not `k IN (…)`: DuckDB turns a long IN list into a join evaluated on every row, outside the CASE. Nor
-- `CASE _word_key(txt) WHEN …`: in an ELSE, the operand is bound and evaluated once per WHEN. A list lookup
-- reads the key once; no key, as 'unknown', maps to 'unknown'.)
CREATE OR REPLACE MACRO yes_no(txt) AS
  CASE CAST(txt AS VARCHAR)
    WHEN 'Ya' THEN 'yes' WHEN 'Tidak' THEN 'no' WHEN 'ya' THEN 'yes' WHEN 'tidak' THEN 'no'
    ELSE _yes_no_key(coalesce(_word_key(txt), 'unknown'))
  END;

-- sex_norm(txt) → 'L' / 'P'; also M/F, 1/2, laki-laki/perempuan, pria/wanita, male/female. L and P as
-- written compare as they are; other text is folded once and looked up (see yes_no).
CREATE OR REPLACE MACRO sex_norm(txt) AS
  CASE CAST(txt AS VARCHAR) WHEN 'L' THEN 'L' WHEN 'P' THEN 'P'
    ELSE ['L', 'L', 'L', 'L', 'L', 'L', 'L', 'L', 'L', 'P', 'P', 'P', 'P', 'P', 'P', 'P', 'P', 'P']
         [list_position(['l', 'lk', 'laki', 'lakilaki', 'pria', 'm', 'male', 'man', '1',
                         'p', 'pr', 'perempuan', 'wanita', 'w', 'f', 'female', 'woman', '2'], replace(_word_key(txt), ' ', ''))]
  END;

-- education_norm(txt) → SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3 (SLTA/SMK/SMU/MA → SMA, SLTP/MTs → SMP,
-- MI → SD, Sarjana → S1, Magister → S2, Doktor → S3, DIII/D-III → D3, DIV → D4). Profesi/Spesialis → NULL.
-- The levels as written are their own result (no regexp_replace); other text is folded and looked up.
CREATE OR REPLACE MACRO _education_key(txt) AS (MAP {
  'SD': 'SD', 'SEKOLAHDASAR': 'SD', 'MI': 'SD', 'SDSEDERAJAT': 'SD',
  'SMP': 'SMP', 'SLTP': 'SMP', 'MTS': 'SMP', 'SEKOLAHMENENGAHPERTAMA': 'SMP', 'SMPSEDERAJAT': 'SMP',
  'SMA': 'SMA', 'SLTA': 'SMA', 'SMK': 'SMA', 'SMU': 'SMA', 'MA': 'SMA', 'MAK': 'SMA', 'STM': 'SMA', 'SMEA': 'SMA',
  'SEKOLAHMENENGAHATAS': 'SMA', 'SMASEDERAJAT': 'SMA', 'SLTASEDERAJAT': 'SMA',
  'D1': 'D1', 'DI': 'D1', 'DIPLOMA1': 'D1', 'DIPLOMAI': 'D1',
  'D2': 'D2', 'DII': 'D2', 'DIPLOMA2': 'D2', 'DIPLOMAII': 'D2',
  'D3': 'D3', 'DIII': 'D3', 'DIPLOMA3': 'D3', 'DIPLOMAIII': 'D3',
  'D4': 'D4', 'DIV': 'D4', 'DIPLOMA4': 'D4', 'DIPLOMAIV': 'D4', 'SARJANATERAPAN': 'D4',
  'S1': 'S1', 'SARJANA': 'S1', 'STRATA1': 'S1', 'STRATAI': 'S1',
  'S2': 'S2', 'MAGISTER': 'S2', 'MASTER': 'S2', 'PASCASARJANA': 'S2', 'STRATA2': 'S2', 'STRATAII': 'S2',
  'S3': 'S3', 'DOKTOR': 'S3', 'DOKTORAL': 'S3', 'PHD': 'S3', 'STRATA3': 'S3', 'STRATAIII': 'S3'
})[regexp_replace(upper(_clean(txt)), '[\s./\-_()]+', '', 'g')];
CREATE OR REPLACE MACRO education_norm(txt) AS
  CASE CAST(txt AS VARCHAR)
    WHEN 'S1' THEN 'S1' WHEN 'SMA' THEN 'SMA' WHEN 'D3' THEN 'D3' WHEN 'S2' THEN 'S2' WHEN 'D4' THEN 'D4'
    WHEN 'SMP' THEN 'SMP' WHEN 'SD' THEN 'SD' WHEN 'S3' THEN 'S3' WHEN 'D1' THEN 'D1' WHEN 'D2' THEN 'D2'
    ELSE _education_key(txt)
  END;

-- education_rank(level) → 1 (SD) … 10 (S3); any accepted form of the level works.
CREATE OR REPLACE MACRO education_rank(level) AS
  list_position(['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'], education_norm(level));

-- tags(txt) → VARCHAR[]: split on ; or , — trimmed, lower case, empties dropped; no tag → NULL.
-- Tags already written that way (`a;b-c`) are split as they are. Otherwise, without a per-tag lambda: lower
-- case first, every separator with the blanks and empty tags around it becomes one `;`, the ends are trimmed
-- of blanks and separators, and what is left (nothing → NULL) is split. Blanks: those of _clean.
CREATE OR REPLACE MACRO tags(txt) AS
  CASE
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '[a-z0-9_\-]+(?:;[a-z0-9_\-]+)*') THEN string_split(CAST(txt AS VARCHAR), ';')
    ELSE nullif(string_split(trim(regexp_replace(lower(CAST(txt AS VARCHAR)),
                                                 '[ \t\n\r\x{00A0}]*[;,][ \t\n\r\x{00A0};,]*', ';', 'g'),
                                  ' ' || chr(9) || chr(10) || chr(13) || chr(160) || ';'), ';'), [''])
  END;

-- ---------------------------------------------------------------------------------------------------------
-- SKP (PermenPANRB 6/2022). Predicates: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang.
-- English forms: Outstanding / Very good → Sangat Baik; Good → Baik; Needs improvement → Butuh Perbaikan;
-- Poor / Misconduct → Kurang/Misconduct; Very poor → Sangat Kurang. The pre-2022 scale's "Cukup" and "Buruk"
-- have no counterpart and give NULL.
-- The folded spellings as one list lookup, which reads the key once (`CASE k WHEN …` folds the text once per WHEN).
CREATE OR REPLACE MACRO _skp_rating_key(k) AS
  ['Sangat Baik', 'Sangat Baik', 'Sangat Baik',
   'Baik', 'Baik',
   'Butuh Perbaikan', 'Butuh Perbaikan', 'Butuh Perbaikan', 'Butuh Perbaikan',
   'Kurang/Misconduct', 'Kurang/Misconduct', 'Kurang/Misconduct', 'Kurang/Misconduct', 'Kurang/Misconduct',
   'Sangat Kurang', 'Sangat Kurang']
  [list_position(['sangat baik', 'outstanding', 'very good',
                  'baik', 'good',
                  'butuh perbaikan', 'perlu perbaikan', 'needs improvement', 'need improvement',
                  'kurang', 'misconduct', 'kurang misconduct', 'poor', 'poor misconduct',
                  'sangat kurang', 'very poor'], k)];
CREATE OR REPLACE MACRO skp_rating(txt) AS
  CASE CAST(txt AS VARCHAR)
    -- the canonical spellings (and values already normalised) without any folding
    WHEN 'Sangat Baik' THEN 'Sangat Baik' WHEN 'Baik' THEN 'Baik' WHEN 'Butuh Perbaikan' THEN 'Butuh Perbaikan'
    WHEN 'Kurang/Misconduct' THEN 'Kurang/Misconduct' WHEN 'Sangat Kurang' THEN 'Sangat Kurang'
    ELSE _skp_rating_key(_word_key(txt))
  END;

-- skp_rank(rating) → 1 Sangat Kurang < 2 Kurang/Misconduct < 3 Butuh Perbaikan < 4 Baik < 5 Sangat Baik.
CREATE OR REPLACE MACRO skp_rank(rating) AS
  list_position(['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'], skp_rating(rating));

-- expectation_norm(txt) → 'above' / 'as_expected' / 'below' (di atas / sesuai / di bawah ekspektasi, English).
CREATE OR REPLACE MACRO _expectation_key(k) AS
  ['above', 'above', 'above', 'above', 'above', 'above', 'above', 'above', 'above', 'above',
   'as_expected', 'as_expected', 'as_expected', 'as_expected', 'as_expected',
   'below', 'below', 'below', 'below', 'below', 'below', 'below', 'below']
  [list_position(['above', 'di atas ekspektasi', 'diatas ekspektasi', 'di atas', 'diatas', 'melebihi ekspektasi',
                  'above expectation', 'above expectations', 'exceeds expectations', 'exceeds expectation',
                  'as expected', 'sesuai ekspektasi', 'sesuai', 'meets expectations', 'meets expectation',
                  'below', 'di bawah ekspektasi', 'dibawah ekspektasi', 'di bawah', 'dibawah', 'kurang dari ekspektasi',
                  'below expectation', 'below expectations'], k)];
-- the common spellings take a plain comparison; anything else goes through _word_key's folding
CREATE OR REPLACE MACRO expectation_norm(txt) AS
  CASE CAST(txt AS VARCHAR)
    WHEN 'di atas ekspektasi' THEN 'above' WHEN 'sesuai ekspektasi' THEN 'as_expected' WHEN 'di bawah ekspektasi' THEN 'below'
    WHEN 'above' THEN 'above' WHEN 'as_expected' THEN 'as_expected' WHEN 'below' THEN 'below'
    ELSE _expectation_key(_word_key(txt))
  END;

-- skp_from_subratings(results, behaviour) → predicate by the PermenPANRB 6/2022 matrix (shared/domain.md):
--   results \ behaviour | below             | as expected     | above
--   above               | Kurang/Misconduct | Baik            | Sangat Baik
--   as expected         | Kurang/Misconduct | Baik            | Baik
--   below               | Sangat Kurang     | Butuh Perbaikan | Butuh Perbaikan
-- Either sub-rating missing or unreadable → NULL.
-- The matrix over the 3 × 3 cells as one list lookup, so each sub-rating is read once.
CREATE OR REPLACE MACRO _skp_cell(r, b) AS
  ['Kurang/Misconduct', 'Baik', 'Sangat Baik',            -- results above
   'Kurang/Misconduct', 'Baik', 'Baik',                   -- results as expected
   'Sangat Kurang', 'Butuh Perbaikan', 'Butuh Perbaikan'] -- results below
  [(list_position(['above', 'as_expected', 'below'], r) - 1) * 3 + list_position(['below', 'as_expected', 'above'], b)];
CREATE OR REPLACE MACRO skp_from_subratings(results, behaviour) AS _skp_cell(expectation_norm(results), expectation_norm(behaviour));
-- the same from sub-ratings already normalised ('above' / 'as_expected' / 'below'), as staging holds them
CREATE OR REPLACE MACRO skp_matrix(results_norm, behaviour_norm) AS _skp_cell(results_norm, behaviour_norm);
