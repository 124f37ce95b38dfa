-- Mart (a view): merit audit of every transfer (mutasi): one row per transfer × rule, with a result code, its status
-- and the number tested against its limit. The numbers are computed by the build in transfer_audit_fact; this view
-- applies the rules to them when read: one row per transfer × rule (a cross join with the rule names), each column one
-- CASE over the rule. The codes are the macros of macros/rules.sql, twins of pipeline/domain/rules.ts; the status of
-- a code is rule_status(rule, code). No sentence is built here: the dashboard words each code, in Bahasa Indonesia and
-- English, from the code and the numbers of transfer_audit_fact (dashboard/src/lib/rule-text.ts). Parameters come
-- from the settings macros.
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
--                  without approval_ref; passed with one (the detail names it) and outside every window inside
--                  the period the configured dates cover (settings election.checked_from / checked_until);
--                  unknown (cannot be checked, never met) outside that period or without any dates.
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
    WHEN 'election_ban' THEN rule_election_ban_code(t.hit_start, t.approval_ref, t.n_windows, t.in_checked_period)
    WHEN 'competency' THEN rule_competency_code(have_rank, need_rank)
    WHEN 'documentation' THEN rule_documentation_code(decree_number, reason_category)
    WHEN 'receiving_need' THEN rule_receiving_need_code(from_unit_id, to_unit_id, in_calendar, to_band)
    WHEN 'releasing_slack' THEN rule_releasing_slack_code(from_unit_id, to_unit_id, in_calendar, from_band)
  END AS code,
  rule_status(r.rule, code) AS status,
  CASE WHEN r.rule = 'receiving_need' OR r.rule = 'releasing_slack' THEN 'advisory' ELSE 'rule' END AS severity,
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

COMMENT ON VIEW transfer_audit IS 'Mart view (unordered): merit audit of each transfer × rule (min_tenure PP 11/2017 Pasal 190, election_ban UU 10/2016 Pasal 71(2) on the effective date, competency, documentation; advisory receiving_need / releasing_slack from unit EJ the month before); code (why, pipeline/domain/rules.ts) and status passed/failed/unknown; nip is personal data';
COMMENT ON COLUMN transfer_audit.code IS 'the rule''s result code (RULE_CODE_STATUS in pipeline/domain/rules.ts), e.g. too_short, inside_without_approval, below, missing_decree, overloaded';
COMMENT ON COLUMN transfer_audit.nip IS 'PERSONAL DATA (UU 27/2022): never public';
COMMENT ON COLUMN transfer_audit.severity IS 'rule = a legal requirement; advisory = a consideration (workload balance)';
COMMENT ON COLUMN transfer_audit.value IS 'the number tested: years in the previous position (min_tenure), education rank 1 SD … 10 S3 (competency), missing items (documentation), EJ the month before (receiving_need, releasing_slack); NULL for election_ban';
COMMENT ON COLUMN transfer_audit.threshold IS 'the limit the value is compared with (from the settings): minimum years, required education rank, 0 missing items, EJ overloaded-above / slack-below';
COMMENT ON COLUMN transfer_audit.value_unit IS 'years, education_rank, missing_items or ej';
