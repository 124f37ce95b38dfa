/**
 * Workload and imbalance metrics: the one definition used by the pipeline (mirrored by the SQL in
 * pipeline/models, proven equal by test/integration/metrics-parity.test.ts), the dashboard and the simulator.
 * Formulas: shared/domain.md (PermenPANRB 1/2020 for ABK; WHO WISN; standard inequality indices).
 */
import type { EjGrade, Settings } from './settings.ts';

/** Workload of a task in minutes per year = annual volume × time norm (PermenPANRB 1/2020, ABK). */
export function taskMinutes(annualVolume: number, timeNormMinutes: number): number {
  return annualVolume * timeNormMinutes;
}

/** Workload of a position = Σ over its tasks of volume × norm. */
export function positionMinutes(tasks: readonly { volume: number; norm: number }[]): number {
  let sum = 0;
  for (const t of tasks) sum += taskMinutes(t.volume, t.norm);
  return sum;
}

/** Required staff (unrounded) = workload / effective working time (WKE, default 75,000 min/yr). SQL: required_staff(). */
export function requiredStaff(workloadMinutes: number, effectiveMinutes: number): number {
  return workloadMinutes / effectiveMinutes;
}

/** The displayed head-count. Round half up is the default (a setting: some regions use ceiling). SQL: round_staff(). */
export function roundStaff(required: number, rounding: Settings['workload']['rounding']): number {
  // a tiny epsilon absorbs binary noise such as 2.4999999999 from 187,500 / 75,000 style divisions
  const eps = 1e-9;
  if (rounding === 'ceil') return Math.ceil(required - eps);
  if (rounding === 'floor') return Math.floor(required + eps);
  return Math.floor(required + 0.5 + eps);
}

/** The effective minutes of one month: WKE / 12 (the monthly marts' period). SQL: monthly_wke(). */
export function monthlyWke(w: Settings['workload']): number {
  return w.effective_minutes_per_year / 12;
}

/** Months in the rolling window of the annual view (the ABK year). */
export const ANNUAL_WINDOW_MONTHS = 12;

/**
 * Annual workload from the monthly workloads of a rolling window (the 12 months ending at a month; at December, the
 * calendar year): Σ × 12 / n, so a window with fewer months at the start of the data is annualised. ABK is an annual
 * method (PermenPANRB 1/2020): the annual EJ = annualWorkload / (staff × WKE) does not read a seasonal surge as a
 * staffing need. Null for an empty window. SQL: annual_workload() (marts position_load_annual, unit_load_annual).
 */
export function annualWorkload(monthlyMinutes: readonly number[]): number | null {
  if (monthlyMinutes.length === 0) return null;
  if (monthlyMinutes.length > ANNUAL_WINDOW_MONTHS) throw new Error(`annualWorkload: at most ${ANNUAL_WINDOW_MONTHS} months, got ${monthlyMinutes.length}`);
  let sum = 0;
  for (const m of monthlyMinutes) sum += m;
  return (sum * ANNUAL_WINDOW_MONTHS) / monthlyMinutes.length;
}

/** The minutes the people in post can work in a period = current staff × effective minutes of the period. */
export function capacityMinutes(currentStaff: number, effectiveMinutes: number): number {
  return currentStaff * effectiveMinutes;
}

/** Staffing mismatch = |required − current| (people): a shortage and a surplus alike. SQL: staffing_mismatch(). */
export function staffingMismatch(required: number, current: number): number {
  return Math.abs(required - current);
}

/** EJ = workload / (current staff × WKE). Null when nobody is in post (undefined load ratio). SQL: ej(). */
export function ej(workloadMinutes: number, currentStaff: number, effectiveMinutes: number): number | null {
  if (!(currentStaff > 0)) return null;
  return workloadMinutes / (currentStaff * effectiveMinutes);
}

/** The EJ grade row (A–E) for an EJ value; grades are ordered highest first. SQL: ej_grade(), ej_label_id/en(). */
export function ejGrade(value: number | null, grades: readonly EjGrade[]): EjGrade | null {
  if (value === null || Number.isNaN(value)) return null;
  for (const g of grades) {
    if (g.exclusive ? value > g.min : value >= g.min) return g;
  }
  return grades[grades.length - 1] ?? null;
}

export type Band = 'overloaded' | 'balanced' | 'slack' | 'unstaffed' | 'idle';

/**
 * Plain-language band shown next to the grade: kekurangan / seimbang / kelebihan pegawai. SQL: load_band().
 * The thresholds are the settings in force (workload.overloaded_above, workload.slack_below): a tolerance around
 * EJ 1.0 is a change of these two comparisons and of load_band() in pipeline/warehouse/settings-sql.ts.
 */
export function band(workloadMinutes: number, currentStaff: number, ejValue: number | null, w: Settings['workload']): Band {
  if (!(workloadMinutes > 0)) return 'idle';
  if (!(currentStaff > 0) || ejValue === null) return 'unstaffed';
  if (ejValue > w.overloaded_above) return 'overloaded';
  if (ejValue < w.slack_below) return 'slack';
  return 'balanced';
}

export const BAND_LABELS: Record<Band, { id: string; en: string }> = {
  overloaded: { id: 'Kekurangan pegawai', en: 'Understaffed' },
  balanced: { id: 'Seimbang', en: 'Balanced' },
  slack: { id: 'Kelebihan pegawai', en: 'Overstaffed' },
  unstaffed: { id: 'Tanpa pegawai', en: 'No staff' },
  idle: { id: 'Tanpa beban kerja', en: 'No workload' },
};

/** WISN ratio = current / required (1 balanced, < 1 too few); null when nothing is required. SQL: wisn_ratio(). */
export function wisnRatio(current: number, required: number): number | null {
  return required > 0 ? current / required : null;
}

/** WISN difference = current − required (negative: shortage). SQL: wisn_difference(). */
export function wisnDifference(current: number, required: number): number {
  return current - required;
}

/** WHO WISN: available working time = (working days − holidays − leave − sick − other) × hours per day. */
export function wisnAvailableTime(p: { workingDays: number; holidays: number; annualLeave: number; sickLeave: number; otherLeave: number; hoursPerDay: number }): number {
  return (p.workingDays - (p.holidays + p.annualLeave + p.sickLeave + p.otherLeave)) * p.hoursPerDay;
}

/** WHO WISN: category allowance factor = 1 / (1 − total category allowance % / 100). */
export function wisnCategoryAllowanceFactor(totalCategoryAllowancePercent: number): number {
  return 1 / (1 - totalCategoryAllowancePercent / 100);
}

/** WHO WISN: required staff = Σ workload / standard workload × CAF + IAF, standard workload = AWT / time per unit. */
export function wisnRequiredStaff(
  activities: readonly { annualWorkload: number; timePerUnit: number }[],
  availableTime: number,
  caf = 1,
  iaf = 0,
): number {
  let sum = 0;
  for (const a of activities) sum += a.annualWorkload / (availableTime / a.timePerUnit);
  return sum * caf + iaf;
}

// ---------------------------------------------------------------------------------------------------------------
// Imbalance indices over the EJ of units or positions in one period (shared/domain.md "Load-imbalance indices").

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Gini: Σ (2i − n − 1)·x₍ᵢ₎ / (n² · mean), x sorted ascending, i from 1. 0 when all equal or empty. */
export function gini(values: ArrayLike<number>): number {
  return giniSorted(Float64Array.from(values).sort());
}

/** The Gini formula on values already sorted ascending (gini() sorts a copy first; the simulator keeps its EJ
 *  values sorted, so it calls this one and never sorts again). */
export function giniSorted(x: ArrayLike<number>): number {
  const n = x.length;
  if (n === 0) return 0;
  const m = mean(x);
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) s += (2 * (i + 1) - n - 1) * x[i]!;
  return s / (n * n * m);
}

/** Coefficient of variation with the population standard deviation. */
export function cv(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const m = mean(values);
  if (m === 0) return 0;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - m) ** 2;
  return Math.sqrt(ss / n) / m;
}

/** Theil T = (1/n) Σ (x/μ) ln(x/μ); zero values contribute 0 (the limit of x ln x). */
export function theil(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return 0;
  const m = mean(values);
  if (m === 0) return 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v > 0) s += (v / m) * Math.log(v / m);
  }
  return s / n;
}

function maxOf(values: ArrayLike<number>): number {
  let mx = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > mx) mx = values[i]!;
  return mx;
}

/** Load imbalance ratio max/mean (1 = perfectly balanced). */
export function maxMean(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  return m === 0 ? 0 : maxOf(values) / m;
}

/** Load-balance efficiency = mean/max. */
export function balanceEfficiency(values: ArrayLike<number>): number {
  if (values.length === 0) return 0;
  const mx = maxOf(values);
  return mx === 0 ? 0 : mean(values) / mx;
}

export interface LoadCell {
  workloadMinutes: number;
  currentStaff: number;
  /** required staff for the same period (workload / period WKE) */
  requiredStaff: number;
  ej: number | null;
}

export interface ImbalanceSummary {
  n: number;
  mean_ej: number;
  gini: number;
  cv: number;
  theil: number;
  max_mean: number;
  balance_efficiency: number;
  share_staff_overloaded: number;
  share_staff_slack: number;
  staffing_gap: number;
}

/** The staff counts behind the shares and the staffing gap of an imbalance row, summed cell by cell (imbalanceTotalsAdd). */
export interface ImbalanceTotals {
  staff: number;
  overStaff: number;
  slackStaff: number;
  /** Σ staffingMismatch over the cells: staffing_gap */
  staffingGap: number;
}

export function imbalanceTotalsZero(): ImbalanceTotals {
  return { staff: 0, overStaff: 0, slackStaff: 0, staffingGap: 0 };
}

/** Whether a cell's EJ enters the indices: it has staff (EJ defined) and workload. */
export function ejDefined(workloadMinutes: number, ejValue: number | null): ejValue is number {
  return ejValue !== null && !Number.isNaN(ejValue) && workloadMinutes > 0;
}

/**
 * Add one cell to the totals: all its staff; its staff as overloaded or slack by its plain band (band(): EJ above
 * overloaded_above / below slack_below, with staff and workload); the staffing mismatch |required − current| to
 * the staffing gap, so unstaffed cells count in it.
 */
export function imbalanceTotalsAdd(t: ImbalanceTotals, workloadMinutes: number, currentStaff: number, required: number, ejValue: number | null, w: Settings['workload']): void {
  t.staff += currentStaff;
  t.staffingGap += staffingMismatch(required, currentStaff);
  const b = band(workloadMinutes, currentStaff, ejValue, w);
  if (b === 'overloaded') t.overStaff += currentStaff;
  if (b === 'slack') t.slackStaff += currentStaff;
}

/** The imbalance row from the defined EJ values sorted ascending and the totals (the simulator keeps both). */
export function imbalanceSummary(sortedEj: ArrayLike<number>, t: ImbalanceTotals): ImbalanceSummary {
  const n = sortedEj.length;
  return {
    n,
    mean_ej: n ? mean(sortedEj) : 0,
    gini: giniSorted(sortedEj),
    cv: cv(sortedEj),
    theil: theil(sortedEj),
    max_mean: maxMean(sortedEj),
    balance_efficiency: balanceEfficiency(sortedEj),
    share_staff_overloaded: t.staff ? t.overStaff / t.staff : 0,
    share_staff_slack: t.staff ? t.slackStaff / t.staff : 0,
    staffing_gap: t.staffingGap,
  };
}

/**
 * The imbalance row of `imbalance_monthly` for one period and level. Indices are computed over cells that have
 * both staff and workload (EJ defined), in ascending order of EJ (as the SQL's ordered aggregates); staffing_gap
 * sums |required − current| over all cells, so unstaffed positions count as a gap.
 */
export function imbalance(cells: readonly LoadCell[], w: Settings['workload']): ImbalanceSummary {
  const t = imbalanceTotalsZero();
  const ejs: number[] = [];
  for (const c of cells) {
    imbalanceTotalsAdd(t, c.workloadMinutes, c.currentStaff, c.requiredStaff, c.ej, w);
    if (ejDefined(c.workloadMinutes, c.ej)) ejs.push(c.ej);
  }
  return imbalanceSummary(Float64Array.from(ejs).sort(), t);
}
