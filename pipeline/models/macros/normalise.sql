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
-- expressions, and DuckDB does not share a repeated subexpression inside CASE branches, so the hot macros
-- (id_date, id_month, id_number, nip_clean) do not trim first but accept surrounding whitespace in their
-- patterns; a parsed part used several times is bound once with the "let" idiom
-- `list_transform([expr], lambda _r: …)[1]`; no `try()` (on an error it re-runs the whole vector row by row);
-- cheap regular expressions gate the casts, the common forms first. Measured on 5M values (CPU seconds,
-- DuckDB 1.5, 2 vCPU): try_cast(iso AS DATE) 0.14 · id_date ISO 0.45, dd-mm-yyyy 0.85 · id_month YYYY-MM 0.63 ·
-- id_number 123 0.39, 12,5 0.90 · nip_clean 18 digits 0.48, "19660801 198803 1 001" 1.74.

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
-- then read by position. (No list_transform "let" here: lambdas cost ~50 µs a value, 50× a regexp.)
CREATE OR REPLACE MACRO _date_words(s) AS
  regexp_replace(trim(regexp_replace(lower(s), '[^a-z0-9]+', ' ', 'g')), '^(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday|saturday|sunday) ', '');
CREATE OR REPLACE MACRO _date_named_w(w) AS
  CASE
    WHEN regexp_full_match(w, '\d{1,2} [a-z]+ [1-9]\d{3}')
      THEN _ymd(split_part(w, ' ', 3), _month_no(split_part(w, ' ', 2)), split_part(w, ' ', 1))
    WHEN regexp_full_match(w, '[a-z]+ \d{1,2} [1-9]\d{3}')
      THEN _ymd(split_part(w, ' ', 3), _month_no(split_part(w, ' ', 1)), split_part(w, ' ', 2))
  END;
CREATE OR REPLACE MACRO _date_named(s) AS _date_named_w(_date_words(s));
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
    -- 2024-01, 2024/01, 2024.01
    WHEN regexp_full_match(s, '\s*[1-9]\d{3}[-/.]\d{1,2}\s*') THEN CAST(try_strptime(s, ['%Y-%m', '%Y/%m', '%Y.%m']) AS DATE)
    -- 01/2024, 01-2024, 1.2024
    WHEN regexp_full_match(s, '\s*\d{1,2}[-/.][1-9]\d{3}\s*') THEN CAST(try_strptime(s, ['%m/%Y', '%m-%Y', '%m.%Y']) AS DATE)
    -- 202401 (YYYYMM)
    WHEN regexp_full_match(s, '\s*[12]\d{3}(?:0[1-9]|1[0-2])\s*') THEN CAST(try_strptime(s, '%Y%m') AS DATE)
    WHEN regexp_matches(s, '[A-Za-z]') THEN coalesce(
      -- Januari 2024, Jan 2024, Jan-2024, Agt. 2024
      list_transform([regexp_extract(s, '^\s*([a-z]+)\.?[\s\-./,]+([1-9]\d{3})\s*$', ['m', 'y'], 'i')],
                     lambda _r: _ymd(_r.y, _month_no(_r.m), 1))[1],
      -- 2024 Januari
      list_transform([regexp_extract(s, '^\s*([1-9]\d{3})[\s\-./]+([a-z]+)\.?\s*$', ['y', 'm'], 'i')],
                     lambda _r: _ymd(_r.y, _month_no(_r.m), 1))[1],
      -- Jan-24 (Excel's mmm-yy): a two-digit year is 20yy
      list_transform([regexp_extract(s, '^\s*([a-z]+)[\s\-/]+(\d{2})\s*$', ['m', 'y'], 'i')],
                     lambda _r: CASE WHEN _r.y <> '' THEN _ymd('20' || _r.y, _month_no(_r.m), 1) END)[1],
      CAST(date_trunc('month', _id_date(s)) AS DATE))
    -- any other date form (its month); a year alone stays NULL
    ELSE CAST(date_trunc('month', _id_date(s)) AS DATE)
  END;

-- id_month(txt) → DATE, first of the month. A year written alone → NULL (see id_year_or_month).
CREATE OR REPLACE MACRO id_month(txt) AS _id_month(CAST(txt AS VARCHAR));

-- id_year_or_month(txt): like id_month, and a year alone (2024, 2024.0) is that year's January.
CREATE OR REPLACE MACRO _id_year_or_month(s) AS
  CASE WHEN regexp_full_match(s, '\s*[1-9]\d{3}(?:[.,]0+)?\s*')
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
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '\d{18}') THEN CAST(txt AS VARCHAR)
    -- the usual groups 8-6-1-3 (19660801 198803 1 001, with dots or dashes): one non-global replace
    WHEN regexp_full_match(CAST(txt AS VARCHAR), '[\s''\x{00A0}]*\d{8}[\s.\-\x{00A0}]*\d{6}[\s.\-\x{00A0}]*\d[\s.\-\x{00A0}]*\d{3}[\s\x{00A0}]*')
      THEN regexp_replace(CAST(txt AS VARCHAR),
        '^[\s''\x{00A0}]*(\d{8})[\s.\-\x{00A0}]*(\d{6})[\s.\-\x{00A0}]*(\d)[\s.\-\x{00A0}]*(\d{3})[\s\x{00A0}]*$', '\1\2\3\4')
    -- anything else: drop every space, dot, dash and apostrophe, then 18 digits or nothing
    ELSE nullif(regexp_extract(regexp_replace(CAST(txt AS VARCHAR), '[\s.\-''\x{00A0}]+', '', 'g'), '^(\d{18})$', 1), '')
  END;

-- Birth date in digits 1–8 (YYYYMMDD), NULL when not a real date.
CREATE OR REPLACE MACRO nip_birth_date(nip) AS
  list_transform([nip_clean(nip)], lambda _n: _ymd(substr(_n, 1, 4), substr(_n, 5, 2), substr(_n, 7, 2)))[1];

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

CREATE OR REPLACE MACRO _nip_status(status) AS
  CASE upper(_clean(status)) WHEN 'PNS' THEN 'PNS' WHEN 'CPNS' THEN 'PNS' WHEN 'PPPK' THEN 'PPPK' WHEN 'P3K' THEN 'PPPK' END;

CREATE OR REPLACE MACRO _nip_problem18(n, st) AS
  CASE
    WHEN _ymd(substr(n, 1, 4), substr(n, 5, 2), substr(n, 7, 2)) IS NULL
      THEN 'birth date (digits 1–8, YYYYMMDD) is not a valid date'
    WHEN CAST(substr(n, 1, 4) AS INTEGER) < 1900 THEN 'birth year (digits 1–4) is before 1900'
    WHEN substr(n, 15, 1) NOT IN ('1', '2') THEN 'sex digit (15) must be 1 (male) or 2 (female)'
    WHEN substr(n, 16, 3) = '000'
      THEN 'serial number (digits 16–18) is 000: the NIP was probably typed as a number in Excel, which keeps only 15 digits (format the column as Text)'
    WHEN st = 'PNS' THEN _nip_pns(n)
    WHEN st = 'PPPK' THEN _nip_pppk(n)
    -- status unknown: valid when it fits either pattern
    WHEN _nip_pns(n) IS NULL OR _nip_pppk(n) IS NULL THEN NULL
    ELSE _nip_pns(n)
  END;

-- nip_problem(nip, status) → NULL when the NIP is valid for the status (PNS/CPNS, PPPK/P3K; other or NULL:
-- either pattern), else the reason. NULL/empty NIP → NULL (a missing value is staging's business).
CREATE OR REPLACE MACRO nip_problem(nip, status) AS list_transform(
  [{'t': _clean(nip), 'n': nip_clean(nip), 'st': _nip_status(status)}],
  lambda _v: CASE WHEN _v.t IS NULL THEN NULL
                 WHEN _v.n IS NULL THEN 'a NIP has 18 digits'
                 ELSE _nip_problem18(_v.n, _v.st) END)[1];

-- ---------------------------------------------------------------------------------------------------------
-- Golongan (shared/domain.md): PNS I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e; PPPK I–XVII.
-- Key: upper case, without a leading "Gol."/"Golongan (ruang)", spaces, slashes, dashes, dots, underscores.
CREATE OR REPLACE MACRO _gol_key(txt) AS
  nullif(regexp_replace(regexp_replace(upper(_clean(txt)), '^GOL(?:ONGAN)?(?:\s*RUANG)?\.?\s*', ''), '[\s/\-._]+', '', 'g'), '');

CREATE OR REPLACE MACRO _gol_roman4(g) AS
  CASE g WHEN '1' THEN 'I' WHEN '2' THEN 'II' WHEN '3' THEN 'III' WHEN '4' THEN 'IV' ELSE g END;

-- from a {g, l} match: III/a … (I–III take a–d, IV takes a–e)
CREATE OR REPLACE MACRO _gol_pns_r(r) AS
  CASE WHEN r.g = '' THEN NULL
       WHEN _gol_roman4(r.g) IN ('I', 'II', 'III') AND r.l IN ('A', 'B', 'C', 'D') THEN _gol_roman4(r.g) || '/' || lower(r.l)
       WHEN _gol_roman4(r.g) = 'IV' AND r.l IN ('A', 'B', 'C', 'D', 'E') THEN 'IV/' || lower(r.l) END;

-- the whole key: IIIA, 3A, IVE
CREATE OR REPLACE MACRO _gol_pns(k) AS
  list_transform([regexp_extract(k, '^(IV|III|II|I|[1-4])([A-Z])$', ['g', 'l'])], lambda _r: _gol_pns_r(_r))[1];

-- inside longer text, roman numeral and an explicit separator: a pangkat such as "Penata Muda (III/a)"
CREATE OR REPLACE MACRO _gol_embedded(t) AS
  list_transform([regexp_extract(upper(t), '(?:^|[^A-Z0-9])(IV|III|II|I)\s*[/\-]\s*([A-Z])(?:$|[^A-Z0-9])', ['g', 'l'])],
                 lambda _r: _gol_pns_r(_r))[1];

-- PPPK: I … XVII, or 1 … 17
CREATE OR REPLACE MACRO _gol_pppk(k) AS
  CASE
    WHEN list_contains(['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII'], k) THEN k
    WHEN regexp_full_match(k, '0?[1-9]|1[0-7]')
      THEN ['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII'][CAST(k AS INTEGER)]
  END;

-- golongan_norm(txt, status) → 'III/a' (PNS) or 'IX' (PPPK); NULL when it does not exist for the status.
-- Status PNS/CPNS or PPPK/P3K; another or NULL status: read by form (a letter → PNS, else PPPK).
CREATE OR REPLACE MACRO golongan_norm(txt, status) AS list_transform(
  [{'k': _gol_key(txt), 'st': _nip_status(status), 't': _clean(txt)}],
  lambda _g: CASE
    WHEN _g.k IS NULL THEN NULL
    WHEN _g.st = 'PPPK' THEN _gol_pppk(_g.k)
    WHEN _g.st = 'PNS' THEN coalesce(_gol_pns(_g.k), _gol_embedded(_g.t))
    ELSE coalesce(_gol_pns(_g.k), _gol_pppk(_g.k), _gol_embedded(_g.t))
  END)[1];

-- golongan_rank(g) → order for comparisons: PNS I/a = 1 … I/d = 4, II/a = 5 … III/d = 12, IV/a = 13 … IV/e = 17;
-- PPPK I … XVII = 1 … 17 (compare PPPK grades only with each other). Any accepted form of g works.
CREATE OR REPLACE MACRO _gol_rank(g) AS
  CASE
    WHEN g IS NULL THEN NULL
    WHEN contains(g, '/') THEN
      (list_position(['I', 'II', 'III', 'IV'], split_part(g, '/', 1)) - 1) * 4
        + list_position(['a', 'b', 'c', 'd', 'e'], split_part(g, '/', 2))
    ELSE list_position(['I','II','III','IV','V','VI','VII','VIII','IX','X','XI','XII','XIII','XIV','XV','XVI','XVII'], g)
  END;
CREATE OR REPLACE MACRO golongan_rank(g) AS list_transform([golongan_norm(g, NULL)], lambda _g: _gol_rank(_g))[1];

-- ---------------------------------------------------------------------------------------------------------
-- Small vocabularies. Keys are lower case with runs of spaces, dots, slashes, dashes, underscores folded
-- to one space.
CREATE OR REPLACE MACRO _word_key(txt) AS
  nullif(trim(regexp_replace(lower(_clean(txt)), '[\s./\-_]+', ' ', 'g')), '');

-- yes_no(txt) → 'yes' / 'no'; empty → 'unknown'; unrecognised text → NULL (staging may flag it).
CREATE OR REPLACE MACRO yes_no(txt) AS list_transform([_word_key(txt)], lambda _k:
  CASE
    WHEN _k IS NULL THEN 'unknown'
    WHEN _k IN ('ya', 'iya', 'y', 'yes', '1', 'true', 'bersedia', 'setuju', 'willing') THEN 'yes'
    WHEN _k IN ('tidak', 'tdk', 'no', 'n', '0', 'false', 'tidak bersedia', 'tdk bersedia', 'belum bersedia',
                'tidak setuju', 'unwilling', 'not willing') THEN 'no'
    WHEN _k IN ('unknown', 'tidak diketahui', 'belum diketahui', '?', 'n a', 'na') THEN 'unknown'
  END)[1];

-- sex_norm(txt) → 'L' / 'P'; also M/F, 1/2, laki-laki/perempuan, pria/wanita, male/female.
CREATE OR REPLACE MACRO sex_norm(txt) AS
  CASE replace(_word_key(txt), ' ', '')
    WHEN 'l' THEN 'L' WHEN 'lk' THEN 'L' WHEN 'laki' THEN 'L' WHEN 'lakilaki' THEN 'L' WHEN 'pria' THEN 'L'
    WHEN 'm' THEN 'L' WHEN 'male' THEN 'L' WHEN 'man' THEN 'L' WHEN '1' THEN 'L'
    WHEN 'p' THEN 'P' WHEN 'pr' THEN 'P' WHEN 'perempuan' THEN 'P' WHEN 'wanita' THEN 'P' WHEN 'w' THEN 'P'
    WHEN 'f' THEN 'P' WHEN 'female' THEN 'P' WHEN 'woman' THEN 'P' WHEN '2' THEN 'P'
  END;

-- education_norm(txt) → SD, SMP, SMA, D1, D2, D3, D4, S1, S2, S3 (SLTA/SMK/SMU/MA → SMA, SLTP/MTs → SMP,
-- MI → SD, Sarjana → S1, Magister → S2, Doktor → S3, DIII/D-III → D3, DIV → D4). Profesi/Spesialis → NULL.
CREATE OR REPLACE MACRO education_norm(txt) AS (MAP {
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

-- education_rank(level) → 1 (SD) … 10 (S3); any accepted form of the level works.
CREATE OR REPLACE MACRO education_rank(level) AS
  list_position(['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'], education_norm(level));

-- tags(txt) → VARCHAR[]: split on ; or , — trimmed, lower case, empties dropped; no tag → NULL.
CREATE OR REPLACE MACRO tags(txt) AS list_transform([_clean(txt)], lambda _t:
  CASE WHEN _t IS NOT NULL THEN
    nullif(list_filter(list_transform(regexp_split_to_array(_t, '[;,]'),
                                      lambda _x: lower(trim(_x, ' ' || chr(9) || chr(10) || chr(13) || chr(160)))),
                       lambda _x: _x <> ''), [])
  END)[1];

-- ---------------------------------------------------------------------------------------------------------
-- SKP (PermenPANRB 6/2022). Predicates: Sangat Baik, Baik, Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang.
-- English forms: Outstanding / Very good → Sangat Baik; Good → Baik; Needs improvement → Butuh Perbaikan;
-- Poor / Misconduct → Kurang/Misconduct; Very poor → Sangat Kurang. The pre-2022 scale's "Cukup" and "Buruk"
-- have no counterpart and give NULL.
CREATE OR REPLACE MACRO skp_rating(txt) AS
  CASE _word_key(txt)
    WHEN 'sangat baik' THEN 'Sangat Baik' WHEN 'outstanding' THEN 'Sangat Baik' WHEN 'very good' THEN 'Sangat Baik'
    WHEN 'baik' THEN 'Baik' WHEN 'good' THEN 'Baik'
    WHEN 'butuh perbaikan' THEN 'Butuh Perbaikan' WHEN 'perlu perbaikan' THEN 'Butuh Perbaikan'
    WHEN 'needs improvement' THEN 'Butuh Perbaikan' WHEN 'need improvement' THEN 'Butuh Perbaikan'
    WHEN 'kurang' THEN 'Kurang/Misconduct' WHEN 'misconduct' THEN 'Kurang/Misconduct'
    WHEN 'kurang misconduct' THEN 'Kurang/Misconduct' WHEN 'poor' THEN 'Kurang/Misconduct'
    WHEN 'poor misconduct' THEN 'Kurang/Misconduct'
    WHEN 'sangat kurang' THEN 'Sangat Kurang' WHEN 'very poor' THEN 'Sangat Kurang'
  END;

-- skp_rank(rating) → 1 Sangat Kurang < 2 Kurang/Misconduct < 3 Butuh Perbaikan < 4 Baik < 5 Sangat Baik.
CREATE OR REPLACE MACRO skp_rank(rating) AS
  list_position(['Sangat Kurang', 'Kurang/Misconduct', 'Butuh Perbaikan', 'Baik', 'Sangat Baik'], skp_rating(rating));

-- expectation_norm(txt) → 'above' / 'as_expected' / 'below' (di atas / sesuai / di bawah ekspektasi, English).
CREATE OR REPLACE MACRO _expectation_key(k) AS
  CASE
    WHEN k IN ('above', 'di atas ekspektasi', 'diatas ekspektasi', 'di atas', 'diatas', 'melebihi ekspektasi',
               'above expectation', 'above expectations', 'exceeds expectations', 'exceeds expectation')
      THEN 'above'
    WHEN k IN ('as expected', 'sesuai ekspektasi', 'sesuai', 'meets expectations', 'meets expectation')
      THEN 'as_expected'
    WHEN k IN ('below', 'di bawah ekspektasi', 'dibawah ekspektasi', 'di bawah', 'dibawah', 'kurang dari ekspektasi',
               'below expectation', 'below expectations')
      THEN 'below'
  END;
-- the common spellings take a plain comparison; anything else goes through _word_key's folding
CREATE OR REPLACE MACRO expectation_norm(txt) AS
  CASE CAST(txt AS VARCHAR)
    WHEN 'di atas ekspektasi' THEN 'above' WHEN 'sesuai ekspektasi' THEN 'as_expected' WHEN 'di bawah ekspektasi' THEN 'below'
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
