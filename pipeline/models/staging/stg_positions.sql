-- Staging: positions (jabatan), typed and checked against the loaded units.
CREATE OR REPLACE TEMP TABLE stg_positions AS
WITH typed AS (
  SELECT
    _file, _row,
    nullif(trim(position_id), '')                       AS position_id,
    nullif(trim(unit_id), '')                           AS unit_id,
    nullif(trim(title), '')                             AS title,
    CASE lower(trim(position_kind))
      WHEN 'struktural' THEN 'struktural' WHEN 'structural' THEN 'struktural' WHEN 'jpt' THEN 'struktural'
      WHEN 'administrator' THEN 'struktural' WHEN 'pengawas' THEN 'struktural'
      WHEN 'fungsional' THEN 'fungsional' WHEN 'functional' THEN 'fungsional' WHEN 'jf' THEN 'fungsional'
      WHEN 'pelaksana' THEN 'pelaksana' WHEN 'executor' THEN 'pelaksana' WHEN 'jfu' THEN 'pelaksana'
    END                                                 AS position_kind,
    position_kind                                       AS position_kind_text,
    col_number("class", _id_style, 'positions', 'class') AS class_num,
    "class"                                             AS class_text,
    education_norm(required_education)                  AS required_education,
    required_education                                  AS required_education_text,
    nullif(trim(required_major), '')                    AS required_major,
    coalesce(tags(required_competencies), [])           AS required_competencies,
    row_number() OVER (PARTITION BY nullif(trim(position_id), '') ORDER BY _row) AS _dup
  FROM raw_positions
)
SELECT
  t._file, t._row, t.position_id, t.unit_id, t.title, t.position_kind,
  CAST(t.class_num AS INTEGER) AS "class", t.required_education, t.required_major, t.required_competencies,
  list_filter([
    CASE WHEN t.position_id IS NULL THEN issue('position_id', NULL, 'missing required value') END,
    CASE WHEN t._dup > 1 THEN issue('position_id', t.position_id, 'duplicate key: position_id appears on an earlier row') END,
    CASE WHEN t.unit_id IS NULL THEN issue('unit_id', NULL, 'missing required value')
         WHEN u.unit_id IS NULL THEN issue('unit_id', t.unit_id, 'unknown unit') END,
    CASE WHEN t.title IS NULL THEN issue('title', NULL, 'missing required value') END,
    CASE WHEN t.position_kind IS NULL THEN issue('position_kind', t.position_kind_text, 'unknown position kind (struktural, fungsional, pelaksana)') END,
    CASE WHEN nullif(trim(t.class_text), '') IS NOT NULL
          AND (t.class_num IS NULL OR t.class_num <> round(t.class_num) OR t.class_num NOT BETWEEN 1 AND 17)
         THEN issue('class', t.class_text, 'kelas jabatan must be a whole number from 1 to 17') END,
    CASE WHEN nullif(trim(t.required_education_text), '') IS NOT NULL AND t.required_education IS NULL
         THEN issue('required_education', t.required_education_text, 'unknown education level') END
  ], x -> x IS NOT NULL) AS _issues
FROM typed t
LEFT JOIN (SELECT unit_id FROM stg_units WHERE len(_issues) = 0) u ON u.unit_id = t.unit_id;

COMMENT ON TABLE stg_positions IS 'Staging: positions typed from raw_positions; _issues lists every rejected value (empty = loaded into core.position)';
