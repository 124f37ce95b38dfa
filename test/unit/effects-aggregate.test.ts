// Aggregations (did::aggte) by hand on the three-period panel, the weight-estimation term, and a check of the
// analytic SEs against a nonparametric bootstrap that re-estimates everything (group shares included).
import { describe, expect, it } from 'vitest';
import {
  aggregateCalendar, aggregateDynamic, aggregateGroup, aggregateSimple, analyticSe, balancePanel, computeAttGt,
  estimateEffects, estimateSumOfSquares, preparePanel, weightInfluenceTerm,
} from '../../pipeline/effects/index.ts';
import type { PanelRow } from '../../pipeline/effects/index.ts';
import { rand, simulatePanel, THREE_PERIODS } from './effects-helpers.ts';

const fit = (rows: PanelRow[]) => {
  const panel = preparePanel(balancePanel(rows));
  return { panel, res: computeAttGt(panel) };
};
const close = (actual: ArrayLike<number>, expected: number[]) =>
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 12));

describe('aggregations on the three-period panel (ATT(2,2)=2, ATT(2,3)=4, ATT(3,2)=1 pre, ATT(3,3)=3; p2 = p3 = 1/3)', () => {
  const { panel, res } = fit(THREE_PERIODS);

  it('simple: (2 + 4 + 3) / 3 = 3; the weight term vanishes (each group averages 3); SE = sqrt(8)/15', () => {
    const s = aggregateSimple(panel, res);
    expect(s.att).toBeCloseTo(3, 12);
    // IF = (IF22 + IF23 + IF33) / 3: cohort 2 → −1 1 1 −1 0, cohort 3 → −1 1 −1 1 0, never → 0
    close(s.inf, [-1, 1, 1, -1, 0, -1, 1, -1, 1, 0, 0, 0, 0, 0, 0]);
    expect(analyticSe(s.inf)).toBeCloseTo(Math.sqrt(8) / 15, 12);
    // Σ IF² = 8 × 1, from the class form without the dense IF
    expect(estimateSumOfSquares(res, s)).toBeCloseTo(8, 12);
  });

  it('dynamic: e = −1 → 1, e = 0 → (2 + 3)/2, e = 1 → 4; overall over e ≥ 0 = (2.5 + 4)/2', () => {
    const d = aggregateDynamic(panel, res);
    expect(d.items.map((x) => [x.key, x.att])).toEqual([
      [-1, expect.closeTo(1, 12)],
      [0, expect.closeTo(2.5, 12)],
      [1, expect.closeTo(4, 12)],
    ]);
    expect(d.overall.att).toBeCloseTo(3.25, 12);
    // e = 0: ½(IF22 + IF33) + wif; wif = (att_g − 2.5)/S per unit of cohort g with S = 2/3: −0.75 (cohort 2), +0.75 (cohort 3)
    close(d.items[1].inf, [-2.25, -0.75, 0.75, -0.75, -0.75, -0.75, 2.25, -0.75, 2.25, 0.75, 0, 0, 0, 0, 0]);
    expect(analyticSe(d.items[1].inf)).toBeCloseTo(Math.sqrt(19.125) / 15, 12);
    // 2.25² × 3 + 0.75² × 7 = 19.125
    expect(estimateSumOfSquares(res, d.items[1])).toBeCloseTo(19.125, 12);
  });

  it('group: cohort 2 → mean(2, 4) = 3, cohort 3 → 3; overall 3', () => {
    const g = aggregateGroup(panel, res);
    expect(g.items.map((x) => [x.key, x.att])).toEqual([
      [2, expect.closeTo(3, 12)],
      [3, expect.closeTo(3, 12)],
    ]);
    expect(g.overall.att).toBeCloseTo(3, 12);
  });

  it('calendar: t = 2 → 2, t = 3 → (4 + 3)/2; overall (2 + 3.5)/2; t = 3 IF by hand', () => {
    const c = aggregateCalendar(panel, res);
    expect(c.items.map((x) => [x.key, x.att])).toEqual([
      [2, expect.closeTo(2, 12)],
      [3, expect.closeTo(3.5, 12)],
    ]);
    expect(c.overall.att).toBeCloseTo(2.75, 12);
    // ½(IF23 + IF33) + wif, wif = ±0.75 for cohorts 2 / 3
    close(c.items[1].inf, [0.75, 2.25, 0.75, -0.75, 0.75, -2.25, 0.75, -2.25, 0.75, -0.75, 0, -1.5, 0, -1.5, 3]);
    expect(analyticSe(c.items[1].inf)).toBeCloseTo(Math.sqrt(32.625) / 15, 12);
    expect(estimateSumOfSquares(res, c.items[1])).toBeCloseTo(32.625, 12);
  });
});

describe('sum of squared influence from the class form', () => {
  it('equals Σ IF² of the dense influence function for every aggregate (both comparison groups)', () => {
    const spec = { n: 400, times: [1, 2, 3, 4, 5, 6], cohorts: [2, 4, 5, 0], probs: [0.2, 0.2, 0.2, 0.4], effect: (g: number, e: number) => g * (1 + e) * 0.2 };
    const rows = simulatePanel(spec, 4).map((r) => ({ ...r, y: r.y === null ? null : r.y + 80 }));
    for (const control of ['nevertreated', 'notyettreated'] as const) {
      const panel = preparePanel(balancePanel(rows), control);
      const res = computeAttGt(panel);
      const d = aggregateDynamic(panel, res);
      const g = aggregateGroup(panel, res);
      const c = aggregateCalendar(panel, res);
      for (const e of [aggregateSimple(panel, res), ...d.items, d.overall, ...g.items, g.overall, ...c.items, c.overall]) {
        let dense = 0;
        for (const v of e.inf) dense += v * v;
        expect(Math.abs(estimateSumOfSquares(res, e) / dense - 1)).toBeLessThan(1e-11);
      }
    }
  });
});

describe('weight-estimation term (did wif)', () => {
  it('equals Σ_k att_k · [ (1{G=g_k} − p_k)/S − Σ_j (1{G=g_j} − p_j) p_k / S² ] written out per unit', () => {
    const cohort = Float64Array.from([2, 2, 3, 3, 3, 5, Infinity, Infinity, Infinity, Infinity]);
    const groups = [2, 3, 3, 5];
    const shares = [0.2, 0.3, 0.3, 0.1];
    const att = [1.5, -2, 0.25, 4];
    const S = shares.reduce((a, b) => a + b);
    const got = weightInfluenceTerm(cohort, groups, shares, att);
    cohort.forEach((G, i) => {
      const centered = groups.map((g, k) => (G === g ? 1 : 0) - shares[k]);
      const sumC = centered.reduce((a, b) => a + b);
      const want = groups.reduce((s, _g, k) => s + att[k] * (centered[k] / S - (sumC * shares[k]) / (S * S)), 0);
      expect(got[i]).toBeCloseTo(want, 12);
    });
  });

  it('makes the simple-ATT SE match a nonparametric bootstrap when cohort effects differ a lot', () => {
    // cohort 2 effect 10, cohort 3 effect 0: most of the uncertainty is in the group shares
    const spec = { n: 400, times: [1, 2, 3, 4], cohorts: [2, 3, 0], probs: [0.3, 0.3, 0.4], effect: (g: number) => (g === 2 ? 10 : 0), noise: 0.5 };
    const rows = simulatePanel(spec, 3);
    const { panel, res } = fit(rows);
    const s = aggregateSimple(panel, res);
    const se = analyticSe(s.inf);
    // the same aggregation without the weight term
    const post = res.cells.map((c, k) => k).filter((k) => res.cells[k].post);
    const pg = (g: number) => panel.cohort.filter((x) => x === g).length;
    const S = post.reduce((a, k) => a + pg(res.cells[k].group), 0);
    const noWif = new Float64Array(panel.n);
    for (const k of post) for (let i = 0; i < panel.n; i++) noWif[i] += (pg(res.cells[k].group) / S) * res.inf[k][i];
    const seNoWif = analyticSe(noWif);

    // resample units with replacement and re-estimate everything
    const byUnit = new Map<number | string, PanelRow[]>();
    for (const r of rows) byUnit.set(r.id, [...(byUnit.get(r.id) ?? []), r]);
    const units = [...byUnit.values()];
    const r = rand(99);
    const draws: number[] = [];
    for (let b = 0; b < 1000; b++) {
      const sample: PanelRow[] = [];
      for (let k = 0; k < units.length; k++) {
        for (const row of units[Math.floor(r.unif() * units.length)]) sample.push({ ...row, id: k });
      }
      const f = fit(sample);
      draws.push(aggregateSimple(f.panel, f.res).att);
    }
    const m = draws.reduce((a, b) => a + b) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - m) ** 2, 0) / (draws.length - 1));
    expect(se / sd).toBeGreaterThan(0.85);
    expect(se / sd).toBeLessThan(1.15);
    expect(seNoWif).toBeLessThan(0.6 * sd);
  });
});

describe('options', () => {
  const rows = simulatePanel(
    { n: 300, times: [1, 2, 3, 4, 5], cohorts: [2, 3, 4, 0], probs: [0.25, 0.25, 0.25, 0.25], effect: (_g, e) => 1 + e },
    5,
  );
  const { panel, res } = fit(rows);

  it('minE/maxE restrict the event window; balanceE keeps groups observed for balanceE periods', () => {
    expect(aggregateDynamic(panel, res, { minE: -1, maxE: 1 }).items.map((x) => x.key)).toEqual([-1, 0, 1]);
    // last period 5: groups with 5 − g ≥ 1 are 2, 3, 4; event times kept: balanceE − (5 − 1) = −3 ≤ e ≤ 1
    const bal = aggregateDynamic(panel, res, { balanceE: 1 });
    expect(bal.items.map((x) => x.key)).toEqual([-2, -1, 0, 1]);
    // e = 0 averages cohorts 2, 3, 4 only (each with weight ∝ its size)
    const sizes = [2, 3, 4].map((g) => panel.cohort.filter((x) => x === g).length);
    const atts = [2, 3, 4].map((g) => res.cells.find((c) => c.group === g && c.time === g)!.att);
    const want = atts.reduce((s, a, k) => s + a * sizes[k], 0) / sizes.reduce((a, b) => a + b);
    expect(bal.items[2].att).toBeCloseTo(want, 12);
  });

  it('maxE = 0 limits simple and group to the on-impact cells', () => {
    const g = aggregateGroup(panel, res, { maxE: 0 });
    for (const it of g.items) expect(it.att).toBeCloseTo(res.cells.find((c) => c.group === it.key && c.time === it.key)!.att, 12);
  });

  it('missing cells stop aggregation unless naRm', () => {
    const broken = { ...res, cells: res.cells.map((c, k) => (k === 0 ? { ...c, att: NaN } : c)) };
    expect(() => aggregateSimple(panel, broken)).toThrow(/could not be estimated/);
    expect(Number.isFinite(aggregateSimple(panel, broken, { naRm: true }).att)).toBe(true);
  });

  it('estimateEffects reports the same numbers as the building blocks', () => {
    const r = estimateEffects(rows, { biters: 0 });
    expect(r.simple.att).toBeCloseTo(aggregateSimple(panel, res).att, 12);
    expect(r.simple.se).toBeCloseTo(analyticSe(aggregateSimple(panel, res).inf), 12);
    expect(r.simple.ci_low).toBeCloseTo(r.simple.att! - 1.959963984540054 * r.simple.se!, 10);
    expect(r.dynamic_crit_val).toBeCloseTo(1.959963984540054, 10);
  });
});
