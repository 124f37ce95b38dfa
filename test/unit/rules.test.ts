// The merit rules (pipeline/domain/rules.ts), hand-checked case by case; the SQL twin is proven equal on every
// transfer of the sample by test/integration/rules-parity.test.ts.
import { describe, expect, it } from 'vitest';
import { addMonths, monthsBetween, previousMonthStart, daysBetween } from '../../pipeline/domain/calendar.ts';
import {
  auditTransfer, banWindows, competency, documentation, educationRank, electionBan, minTenure, receivingNeed,
  releasingSlack, RULE_IDS, spellStart, tenureOverdue, type TransferForAudit,
} from '../../pipeline/domain/rules.ts';
import { DEFAULT_SETTINGS, mergeSettings } from '../../pipeline/domain/settings.ts';

const S = DEFAULT_SETTINGS;

describe('calendar (DuckDB semantics)', () => {
  it.each([
    ['2024-01-31', '2024-02-29', 1], // end on the last day of its month completes the month
    ['2024-01-30', '2024-02-29', 1],
    ['2024-01-31', '2024-03-30', 1],
    ['2023-02-28', '2024-02-27', 11],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-03-30', '2024-04-30', 1],
    ['2022-03-15', '2024-03-14', 23],
    ['2022-03-15', '2024-03-15', 24],
    ['2024-03-15', '2022-03-15', -24],
  ])('months from %s to %s = %s', (a, b, want) => {
    expect(monthsBetween(a, b)).toBe(want);
  });
  it('adds months with the day clamped', () => {
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2024-09-22', -6)).toBe('2024-03-22');
    expect(addMonths('2019-08-31', 54)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
  });
  it('previous month start and day counts', () => {
    expect(previousMonthStart('2024-03-15')).toBe('2024-02-01');
    expect(previousMonthStart('2024-01-01')).toBe('2023-12-01');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('min_tenure (PP 11/2017 Pasal 190: at least 2 years)', () => {
  it('23 months is too short, 24 is enough', () => {
    const a = minTenure({ spellStart: '2022-03-15', firstRecorded: false, effectiveDate: '2024-03-14' }, S.tenure);
    expect(a).toMatchObject({ status: 'failed', code: 'too_short', tenureMonths: 23, minMonths: 24, threshold: 2 });
    expect(a.value).toBeCloseTo(23 / 12, 12);
    const b = minTenure({ spellStart: '2022-03-15', firstRecorded: true, effectiveDate: '2024-03-15' }, S.tenure);
    expect(b).toMatchObject({ status: 'passed', code: 'long_enough', tenureMonths: 24, value: 2, firstRecorded: true });
  });
  it('unknown start, start after the transfer', () => {
    expect(minTenure({ spellStart: null, firstRecorded: true, effectiveDate: '2024-03-14' }, S.tenure))
      .toMatchObject({ status: 'unknown', code: 'start_unknown', value: null });
    expect(minTenure({ spellStart: '2024-04-01', firstRecorded: true, effectiveDate: '2024-03-14' }, S.tenure))
      .toMatchObject({ status: 'unknown', code: 'start_after_transfer', tenureMonths: null });
  });
  it('the minimum is a setting (2.5 years = 30 months)', () => {
    const t = mergeSettings(S, { tenure: { min_years: 2.5 } }).tenure;
    expect(minTenure({ spellStart: '2022-01-01', firstRecorded: false, effectiveDate: '2024-06-30' }, t))
      .toMatchObject({ status: 'failed', tenureMonths: 29, minMonths: 30 });
  });
  it('the spell starts at the previous transfer, else the appointment', () => {
    expect(spellStart('2020-01-01', '2010-01-01')).toEqual({ spellStart: '2020-01-01', firstRecorded: false });
    expect(spellStart(null, '2010-01-01')).toEqual({ spellStart: '2010-01-01', firstRecorded: true });
    expect(spellStart(null, null)).toEqual({ spellStart: null, firstRecorded: true });
  });
});

describe('max tenure (PP 11/2017 Pasal 190: at most 5 years)', () => {
  it('exactly 5 years is not overdue; one day more is', () => {
    expect(tenureOverdue('2019-12-31', '2024-12-31', S.tenure)).toMatchObject({ overdue: false, months: 60 });
    const r = tenureOverdue('2019-12-30', '2024-12-31', S.tenure);
    expect(r).toMatchObject({ overdue: true, months: 60 });
    expect(r!.years).toBeCloseTo(1828 / 365.25, 12);
    expect(tenureOverdue(null, '2024-12-31', S.tenure)).toBeNull();
    expect(tenureOverdue('2025-01-01', '2024-12-31', S.tenure)).toBeNull();
  });
});

describe('election_ban (UU 10/2016 Pasal 71 ayat 2)', () => {
  const base = { regionCode: '3201', approvalRef: null, decreeDate: null };
  it('the 2024 window runs from 22 March 2024 (6 months before 22 September) to 20 February 2025', () => {
    expect(banWindows('3201', S.election)).toEqual([{ regionCode: '*', banStart: '2024-03-22', banEnd: '2025-02-20' }]);
  });
  it('inside without approval fails; with approval passes; both ends inclusive', () => {
    expect(electionBan({ ...base, effectiveDate: '2024-03-22' }, S.election))
      .toMatchObject({ status: 'failed', code: 'inside_without_approval', banStart: '2024-03-22', banEnd: '2025-02-20' });
    expect(electionBan({ ...base, effectiveDate: '2025-02-20', approvalRef: 'X.800/1' }, S.election))
      .toMatchObject({ status: 'passed', code: 'inside_with_approval' });
    expect(electionBan({ ...base, effectiveDate: '2024-03-21', decreeDate: '2024-04-01' }, S.election))
      .toMatchObject({ status: 'passed', code: 'outside', banStart: null, decreeInBan: true });
  });
  it("a region's own windows replace the '*' ones; none at all cannot be checked", () => {
    const e = { ban_months_before: 6, windows: [{ region_code: '3201', candidate_determination: '2020-09-23', ban_end: '2021-02-26' }], checked_from: '2019-01-01', checked_until: '2024-12-31' };
    expect(electionBan({ ...base, effectiveDate: '2024-06-01' }, e)).toMatchObject({ status: 'passed', code: 'outside', windowCount: 1 });
    expect(electionBan({ ...base, effectiveDate: '2020-04-01' }, e)).toMatchObject({ status: 'failed', banStart: '2020-03-23' });
    expect(electionBan({ ...base, regionCode: '3202', effectiveDate: '2020-04-01' }, e))
      .toMatchObject({ status: 'unknown', code: 'no_dates', windowCount: 0 });
  });
  it('outside the period the configured dates cover, the ban cannot be checked (never met)', () => {
    // defaults: the 2024 window, dates known for 2022-01-01 … 2028-12-31 (settings election.checked_from/until)
    expect(electionBan({ ...base, effectiveDate: '2021-12-31' }, S.election)).toMatchObject({ status: 'unknown', code: 'no_dates_for_period', checkedFrom: '2022-01-01' });
    expect(electionBan({ ...base, effectiveDate: '2022-01-01' }, S.election)).toMatchObject({ status: 'passed', code: 'outside' });
    expect(electionBan({ ...base, effectiveDate: '2028-12-31' }, S.election)).toMatchObject({ status: 'passed', code: 'outside' });
    expect(electionBan({ ...base, effectiveDate: '2029-01-01' }, S.election)).toMatchObject({ status: 'unknown', code: 'no_dates_for_period', checkedUntil: '2028-12-31' });
    // no stated period: only the windows' own span (ban start … ban end) is known
    const own = { ban_months_before: 6, windows: [{ region_code: '*', candidate_determination: '2024-09-22', ban_end: '2025-02-20' }], checked_from: null, checked_until: null };
    expect(electionBan({ ...base, effectiveDate: '2024-03-21' }, own)).toMatchObject({ status: 'unknown', code: 'no_dates_for_period', checkedFrom: '2024-03-22', checkedUntil: '2025-02-20' });
    expect(electionBan({ ...base, effectiveDate: '2024-03-22' }, own)).toMatchObject({ status: 'failed' });
  });
});

describe('competency (PP 11/2017 Pasal 190)', () => {
  it('ranks SD = 1 … S3 = 10', () => {
    expect(educationRank('SD')).toBe(1);
    expect(educationRank('S1')).toBe(8);
    expect(educationRank('S3')).toBe(10);
    expect(educationRank(null)).toBeNull();
    expect(educationRank('X')).toBeNull();
  });
  it.each([
    ['S1', 'D3', 'passed', 'meets'],
    ['D3', 'S1', 'failed', 'below'],
    ['S1', 'S1', 'passed', 'meets'],
    [null, 'S1', 'unknown', 'education_unknown'],
    ['S1', null, 'unknown', 'no_requirement'],
    [null, null, 'unknown', 'no_requirement'],
  ])('%s for a position requiring %s → %s (%s)', (have, need, status, code) => {
    expect(competency({ educationLevel: have, requiredEducation: need, competencies: null, requiredCompetencies: null }))
      .toMatchObject({ status, code });
  });
  it('lists the required competencies the person lacks, for information', () => {
    const r = competency({ educationLevel: 'S1', requiredEducation: 'S1', competencies: ['a', 'c'], requiredCompetencies: ['a', 'b'] });
    expect(r).toMatchObject({ status: 'passed', lacking: ['b'], value: 8, threshold: 8 });
  });
});

describe('documentation (Peraturan BKN 5/2019)', () => {
  it.each([
    ['800/1', 'promosi', 'passed', 'complete', 0],
    [null, 'promosi', 'failed', 'missing_decree', 1],
    ['800/1', null, 'failed', 'missing_reason', 1],
    [null, null, 'failed', 'missing_decree_and_reason', 2],
  ])('decree %s, reason %s → %s', (decreeNumber, reasonCategory, status, code, missing) => {
    expect(documentation({ decreeNumber, reasonCategory, decreeDate: '2024-01-01' }))
      .toMatchObject({ status, code, value: missing, threshold: 0, decreeDateMissing: false });
  });
  it('a missing decree date alone does not fail', () => {
    expect(documentation({ decreeNumber: '1', reasonCategory: 'r', decreeDate: null })).toMatchObject({ status: 'passed', decreeDateMissing: true });
  });
});

describe('advisory: receiving_need and releasing_slack', () => {
  const W = S.workload;
  const load = (workloadMinutes: number, currentStaff: number) => ({
    workloadMinutes, currentStaff, requiredStaff: workloadMinutes / (W.effective_minutes_per_year / 12),
    ej: currentStaff > 0 ? workloadMinutes / (currentStaff * W.effective_minutes_per_year / 12) : null,
  });
  const adv = (l: ReturnType<typeof load> | null, from: string | null = 'A', to = 'B', inCalendar = true) =>
    ({ fromUnitId: from, toUnitId: to, referenceMonth: '2024-02-01', inCalendar, load: l });
  it.each([
    [load(15_000, 2), 'passed', 'overloaded'], // EJ 1.2
    // the default balanced band is 0.90–1.10 (issue 16)
    [load(6_250, 1), 'failed', 'balanced'], // EJ 1.0 is inside the band
    [load(6_875, 1), 'failed', 'balanced'], // EJ 1.1 is not above 1.1
    [load(3_125, 1), 'failed', 'slack'], // EJ 0.5
    [load(1_000, 0), 'passed', 'unstaffed'],
    [load(0, 3), 'failed', 'idle'],
    [null, 'unknown', 'no_data'],
  ])('receiving unit %j → %s (%s)', (l, status, code) => {
    expect(receivingNeed(adv(l), W)).toMatchObject({ status, code });
  });
  it.each([
    [load(3_125, 1), 'passed', 'slack'],
    [load(0, 3), 'passed', 'idle'],
    [load(6_250, 1), 'failed', 'balanced'], // EJ 1.0
    [load(5_625, 1), 'failed', 'balanced'], // EJ 0.9 is not below 0.9
    [load(4_375, 1), 'passed', 'slack'], // EJ 0.7
    [load(15_000, 2), 'failed', 'overloaded'],
    [load(1_000, 0), 'unknown', 'unstaffed'],
  ])('releasing unit %j → %s (%s)', (l, status, code) => {
    expect(releasingSlack(adv(l), W)).toMatchObject({ status, code });
  });
  it('within one unit, from an unknown unit, outside the calendar: unknown', () => {
    expect(receivingNeed(adv(load(15_000, 2), 'B', 'B'), W)).toMatchObject({ status: 'unknown', code: 'same_unit' });
    expect(releasingSlack(adv(load(3_125, 1), 'B', 'B'), W)).toMatchObject({ status: 'unknown', code: 'same_unit' });
    expect(releasingSlack(adv(null, null), W)).toMatchObject({ status: 'unknown', code: 'unknown_unit' });
    expect(receivingNeed(adv(load(15_000, 2), null), W)).toMatchObject({ status: 'passed', code: 'overloaded' });
    expect(receivingNeed(adv(load(15_000, 2), 'A', 'B', false), W)).toMatchObject({ status: 'unknown', code: 'no_data' });
  });
  it('thresholds are settings', () => {
    const w = mergeSettings(S, { workload: { overloaded_above: 1.3, slack_below: 0.6 } }).workload;
    expect(receivingNeed(adv(load(15_000, 2)), w)).toMatchObject({ status: 'failed', code: 'balanced', threshold: 1.3 });
    expect(releasingSlack(adv(load(4_375, 1)), w)).toMatchObject({ status: 'failed', code: 'balanced', threshold: 0.6 });
  });
});

describe('auditTransfer', () => {
  it('returns the six results in rule order', () => {
    const t: TransferForAudit = {
      effectiveDate: '2024-04-01', regionCode: '3999', fromUnitId: 'A', toUnitId: 'B',
      previousTransferDate: '2023-01-01', appointmentDate: '2010-01-01', decreeNumber: null, decreeDate: null,
      reasonCategory: 'rotasi_berkala', approvalRef: null, educationLevel: 'SMA', requiredEducation: 'S1',
      competencies: null, requiredCompetencies: null,
    };
    const r = auditTransfer(t, {
      inCalendar: (m) => m === '2024-03-01',
      unitLoad: (u) => (u === 'B' ? { workloadMinutes: 12_500, currentStaff: 2, requiredStaff: 2.4, ej: 1.2 } : null),
    }, S);
    expect(r.map((x) => x.rule)).toEqual([...RULE_IDS]);
    expect(r.map((x) => x.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'passed', 'unknown']);
    expect(r.map((x) => x.code)).toEqual(['too_short', 'inside_without_approval', 'below', 'missing_decree', 'overloaded', 'no_data']);
  });
});
