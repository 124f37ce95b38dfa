-- Staging: transfers (mutasi) with their decree (SK), reason and any written approval reference.
-- Shape as stg_performance: one typing pass, the key checks as hash joins, `_issues` built for failing rows only.
CREATE OR REPLACE TEMP TABLE stg_transfers AS
WITH raw AS MATERIALIZED (
  -- a copy of the raw rows, scanned in chunks by every thread (raw_transfers is few row groups: see stg_employees)
  FROM raw_transfers
)
SELECT
  t._file, t._row, t.nip, t.effective_date, t.from_position_id, t.to_position_id, t.decree_number, t.decree_date,
  t.reason_category, t.reason_raw AS reason_text, t.approval_ref,
  CASE
    WHEN e.nip IS NOT NULL AND t.effective_date IS NOT NULL AND t.effective_date <= setting_data_date() AND (t.from_position_id IS NULL OR pf.position_id IS NOT NULL)
     AND pt.position_id IS NOT NULL AND (t.decree_date IS NOT NULL OR t.decree_date_text IS NULL) AND d.first_row IS NULL
    THEN []
    ELSE list_filter([
      employee_ref_issue(t.nip_text, t.nip, e.nip IS NOT NULL),
      CASE WHEN nullif(trim(t.effective_text), '') IS NULL THEN issue('effective_date', NULL, 'missing required value')
           WHEN col_date_ambiguous(t.effective_text, 'transfers', 'effective_date') THEN issue('effective_date', t.effective_text, date_ambiguous_reason())
           WHEN t.effective_date IS NULL THEN issue('effective_date', t.effective_text, 'impossible or unreadable date')
           WHEN t.effective_date > setting_data_date() THEN issue('effective_date', t.effective_text, after_data_date_reason()) END,
      CASE WHEN t.from_position_id IS NOT NULL AND pf.position_id IS NULL THEN issue('from_position_id', t.from_position_id, 'unknown position') END,
      CASE WHEN t.to_position_id IS NULL THEN issue('to_position_id', NULL, 'missing required value')
           WHEN pt.position_id IS NULL THEN issue('to_position_id', t.to_position_id, 'unknown position') END,
      CASE WHEN col_date_ambiguous(t.decree_date_text, 'transfers', 'decree_date') THEN issue('decree_date', t.decree_date_text, date_ambiguous_reason())
           WHEN nullif(trim(t.decree_date_text), '') IS NOT NULL AND t.decree_date IS NULL
           THEN issue('decree_date', t.decree_date_text, 'impossible or unreadable date') END,
      CASE WHEN t._row > d.first_row
           THEN issue('effective_date', t.effective_text, 'duplicate key: the same transfer appears on an earlier row') END
    ], x -> x IS NOT NULL)
  END AS _issues
FROM (
  SELECT *,
    -- (a CASE per spelling, not `IN (…)` lists: DuckDB turns those into joins run on every row)
    CASE reason_raw
      WHEN 'rotasi_berkala' THEN 'rotasi_berkala' WHEN 'kebutuhan_organisasi' THEN 'kebutuhan_organisasi'
      WHEN 'permintaan_sendiri' THEN 'permintaan_sendiri' WHEN 'promosi' THEN 'promosi'
      WHEN 'pengembangan_karier' THEN 'pengembangan_karier' WHEN 'lainnya' THEN 'lainnya'
      WHEN 'rotasi' THEN 'rotasi_berkala' WHEN 'rotation' THEN 'rotasi_berkala' WHEN 'periodic_rotation' THEN 'rotasi_berkala'
      WHEN 'organizational_need' THEN 'kebutuhan_organisasi' WHEN 'kebutuhan_dinas' THEN 'kebutuhan_organisasi'
      WHEN 'atas_permintaan_sendiri' THEN 'permintaan_sendiri' WHEN 'self_request' THEN 'permintaan_sendiri'
      WHEN 'own_request' THEN 'permintaan_sendiri'
      WHEN 'promotion' THEN 'promosi'
      WHEN 'career_development' THEN 'pengembangan_karier' WHEN 'pengembangan_karir' THEN 'pengembangan_karier'
      ELSE CASE WHEN reason_raw IS NOT NULL THEN 'lainnya' END
    END AS reason_category
  FROM (
    SELECT
      _file, _row,
      nip_clean(nip)                          AS nip,
      nip                                     AS nip_text,
      col_date(effective_date, 'transfers', 'effective_date') AS effective_date,
      effective_date                          AS effective_text,
      nullif(trim(from_position_id), '')      AS from_position_id,
      nullif(trim(to_position_id), '')        AS to_position_id,
      nullif(trim(decree_number), '')         AS decree_number,
      col_date(decree_date, 'transfers', 'decree_date') AS decree_date,
      decree_date                             AS decree_date_text,
      lower(replace(nullif(trim(reason_category), ''), ' ', '_')) AS reason_raw,
      nullif(trim(approval_ref), '')          AS approval_ref
    FROM raw
  )
) t
LEFT JOIN (SELECT nip FROM stg_employees WHERE len(_issues) = 0) e ON e.nip = t.nip
LEFT JOIN (SELECT position_id FROM stg_positions WHERE len(_issues) = 0) pf ON pf.position_id = t.from_position_id
LEFT JOIN (SELECT position_id FROM stg_positions WHERE len(_issues) = 0) pt ON pt.position_id = t.to_position_id
-- keys (person, effective date, target position) seen more than once, with the first row that has them
LEFT JOIN (
  SELECT k, d, p, min(_row) AS first_row
  FROM (SELECT CAST(nip_clean(nip) AS BIGINT) AS k, col_date(effective_date, 'transfers', 'effective_date') AS d, nullif(trim(to_position_id), '') AS p, _row
        FROM raw)
  WHERE k IS NOT NULL AND d IS NOT NULL
  GROUP BY ALL HAVING count(*) > 1
) d ON d.k = CAST(t.nip AS BIGINT) AND d.d = t.effective_date AND d.p IS NOT DISTINCT FROM t.to_position_id;

COMMENT ON TABLE stg_transfers IS 'Staging: transfers typed from raw_transfers; _issues lists every rejected value';
