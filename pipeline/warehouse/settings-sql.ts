/**
 * The settings in force, as SQL macros and a table, so the models read the same numbers as the TypeScript
 * metrics (pipeline/domain/metrics.ts). Generated from the one Settings object; nothing is typed twice.
 */
import type { Settings } from '../domain/settings.ts';
import { BAND_LABELS } from '../domain/metrics.ts';

const str = (s: string) => `'${s.replaceAll("'", "''")}'`;
const num = (x: number) => {
  if (!Number.isFinite(x)) throw new Error(`setting must be a finite number, got ${x}`);
  return String(x);
};

/** CASE over the grade table, highest first, as ejGrade() walks it. */
function gradeCase(s: Settings, pick: 'grade' | 'label_id' | 'label_en'): string {
  const rows = s.workload.ej_grades.map((g) =>
    Number.isFinite(g.min)
      ? `WHEN x ${g.exclusive ? '>' : '>='} ${num(g.min)} THEN ${str(g[pick])}`
      : `WHEN TRUE THEN ${str(g[pick])}`,
  );
  const last = s.workload.ej_grades.at(-1);
  return `CASE WHEN x IS NULL OR isnan(x) THEN NULL ${rows.join(' ')} ELSE ${last ? str(last[pick]) : 'NULL'} END`;
}

function roundingSql(mode: Settings['workload']['rounding']): string {
  // the epsilon matches roundStaff(): binary noise such as 2.4999999999 must not flip the head-count
  if (mode === 'ceil') return 'CAST(ceil(x - 1e-9) AS INTEGER)';
  if (mode === 'floor') return 'CAST(floor(x + 1e-9) AS INTEGER)';
  return 'CAST(floor(x + 0.5 + 1e-9) AS INTEGER)';
}

export function settingsSql(s: Settings): string {
  const w = s.workload;
  return `
CREATE OR REPLACE MACRO setting_wke() AS CAST(${num(w.effective_minutes_per_year)} AS DOUBLE);
CREATE OR REPLACE MACRO setting_overloaded_above() AS CAST(${num(w.overloaded_above)} AS DOUBLE);
CREATE OR REPLACE MACRO setting_slack_below() AS CAST(${num(w.slack_below)} AS DOUBLE);
CREATE OR REPLACE MACRO setting_region_code() AS ${str(s.region.code)};
CREATE OR REPLACE MACRO setting_region_name() AS ${str(s.region.name)};
CREATE OR REPLACE MACRO setting_min_tenure_years() AS CAST(${num(s.tenure.min_years)} AS DOUBLE);
CREATE OR REPLACE MACRO setting_max_tenure_years() AS CAST(${num(s.tenure.max_years)} AS DOUBLE);
CREATE OR REPLACE MACRO setting_new_appointee_years() AS CAST(${num(s.tenure.new_appointee_years)} AS DOUBLE);
CREATE OR REPLACE MACRO setting_wave_min_transfers() AS CAST(${num(s.effects.wave_min_transfers)} AS BIGINT);
CREATE OR REPLACE MACRO setting_effects_max_employees() AS CAST(${num(s.effects.max_employees)} AS BIGINT);
CREATE OR REPLACE MACRO setting_min_rating_for_transfer() AS ${str(s.performance.min_rating_for_transfer)};
CREATE OR REPLACE MACRO round_staff(x) AS ${roundingSql(w.rounding)};
CREATE OR REPLACE MACRO ej_grade(x) AS ${gradeCase(s, 'grade')};
CREATE OR REPLACE MACRO ej_label_id(x) AS ${gradeCase(s, 'label_id')};
CREATE OR REPLACE MACRO ej_label_en(x) AS ${gradeCase(s, 'label_en')};
-- The metrics, once each (twins of pipeline/domain/metrics.ts, proven equal by test/integration/metrics-parity.test.ts);
-- every mart and dashboard query calls these instead of writing a formula. WKE: PermenPANRB 1/2020.
CREATE OR REPLACE MACRO monthly_wke() AS setting_wke() / 12.0;
-- requiredStaff(): unrounded head-count = workload / effective minutes of the period (WKE, or monthly_wke())
CREATE OR REPLACE MACRO required_staff(workload, wke) AS workload / wke;
-- ej(): workload / (current staff × effective minutes of the period); NULL when nobody is in post
CREATE OR REPLACE MACRO ej(workload, staff, wke) AS CASE WHEN staff > 0 THEN workload / (staff * wke) END;
-- annualWorkload(): the workload of a year from the months of a rolling 12-month window, annualised × 12 / n when
-- only n < 12 months are there (ABK is annual: PermenPANRB 1/2020); NULL for an empty window
CREATE OR REPLACE MACRO annual_workload(window_minutes, window_months) AS
  CASE WHEN window_months > 0 THEN window_minutes * 12.0 / window_months END;
-- capacityMinutes(): the minutes the people in post can work in the period
CREATE OR REPLACE MACRO capacity_minutes(staff, wke) AS staff * wke;
-- wisnRatio(), wisnDifference() (WHO WISN): current / required (NULL when nothing is required), current − required
CREATE OR REPLACE MACRO wisn_ratio(current, required) AS CASE WHEN required > 0 THEN current / required END;
CREATE OR REPLACE MACRO wisn_difference(current, required) AS current - required;
-- staffingMismatch(): |required − current| in people, a shortage and a surplus alike (summed in imbalance_*)
CREATE OR REPLACE MACRO staffing_mismatch(required, current) AS abs(required - current);
-- band(): the plain-language band next to the grade
CREATE OR REPLACE MACRO load_band(workload, staff, ej) AS
  CASE WHEN NOT (workload > 0) OR workload IS NULL THEN 'idle'
       WHEN NOT (staff > 0) OR staff IS NULL OR ej IS NULL THEN 'unstaffed'
       WHEN ej > setting_overloaded_above() THEN 'overloaded'
       WHEN ej < setting_slack_below() THEN 'slack'
       ELSE 'balanced' END;
CREATE OR REPLACE TABLE setting_ej_grade AS
  SELECT * FROM (VALUES ${w.ej_grades
    .map((g, i) => `(${i + 1}, ${str(g.grade)}, ${Number.isFinite(g.min) ? num(g.min) : 'NULL'}, ${g.exclusive ? 'true' : 'false'}, ${str(g.label_id)}, ${str(g.label_en)})`)
    .join(', ')}) AS t(ord, grade, min_ej, exclusive, label_id, label_en);
COMMENT ON TABLE setting_ej_grade IS 'The EJ grade table in force (a setting; PermenPANRB 1/2020 practice), highest grade first';
-- settings election.checked_from / checked_until: the period the windows cover (NULL: the windows' own span)
CREATE OR REPLACE MACRO setting_election_checked_from() AS ${s.election.checked_from ? `DATE ${str(s.election.checked_from)}` : 'CAST(NULL AS DATE)'};
CREATE OR REPLACE MACRO setting_election_checked_until() AS ${s.election.checked_until ? `DATE ${str(s.election.checked_until)}` : 'CAST(NULL AS DATE)'};
CREATE OR REPLACE TABLE setting_election_window (region_code VARCHAR, candidate_determination DATE, ban_start DATE, ban_end DATE);
${s.election.windows
  .map((w) => `INSERT INTO setting_election_window SELECT ${str(w.region_code)}, DATE ${str(w.candidate_determination)}, CAST(DATE ${str(w.candidate_determination)} - INTERVAL ${num(s.election.ban_months_before)} MONTH AS DATE), DATE ${str(w.ban_end)};`)
  .join('\n')}
COMMENT ON TABLE setting_election_window IS 'Pre-election transfer ban windows (UU 10/2016 Pasal 71 ayat 2): from ban_months_before months before the candidate pairs are determined until ban_end; region_code * = every region';
CREATE OR REPLACE TABLE setting_band AS
  SELECT * FROM (VALUES ${Object.entries(BAND_LABELS).map(([k, v]) => `(${str(k)}, ${str(v.id)}, ${str(v.en)})`).join(', ')}) AS t(band, label_id, label_en);
COMMENT ON TABLE setting_band IS 'Plain-language load bands shown next to the EJ grade';
`;
}
