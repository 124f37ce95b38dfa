/**
 * The SQL of the fairness breakdown (who is moved), shared by /api/audit/fairness (queries/audit.ts) and the public
 * report (queries/publik.ts); no `$lib` import, so that `seimbang export-public` loads it as well.
 */
/** age bands of the fairness breakdown (age in whole years at the warehouse's latest month) */
const AGE_BAND = `CASE WHEN age IS NULL THEN 'tidak_tercatat' WHEN age < 30 THEN 'lt30' WHEN age < 40 THEN '30_39'
  WHEN age < 50 THEN '40_49' ELSE 'ge50' END`;

/**
 * The fairness counts before disclosure: per golongan, sex, age band (people in the units asked, now; moved = with a
 * transfer matching `movesWhere`), per reason, and per number of moves. `inUnits` filters the alias `unit`; `movesWhere`
 * the alias `t` (transfer). Shared with the public report (queries/publik.ts).
 */
export function fairnessSql(movesWhere: string, inUnits: string): string {
  return `
    WITH ref AS (SELECT max("month") AS m FROM unit_load_monthly),
    people AS (
      SELECT e.nip,
        CASE WHEN e.status = 'PPPK' THEN 'PPPK' WHEN e.golongan IS NULL THEN 'tidak_tercatat' ELSE split_part(e.golongan, '/', 1) END AS golongan,
        CASE WHEN e.sex IN ('L', 'P') THEN e.sex ELSE 'tidak_tercatat' END AS sex,
        CASE WHEN e.birth_date IS NULL OR e.birth_date > ref.m THEN NULL ELSE date_sub('year', e.birth_date, ref.m) END AS age
      FROM employee e JOIN unit ON unit.unit_id = e.unit_id, ref
      WHERE ${inUnits}
    ),
    moves AS (
      SELECT t.nip, coalesce(t.reason_category, 'tidak_tercatat') AS reason
      FROM transfer t JOIN unit ON unit.unit_id = t.to_unit_id
      WHERE ${movesWhere} AND ${inUnits}
    ),
    per_person AS (
      SELECT p.*, ${AGE_BAND} AS age_band, coalesce(m.n, 0) AS n_moves
      FROM people p LEFT JOIN (SELECT nip, count(*) AS n FROM moves GROUP BY nip) m USING (nip)
    ),
    by_attr AS (
      SELECT 'golongan' AS dimension, golongan AS group_key, CASE golongan WHEN 'I' THEN 1 WHEN 'II' THEN 2 WHEN 'III' THEN 3
        WHEN 'IV' THEN 4 WHEN 'PPPK' THEN 5 ELSE 9 END AS ord, count(*) AS staff, count(*) FILTER (WHERE n_moves > 0) AS moved,
        sum(n_moves) AS transfers FROM per_person GROUP BY ALL
      UNION ALL
      SELECT 'sex', sex, CASE sex WHEN 'L' THEN 1 WHEN 'P' THEN 2 ELSE 9 END, count(*), count(*) FILTER (WHERE n_moves > 0), sum(n_moves)
      FROM per_person GROUP BY ALL
      UNION ALL
      SELECT 'age_band', age_band, CASE age_band WHEN 'lt30' THEN 1 WHEN '30_39' THEN 2 WHEN '40_49' THEN 3 WHEN 'ge50' THEN 4 ELSE 9 END,
        count(*), count(*) FILTER (WHERE n_moves > 0), sum(n_moves)
      FROM per_person GROUP BY ALL
      UNION ALL
      SELECT 'repeat', CASE WHEN n_moves >= 3 THEN '3+' ELSE CAST(n_moves AS VARCHAR) END, least(n_moves, 3), NULL, count(*), sum(n_moves)
      FROM per_person WHERE n_moves > 0 GROUP BY ALL
      UNION ALL
      SELECT 'reason', m.reason, CASE m.reason WHEN 'rotasi_berkala' THEN 1 WHEN 'kebutuhan_organisasi' THEN 2
        WHEN 'permintaan_sendiri' THEN 3 WHEN 'promosi' THEN 4 WHEN 'pengembangan_karier' THEN 5 WHEN 'lainnya' THEN 6 ELSE 9 END,
        NULL, NULL, count(*)
      FROM moves m JOIN people p USING (nip) GROUP BY ALL
    )
    SELECT dimension, group_key, CAST(ord AS INTEGER) AS ord, CAST(staff AS INTEGER) AS staff, CAST(moved AS INTEGER) AS moved,
      CAST(transfers AS INTEGER) AS transfers,
      coalesce(TRY_CAST(json_extract((SELECT settings FROM build_info LIMIT 1), '$.disclosure.min_cell_size') AS INTEGER), 5) AS min_cell_size
    FROM by_attr ORDER BY dimension, ord, group_key`;
}

