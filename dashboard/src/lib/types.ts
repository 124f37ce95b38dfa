/** Row shapes of the data endpoints (see src/lib/server/queries). */
export type { Band } from '#domain/metrics.ts';
import type { Band } from '#domain/metrics.ts';
import type { RuleTextRow } from './rule-text';

export interface MonthRow { month: Date }
export interface RegionRow { region_code: string; region_name: string; units: number }
export interface BuildInfoRow {
  version: string | null;
  built_at: Date | null;
  effective_minutes_per_year: number;
  /** the band thresholds in force (settings workload.overloaded_above / slack_below) */
  overloaded_above: number;
  slack_below: number;
  region_name: string;
  /** region.time_zone of the settings: WIB, WITA or WIT (times are shown in it) */
  time_zone: string;
  /** the whole settings object the warehouse was built with (JSON; read it with parseStoredSettings) */
  settings: string;
}
export interface UnitRow { unit_id: string; unit_name: string; parent_id: string | null; unit_kind: string; depth: number; top_unit_id: string }
export interface OverviewRow {
  month: Date; units_total: number; units_overloaded: number; units_balanced: number; units_slack: number; staff_total: number;
  staff_in_overloaded_units: number; staffing_gap_fte: number | null; gini: number | null; month_12m_ago: Date;
  gini_12m_ago: number | null; gini_change: number | null; window_months: number | null;
}
export interface UnitLoadRow {
  unit_id: string; unit_name: string; parent_id: string | null; depth: number; top_unit_id: string; month: Date;
  ej: number | null; grade: string | null; band: Band; label: string; workload_minutes: number; required_staff: number;
  required_staff_rounded: number; current_staff: number; wisn_ratio: number | null; wisn_difference: number | null;
  /** months of data in the annual window (1 on the month view) */
  window_months: number | null;
}
export interface ImbalanceRow {
  month: Date; n: number; mean_ej: number; gini: number; cv: number; theil: number; max_mean: number;
  balance_efficiency: number; share_staff_overloaded: number; share_staff_slack: number; staffing_gap: number;
}
export interface HeatmapRow {
  unit_id: string; unit_name: string; depth: number; top_unit_id: string; month: Date; ej: number | null; band: Band;
  current_staff: number; units_total: number;
}
export interface UnitInfoRow {
  unit_id: string; unit_name: string; parent_id: string | null; parent_name: string | null; unit_kind: string;
  region_code: string | null; depth: number; top_unit_id: string; top_unit_name: string | null; subunits: number;
}
export interface UnitHistoryRow {
  month: Date; window_months: number; workload_minutes: number; capacity_minutes: number; required_staff: number; current_staff: number;
  ej: number | null; grade: string | null; band: Band;
}
export interface PositionRow {
  position_id: string; title: string; position_kind: string | null; class: number | null; required_staff: number;
  required_staff_rounded: number; current_staff: number; shortfall: number;
  /** only for signed-in people roles (merged from unit-position-holders) */
  holders_below_education?: number | null; missing_competencies?: string[] | null; ej: number | null; grade: string | null; band: Band | null; label: string | null;
}
export interface PositionHolderRow { position_id: string; holders_below_education: number | null; missing_competencies: string[] | null }
export interface TransferRow { month: Date; transfers_in: number; transfers_out: number }
/** counts are null when suppressed (fewer than min_cell_size people, or revealing one: `suppression`) */
export interface RatingRow {
  rating_rank: number; rating: string; employees: number | null; suppression: 'primary' | 'secondary' | null;
  people_in_unit: number | null; people_not_rated: number | null; min_cell_size: number;
}
export interface SubunitRow {
  unit_id: string; unit_name: string; unit_kind: string; month: Date | null; ej: number | null; grade: string | null;
  band: Band | null; label: string | null; current_staff: number | null; required_staff: number | null;
}
export interface TitleRow {
  title: string; positions: number; units: number; required_staff: number; current_staff: number;
  positions_short: number; positions_surplus: number;
}
export interface TitleUnitRow {
  title: string; position_id: string; unit_id: string; unit_name: string; month: Date; required_staff: number;
  current_staff: number; difference: number; ej: number | null; grade: string | null; band: Band; window_months: number | null;
}
/** An audit row: the rule's code and the numbers behind it (RuleTextRow), worded by ruleDetail() of $lib/rule-text.ts. */
export interface AuditFailureRow extends RuleTextRow {
  transfer_id: string; effective_date: Date; from_unit_id: string | null; from_unit_name: string | null; to_unit_id: string;
  to_unit_name: string | null; rule: string; severity: string;
}
export interface AuditTransferRow {
  transfer_id: string; effective_date: Date; decree_number: string | null; decree_date: Date | null; reason_category: string | null;
  approval_ref: string | null; before_month: Date; after_month: Date;
  from_unit_id: string | null; from_unit_name: string | null; from_title: string | null;
  to_unit_id: string; to_unit_name: string | null; to_title: string | null; to_required_education: string | null;
  to_required_competencies: string[] | null;
  from_ej_before: number | null; from_band_before: Band | null; from_staff_before: number | null; from_required_before: number | null;
  from_ej_after: number | null; from_band_after: Band | null; from_staff_after: number | null; from_required_after: number | null;
  to_ej_before: number | null; to_band_before: Band | null; to_staff_before: number | null; to_required_before: number | null;
  to_ej_after: number | null; to_band_after: Band | null; to_staff_after: number | null; to_required_after: number | null;
}
export interface AuditTransferRuleRow extends RuleTextRow {
  rule: string; severity: string; status: 'passed' | 'failed' | 'unknown'; value: number | null;
  threshold: number | null; value_unit: string | null;
}
export interface EffectsInfoRow {
  outcome: string; level: string; status: string; message: string | null; control: string; n_units: number | null;
  n_treated: number | null; n_left_out: number; n_periods: number | null; cohorts: number[]; biters: number; seed: string;
  pretest_p: number | null; warnings: string[]; cohort_months: string[] | null;
}
/** rotation readiness of a unit now: counts only, NULL when suppressed (suppression: primary / secondary) */
export interface ReadinessRow {
  staff: number; overdue: number | null; overdue_suppression: 'primary' | 'secondary' | null; unwilling: number | null;
  unwilling_suppression: 'primary' | 'secondary' | null; max_years: number; as_of: Date; min_cell_size: number;
}
/** a unit of the last rotation wave (Ringkasan's strip) */
export interface LastWaveRow {
  unit_id: string; unit_name: string; wave_month: Date; before_month: Date; after_month: Date; arrivals: number;
  departures: number; ej_before: number | null; band_before: Band | null; ej_after: number | null; band_after: Band | null;
  /** the wave's units and people moved in all (the rows may be the first `limit` of them) */
  wave_units: number; wave_moved: number;
}
export interface WaveRow { month: Date; moved: number }
export interface UnitWaveRow extends WaveRow { arrivals: number; departures: number }
