-- Mart (a view): merit audit of every transfer (mutasi): one row per transfer × rule, with a status, the numbers
-- behind it and a readable sentence in Bahasa Indonesia and English. The numbers are computed by the build in
-- transfer_audit_fact; this view applies the rules to them when read: one row per transfer × rule (a cross join with the
-- rule names), each column one CASE over the rule, so a reader that asks for counts by status never builds a
-- sentence (unused columns are not computed) and one transfer's card builds six. Parameters come from the settings macros.
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
CREATE OR REPLACE VIEW transfer_audit AS
SELECT
  t.transfer_id, t.nip, t.effective_date, t.from_position_id, t.to_position_id, t.from_unit_id, t.to_unit_id,
  t.region_code, r.rule,
  CASE r.rule
    WHEN 'min_tenure' THEN rule_min_tenure_code(prev_start, tenure_months, min_months)
    WHEN 'election_ban' THEN rule_election_ban_code(t.hit_start, t.approval_ref, t.n_windows)
    WHEN 'competency' THEN rule_competency_code(have_rank, need_rank)
    WHEN 'documentation' THEN rule_documentation_code(decree_number, reason_category)
    WHEN 'receiving_need' THEN rule_receiving_need_code(from_unit_id, to_unit_id, in_calendar, to_band)
    WHEN 'releasing_slack' THEN rule_releasing_slack_code(from_unit_id, to_unit_id, in_calendar, from_band)
  END AS code,
  rule_status(r.rule, code) AS status,
  CASE WHEN r.rule = 'receiving_need' OR r.rule = 'releasing_slack' THEN 'advisory' ELSE 'rule' END AS severity,
  CASE r.rule
    WHEN 'min_tenure' THEN
      CASE
      WHEN prev_start IS NULL THEN
      'Lama di jabatan sebelumnya tidak diketahui: tidak ada mutasi sebelumnya dan TMT pengangkatan (CPNS/PPPK) kosong; minimal '
      || years_id(setting_min_tenure_years()) || ' (PP 11/2017 Pasal 190)'
      WHEN tenure_months IS NULL THEN
      'Lama di jabatan sebelumnya tidak dapat dihitung: tanggal mulai (' || date_text_id(prev_start)
      || ') sesudah TMT mutasi; minimal ' || years_id(setting_min_tenure_years()) || ' (PP 11/2017 Pasal 190)'
      ELSE dur_id(tenure_months) || ' di jabatan sebelumnya (sejak ' || date_text_id(prev_start)
      || CASE WHEN first_recorded THEN ', TMT pengangkatan' ELSE '' END || '); minimal '
      || years_id(setting_min_tenure_years()) || ' (PP 11/2017 Pasal 190)'
      END
    WHEN 'election_ban' THEN
      CASE
      WHEN t.hit_start IS NOT NULL AND t.approval_ref IS NULL THEN
      'TMT ' || date_text_id(t.effective_date) || ' dalam masa larangan penggantian pejabat menjelang pilkada ('
      || date_text_id(t.hit_start) || ' – ' || date_text_id(t.hit_end)
      || ') tanpa persetujuan tertulis Menteri Dalam Negeri (UU 10/2016 Pasal 71 ayat 2)'
      WHEN t.hit_start IS NOT NULL THEN
      'TMT ' || date_text_id(t.effective_date) || ' dalam masa larangan penggantian pejabat menjelang pilkada ('
      || date_text_id(t.hit_start) || ' – ' || date_text_id(t.hit_end)
      || '), dengan persetujuan tertulis Menteri Dalam Negeri nomor ' || t.approval_ref || ' (UU 10/2016 Pasal 71 ayat 2)'
      WHEN t.n_windows = 0 THEN
      'Tanggal pilkada untuk wilayah ' || t.region_code || ' belum diatur (pengaturan election.windows)'
      ELSE 'TMT ' || date_text_id(t.effective_date) || ' di luar masa larangan penggantian pejabat menjelang pilkada (UU 10/2016 Pasal 71 ayat 2)'
      || CASE WHEN t.decree_in_window THEN '; catatan: SK bertanggal ' || date_text_id(t.decree_date) || ', di dalam masa larangan' ELSE '' END
      END
    WHEN 'competency' THEN
      CASE
      WHEN need_rank IS NULL THEN 'Jabatan tujuan tidak mencantumkan syarat pendidikan'
      WHEN have_rank IS NULL THEN 'Pendidikan pegawai tidak tercatat; syarat minimal jabatan tujuan ' || required_education
      WHEN have_rank >= need_rank THEN 'Pendidikan ' || education_level || ' memenuhi syarat minimal ' || required_education || ' jabatan tujuan'
      ELSE 'Pendidikan ' || education_level || ' di bawah syarat minimal ' || required_education || ' jabatan tujuan'
      END || ' (PP 11/2017 Pasal 190)'
      || CASE WHEN len(lacking) > 0 THEN '; kompetensi yang disyaratkan tetapi belum tercatat: ' || array_to_string(lacking, ', ') ELSE '' END
    WHEN 'documentation' THEN
      CASE WHEN decree_number IS NULL OR reason_category IS NULL THEN
      'Tidak tercatat: ' || CASE WHEN decree_number IS NULL AND reason_category IS NULL THEN 'nomor SK dan alasan mutasi'
      WHEN decree_number IS NULL THEN 'nomor SK' ELSE 'alasan mutasi' END
      ELSE 'SK nomor ' || decree_number || ', alasan ' || reason_category END
      || CASE WHEN decree_date IS NULL THEN '; tanggal SK kosong' ELSE '' END || ' (Peraturan BKN 5/2019)'
    WHEN 'receiving_need' THEN
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
      END
    WHEN 'releasing_slack' THEN
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
      END
  END AS detail_id,
  CASE r.rule
    WHEN 'min_tenure' THEN
      CASE
      WHEN prev_start IS NULL THEN
      'Time in the previous position unknown: no earlier transfer and no appointment date; minimum '
      || years_en(setting_min_tenure_years()) || ' (PP 11/2017 Article 190)'
      WHEN tenure_months IS NULL THEN
      'Time in the previous position cannot be computed: its start (' || date_text_en(prev_start)
      || ') is after the effective date; minimum ' || years_en(setting_min_tenure_years()) || ' (PP 11/2017 Article 190)'
      ELSE dur_en(tenure_months) || ' in the previous position (since ' || date_text_en(prev_start)
      || CASE WHEN first_recorded THEN ', appointment date' ELSE '' END || '); minimum '
      || years_en(setting_min_tenure_years()) || ' (PP 11/2017 Article 190)'
      END
    WHEN 'election_ban' THEN
      CASE
      WHEN t.hit_start IS NOT NULL AND t.approval_ref IS NULL THEN
      'Effective ' || date_text_en(t.effective_date) || ', inside the pre-election ban on replacing officials ('
      || date_text_en(t.hit_start) || ' – ' || date_text_en(t.hit_end)
      || ') without the written approval of the Minister of Home Affairs (UU 10/2016 Article 71(2))'
      WHEN t.hit_start IS NOT NULL THEN
      'Effective ' || date_text_en(t.effective_date) || ', inside the pre-election ban on replacing officials ('
      || date_text_en(t.hit_start) || ' – ' || date_text_en(t.hit_end)
      || '), with the written approval of the Minister of Home Affairs no. ' || t.approval_ref || ' (UU 10/2016 Article 71(2))'
      WHEN t.n_windows = 0 THEN
      'No election dates are set for region ' || t.region_code || ' (setting election.windows)'
      ELSE 'Effective ' || date_text_en(t.effective_date) || ', outside the pre-election ban on replacing officials (UU 10/2016 Article 71(2))'
      || CASE WHEN t.decree_in_window THEN '; note: the decree is dated ' || date_text_en(t.decree_date) || ', inside the ban' ELSE '' END
      END
    WHEN 'competency' THEN
      CASE
      WHEN need_rank IS NULL THEN 'The target position states no education requirement'
      WHEN have_rank IS NULL THEN 'The employee''s education is not on record; the target position requires at least ' || required_education
      WHEN have_rank >= need_rank THEN 'Education ' || education_level || ' meets the target position''s minimum ' || required_education
      ELSE 'Education ' || education_level || ' is below the target position''s minimum ' || required_education
      END || ' (PP 11/2017 Article 190)'
      || CASE WHEN len(lacking) > 0 THEN '; required competencies not on record: ' || array_to_string(lacking, ', ') ELSE '' END
    WHEN 'documentation' THEN
      CASE WHEN decree_number IS NULL OR reason_category IS NULL THEN
      'Missing: ' || CASE WHEN decree_number IS NULL AND reason_category IS NULL THEN 'decree number and reason'
      WHEN decree_number IS NULL THEN 'decree number' ELSE 'reason' END
      ELSE 'Decree no. ' || decree_number || ', reason ' || reason_category END
      || CASE WHEN decree_date IS NULL THEN '; decree date empty' ELSE '' END || ' (Peraturan BKN 5/2019)'
    WHEN 'receiving_need' THEN
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
      END
    WHEN 'releasing_slack' THEN
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
      END
  END AS detail_en,
  CAST(CASE r.rule
    WHEN 'min_tenure' THEN
      tenure_months / 12.0
    WHEN 'election_ban' THEN
      CAST(NULL AS DOUBLE)
    WHEN 'competency' THEN
      CAST(have_rank AS DOUBLE)
    WHEN 'documentation' THEN
      CAST((decree_number IS NULL)::INTEGER + (reason_category IS NULL)::INTEGER AS DOUBLE)
    WHEN 'receiving_need' THEN
      to_ej
    WHEN 'releasing_slack' THEN
      from_ej
  END AS DOUBLE) AS value,
  CAST(CASE r.rule
    WHEN 'min_tenure' THEN
      setting_min_tenure_years()
    WHEN 'election_ban' THEN
      CAST(NULL AS DOUBLE)
    WHEN 'competency' THEN
      CAST(need_rank AS DOUBLE)
    WHEN 'documentation' THEN
      0.0
    WHEN 'receiving_need' THEN
      setting_overloaded_above()
    WHEN 'releasing_slack' THEN
      setting_slack_below()
  END AS DOUBLE) AS threshold,
  CASE r.rule
    WHEN 'min_tenure' THEN
      'years'
    WHEN 'election_ban' THEN
      CAST(NULL AS VARCHAR)
    WHEN 'competency' THEN
      'education_rank'
    WHEN 'documentation' THEN
      'missing_items'
    WHEN 'receiving_need' THEN
      'ej'
    WHEN 'releasing_slack' THEN
      'ej'
  END AS value_unit
FROM (
  SELECT f.*, x.nip, x.effective_date, x.from_position_id, x.to_position_id, x.from_unit_id, x.to_unit_id,
         x.decree_number, x.decree_date, x.reason_category, x.approval_ref,
         CAST(round(setting_min_tenure_years() * 12) AS BIGINT) AS min_months
  FROM transfer_audit_fact f JOIN transfer x USING (transfer_id)
) t
CROSS JOIN (VALUES ('min_tenure'), ('election_ban'), ('competency'), ('documentation'), ('receiving_need'), ('releasing_slack')) r(rule);
-- unordered: read it with ORDER BY transfer_id and the rule order min_tenure, election_ban, competency,
-- documentation, receiving_need, releasing_slack if needed

COMMENT ON VIEW transfer_audit IS 'Mart view (unordered): merit audit of each transfer × rule (min_tenure PP 11/2017 Pasal 190, election_ban UU 10/2016 Pasal 71(2) on the effective date, competency, documentation; advisory receiving_need / releasing_slack from unit EJ the month before); status passed/failed/unknown; nip is personal data';
COMMENT ON COLUMN transfer_audit.nip IS 'PERSONAL DATA (UU 27/2022): never public';
COMMENT ON COLUMN transfer_audit.severity IS 'rule = a legal requirement; advisory = a consideration (workload balance)';
COMMENT ON COLUMN transfer_audit.value IS 'the number tested: years in the previous position (min_tenure), education rank 1 SD … 10 S3 (competency), missing items (documentation), EJ the month before (receiving_need, releasing_slack); NULL for election_ban';
COMMENT ON COLUMN transfer_audit.threshold IS 'the limit the value is compared with (from the settings): minimum years, required education rank, 0 missing items, EJ overloaded-above / slack-below';
COMMENT ON COLUMN transfer_audit.value_unit IS 'years, education_rank, missing_items or ej';
