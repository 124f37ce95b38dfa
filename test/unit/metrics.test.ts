// Hand-checked values from shared/domain.md; each row is input → expected, like a sqllogictest case.
import { describe, expect, it } from 'vitest';
import {
  taskMinutes, positionMinutes, requiredStaff, roundStaff, ej, ejGrade, band, wisnRatio, wisnDifference,
  wisnAvailableTime, wisnCategoryAllowanceFactor, wisnRequiredStaff, gini, cv, theil, maxMean, balanceEfficiency,
  imbalance, monthlyWke, capacityMinutes, staffingMismatch, giniSorted, imbalanceTotalsAdd, imbalanceTotalsZero,
  imbalanceSummary, annualWorkload, ANNUAL_WINDOW_MONTHS,
} from '../../pipeline/domain/metrics.ts';
import { DEFAULT_SETTINGS, mergeSettings } from '../../pipeline/domain/settings.ts';

const W = DEFAULT_SETTINGS.workload;
const WKE = W.effective_minutes_per_year;
const SAMPLE = [1, 3, 2, 1, 1, 1, 4];

describe('ABK workload (PermenPANRB 1/2020)', () => {
  it('54,300 min / 75,000 = 0.724 required staff', () => {
    expect(requiredStaff(54_300, WKE)).toBeCloseTo(0.724, 12);
  });
  it('task list sums to 44,760 min → 0.5968', () => {
    const tasks = [[2, 480], [864, 45], [8, 120], [288, 5], [8, 90], [2, 180], [12, 120]].map(([volume, norm]) => ({ volume: volume!, norm: norm! }));
    expect(positionMinutes(tasks)).toBe(44_760);
    expect(requiredStaff(positionMinutes(tasks), WKE)).toBeCloseTo(0.5968, 12);
    expect(taskMinutes(864, 45)).toBe(38_880);
  });
  it('7,116 h / 1,250 h = 5.69 → 6 people', () => {
    const r = requiredStaff(7_116 * 60, WKE);
    expect(r).toBeCloseTo(5.6928, 4);
    expect(roundStaff(r, 'half_up')).toBe(6);
  });
  it.each([
    [2.5, 'half_up', 3], [2.4999, 'half_up', 2], [187_500 / 75_000, 'half_up', 3],
    [2.01, 'ceil', 3], [2.0, 'ceil', 2], [0.724, 'ceil', 1], [2.99, 'floor', 2], [0, 'half_up', 0],
  ] as const)('round %s with %s → %s', (x, mode, want) => {
    expect(roundStaff(x, mode)).toBe(want);
  });
});

describe('EJ, grade and band', () => {
  it('EJ = workload / (staff × WKE)', () => {
    expect(ej(150_000, 2, WKE)).toBe(1);
    expect(ej(54_300, 1, WKE)).toBeCloseTo(0.724, 12);
    expect(ej(10_000, 0, WKE)).toBeNull();
  });
  it.each([
    [1.2, 'A'], [1.0, 'B'], [1.0000001, 'A'], [0.9, 'B'], [0.95, 'B'], [0.8999, 'C'], [0.7, 'C'],
    [0.69, 'D'], [0.5, 'D'], [0.4999, 'E'], [0, 'E'],
  ])('EJ %s → grade %s', (x, g) => {
    expect(ejGrade(x, W.ej_grades)?.grade).toBe(g);
  });
  it('no grade without EJ', () => expect(ejGrade(null, W.ej_grades)).toBeNull());
  it.each([
    // the default balanced band is a tolerance around 1: 0.90–1.10 inclusive (issue 16)
    [100, 2, 1.2, 'overloaded'], [100, 2, 1.1000001, 'overloaded'], [100, 2, 1.1, 'balanced'], [100, 2, 1.03, 'balanced'],
    [100, 2, 1.0, 'balanced'], [100, 2, 0.9, 'balanced'], [100, 2, 0.8999, 'slack'], [100, 2, 0.7, 'slack'],
    [100, 0, null, 'unstaffed'], [0, 3, 0, 'idle'],
  ] as const)('band(workload %s, staff %s, EJ %s) = %s', (wl, staff, e, want) => {
    expect(band(wl, staff, e, W)).toBe(want);
  });
  it('grade table is a setting', () => {
    const s = mergeSettings(DEFAULT_SETTINGS, { workload: { overloaded_above: 1.0 } });
    expect(s.workload.overloaded_above).toBe(1.0);
    expect(s.workload.effective_minutes_per_year).toBe(75_000);
    expect(band(100, 2, 1.05, s.workload)).toBe('overloaded');
    expect(band(100, 2, 1.05, W)).toBe('balanced');
  });
});

describe('annual (rolling 12-month) workload: ABK is annual', () => {
  it('a full year sums its months', () => {
    // 10 ordinary months of 3,000 min and a June–July surge of 6,000: 10 × 3,000 + 2 × 6,000 = 42,000 min a year
    const year = [3000, 3000, 3000, 3000, 3000, 6000, 6000, 3000, 3000, 3000, 3000, 3000];
    expect(ANNUAL_WINDOW_MONTHS).toBe(12);
    expect(annualWorkload(year)).toBe(42_000);
    // 42,000 / (1 person × 75,000) = 0.56, while July alone reads 6,000 / (1 × 6,250) = 0.96
    expect(ej(annualWorkload(year)!, 1, WKE)).toBeCloseTo(0.56, 12);
    expect(ej(6000, 1, monthlyWke(W))).toBeCloseTo(0.96, 12);
  });
  it('fewer months at the start of the data are annualised × 12 / n', () => {
    expect(annualWorkload([1000, 2000, 3000])).toBe(24_000); // 6,000 × 12 / 3
    expect(annualWorkload([6250])).toBe(75_000);
  });
  it('an empty window has no workload; more than 12 months is a mistake', () => {
    expect(annualWorkload([])).toBeNull();
    expect(() => annualWorkload(new Array(13).fill(1))).toThrow(/at most 12/);
  });
});

describe('WISN (WHO)', () => {
  it('worked example: AWT 179 days, 3,125 days of work → 17.46 staff', () => {
    const awtDays = wisnAvailableTime({ workingDays: 4.5 * 52, holidays: 10, annualLeave: 30, sickLeave: 15, otherLeave: 0, hoursPerDay: 1 });
    expect(awtDays).toBe(179);
    const workloadHours = 10_000 * 10 * 0.25;
    expect(workloadHours).toBe(25_000);
    const staff = wisnRequiredStaff([{ annualWorkload: workloadHours / 8, timePerUnit: 1 }], awtDays);
    expect(staff).toBeCloseTo(17.46, 2);
  });
  it('CAF and IAF', () => {
    expect(wisnCategoryAllowanceFactor(20)).toBeCloseTo(1.25, 12);
    expect(wisnRequiredStaff([{ annualWorkload: 100, timePerUnit: 1 }], 100, 1.25, 0.5)).toBeCloseTo(1.75, 12);
  });
  it('ratio and difference', () => {
    expect(wisnRatio(8, 10)).toBe(0.8);
    expect(wisnRatio(3, 0)).toBeNull();
    expect(wisnDifference(8, 10)).toBe(-2);
  });
});

describe('imbalance indices', () => {
  it('Gini', () => {
    expect(gini(SAMPLE)).toBeCloseTo(0.3076923, 7);
    expect(gini([3000.12, 1200.29, 4500.01, 1600.89, 5200.11])).toBeCloseTo(0.2812325580495205, 14);
    expect(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 1e7])).toBeCloseTo(0.9, 12);
    expect(gini([2, 2, 2, 2])).toBe(0);
    expect(gini([])).toBe(0);
  });
  it('CV (population), Theil T, max/mean, efficiency', () => {
    expect(cv(SAMPLE)).toBeCloseTo(0.605693, 6);
    expect(theil(SAMPLE)).toBeCloseTo(0.167677, 6);
    expect(maxMean(SAMPLE)).toBeCloseTo(2.153846, 6);
    expect(balanceEfficiency(SAMPLE)).toBeCloseTo(1 / 2.153846, 6);
    expect(theil([5, 5, 5])).toBe(0);
    expect(theil([0, 2])).toBeCloseTo(Math.log(2), 12);
  });
  it('summary: shares of staff and the staffing gap', () => {
    const cells = [
      { workloadMinutes: 150_000, currentStaff: 1, requiredStaff: 2, ej: 2 },      // overloaded
      { workloadMinutes: 75_000, currentStaff: 1, requiredStaff: 1, ej: 1 },       // balanced
      { workloadMinutes: 75_000, currentStaff: 2, requiredStaff: 1, ej: 0.5 },     // slack
      { workloadMinutes: 75_000, currentStaff: 0, requiredStaff: 1, ej: null },    // unstaffed: gap only
    ];
    const s = imbalance(cells, W);
    expect(s.n).toBe(3);
    expect(s.share_staff_overloaded).toBeCloseTo(1 / 4, 12);
    expect(s.share_staff_slack).toBeCloseTo(2 / 4, 12);
    expect(s.staffing_gap).toBeCloseTo(1 + 0 + 1 + 1, 12);
    expect(s.gini).toBeCloseTo(gini([2, 1, 0.5]), 12);
    expect(s.mean_ej).toBeCloseTo(3.5 / 3, 12);
  });
});

describe('monthly working time, capacity and staffing mismatch', () => {
  it('monthly WKE = 75,000 / 12 = 6,250 min; capacity of 3 people = 18,750 min', () => {
    expect(monthlyWke(W)).toBe(6_250);
    expect(capacityMinutes(3, monthlyWke(W))).toBe(18_750);
    expect(capacityMinutes(0, monthlyWke(W))).toBe(0);
  });
  it('mismatch |required − current| counts a shortage and a surplus alike', () => {
    expect(staffingMismatch(5.69, 4)).toBeCloseTo(1.69, 12);
    expect(staffingMismatch(2.5, 4)).toBe(1.5);
    expect(staffingMismatch(3, 3)).toBe(0);
  });
});

describe('sorted-array forms used by the simulator', () => {
  it('giniSorted equals gini on sorted input: (1,1,1,1,2,3,4) → 0.3076923', () => {
    expect(giniSorted([1, 1, 1, 1, 2, 3, 4])).toBeCloseTo(0.3076923, 7);
    expect(giniSorted(Float64Array.from([0.75, 1, 1.5, 1.5]))).toBeCloseTo(2.75 / (16 * 1.1875), 14);
  });
  it('imbalance totals: staff, overloaded and slack staff, gap (hand-checked)', () => {
    const t = imbalanceTotalsZero();
    imbalanceTotalsAdd(t, 100, 2, 3, 1.5, W); // overloaded: 2 staff, gap 1
    imbalanceTotalsAdd(t, 100, 4, 2, 0.5, W); // slack: 4 staff, gap 2
    imbalanceTotalsAdd(t, 100, 0, 1.5, null, W); // unstaffed: gap 1.5
    imbalanceTotalsAdd(t, 0, 1, 0, 0, W); // idle: counted as staff, not as slack (EJ undefined without workload)
    expect(t).toEqual({ staff: 7, overStaff: 2, slackStaff: 4, staffingGap: 5.5 });
    const s = imbalanceSummary(Float64Array.from([0.5, 1.5]), t);
    expect(s.share_staff_overloaded).toBeCloseTo(2 / 7, 14);
    expect(s.share_staff_slack).toBeCloseTo(4 / 7, 14);
    expect(s.gini).toBeCloseTo(0.25, 14); // (−0.5 + 1.5) / (4 × 1)
    expect(s.max_mean).toBe(1.5);
  });
});
