-- Staging: employees (pegawai). NIP rules: shared/domain.md "Identifiers" (18 digits; PNS: birth date,
-- appointment month, sex, serial). Golongan must exist for the status (PP 11/2017; PPPK grades I–XVII).
--
-- Shape (as stg_performance, see docs/benchmarks.md): one pass over the raw rows that types every value; the
-- NIP checks read the cleaned NIP (a column, so the macros' 18-digit fast paths apply); the key checks as
-- two hash joins (known position; NIPs that occur more than once); `_issues` is built only for rows that fail
-- a check.
CREATE OR REPLACE TEMP TABLE stg_employees AS
WITH raw AS MATERIALIZED (
  -- a copy of the raw rows: raw_employees is one row group (~100,000 rows at province scale), which DuckDB scans
  -- on one thread, and the copy in chunks on all of them (province: 0.53–0.62 → 0.37–0.39 s, the copy included)
  FROM raw_employees
), typed AS (
  SELECT
    _file, _row,
    nip                                        AS nip_text,
    nip_clean(nip)                             AS nip,
    nullif(trim(name), '')                     AS name,
    CASE status WHEN 'PNS' THEN 'PNS' WHEN 'PPPK' THEN 'PPPK'
      ELSE CASE upper(trim(status)) WHEN 'PNS' THEN 'PNS' WHEN 'CPNS' THEN 'PNS' WHEN 'PPPK' THEN 'PPPK' WHEN 'P3K' THEN 'PPPK' END
    END                                        AS status,
    status                                     AS status_text,
    golongan                                   AS golongan_text,
    col_date(birth_date, 'employees', 'birth_date') AS birth_date,
    birth_date                                 AS birth_date_text,
    sex_norm(sex)                              AS sex_given,
    sex                                        AS sex_text,
    education_norm(education_level)            AS education_level,
    education_level                            AS education_text,
    nullif(trim(education_major), '')          AS education_major,
    coalesce(tags(competencies), [])           AS competencies,
    nullif(trim(position_id), '')              AS position_id,
    col_date(position_since, 'employees', 'position_since') AS position_since,
    position_since                             AS position_since_text,
    col_date(appointment_date, 'employees', 'appointment_date') AS appointment_date,
    appointment_date                           AS appointment_text,
    yes_no(willing_to_move)                    AS willing_to_move,
    nullif(trim(unwilling_reason), '')         AS unwilling_reason
  FROM raw
), checked AS (
  SELECT t.*,
    golongan_norm(t.golongan_text, t.status)                     AS golongan,
    nip_problem(t.nip, t.status)                                 AS nip_issue,
    nip_birth_date(t.nip)                                        AS nip_birth,
    -- NIP digit 15 is the sex (1 male, 2 female) for PNS and PPPK alike
    CASE substr(t.nip, 15, 1) WHEN '1' THEN 'L' WHEN '2' THEN 'P' END AS nip_sex,
    -- PNS: NIP digits 9–14 are the first appointment (TMT CPNS) as YYYYMM (shared/domain.md "Identifiers")
    CASE WHEN t.status = 'PNS' THEN try_cast(substr(t.nip, 9, 4) || '-' || substr(t.nip, 13, 2) || '-01' AS DATE) END AS nip_appointment
  FROM typed t
)
SELECT
  c._file, c._row, c.nip, c.name, c.status, c.golongan,
  coalesce(c.birth_date, c.nip_birth) AS birth_date,
  coalesce(c.sex_given, c.nip_sex)    AS sex,
  c.education_level, c.education_major, c.competencies, c.position_id, c.position_since, c.appointment_date,
  c.willing_to_move, c.unwilling_reason,
  CASE
    WHEN c.nip IS NOT NULL AND c.status IS NOT NULL AND c.nip_issue IS NULL AND d.first_row IS NULL
     AND c.name IS NOT NULL
     AND (c.golongan IS NOT NULL OR c.golongan_text IS NULL)
     AND (c.birth_date = coalesce(c.nip_birth, c.birth_date) OR c.birth_date IS NULL AND c.birth_date_text IS NULL)
     AND (c.sex_given IS NOT NULL OR c.sex_text IS NULL)
     AND (c.education_level IS NOT NULL OR c.education_text IS NULL)
     AND p.position_id IS NOT NULL
     AND c.position_since <= setting_data_date()
     AND (c.appointment_date IS NOT NULL OR c.appointment_text IS NULL)
     AND (c.appointment_date IS NULL OR c.nip_appointment IS NULL OR date_trunc('month', c.appointment_date) = c.nip_appointment)
    THEN []
    ELSE list_filter([
      CASE WHEN nullif(trim(c.nip_text), '') IS NULL THEN issue('nip', NULL, 'missing required value')
           WHEN c.nip IS NULL THEN issue('nip', c.nip_text, 'malformed NIP: not 18 digits')
           WHEN c.status IS NOT NULL AND c.nip_issue IS NOT NULL THEN issue('nip', c.nip_text, 'invalid NIP: ' || c.nip_issue) END,
      CASE WHEN c.nip IS NOT NULL AND c._row > d.first_row THEN issue('nip', c.nip_text, 'duplicate key: NIP appears on an earlier row') END,
      CASE WHEN c.name IS NULL THEN issue('name', NULL, 'missing required value') END,
      CASE WHEN c.status IS NULL THEN issue('status', c.status_text, 'status must be PNS or PPPK') END,
      CASE WHEN nullif(trim(c.golongan_text), '') IS NOT NULL AND c.golongan IS NULL AND c.status IS NOT NULL
           THEN issue('golongan', c.golongan_text, 'golongan does not exist for ' || c.status) END,
      CASE WHEN col_date_ambiguous(c.birth_date_text, 'employees', 'birth_date') THEN issue('birth_date', c.birth_date_text, date_ambiguous_reason())
           WHEN nullif(trim(c.birth_date_text), '') IS NOT NULL AND c.birth_date IS NULL
           THEN issue('birth_date', c.birth_date_text, 'impossible or unreadable date')
           WHEN c.birth_date IS NOT NULL AND c.nip_birth IS NOT NULL AND c.birth_date <> c.nip_birth
           THEN issue('birth_date', c.birth_date_text, 'birth date does not match the NIP') END,
      CASE WHEN nullif(trim(c.sex_text), '') IS NOT NULL AND c.sex_given IS NULL THEN issue('sex', c.sex_text, 'sex must be L or P') END,
      CASE WHEN nullif(trim(c.education_text), '') IS NOT NULL AND c.education_level IS NULL
           THEN issue('education_level', c.education_text, 'unknown education level') END,
      CASE WHEN c.position_id IS NULL THEN issue('position_id', NULL, 'missing required value')
           WHEN p.position_id IS NULL THEN issue('position_id', c.position_id, 'unknown position') END,
      CASE WHEN nullif(trim(c.position_since_text), '') IS NULL THEN issue('position_since', NULL, 'missing required value')
           WHEN col_date_ambiguous(c.position_since_text, 'employees', 'position_since') THEN issue('position_since', c.position_since_text, date_ambiguous_reason())
           WHEN c.position_since IS NULL THEN issue('position_since', c.position_since_text, 'impossible or unreadable date')
           WHEN c.position_since > setting_data_date() THEN issue('position_since', c.position_since_text, after_data_date_reason()) END,
      CASE WHEN col_date_ambiguous(c.appointment_text, 'employees', 'appointment_date') THEN issue('appointment_date', c.appointment_text, date_ambiguous_reason())
           WHEN nullif(trim(c.appointment_text), '') IS NOT NULL AND c.appointment_date IS NULL
           THEN issue('appointment_date', c.appointment_text, 'impossible or unreadable date')
           WHEN c.appointment_date IS NOT NULL AND c.nip_appointment IS NOT NULL AND date_trunc('month', c.appointment_date) <> c.nip_appointment
           THEN issue('appointment_date', c.appointment_text, 'TMT CPNS does not match the NIP (digits 9–14: first appointment ' || strftime(c.nip_appointment, '%Y-%m') || ')') END
    ], x -> x IS NOT NULL)
  END AS _issues
FROM checked c
LEFT JOIN (SELECT position_id FROM stg_positions WHERE len(_issues) = 0) p ON p.position_id = c.position_id
LEFT JOIN (
  SELECT k, min(_row) AS first_row
  FROM (SELECT nip_clean(nip) AS k, _row FROM raw)
  WHERE k IS NOT NULL
  GROUP BY k HAVING count(*) > 1
) d ON d.k = c.nip;

COMMENT ON TABLE stg_employees IS 'Staging: employees typed from raw_employees (personal data: nip, name, birth_date, unwilling_reason); _issues lists every rejected value';
