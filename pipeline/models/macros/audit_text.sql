-- Text helpers for the readable sentences of the merit audit (marts/transfer_audit, marts/tenure_overdue):
-- numbers in Indonesian style (decimal comma), month names and durations in Bahasa Indonesia and English.

-- fmt_dec_id(x, d) → '1,25' (d decimals, decimal comma); fmt_dec_en(x, d) → '1.25'.
-- (written as CASEs over constant formats: these run for every row of the audit, and a format string built per
-- row or a list literal indexed per row costs several times more)
CREATE OR REPLACE MACRO fmt_dec_en(x, d) AS
  CASE WHEN x IS NULL THEN NULL
       WHEN d = 0 THEN printf('%.0f', CAST(x AS DOUBLE)) WHEN d = 1 THEN printf('%.1f', CAST(x AS DOUBLE))
       WHEN d = 2 THEN printf('%.2f', CAST(x AS DOUBLE)) ELSE printf('%.3f', CAST(x AS DOUBLE)) END;
CREATE OR REPLACE MACRO fmt_dec_id(x, d) AS replace(fmt_dec_en(x, d), '.', ',');

-- month_text_id(DATE '2024-03-01') → 'Maret 2024'; month_text_en → 'March 2024'.
CREATE OR REPLACE MACRO _month_name_id(m) AS
  CASE m WHEN 1 THEN 'Januari' WHEN 2 THEN 'Februari' WHEN 3 THEN 'Maret' WHEN 4 THEN 'April' WHEN 5 THEN 'Mei'
         WHEN 6 THEN 'Juni' WHEN 7 THEN 'Juli' WHEN 8 THEN 'Agustus' WHEN 9 THEN 'September' WHEN 10 THEN 'Oktober'
         WHEN 11 THEN 'November' WHEN 12 THEN 'Desember' END;
CREATE OR REPLACE MACRO month_text_id(d) AS _month_name_id(month(d)) || ' ' || CAST(year(d) AS VARCHAR);
CREATE OR REPLACE MACRO month_text_en(d) AS strftime(CAST(d AS DATE), '%B %Y');

-- date_text_id(DATE '2024-03-22') → '22 Maret 2024'; date_text_en → '22 March 2024'.
CREATE OR REPLACE MACRO date_text_id(d) AS CAST(day(d) AS VARCHAR) || ' ' || month_text_id(d);
CREATE OR REPLACE MACRO date_text_en(d) AS strftime(CAST(d AS DATE), '%-d %B %Y');

-- A duration of m whole months: dur_id(16) → '1 tahun 4 bulan', dur_en(16) → '1 year 4 months'.
CREATE OR REPLACE MACRO dur_id(m) AS
  CASE WHEN m IS NULL THEN NULL
       WHEN m < 12 THEN CAST(m AS VARCHAR) || ' bulan'
       WHEN m % 12 = 0 THEN CAST(m // 12 AS VARCHAR) || ' tahun'
       ELSE CAST(m // 12 AS VARCHAR) || ' tahun ' || CAST(m % 12 AS VARCHAR) || ' bulan' END;
CREATE OR REPLACE MACRO _plural_en(n, word) AS CAST(n AS VARCHAR) || ' ' || word || CASE WHEN n = 1 THEN '' ELSE 's' END;
CREATE OR REPLACE MACRO dur_en(m) AS
  CASE WHEN m IS NULL THEN NULL
       WHEN m < 12 THEN _plural_en(m, 'month')
       WHEN m % 12 = 0 THEN _plural_en(m // 12, 'year')
       ELSE _plural_en(m // 12, 'year') || ' ' || _plural_en(m % 12, 'month') END;

-- A number of years from a setting: years_id(2) → '2 tahun', years_id(2.5) → '2,5 tahun'; years_en → '2 years'.
CREATE OR REPLACE MACRO years_id(y) AS
  CASE WHEN y = round(y) THEN CAST(CAST(y AS BIGINT) AS VARCHAR) ELSE fmt_dec_id(y, 1) END || ' tahun';
CREATE OR REPLACE MACRO years_en(y) AS
  CASE WHEN y = round(y) THEN CAST(CAST(y AS BIGINT) AS VARCHAR) ELSE fmt_dec_en(y, 1) END
  || CASE WHEN y = 1 THEN ' year' ELSE ' years' END;
