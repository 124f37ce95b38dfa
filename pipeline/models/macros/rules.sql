-- The merit rules' result codes: the SQL twins of the predicates in pipeline/domain/rules.ts (proven equal on every
-- transfer of the sample by test/integration/rules-parity.test.ts). Each takes the numbers of transfer_audit_fact and
-- the limits from the settings, and returns a code only; the status of a code is rule_status(rule, code), generated
-- from RULE_CODE_STATUS (pipeline/warehouse/rules-sql.ts); the words are chosen by the dashboard from the code.

-- Whole months in a post from its start to a date (DuckDB date_sub('month'), as monthsBetween() in
-- pipeline/domain/calendar.ts); NULL when the start is unknown or after the date.
CREATE OR REPLACE MACRO months_in_post(spell_start, at_date) AS
  CASE WHEN spell_start <= at_date THEN date_sub('month', spell_start, at_date) END;

-- min_tenure, PP 11/2017 Pasal 190: at least min_months (round(setting_min_tenure_years() × 12)). minTenure().
CREATE OR REPLACE MACRO rule_min_tenure_code(spell_start, tenure_months, min_months) AS
  CASE WHEN spell_start IS NULL THEN 'start_unknown'
       WHEN tenure_months IS NULL THEN 'start_after_transfer'
       WHEN tenure_months >= min_months THEN 'long_enough'
       ELSE 'too_short' END;

-- election_ban, UU 10/2016 Pasal 71 ayat (2): the window hit by the effective date, the Minister's approval, how
-- many windows the region has, and whether the effective date is in the period the configured dates cover
-- (checkedPeriod(): settings election.checked_from / checked_until, else the windows' span). electionBan().
CREATE OR REPLACE MACRO rule_election_ban_code(hit_start, approval_ref, n_windows, in_checked_period) AS
  CASE WHEN hit_start IS NOT NULL AND approval_ref IS NULL THEN 'inside_without_approval'
       WHEN hit_start IS NOT NULL THEN 'inside_with_approval'
       WHEN n_windows = 0 THEN 'no_dates'
       WHEN NOT in_checked_period THEN 'no_dates_for_period'
       ELSE 'outside' END;

-- competency, PP 11/2017 Pasal 190: education rank against the target position's required rank. competency().
CREATE OR REPLACE MACRO rule_competency_code(have_rank, need_rank) AS
  CASE WHEN need_rank IS NULL THEN 'no_requirement'
       WHEN have_rank IS NULL THEN 'education_unknown'
       WHEN have_rank >= need_rank THEN 'meets'
       ELSE 'below' END;

-- documentation, Peraturan BKN 5/2019: the decree number and the reason. documentation().
CREATE OR REPLACE MACRO rule_documentation_code(decree_number, reason_category) AS
  CASE WHEN decree_number IS NULL AND reason_category IS NULL THEN 'missing_decree_and_reason'
       WHEN decree_number IS NULL THEN 'missing_decree'
       WHEN reason_category IS NULL THEN 'missing_reason'
       ELSE 'complete' END;

-- receiving_need (advisory): the receiving unit's band the month before. receivingNeed().
CREATE OR REPLACE MACRO rule_receiving_need_code(from_unit_id, to_unit_id, in_calendar, to_band) AS
  CASE WHEN from_unit_id = to_unit_id THEN 'same_unit'
       WHEN NOT in_calendar OR to_band IS NULL THEN 'no_data'
       ELSE to_band END;

-- releasing_slack (advisory): the releasing unit's band the month before. releasingSlack().
CREATE OR REPLACE MACRO rule_releasing_slack_code(from_unit_id, to_unit_id, in_calendar, from_band) AS
  CASE WHEN from_unit_id IS NULL THEN 'unknown_unit'
       WHEN from_unit_id = to_unit_id THEN 'same_unit'
       WHEN NOT in_calendar OR from_band IS NULL THEN 'no_data'
       ELSE from_band END;
