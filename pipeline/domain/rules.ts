/**
 * The merit rules of a transfer (mutasi): the one TypeScript definition, pure (no Node, DuckDB or DOM imports) so
 * the audit's parity test, the dashboard, the simulator and the optimiser run the same predicates. The SQL twin is
 * pipeline/models/marts/transfer_audit.sql (over transfer_audit_fact), proven equal on every transfer of the sample
 * warehouse by test/integration/rules-parity.test.ts. Rules: /work/shared/domain.md "Transfer rules".
 *
 * Every predicate returns a status (passed / failed / unknown), a result CODE that says why, and the numbers behind
 * it (value, threshold, the facts). No sentence is built here: the words, in Bahasa Indonesia and English, are chosen
 * from the code in one place of the dashboard (dashboard/src/lib/rule-text.ts). Parameters come from `Settings`.
 *
 * Stable API (the simulator and the optimiser import it): add codes or fields, do not rename them.
 */
import { addMonths, compareDates, daysBetween, monthsBetween, previousMonthStart, type IsoDate } from './calendar.ts';
import { band, type Band } from './metrics.ts';
import type { Settings } from './settings.ts';

export type { IsoDate } from './calendar.ts';

/** The rules in the order the audit shows them. */
export const RULE_IDS = ['min_tenure', 'election_ban', 'competency', 'documentation', 'receiving_need', 'releasing_slack'] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * passed / failed; unknown = the rule cannot be checked for this transfer (a fact is missing, or no election dates
 * are configured for its period): never counted as met, worded "tidak dapat diperiksa" / "cannot be checked".
 */
export type RuleStatus = 'passed' | 'failed' | 'unknown';
/** 'rule' = a legal requirement; 'advisory' = a consideration of workload balance. */
export type RuleSeverity = 'rule' | 'advisory';
export const RULE_SEVERITY: Record<RuleId, RuleSeverity> = {
  min_tenure: 'rule',
  election_ban: 'rule',
  competency: 'rule',
  documentation: 'rule',
  receiving_need: 'advisory',
  releasing_slack: 'advisory',
};

/** The unit of `value` and `threshold`: years, education rank (1 SD … 10 S3), missing items, EJ. */
export type ValueUnit = 'years' | 'education_rank' | 'missing_items' | 'ej';
export const RULE_VALUE_UNIT: Record<RuleId, ValueUnit | null> = {
  min_tenure: 'years',
  election_ban: null,
  competency: 'education_rank',
  documentation: 'missing_items',
  receiving_need: 'ej',
  releasing_slack: 'ej',
};

/** What every rule returns: status, the code that says why, and the number tested against its limit. */
export interface RuleOutcome<R extends RuleId, C extends string> {
  rule: R;
  status: RuleStatus;
  code: C;
  /** the number tested (unit: RULE_VALUE_UNIT[rule]); null when unknown or not numeric */
  value: number | null;
  /** the limit it is compared with, from the settings; null for election_ban */
  threshold: number | null;
}

/**
 * The status each result code stands for, per rule: the one table both languages read (the SQL macro
 * rule_status(rule, code) is generated from it by pipeline/warehouse/rules-sql.ts).
 */
export const RULE_CODE_STATUS = {
  min_tenure: { start_unknown: 'unknown', start_after_transfer: 'unknown', long_enough: 'passed', too_short: 'failed' },
  election_ban: { inside_without_approval: 'failed', inside_with_approval: 'passed', no_dates: 'unknown', no_dates_for_period: 'unknown', outside: 'passed' },
  competency: { no_requirement: 'unknown', education_unknown: 'unknown', meets: 'passed', below: 'failed' },
  documentation: { complete: 'passed', missing_decree_and_reason: 'failed', missing_decree: 'failed', missing_reason: 'failed' },
  receiving_need: { same_unit: 'unknown', no_data: 'unknown', unstaffed: 'passed', overloaded: 'passed', idle: 'failed', balanced: 'failed', slack: 'failed' },
  releasing_slack: { unknown_unit: 'unknown', same_unit: 'unknown', no_data: 'unknown', unstaffed: 'unknown', idle: 'passed', slack: 'passed', balanced: 'failed', overloaded: 'failed' },
} as const satisfies { [R in RuleId]: Record<string, RuleStatus> };

/** The result codes of one rule. */
export type RuleCode<R extends RuleId> = keyof (typeof RULE_CODE_STATUS)[R] & string;

// ---------------------------------------------------------------------------------------------------------------
// min_tenure — PP 11/2017 Pasal 190 (amended by PP 17/2020): a PNS stays in a position at least
// settings.tenure.min_years (2) years before being moved.

export type MinTenureCode =
  /** no earlier transfer and no appointment date (TMT CPNS/PPPK): the spell's start is unknown */
  | 'start_unknown'
  /** the spell's start is after the transfer's effective date: months cannot be counted */
  | 'start_after_transfer'
  | 'long_enough'
  | 'too_short';

export interface MinTenureInput {
  /** start of the spell the transfer ends: the person's previous transfer (TMT), else the appointment date */
  spellStart: IsoDate | null;
  /** true when there was no earlier transfer (the start is the appointment date) */
  firstRecorded: boolean;
  /** the transfer's effective date (TMT) */
  effectiveDate: IsoDate;
}

export interface MinTenureResult extends RuleOutcome<'min_tenure', MinTenureCode>, MinTenureInput {
  /** whole months in the previous position (DuckDB date_sub('month') semantics); null when unknown */
  tenureMonths: number | null;
  /** the minimum in whole months: round(min_years × 12) */
  minMonths: number;
  minYears: number;
}

/** The start of the spell a transfer ends: the previous transfer's TMT, else the appointment date. */
export function spellStart(previousTransferDate: IsoDate | null, appointmentDate: IsoDate | null): { spellStart: IsoDate | null; firstRecorded: boolean } {
  return { spellStart: previousTransferDate ?? appointmentDate, firstRecorded: previousTransferDate === null };
}

/** PP 11/2017 Pasal 190: at least `min_years` in the previous position, counted in whole months up to the TMT. */
export function minTenure(input: MinTenureInput, tenure: Settings['tenure']): MinTenureResult {
  const minMonths = Math.round(tenure.min_years * 12);
  const tenureMonths =
    input.spellStart !== null && compareDates(input.spellStart, input.effectiveDate) <= 0
      ? monthsBetween(input.spellStart, input.effectiveDate)
      : null;
  const code: MinTenureCode =
    input.spellStart === null ? 'start_unknown'
    : tenureMonths === null ? 'start_after_transfer'
    : tenureMonths >= minMonths ? 'long_enough'
    : 'too_short';
  return {
    rule: 'min_tenure',
    status: RULE_CODE_STATUS.min_tenure[code],
    code,
    value: tenureMonths === null ? null : tenureMonths / 12,
    threshold: tenure.min_years,
    ...input,
    tenureMonths,
    minMonths,
    minYears: tenure.min_years,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// max tenure — PP 11/2017 Pasal 190 (amended by PP 17/2020): at most settings.tenure.max_years (5) years in a
// position. Not a rule of a transfer but of a person still in post (mart tenure_overdue).

export interface TenureOverdueResult {
  overdue: boolean;
  /** whole months in post up to asOf */
  months: number;
  /** days in post / 365.25 (unrounded; the mart shows two decimals) */
  years: number;
  maxYears: number;
}

/**
 * In post for more than `max_years` on `asOf`: since + round(max_years × 12) calendar months < asOf (strictly more
 * than the maximum). Null when `since` is unknown or after `asOf` (nothing to judge).
 */
export function tenureOverdue(since: IsoDate | null, asOf: IsoDate, tenure: Settings['tenure']): TenureOverdueResult | null {
  if (since === null || compareDates(since, asOf) > 0) return null;
  return {
    overdue: compareDates(addMonths(since, Math.round(tenure.max_years * 12)), asOf) < 0,
    months: monthsBetween(since, asOf),
    years: daysBetween(since, asOf) / 365.25,
    maxYears: tenure.max_years,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// election_ban — UU 10/2016 Pasal 71 ayat (2): no replacement of officials from ban_months_before (6) months before
// the candidate pairs are determined until the end of the term, unless the Minister of Home Affairs approves in
// writing. The date tested is the EFFECTIVE DATE (TMT): the replacement takes place then.

export interface BanWindow {
  regionCode: string;
  /** candidate_determination − ban_months_before months (day clamped, as DuckDB) */
  banStart: IsoDate;
  banEnd: IsoDate;
}

/** The ban windows of a region: its own rows of settings.election.windows, else the '*' rows. Both ends inclusive. */
export function banWindows(regionCode: string, election: Settings['election']): BanWindow[] {
  const own = election.windows.filter((w) => w.region_code === regionCode);
  const rows = own.length > 0 ? own : election.windows.filter((w) => w.region_code === '*');
  return rows.map((w) => ({
    regionCode: w.region_code,
    banStart: addMonths(w.candidate_determination, -election.ban_months_before),
    banEnd: w.ban_end,
  }));
}

export type ElectionBanCode =
  | 'inside_without_approval'
  | 'inside_with_approval'
  /** no election dates set for the region (settings election.windows) */
  | 'no_dates'
  /** the effective date is outside the period the configured dates cover (checkedPeriod()) */
  | 'no_dates_for_period'
  | 'outside';

export interface ElectionBanInput {
  effectiveDate: IsoDate;
  /** the receiving unit's region (else the releasing unit's, else the settings' region) */
  regionCode: string;
  /** the written approval of the Minister of Home Affairs, if any */
  approvalRef: string | null;
  decreeDate: IsoDate | null;
}

export interface ElectionBanResult extends RuleOutcome<'election_ban', ElectionBanCode>, ElectionBanInput {
  /** how many windows apply to the region */
  windowCount: number;
  /** the window the effective date is in (earliest start, latest end of the windows containing it) */
  banStart: IsoDate | null;
  banEnd: IsoDate | null;
  /** the decree (SK) is dated inside a window: mentioned only, the effective date decides */
  decreeInBan: boolean;
  /** the period the region's configured dates cover (null when it has none) */
  checkedFrom: IsoDate | null;
  checkedUntil: IsoDate | null;
}

/**
 * The period for which the configured dates tell whether a date is inside a ban: settings election.checked_from /
 * checked_until, each defaulting to the earliest ban start / latest ban end of the region's windows. Outside it
 * an election may have been held whose dates are not configured, so the ban cannot be checked (never "met").
 */
export function checkedPeriod(windows: readonly BanWindow[], election: Settings['election']): { from: IsoDate; until: IsoDate } | null {
  if (windows.length === 0) return null;
  let from = windows[0]!.banStart;
  let until = windows[0]!.banEnd;
  for (const w of windows) {
    if (compareDates(w.banStart, from) < 0) from = w.banStart;
    if (compareDates(w.banEnd, until) > 0) until = w.banEnd;
  }
  return { from: (election.checked_from ?? from) as IsoDate, until: (election.checked_until ?? until) as IsoDate };
}

export function electionBan(input: ElectionBanInput, election: Settings['election']): ElectionBanResult {
  const windows = banWindows(input.regionCode, election);
  const inside = (d: IsoDate, w: BanWindow) => compareDates(w.banStart, d) <= 0 && compareDates(d, w.banEnd) <= 0;
  let banStart: IsoDate | null = null;
  let banEnd: IsoDate | null = null;
  for (const w of windows) {
    if (!inside(input.effectiveDate, w)) continue;
    if (banStart === null || compareDates(w.banStart, banStart) < 0) banStart = w.banStart;
    if (banEnd === null || compareDates(w.banEnd, banEnd) > 0) banEnd = w.banEnd;
  }
  const decreeInBan = input.decreeDate !== null && windows.some((w) => inside(input.decreeDate as IsoDate, w));
  const period = checkedPeriod(windows, election);
  const inPeriod = period !== null && compareDates(period.from, input.effectiveDate) <= 0 && compareDates(input.effectiveDate, period.until) <= 0;
  const code: ElectionBanCode =
    banStart !== null ? (input.approvalRef === null ? 'inside_without_approval' : 'inside_with_approval')
    : windows.length === 0 ? 'no_dates'
    : !inPeriod ? 'no_dates_for_period'
    : 'outside';
  return {
    rule: 'election_ban',
    status: RULE_CODE_STATUS.election_ban[code],
    code,
    value: null,
    threshold: null,
    ...input,
    windowCount: windows.length,
    banStart,
    banEnd,
    decreeInBan,
    checkedFrom: period?.from ?? null,
    checkedUntil: period?.until ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// competency — PP 11/2017 Pasal 190: the move must match the person's competence to the job's requirements.
// Tested: education rank ≥ the target position's required rank. Required competency tags the person lacks are
// listed for information only.

/** Education levels, lowest first: the rank is the 1-based position (SD = 1 … S3 = 10), as SQL education_rank(). */
export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Rank of a normalised education level (the warehouse stores them normalised); null when unknown. */
export function educationRank(level: string | null | undefined): number | null {
  if (level == null) return null;
  const i = (EDUCATION_LEVELS as readonly string[]).indexOf(level);
  return i < 0 ? null : i + 1;
}

export type CompetencyCode = 'no_requirement' | 'education_unknown' | 'meets' | 'below';

export interface CompetencyInput {
  /** the person's education on record now */
  educationLevel: string | null;
  /** the target position's minimum education */
  requiredEducation: string | null;
  competencies: readonly string[] | null;
  requiredCompetencies: readonly string[] | null;
}

export interface CompetencyResult extends RuleOutcome<'competency', CompetencyCode> {
  educationLevel: string | null;
  requiredEducation: string | null;
  haveRank: number | null;
  needRank: number | null;
  /** required competency tags the person does not have (information only; does not change the status) */
  lacking: string[];
}

export function competency(input: CompetencyInput): CompetencyResult {
  const haveRank = educationRank(input.educationLevel);
  const needRank = educationRank(input.requiredEducation);
  const code: CompetencyCode =
    needRank === null ? 'no_requirement'
    : haveRank === null ? 'education_unknown'
    : haveRank >= needRank ? 'meets'
    : 'below';
  const has = new Set(input.competencies ?? []);
  return {
    rule: 'competency',
    status: RULE_CODE_STATUS.competency[code],
    code,
    value: haveRank,
    threshold: needRank,
    educationLevel: input.educationLevel,
    requiredEducation: input.requiredEducation,
    haveRank,
    needRank,
    lacking: (input.requiredCompetencies ?? []).filter((c) => !has.has(c)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// documentation — Peraturan BKN 5/2019: a transfer is made by decree (SK) for a stated reason. Failed when the
// decree number or the reason category is missing; a missing decree date alone is only mentioned.

export type DocumentationCode = 'complete' | 'missing_decree_and_reason' | 'missing_decree' | 'missing_reason';

export interface DocumentationInput {
  decreeNumber: string | null;
  reasonCategory: string | null;
  decreeDate: IsoDate | null;
}

export interface DocumentationResult extends RuleOutcome<'documentation', DocumentationCode>, DocumentationInput {
  /** mentioned only */
  decreeDateMissing: boolean;
}

export function documentation(input: DocumentationInput): DocumentationResult {
  const noDecree = input.decreeNumber === null;
  const noReason = input.reasonCategory === null;
  const code: DocumentationCode =
    noDecree && noReason ? 'missing_decree_and_reason' : noDecree ? 'missing_decree' : noReason ? 'missing_reason' : 'complete';
  return {
    rule: 'documentation',
    status: RULE_CODE_STATUS.documentation[code],
    code,
    value: Number(noDecree) + Number(noReason),
    threshold: 0,
    ...input,
    decreeDateMissing: input.decreeDate === null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Advisory: workload balance of the two units in the month before the effective month (unit_load_monthly).

/** A unit's load in one month: the columns of unit_load_monthly the advisory rules read. */
export interface UnitMonthLoad {
  workloadMinutes: number;
  currentStaff: number;
  /** unrounded required staff for the month */
  requiredStaff: number;
  ej: number | null;
}

export interface AdvisoryInput {
  fromUnitId: string | null;
  toUnitId: string;
  /** the month before the effective month (previousMonthStart(effectiveDate)) */
  referenceMonth: IsoDate;
  /** false when that month is outside the warehouse's calendar */
  inCalendar: boolean;
  /** the unit's load that month; null when there is none */
  load: UnitMonthLoad | null;
}

export interface AdvisoryFacts {
  referenceMonth: IsoDate;
  band: Band | null;
  ej: number | null;
  requiredStaff: number | null;
  currentStaff: number | null;
}

export type ReceivingNeedCode = 'same_unit' | 'no_data' | 'unstaffed' | 'overloaded' | 'idle' | 'balanced' | 'slack';
export interface ReceivingNeedResult extends RuleOutcome<'receiving_need', ReceivingNeedCode>, AdvisoryFacts {}

export type ReleasingSlackCode = 'unknown_unit' | 'same_unit' | 'no_data' | 'unstaffed' | 'idle' | 'slack' | 'balanced' | 'overloaded';
export interface ReleasingSlackResult extends RuleOutcome<'releasing_slack', ReleasingSlackCode>, AdvisoryFacts {}

function advisoryFacts(input: AdvisoryInput, w: Settings['workload']): AdvisoryFacts {
  const l = input.load;
  return {
    referenceMonth: input.referenceMonth,
    band: l ? band(l.workloadMinutes, l.currentStaff, l.ej, w) : null,
    ej: l?.ej ?? null,
    requiredStaff: l?.requiredStaff ?? null,
    currentStaff: l?.currentStaff ?? null,
  };
}

const sameUnit = (i: AdvisoryInput) => i.fromUnitId !== null && i.fromUnitId === i.toUnitId;

/**
 * Passed when the receiving unit was overloaded (EJ > workload.overloaded_above) or had workload and nobody in post,
 * the month before; failed otherwise. Unknown for a move within one unit or without that month's data.
 * `load` is the RECEIVING unit's.
 */
export function receivingNeed(input: AdvisoryInput, w: Settings['workload']): ReceivingNeedResult {
  const f = advisoryFacts(input, w);
  const code: ReceivingNeedCode = sameUnit(input) ? 'same_unit' : !input.inCalendar || f.band === null ? 'no_data' : f.band;
  return {
    rule: 'receiving_need',
    status: RULE_CODE_STATUS.receiving_need[code],
    code,
    value: f.ej,
    threshold: w.overloaded_above,
    ...f,
  };
}

/**
 * Passed when the releasing unit was slack (EJ < workload.slack_below) or had no workload, the month before;
 * failed otherwise. Unknown from an unknown unit, within one unit, without data, or when nobody was in post.
 * `load` is the RELEASING unit's.
 */
export function releasingSlack(input: AdvisoryInput, w: Settings['workload']): ReleasingSlackResult {
  const f = advisoryFacts(input, w);
  const code: ReleasingSlackCode =
    input.fromUnitId === null ? 'unknown_unit'
    : sameUnit(input) ? 'same_unit'
    : !input.inCalendar || f.band === null ? 'no_data'
    : f.band;
  return {
    rule: 'releasing_slack',
    status: RULE_CODE_STATUS.releasing_slack[code],
    code,
    value: f.ej,
    threshold: w.slack_below,
    ...f,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// All six for one transfer.

export interface TransferForAudit {
  effectiveDate: IsoDate;
  regionCode: string;
  fromUnitId: string | null;
  toUnitId: string;
  previousTransferDate: IsoDate | null;
  appointmentDate: IsoDate | null;
  decreeNumber: string | null;
  decreeDate: IsoDate | null;
  reasonCategory: string | null;
  approvalRef: string | null;
  educationLevel: string | null;
  requiredEducation: string | null;
  competencies: readonly string[] | null;
  requiredCompetencies: readonly string[] | null;
}

export type RuleResult =
  | MinTenureResult
  | ElectionBanResult
  | CompetencyResult
  | DocumentationResult
  | ReceivingNeedResult
  | ReleasingSlackResult;

/** The load source for the advisory rules: a unit's load in a month (null when none), and whether the month is known. */
export interface LoadLookup {
  inCalendar(month: IsoDate): boolean;
  unitLoad(unitId: string, month: IsoDate): UnitMonthLoad | null;
}

/** The six results of one transfer, in RULE_IDS order. */
export function auditTransfer(t: TransferForAudit, loads: LoadLookup, s: Settings): RuleResult[] {
  const referenceMonth = previousMonthStart(t.effectiveDate);
  const inCalendar = loads.inCalendar(referenceMonth);
  const adv = (unitId: string | null): AdvisoryInput => ({
    fromUnitId: t.fromUnitId,
    toUnitId: t.toUnitId,
    referenceMonth,
    inCalendar,
    load: unitId === null ? null : loads.unitLoad(unitId, referenceMonth),
  });
  return [
    minTenure({ ...spellStart(t.previousTransferDate, t.appointmentDate), effectiveDate: t.effectiveDate }, s.tenure),
    electionBan({ effectiveDate: t.effectiveDate, regionCode: t.regionCode, approvalRef: t.approvalRef, decreeDate: t.decreeDate }, s.election),
    competency(t),
    documentation(t),
    receivingNeed(adv(t.toUnitId), s.workload),
    releasingSlack(adv(t.fromUnitId), s.workload),
  ];
}
