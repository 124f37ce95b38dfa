-- Mart: merit audit of every transfer (mutasi): one row per transfer × rule, with a status, the numbers behind
-- it and a readable sentence in Bahasa Indonesia and English. Parameters come from the settings macros.
--
-- Rules (severity 'rule' = a legal requirement):
--   min_tenure     PP 11/2017 Pasal 190 (amended by PP 17/2020): a PNS stays in a position at least
--                  setting_min_tenure_years() (2) years before being moved. Time in the previous position =
--                  from the start of the spell the transfer ends to the effective date (TMT), in whole months.
--                  That spell starts at the person's previous transfer, or — for the first recorded transfer —
--                  at the appointment date (TMT CPNS/PPPK): the valid_from of the spell in
--                  employee_position_history. Unknown when that start is unknown.
--   election_ban   UU 10/2016 Pasal 71 ayat (2): no replacement of officials from 6 months before the candidate
--                  pairs are determined until the end of the term, unless the Minister of Home Affairs approves
--                  in writing. The date tested is the EFFECTIVE DATE (TMT): the replacement takes place on the TMT
--                  (a decree signed before the ban for a TMT inside it still replaces an official inside it), and
--                  the TMT is always present while the decree date is optional. Window: the region's own rows of
--                  setting_election_window, else the '*' rows; both ends inclusive. Failed inside a window
--                  without approval_ref; passed with one (the detail names it) and outside every window.
--   competency     PP 11/2017 Pasal 190: the move must match the person's competence to the job's requirements.
--                  Tested: education rank (education_rank(): SD … S3) ≥ the target position's required rank;
--                  unknown when either is missing. The person's education is the one on record now (a degree
--                  earned after the transfer would hide a break). Required competency tags the person lacks are
--                  listed in the detail for information only.
--   documentation  Peraturan BKN 5/2019: a transfer is made by decree (SK) for a stated reason. Failed when the
--                  decree number or the reason category is missing (a missing decree date alone is mentioned).
-- Considerations (severity 'advisory'), from unit_load_monthly in the month before the effective month:
--   receiving_need   passed when the receiving unit was overloaded (EJ > setting_overloaded_above()) or had
--                    workload and nobody in post; failed otherwise.
--   releasing_slack  passed when the releasing unit was slack (EJ < setting_slack_below()); failed otherwise.
--   Both unknown when that month is outside the calendar, and for a move within one unit (the unit's balance
--   does not change) or from an unknown unit.
CREATE OR REPLACE TABLE transfer_audit AS
WITH t AS (
  SELECT tr.transfer_id, tr.nip, tr.effective_date, tr.from_position_id, tr.to_position_id, tr.from_unit_id,
         tr.to_unit_id, tr.decree_number, tr.decree_date, tr.reason_category, tr.approval_ref,
         coalesce(ut.region_code, uf.region_code, setting_region_code()) AS region_code,
         -- start of the spell this transfer ends (employee_position_history.valid_from of that spell)
         coalesce(lag(tr.effective_date) OVER (PARTITION BY tr.nip ORDER BY tr.effective_date, tr.transfer_id),
                  e.appointment_date) AS prev_start,
         lag(tr.effective_date) OVER (PARTITION BY tr.nip ORDER BY tr.effective_date, tr.transfer_id) IS NULL AS first_recorded,
         e.education_level, e.competencies,
         pt.title AS to_title, pt.required_education, pt.required_competencies,
         CAST(date_trunc('month', tr.effective_date) - INTERVAL 1 MONTH AS DATE) AS ref_month
  FROM transfer tr
  JOIN employee e USING (nip)
  JOIN position pt ON pt.position_id = tr.to_position_id
  LEFT JOIN unit ut ON ut.unit_id = tr.to_unit_id
  LEFT JOIN unit uf ON uf.unit_id = tr.from_unit_id
),

-- ---- min_tenure (PP 11/2017 Pasal 190) ------------------------------------------------------------------
tenure AS (
  SELECT t.*,
         CASE WHEN prev_start IS NOT NULL AND prev_start <= effective_date THEN date_sub('month', prev_start, effective_date) END AS months,
         CAST(round(setting_min_tenure_years() * 12) AS BIGINT) AS min_months
  FROM t
),
r_tenure AS (
  SELECT transfer_id, 'min_tenure' AS rule,
         CASE WHEN months IS NULL THEN 'unknown' WHEN months >= min_months THEN 'passed' ELSE 'failed' END AS status,
         months / 12.0 AS value, setting_min_tenure_years() AS threshold, 'years' AS value_unit,
         CASE
           WHEN prev_start IS NULL THEN
             'Lama di jabatan sebelumnya tidak diketahui: tidak ada mutasi sebelumnya dan TMT pengangkatan (CPNS/PPPK) kosong; minimal '
             || years_id(setting_min_tenure_years()) || ' (PP 11/2017 Pasal 190)'
           WHEN months IS NULL THEN
             'Lama di jabatan sebelumnya tidak dapat dihitung: tanggal mulai (' || date_text_id(prev_start)
             || ') sesudah TMT mutasi; minimal ' || years_id(setting_min_tenure_years()) || ' (PP 11/2017 Pasal 190)'
           ELSE dur_id(months) || ' di jabatan sebelumnya (sejak ' || date_text_id(prev_start)
             || CASE WHEN first_recorded THEN ', TMT pengangkatan' ELSE '' END || '); minimal '
             || years_id(setting_min_tenure_years()) || ' (PP 11/2017 Pasal 190)'
         END AS detail_id,
         CASE
           WHEN prev_start IS NULL THEN
             'Time in the previous position unknown: no earlier transfer and no appointment date; minimum '
             || years_en(setting_min_tenure_years()) || ' (PP 11/2017 Article 190)'
           WHEN months IS NULL THEN
             'Time in the previous position cannot be computed: its start (' || date_text_en(prev_start)
             || ') is after the effective date; minimum ' || years_en(setting_min_tenure_years()) || ' (PP 11/2017 Article 190)'
           ELSE dur_en(months) || ' in the previous position (since ' || date_text_en(prev_start)
             || CASE WHEN first_recorded THEN ', appointment date' ELSE '' END || '); minimum '
             || years_en(setting_min_tenure_years()) || ' (PP 11/2017 Article 190)'
         END AS detail_en
  FROM tenure
),

-- ---- election_ban (UU 10/2016 Pasal 71 ayat 2) ------------------------------------------------------------
windows AS (
  -- the region's own windows, else the '*' windows
  SELECT r.region_code, w.candidate_determination, w.ban_start, w.ban_end
  FROM (SELECT DISTINCT region_code FROM t) r
  JOIN setting_election_window w
    ON w.region_code = r.region_code
    OR (w.region_code = '*' AND NOT EXISTS (SELECT 1 FROM setting_election_window x WHERE x.region_code = r.region_code))
),
ban AS (
  SELECT t.transfer_id,
         -- the decree date inside a window the effective date is not in (mentioned only)
         bool_or(t.decree_date BETWEEN w.ban_start AND w.ban_end) AS decree_in_some_window,
         count(w.region_code) AS n_windows
  FROM t LEFT JOIN windows w ON w.region_code = t.region_code
  GROUP BY t.transfer_id
),
ban_hit AS (
  SELECT t.transfer_id, min(w.ban_start) AS hit_start, max(w.ban_end) AS hit_end
  FROM t JOIN windows w ON w.region_code = t.region_code AND t.effective_date BETWEEN w.ban_start AND w.ban_end
  GROUP BY t.transfer_id
),
r_election AS (
  SELECT t.transfer_id, 'election_ban' AS rule,
         CASE WHEN h.transfer_id IS NOT NULL AND t.approval_ref IS NULL THEN 'failed'
              WHEN h.transfer_id IS NOT NULL THEN 'passed'
              WHEN b.n_windows = 0 THEN 'unknown'
              ELSE 'passed' END AS status,
         CAST(NULL AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS threshold, CAST(NULL AS VARCHAR) AS value_unit,
         CASE
           WHEN h.transfer_id IS NOT NULL AND t.approval_ref IS NULL THEN
             'TMT ' || date_text_id(t.effective_date) || ' dalam masa larangan penggantian pejabat menjelang pilkada ('
             || date_text_id(h.hit_start) || ' – ' || date_text_id(h.hit_end)
             || ') tanpa persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 Pasal 71 ayat 2)'
           WHEN h.transfer_id IS NOT NULL THEN
             'TMT ' || date_text_id(t.effective_date) || ' dalam masa larangan penggantian pejabat menjelang pilkada ('
             || date_text_id(h.hit_start) || ' – ' || date_text_id(h.hit_end)
             || '), dengan persetujuan tertulis Menteri Dalam Negeri nomor ' || t.approval_ref || ' (UU 10/2016 Pasal 71 ayat 2)'
           WHEN b.n_windows = 0 THEN
             'Tanggal pilkada untuk wilayah ' || t.region_code || ' belum diatur (pengaturan election.windows)'
           ELSE 'TMT ' || date_text_id(t.effective_date) || ' di luar masa larangan penggantian pejabat menjelang pilkada (UU 10/2016 Pasal 71 ayat 2)'
             || CASE WHEN b.decree_in_some_window THEN '; catatan: SK bertanggal ' || date_text_id(t.decree_date) || ', di dalam masa larangan' ELSE '' END
         END AS detail_id,
         CASE
           WHEN h.transfer_id IS NOT NULL AND t.approval_ref IS NULL THEN
             'Effective ' || date_text_en(t.effective_date) || ', inside the pre-election ban on replacing officials ('
             || date_text_en(h.hit_start) || ' – ' || date_text_en(h.hit_end)
             || ') without the written approval of the Minister of Home Affairs (UU 10/2016 Article 71(2))'
           WHEN h.transfer_id IS NOT NULL THEN
             'Effective ' || date_text_en(t.effective_date) || ', inside the pre-election ban on replacing officials ('
             || date_text_en(h.hit_start) || ' – ' || date_text_en(h.hit_end)
             || '), with the written approval of the Minister of Home Affairs no. ' || t.approval_ref || ' (UU 10/2016 Article 71(2))'
           WHEN b.n_windows = 0 THEN
             'No election dates are set for region ' || t.region_code || ' (setting election.windows)'
           ELSE 'Effective ' || date_text_en(t.effective_date) || ', outside the pre-election ban on replacing officials (UU 10/2016 Article 71(2))'
             || CASE WHEN b.decree_in_some_window THEN '; note: the decree is dated ' || date_text_en(t.decree_date) || ', inside the ban' ELSE '' END
         END AS detail_en
  FROM t JOIN ban b USING (transfer_id) LEFT JOIN ban_hit h USING (transfer_id)
),

-- ---- competency (PP 11/2017 Pasal 190) -----------------------------------------------------------------
comp AS (
  SELECT t.*, education_rank(education_level) AS have_rank, education_rank(required_education) AS need_rank,
         CASE WHEN len(required_competencies) > 0
              THEN list_filter(required_competencies, x -> NOT list_contains(coalesce(competencies, []), x)) ELSE [] END AS lacking
  FROM t
),
r_competency AS (
  SELECT transfer_id, 'competency' AS rule,
         CASE WHEN have_rank IS NULL OR need_rank IS NULL THEN 'unknown' WHEN have_rank >= need_rank THEN 'passed' ELSE 'failed' END AS status,
         CAST(have_rank AS DOUBLE) AS value, CAST(need_rank AS DOUBLE) AS threshold, 'education_rank' AS value_unit,
         CASE
           WHEN need_rank IS NULL THEN 'Jabatan tujuan tidak mencantumkan syarat pendidikan'
           WHEN have_rank IS NULL THEN 'Pendidikan pegawai tidak tercatat; syarat minimal jabatan tujuan ' || required_education
           WHEN have_rank >= need_rank THEN 'Pendidikan ' || education_level || ' memenuhi syarat minimal ' || required_education || ' jabatan tujuan'
           ELSE 'Pendidikan ' || education_level || ' di bawah syarat minimal ' || required_education || ' jabatan tujuan'
         END || ' (PP 11/2017 Pasal 190)'
         || CASE WHEN len(lacking) > 0 THEN '; kompetensi yang disyaratkan tetapi belum tercatat: ' || array_to_string(lacking, ', ') ELSE '' END
         AS detail_id,
         CASE
           WHEN need_rank IS NULL THEN 'The target position states no education requirement'
           WHEN have_rank IS NULL THEN 'The employee''s education is not on record; the target position requires at least ' || required_education
           WHEN have_rank >= need_rank THEN 'Education ' || education_level || ' meets the target position''s minimum ' || required_education
           ELSE 'Education ' || education_level || ' is below the target position''s minimum ' || required_education
         END || ' (PP 11/2017 Article 190)'
         || CASE WHEN len(lacking) > 0 THEN '; required competencies not on record: ' || array_to_string(lacking, ', ') ELSE '' END
         AS detail_en
  FROM comp
),

-- ---- documentation (Peraturan BKN 5/2019) ----------------------------------------------------------------
r_documentation AS (
  SELECT transfer_id, 'documentation' AS rule,
         CASE WHEN decree_number IS NULL OR reason_category IS NULL THEN 'failed' ELSE 'passed' END AS status,
         CAST((decree_number IS NULL)::INTEGER + (reason_category IS NULL)::INTEGER AS DOUBLE) AS value,
         0.0 AS threshold, 'missing_items' AS value_unit,
         CASE WHEN decree_number IS NULL OR reason_category IS NULL THEN
                'Tidak tercatat: ' || CASE WHEN decree_number IS NULL AND reason_category IS NULL THEN 'nomor SK dan alasan mutasi'
                                           WHEN decree_number IS NULL THEN 'nomor SK' ELSE 'alasan mutasi' END
              ELSE 'SK nomor ' || decree_number || ', alasan ' || reason_category END
         || CASE WHEN decree_date IS NULL THEN '; tanggal SK kosong' ELSE '' END || ' (Peraturan BKN 5/2019)' AS detail_id,
         CASE WHEN decree_number IS NULL OR reason_category IS NULL THEN
                'Missing: ' || CASE WHEN decree_number IS NULL AND reason_category IS NULL THEN 'decree number and reason'
                                    WHEN decree_number IS NULL THEN 'decree number' ELSE 'reason' END
              ELSE 'Decree no. ' || decree_number || ', reason ' || reason_category END
         || CASE WHEN decree_date IS NULL THEN '; decree date empty' ELSE '' END || ' (Peraturan BKN 5/2019)' AS detail_en
  FROM t
),

-- ---- receiving_need and releasing_slack (advisory; unit_load_monthly, month before the effective month) ------
loads AS (
  SELECT t.transfer_id, t.from_unit_id, t.to_unit_id, t.ref_month,
         EXISTS (SELECT 1 FROM month_calendar c WHERE c."month" = t.ref_month) AS in_calendar,
         lt.ej AS to_ej, lt.band AS to_band, lt.required_staff AS to_required, lt.current_staff AS to_staff,
         lf.ej AS from_ej, lf.band AS from_band, lf.required_staff AS from_required, lf.current_staff AS from_staff
  FROM t
  LEFT JOIN unit_load_monthly lt ON lt.unit_id = t.to_unit_id AND lt."month" = t.ref_month
  LEFT JOIN unit_load_monthly lf ON lf.unit_id = t.from_unit_id AND lf."month" = t.ref_month
),
r_receiving AS (
  SELECT transfer_id, 'receiving_need' AS rule,
         CASE WHEN from_unit_id = to_unit_id OR NOT in_calendar OR to_band IS NULL THEN 'unknown'
              WHEN to_band IN ('overloaded', 'unstaffed') THEN 'passed'
              ELSE 'failed' END AS status,
         to_ej AS value, setting_overloaded_above() AS threshold, 'ej' AS value_unit,
         CASE
           WHEN from_unit_id = to_unit_id THEN 'Mutasi di dalam satu unit: beban unit tidak berubah'
           WHEN NOT in_calendar OR to_band IS NULL THEN 'Beban kerja unit penerima pada ' || month_text_id(ref_month) || ' tidak ada dalam data'
           WHEN to_band = 'unstaffed' THEN 'Unit penerima tanpa pegawai pada ' || month_text_id(ref_month) || ', dengan beban '
             || fmt_dec_id(to_required, 1) || ' orang: kekurangan pegawai'
           WHEN to_band = 'overloaded' THEN 'EJ unit penerima ' || fmt_dec_id(to_ej, 2) || ' pada ' || month_text_id(ref_month)
             || ' (di atas ' || fmt_dec_id(setting_overloaded_above(), 2) || '): kekurangan pegawai, kurang '
             || fmt_dec_id(to_required - to_staff, 1) || ' orang'
           WHEN to_band = 'idle' THEN 'Unit penerima tanpa beban kerja tercatat pada ' || month_text_id(ref_month)
           ELSE 'EJ unit penerima ' || fmt_dec_id(to_ej, 2) || ' pada ' || month_text_id(ref_month)
             || ' (tidak di atas ' || fmt_dec_id(setting_overloaded_above(), 2) || '): tidak kekurangan pegawai'
             || CASE WHEN to_band = 'slack' THEN ', bahkan kelebihan ' || fmt_dec_id(to_staff - to_required, 1) || ' orang' ELSE '' END
         END AS detail_id,
         CASE
           WHEN from_unit_id = to_unit_id THEN 'Move within one unit: the unit''s load does not change'
           WHEN NOT in_calendar OR to_band IS NULL THEN 'No workload data for the receiving unit in ' || month_text_en(ref_month)
           WHEN to_band = 'unstaffed' THEN 'The receiving unit had nobody in post in ' || month_text_en(ref_month) || ' and work for '
             || fmt_dec_en(to_required, 1) || ' people: understaffed'
           WHEN to_band = 'overloaded' THEN 'Receiving unit EJ ' || fmt_dec_en(to_ej, 2) || ' in ' || month_text_en(ref_month)
             || ' (above ' || fmt_dec_en(setting_overloaded_above(), 2) || '): understaffed by '
             || fmt_dec_en(to_required - to_staff, 1) || ' people'
           WHEN to_band = 'idle' THEN 'The receiving unit had no recorded workload in ' || month_text_en(ref_month)
           ELSE 'Receiving unit EJ ' || fmt_dec_en(to_ej, 2) || ' in ' || month_text_en(ref_month)
             || ' (not above ' || fmt_dec_en(setting_overloaded_above(), 2) || '): not understaffed'
             || CASE WHEN to_band = 'slack' THEN ', overstaffed by ' || fmt_dec_en(to_staff - to_required, 1) || ' people' ELSE '' END
         END AS detail_en
  FROM loads
),
r_releasing AS (
  SELECT transfer_id, 'releasing_slack' AS rule,
         CASE WHEN from_unit_id IS NULL OR from_unit_id = to_unit_id OR NOT in_calendar OR from_band IS NULL
                   OR from_band = 'unstaffed' THEN 'unknown'
              WHEN from_band IN ('slack', 'idle') THEN 'passed'
              ELSE 'failed' END AS status,
         from_ej AS value, setting_slack_below() AS threshold, 'ej' AS value_unit,
         CASE
           WHEN from_unit_id IS NULL THEN 'Unit asal tidak diketahui (jabatan lama kosong)'
           WHEN from_unit_id = to_unit_id THEN 'Mutasi di dalam satu unit: beban unit tidak berubah'
           WHEN NOT in_calendar OR from_band IS NULL THEN 'Beban kerja unit asal pada ' || month_text_id(ref_month) || ' tidak ada dalam data'
           WHEN from_band = 'unstaffed' THEN 'Unit asal tanpa pegawai tercatat pada ' || month_text_id(ref_month)
           WHEN from_band = 'idle' THEN 'Unit asal tanpa beban kerja tercatat pada ' || month_text_id(ref_month) || ': kelebihan pegawai'
           WHEN from_band = 'slack' THEN 'EJ unit asal ' || fmt_dec_id(from_ej, 2) || ' pada ' || month_text_id(ref_month)
             || ' (di bawah ' || fmt_dec_id(setting_slack_below(), 2) || '): kelebihan ' || fmt_dec_id(from_staff - from_required, 1) || ' orang'
           ELSE 'EJ unit asal ' || fmt_dec_id(from_ej, 2) || ' pada ' || month_text_id(ref_month)
             || ' (tidak di bawah ' || fmt_dec_id(setting_slack_below(), 2) || '): tidak kelebihan pegawai'
             || CASE WHEN from_band = 'overloaded' THEN ', bahkan kekurangan ' || fmt_dec_id(from_required - from_staff, 1) || ' orang' ELSE '' END
         END AS detail_id,
         CASE
           WHEN from_unit_id IS NULL THEN 'Releasing unit unknown (no previous position)'
           WHEN from_unit_id = to_unit_id THEN 'Move within one unit: the unit''s load does not change'
           WHEN NOT in_calendar OR from_band IS NULL THEN 'No workload data for the releasing unit in ' || month_text_en(ref_month)
           WHEN from_band = 'unstaffed' THEN 'The releasing unit had nobody in post on record in ' || month_text_en(ref_month)
           WHEN from_band = 'idle' THEN 'The releasing unit had no recorded workload in ' || month_text_en(ref_month) || ': overstaffed'
           WHEN from_band = 'slack' THEN 'Releasing unit EJ ' || fmt_dec_en(from_ej, 2) || ' in ' || month_text_en(ref_month)
             || ' (below ' || fmt_dec_en(setting_slack_below(), 2) || '): overstaffed by ' || fmt_dec_en(from_staff - from_required, 1) || ' people'
           ELSE 'Releasing unit EJ ' || fmt_dec_en(from_ej, 2) || ' in ' || month_text_en(ref_month)
             || ' (not below ' || fmt_dec_en(setting_slack_below(), 2) || '): not overstaffed'
             || CASE WHEN from_band = 'overloaded' THEN ', even understaffed by ' || fmt_dec_en(from_required - from_staff, 1) || ' people' ELSE '' END
         END AS detail_en
  FROM loads
),

rules AS (
  SELECT * FROM r_tenure
  UNION ALL BY NAME SELECT * FROM r_election
  UNION ALL BY NAME SELECT * FROM r_competency
  UNION ALL BY NAME SELECT * FROM r_documentation
  UNION ALL BY NAME SELECT * FROM r_receiving
  UNION ALL BY NAME SELECT * FROM r_releasing
)
SELECT t.transfer_id, t.nip, t.effective_date, t.from_position_id, t.to_position_id, t.from_unit_id, t.to_unit_id,
       t.region_code, r.rule, r.status,
       CASE WHEN r.rule IN ('receiving_need', 'releasing_slack') THEN 'advisory' ELSE 'rule' END AS severity,
       r.detail_id, r.detail_en, r.value, r.threshold, r.value_unit
FROM rules r JOIN t USING (transfer_id);
-- no ORDER BY: sorting ~6 wide rows per transfer dominated the model's run time at province scale (read it with
-- ORDER BY transfer_id, and the rule order min_tenure, election_ban, competency, documentation, receiving_need,
-- releasing_slack if needed)

COMMENT ON TABLE transfer_audit IS 'Mart (unordered): merit audit of each transfer × rule (min_tenure PP 11/2017 Pasal 190, election_ban UU 10/2016 Pasal 71(2) on the effective date, competency, documentation; advisory receiving_need / releasing_slack from unit EJ the month before); status passed/failed/unknown; nip is personal data';
COMMENT ON COLUMN transfer_audit.nip IS 'PERSONAL DATA (UU 27/2022): never public';
COMMENT ON COLUMN transfer_audit.severity IS 'rule = a legal requirement; advisory = a consideration (workload balance)';
COMMENT ON COLUMN transfer_audit.value IS 'the number tested: years in the previous position (min_tenure), education rank 1 SD … 10 S3 (competency), missing items (documentation), EJ the month before (receiving_need, releasing_slack); NULL for election_ban';
COMMENT ON COLUMN transfer_audit.threshold IS 'the limit the value is compared with (from the settings): minimum years, required education rank, 0 missing items, EJ overloaded-above / slack-below';
COMMENT ON COLUMN transfer_audit.value_unit IS 'years, education_rank, missing_items or ej';
