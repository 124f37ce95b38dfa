-- Staging: transfers (mutasi) with their decree (SK), reason and any written approval reference.
CREATE OR REPLACE TABLE stg_transfers AS
WITH typed AS (
  SELECT
    _file, _row,
    nip_clean(nip)                          AS nip,
    nip                                     AS nip_text,
    id_date(effective_date)                 AS effective_date,
    effective_date                          AS effective_text,
    nullif(trim(from_position_id), '')      AS from_position_id,
    nullif(trim(to_position_id), '')        AS to_position_id,
    nullif(trim(decree_number), '')         AS decree_number,
    id_date(decree_date)                    AS decree_date,
    decree_date                             AS decree_date_text,
    lower(replace(nullif(trim(reason_category), ''), ' ', '_')) AS reason_raw,
    nullif(trim(approval_ref), '')          AS approval_ref
  FROM raw_transfers
), ranked AS (
  SELECT *,
    CASE
      WHEN reason_raw IS NULL THEN NULL
      WHEN reason_raw IN ('rotasi_berkala','kebutuhan_organisasi','permintaan_sendiri','promosi','pengembangan_karier','lainnya') THEN reason_raw
      WHEN reason_raw IN ('rotasi','rotation','periodic_rotation') THEN 'rotasi_berkala'
      WHEN reason_raw IN ('organizational_need','kebutuhan_dinas') THEN 'kebutuhan_organisasi'
      WHEN reason_raw IN ('atas_permintaan_sendiri','self_request','own_request') THEN 'permintaan_sendiri'
      WHEN reason_raw IN ('promotion') THEN 'promosi'
      WHEN reason_raw IN ('career_development','pengembangan_karir') THEN 'pengembangan_karier'
      ELSE 'lainnya'
    END AS reason_category,
    row_number() OVER (PARTITION BY nip, effective_date, to_position_id ORDER BY _row) AS _dup
  FROM typed
)
SELECT
  t._file, t._row, t.nip, t.effective_date, t.from_position_id, t.to_position_id, t.decree_number, t.decree_date,
  t.reason_category, t.reason_raw AS reason_text, t.approval_ref,
  list_filter([
    CASE WHEN nullif(trim(t.nip_text), '') IS NULL THEN issue('nip', NULL, 'missing required value')
         WHEN t.nip IS NULL THEN issue('nip', t.nip_text, 'malformed NIP: not 18 digits')
         WHEN e.nip IS NULL THEN issue('nip', t.nip_text, 'unknown employee') END,
    CASE WHEN nullif(trim(t.effective_text), '') IS NULL THEN issue('effective_date', NULL, 'missing required value')
         WHEN t.effective_date IS NULL THEN issue('effective_date', t.effective_text, 'impossible or unreadable date') END,
    CASE WHEN t.from_position_id IS NOT NULL AND pf.position_id IS NULL THEN issue('from_position_id', t.from_position_id, 'unknown position') END,
    CASE WHEN t.to_position_id IS NULL THEN issue('to_position_id', NULL, 'missing required value')
         WHEN pt.position_id IS NULL THEN issue('to_position_id', t.to_position_id, 'unknown position') END,
    CASE WHEN nullif(trim(t.decree_date_text), '') IS NOT NULL AND t.decree_date IS NULL
         THEN issue('decree_date', t.decree_date_text, 'impossible or unreadable date') END,
    CASE WHEN t._dup > 1 AND t.nip IS NOT NULL AND t.effective_date IS NOT NULL
         THEN issue('effective_date', t.effective_text, 'duplicate key: the same transfer appears on an earlier row') END
  ], x -> x IS NOT NULL) AS _issues
FROM ranked t
LEFT JOIN (SELECT nip FROM stg_employees WHERE len(_issues) = 0) e ON e.nip = t.nip
LEFT JOIN (SELECT position_id FROM stg_positions WHERE len(_issues) = 0) pf ON pf.position_id = t.from_position_id
LEFT JOIN (SELECT position_id FROM stg_positions WHERE len(_issues) = 0) pt ON pt.position_id = t.to_position_id;

COMMENT ON TABLE stg_transfers IS 'Staging: transfers typed from raw_transfers; _issues lists every rejected value';
