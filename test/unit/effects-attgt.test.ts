// ATT(g,t) and their influence functions on hand-computed panels (expected values worked out by hand in
// the comments; see test/unit/effects-helpers.ts for the data).
import { describe, expect, it } from 'vitest';
import {
  analyticSe, balancePanel, computeAttGt, estimateEffects, preTest, preparePanel,
} from '../../pipeline/effects/index.ts';
import type { AttGtResult, PanelRow } from '../../pipeline/effects/index.ts';
import { simulatePanel, THREE_PERIODS, TWO_BY_TWO } from './effects-helpers.ts';

const fit = (rows: PanelRow[], control: 'nevertreated' | 'notyettreated' = 'nevertreated') => {
  const panel = preparePanel(balancePanel(rows), control);
  return { panel, res: computeAttGt(panel) };
};
const cell = (res: AttGtResult, g: number, t: number) => {
  const k = res.cells.findIndex((c) => c.group === g && c.time === t);
  if (k < 0) throw new Error(`no cell ${g},${t}`);
  return { ...res.cells[k], inf: Array.from(res.inf[k]), se: analyticSe(res.inf[k]) };
};

describe('2×2: two groups, two periods', () => {
  const { panel, res } = fit(TWO_BY_TWO);

  it('has a single cell whose ATT is the plain difference in differences (3 − 1 = 2)', () => {
    expect(res.cells).toHaveLength(1);
    const c = cell(res, 2, 2);
    expect(c).toMatchObject({ baseTime: 1, post: true, nTreated: 5, nControl: 5 });
    expect(c.att).toBeCloseTo(2, 12);
  });

  it('influence function is n(ΔY − m1)/N1 for treated, −n(ΔY − m0)/N0 for controls', () => {
    // units ordered by (cohort, id): c1..c5 are never treated (cohort ∞) so come after t1..t5
    expect(panel.ids).toEqual(['t1', 't2', 't3', 't4', 't5', 'c1', 'c2', 'c3', 'c4', 'c5']);
    const c = cell(res, 2, 2);
    // treated ΔY 1..5, m1 = 3 → 2(ΔY − 3); controls ΔY 0 1 0 1 3, m0 = 1 → −2(ΔY − 1)
    const expected = [-4, -2, 0, 2, 4, 2, 0, 2, 0, -4];
    c.inf.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
  });

  it('analytic SE = sqrt(SS1/N1² + SS0/N0²) = sqrt(10/25 + 6/25) = 0.8', () => {
    expect(cell(res, 2, 2).se).toBeCloseTo(0.8, 12);
  });

  it('all aggregations equal the single cell, and TWFE equals the DiD in a 2×2', () => {
    const r = estimateEffects(TWO_BY_TWO, { biters: 0 });
    for (const v of [r.simple, r.dynamic[0], r.group[0], r.calendar[0], r.group_overall, r.dynamic_overall]) {
      expect(v.att).toBeCloseTo(2, 12);
      expect(v.se).toBeCloseTo(0.8, 12); // single group: the weight-estimation term vanishes
    }
    expect(r.twfe.att).toBeCloseTo(2, 12);
    // TWFE in a 2×2 is OLS of ΔY on a treatment dummy; clustered HC0 = sqrt(SS1/N1² + SS0/N0²) = 0.8, times CR1
    // correction sqrt(G/(G−1) · (N−1)/(N−K)) with G = 10, N = 20, K = 2
    expect(r.twfe.se).toBeCloseTo(0.8 * Math.sqrt((10 / 9) * (19 / 18)), 12);
    // two periods: no simultaneous band (did sets cband = FALSE), normal critical value
    expect(r.att_gt_crit_val).toBeCloseTo(1.959963984540054, 10);
  });
});

describe('three periods, cohorts 2 and 3, never-treated controls', () => {
  const { res } = fit(THREE_PERIODS);

  it('produces g-major, t-minor cells for every period but the first', () => {
    expect(res.cells.map((c) => [c.group, c.time, c.baseTime, c.post])).toEqual([
      [2, 2, 1, true],
      [2, 3, 1, true], // post-treatment: base period is g − 1 = 1
      [3, 2, 1, false], // pre-treatment, varying base: t − 1
      [3, 3, 2, true],
    ]);
  });

  it('ATT(g,t) by hand', () => {
    expect(cell(res, 2, 2).att).toBeCloseTo(3 - 1, 12); // ΔY(2−1): cohort 2 mean 3, never mean 1
    expect(cell(res, 2, 3).att).toBeCloseTo(5 - 1, 12); // ΔY(3−1): 5 vs 1
    expect(cell(res, 3, 2).att).toBeCloseTo(2 - 1, 12); // pre-trend ΔY(2−1): 2 vs 1
    expect(cell(res, 3, 3).att).toBeCloseTo(3 - 0, 12); // ΔY(3−2): 3 vs 0
  });

  it('analytic SEs by hand', () => {
    expect(cell(res, 2, 2).se).toBeCloseTo(Math.sqrt(2 / 25 + 6 / 25), 12);
    expect(cell(res, 2, 3).se).toBeCloseTo(Math.sqrt(2 / 25 + 0), 12);
    expect(cell(res, 3, 2).se).toBeCloseTo(Math.sqrt(0 + 6 / 25), 12);
    expect(cell(res, 3, 3).se).toBeCloseTo(Math.sqrt(4 / 25 + 6 / 25), 12);
  });

  it('influence functions by hand (n = 15, 5 units per group: ±3(ΔY − mean))', () => {
    const z = [0, 0, 0, 0, 0];
    const i22 = cell(res, 2, 2).inf;
    [...[-3, 0, 3, 0, 0], ...z, ...[0, 3, 0, 3, -6]].forEach((v, i) => expect(i22[i]).toBeCloseTo(v, 12));
    const i33 = cell(res, 3, 3).inf;
    [...z, ...[-3, 3, -3, 3, 0], ...[0, -3, 0, -3, 6]].forEach((v, i) => expect(i33[i]).toBeCloseTo(v, 12));
  });

  it('Wald pre-test on the single pre-treatment cell: W = (1 / 0.4899)² = 1/0.24', () => {
    const p = preTest(res)!;
    expect(p.df).toBe(1);
    expect(p.stat).toBeCloseTo(1 / 0.24, 10);
    expect(p.pValue).toBeCloseTo(0.041226833337163676, 10);
  });
});

describe('never-treated vs not-yet-treated controls', () => {
  const never = fit(THREE_PERIODS, 'nevertreated').res;
  const notyet = fit(THREE_PERIODS, 'notyettreated').res;

  it('ATT(2,2) adds cohort 3 (not yet treated in period 2) to the controls', () => {
    const c = cell(notyet, 2, 2);
    expect(c.nControl).toBe(10);
    expect(cell(never, 2, 2).nControl).toBe(5);
    // controls ΔY(2−1): never 1 0 1 0 3, cohort 3 all 2 → mean 1.5; ATT = 3 − 1.5
    expect(c.att).toBeCloseTo(1.5, 12);
    // SE: treated SS 2 / 25, controls SS 8.5 / 100
    expect(c.se).toBeCloseTo(Math.sqrt(2 / 25 + 8.5 / 100), 12);
  });

  it('cells with no later cohort available keep the never-treated controls only', () => {
    for (const [g, t] of [
      [2, 3],
      [3, 2], // cohort 3 is the treated group itself: excluded from its own controls
      [3, 3],
    ]) {
      expect(cell(notyet, g, t).att).toBeCloseTo(cell(never, g, t).att, 12);
      expect(cell(notyet, g, t).nControl).toBe(5);
    }
  });

  it('on a simulated panel, controls are exactly never treated ∪ cohorts later than t (excluding g)', () => {
    const rows = simulatePanel(
      { n: 200, times: [1, 2, 3, 4, 5, 6], cohorts: [3, 4, 6, 0], probs: [0.25, 0.25, 0.25, 0.25], effect: (g, e) => 1 + e },
      7,
    );
    const { panel, res } = fit(rows, 'notyettreated');
    const y = (i: number, t: number) => panel.y[panel.times.indexOf(t)][i];
    for (const c of res.cells) {
      const treated: number[] = [];
      const controls: number[] = [];
      panel.cohort.forEach((g, i) => {
        if (g === c.group) treated.push(i);
        else if (g === Infinity || g > c.time) controls.push(i);
      });
      const mean = (ids: number[]) => ids.reduce((s, i) => s + y(i, c.time) - y(i, c.baseTime), 0) / ids.length;
      expect(c.nControl).toBe(controls.length);
      expect(c.att).toBeCloseTo(mean(treated) - mean(controls), 10);
    }
  });
});

describe('a single cohort reduces to the plain DiD against the period before treatment', () => {
  const rows = simulatePanel(
    { n: 120, times: [1, 2, 3, 4, 5], cohorts: [3, 0], probs: [0.4, 0.6], effect: (_g, e) => 2 + e },
    11,
  );
  const { panel, res } = fit(rows);
  const meanAt = (t: number, treated: boolean) => {
    const k = panel.times.indexOf(t);
    let s = 0;
    let c = 0;
    panel.cohort.forEach((g, i) => {
      if ((g === 3) === treated) {
        s += panel.y[k][i];
        c++;
      }
    });
    return s / c;
  };
  const did = (t: number, b: number) => meanAt(t, true) - meanAt(b, true) - (meanAt(t, false) - meanAt(b, false));

  it('post-treatment ATT(3,t) = DiD(t vs 2); pre-treatment ATT(3,t) = DiD(t vs t − 1)', () => {
    expect(cell(res, 3, 2).att).toBeCloseTo(did(2, 1), 10);
    for (const t of [3, 4, 5]) expect(cell(res, 3, t).att).toBeCloseTo(did(t, 2), 10);
  });

  it('simple ATT = mean of the post-treatment cells; event study = the cells themselves', () => {
    const r = estimateEffects(rows, { biters: 0 });
    expect(r.simple.att).toBeCloseTo((did(3, 2) + did(4, 2) + did(5, 2)) / 3, 10);
    expect(r.dynamic.map((d) => d.e)).toEqual([-1, 0, 1, 2]);
    expect(r.dynamic[3].att).toBeCloseTo(did(5, 2), 10);
    expect(r.group).toHaveLength(1);
    expect(r.group[0].att).toBeCloseTo(r.simple.att!, 12);
  });
});

describe('non-consecutive periods', () => {
  it('uses the last observed period before g as base and event time in the original units', () => {
    const rows = THREE_PERIODS.map((r) => ({ ...r, time: 2000 + 2 * r.time, cohort: r.cohort === 0 ? 0 : 2000 + 2 * r.cohort }));
    const r = estimateEffects(rows, { biters: 0 });
    expect(r.att_gt.map((c) => [c.group, c.time, c.base_time, c.att])).toEqual([
      [2004, 2004, 2002, expect.closeTo(2, 12)],
      [2004, 2006, 2002, expect.closeTo(4, 12)],
      [2006, 2004, 2002, expect.closeTo(1, 12)],
      [2006, 2006, 2004, expect.closeTo(3, 12)],
    ]);
    expect(r.dynamic.map((d) => d.e)).toEqual([-2, 0, 2]);
  });

  it('a cohort between observed periods uses the last period before it as base', () => {
    // periods 1, 2, 4 and a cohort first treated in 3 (not observed): post cells start at 4, base period 2
    const rows = THREE_PERIODS.map((r) => ({ ...r, time: r.time === 3 ? 4 : r.time, cohort: r.cohort === 3 ? 3 : r.cohort }));
    const r = estimateEffects(rows, { biters: 0 });
    const c = r.att_gt.find((x) => x.group === 3 && x.time === 4)!;
    expect(c.base_time).toBe(2);
    expect(c.post).toBe(true);
  });
});
