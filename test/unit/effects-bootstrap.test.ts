// Multiplier bootstrap (did::mboot): multipliers, IQR-based SEs close to the analytic SEs, sup-t critical
// values, reproducibility; plus the distribution helpers it relies on.
import { describe, expect, it } from 'vitest';
import {
  aggregateCalendar, aggregateDynamic, aggregateGroup, aggregateSimple, attGtDraws, balancePanel, bootstrapSe,
  computeAttGt, estimateDraws, estimateEffects, fillMultipliers, makeRng, MAMMEN, multiplierDraws, pchisqUpper, pnorm,
  preparePanel, qnorm, quantileType1, supTCritical,
} from '../../pipeline/effects/index.ts';
import { rand, simulatePanel } from './effects-helpers.ts';
import type { PanelRow } from '../../pipeline/effects/index.ts';

describe('distribution helpers', () => {
  it('normal and chi-square functions', () => {
    expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(qnorm(0.75)).toBeCloseTo(0.6744897501960817, 12);
    expect(qnorm(0.025)).toBeCloseTo(-1.959963984540054, 12);
    expect(qnorm(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(pnorm(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(pnorm(-8)).toBeCloseTo(6.22096057427178e-16, 25);
    expect(pchisqUpper(3.841458820694124, 1)).toBeCloseTo(0.05, 12);
    expect(pchisqUpper(11.070497693516351, 5)).toBeCloseTo(0.05, 12);
    expect(pchisqUpper(9.487729036781154, 4)).toBeCloseTo(0.05, 12);
  });

  it("quantile type 1 is R's inverse empirical CDF: x_(⌈np⌉)", () => {
    const x = Float64Array.from({ length: 10 }, (_, k) => k + 1);
    expect(quantileType1(x, 0.25)).toBe(3);
    expect(quantileType1(x, 0.5)).toBe(5);
    expect(quantileType1(x, 0.75)).toBe(8);
    expect(quantileType1(x, 0.95)).toBe(10);
    const y = Float64Array.from({ length: 1000 }, (_, k) => k + 1);
    expect(quantileType1(y, 0.95)).toBe(950);
    expect(quantileType1(y, 0.75)).toBe(750);
  });
});

describe('multipliers', () => {
  it('Rademacher: ±1 with equal frequency', () => {
    const v = new Float64Array(200_000);
    fillMultipliers(v, makeRng(5), 'rademacher');
    expect(v.every((x) => x === 1 || x === -1)).toBe(true);
    expect(Math.abs(v.reduce((a, b) => a + b) / v.length)).toBeLessThan(0.01);
  });

  it('Mammen: mean 0, variance 1, third moment 1', () => {
    const v = new Float64Array(400_000);
    fillMultipliers(v, makeRng(6), 'mammen');
    const m = (p: number) => v.reduce((a, x) => a + x ** p, 0) / v.length;
    expect(MAMMEN.pLow * MAMMEN.low + (1 - MAMMEN.pLow) * MAMMEN.high).toBeCloseTo(0, 14);
    expect(Math.abs(m(1))).toBeLessThan(0.01);
    expect(m(2)).toBeCloseTo(1, 1);
    expect(m(3)).toBeCloseTo(1, 1);
  });
});

describe('bootstrap inference', () => {
  const spec = {
    n: 500, times: [1, 2, 3, 4, 5], cohorts: [2, 3, 4, 0], probs: [0.2, 0.2, 0.2, 0.4],
    effect: (g: number, e: number) => (g - 1) * (1 + e) * 0.3,
  };
  const rows = simulatePanel(spec, 8);

  it.each(['rademacher', 'mammen'] as const)('%s bootstrap SEs are close to the analytic SEs', (weights) => {
    const r = estimateEffects(rows, { biters: 2000, seed: 3, weights });
    const all = [...r.att_gt, r.simple, ...r.dynamic, r.dynamic_overall, ...r.group, r.group_overall, ...r.calendar, r.calendar_overall];
    for (const e of all) {
      expect(e.se! / e.se_analytic!).toBeGreaterThan(0.85);
      expect(e.se! / e.se_analytic!).toBeLessThan(1.15);
    }
    const ratios = all.map((e) => e.se! / e.se_analytic!);
    expect(Math.abs(ratios.reduce((a, b) => a + b) / ratios.length - 1)).toBeLessThan(0.04);
  });

  it('analyticAggregates: false leaves out only the aggregates\' analytic SEs', () => {
    const opts = { biters: 299, seed: 5, control: 'notyettreated' as const };
    const full = estimateEffects(rows, opts);
    const lean = estimateEffects(rows, { ...opts, analyticAggregates: false });
    const aggregates = (r: typeof full) => [r.simple, ...r.dynamic, r.dynamic_overall, ...r.group, r.group_overall, ...r.calendar, r.calendar_overall];
    expect(aggregates(full).every((e) => e.se_analytic !== null)).toBe(true);
    expect(aggregates(lean).every((e) => e.se_analytic === null)).toBe(true);
    // everything else is the same, the cells' analytic SEs included (their NA decides did's NA)
    const blank = (r: typeof full) => ({
      ...r, simple: { ...r.simple, se_analytic: null }, dynamic_overall: { ...r.dynamic_overall, se_analytic: null },
      group_overall: { ...r.group_overall, se_analytic: null }, calendar_overall: { ...r.calendar_overall, se_analytic: null },
      dynamic: r.dynamic.map((e) => ({ ...e, se_analytic: null })), group: r.group.map((e) => ({ ...e, se_analytic: null })),
      calendar: r.calendar.map((e) => ({ ...e, se_analytic: null })),
    });
    expect(lean).toEqual(blank(full));
    expect(lean.att_gt.some((c) => c.se_analytic !== null)).toBe(true);
    // without the bootstrap the analytic SE is the SE: the option does not apply
    expect(estimateEffects(rows, { biters: 0, analyticAggregates: false }).simple.se_analytic).not.toBeNull();
  });

  it.each(['nevertreated', 'notyettreated'] as const)(
    'fast draws (cohort sums) equal the generic bootstrap of the dense influence functions (%s)',
    (control) => {
      const panel = preparePanel(balancePanel(rows), control);
      const res = computeAttGt(panel);
      const ests = [
        aggregateSimple(panel, res),
        ...aggregateDynamic(panel, res).items,
        aggregateDynamic(panel, res).overall,
        ...aggregateGroup(panel, res).items,
        aggregateGroup(panel, res).overall,
        ...aggregateCalendar(panel, res).items,
        aggregateCalendar(panel, res).overall,
      ];
      for (const weights of ['rademacher', 'mammen'] as const) {
        const fast = attGtDraws(panel, res, { biters: 40, seed: 5, weights });
        const slow = multiplierDraws([...res.inf, ...ests.map((e) => e.inf)], { biters: 40, seed: 5, weights });
        const same = (a: Float64Array, b: Float64Array) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 9));
        res.inf.forEach((_, k) => same(fast.cells[k], slow.draws[k]));
        ests.forEach((e, j) => same(estimateDraws(e, fast), slow.draws[res.inf.length + j]));
      }
    },
  );

  it('the multipliers kept from the last panel are reused only for the same seed, draws, kind and blocks', () => {
    // attGtDraws keeps the last block codes (bootstrap.ts blockCodes): one after the other, panels and options
    // that share some of these but not all, each against the generic bootstrap
    const r = rand(12);
    const panelOf = (sizes: [number, number][]) => {
      const rs: PanelRow[] = [];
      let id = 0;
      for (const [g, k] of sizes) {
        for (let u = 0; u < k; u++, id++) for (const t of [1, 2, 3, 4]) rs.push({ id, time: t, cohort: g, y: 40 + t + (g > 0 && t >= g ? 1 : 0) + r.norm() });
      }
      const panel = preparePanel(balancePanel(rs), 'notyettreated');
      return { panel, res: computeAttGt(panel) };
    };
    const a = panelOf([[2, 12], [3, 20], [0, 30]]);
    const b = panelOf([[2, 20], [3, 12], [0, 30]]); // as many units, other blocks
    const c = panelOf([[2, 12], [3, 20], [0, 30]]); // the same blocks as a, other outcomes
    const runs: [typeof a, number, number, 'rademacher' | 'mammen'][] = [
      [a, 40, 1, 'rademacher'], [a, 40, 1, 'rademacher'], [b, 40, 1, 'rademacher'], [c, 40, 1, 'rademacher'],
      [c, 40, 2, 'rademacher'], [c, 41, 2, 'rademacher'], [c, 41, 2, 'mammen'], [a, 40, 1, 'rademacher'],
    ];
    for (const [{ panel, res }, biters, seed, weights] of runs) {
      const fast = attGtDraws(panel, res, { biters, seed, weights });
      const slow = multiplierDraws(res.inf, { biters, seed, weights });
      res.inf.forEach((_, k) => fast.cells[k].forEach((v, i) => expect(v).toBeCloseTo(slow.draws[k][i], 9)));
    }
  });

  it('fast draws equal the generic bootstrap for classes of every size around the lookup blocks (1 … 33 units)', () => {
    // attGtDraws tabulates blocks of 8 units of one class and reads the Rademacher multipliers as bits of 32-bit
    // words: classes of 1, 7, 8, 9 and 33 units put blocks across word boundaries and leave short last blocks
    const sizes: [number, number][] = [[2, 9], [3, 1], [4, 33], [5, 7], [0, 8]];
    const r = rand(11);
    const small: PanelRow[] = [];
    let id = 0;
    for (const [g, k] of sizes) {
      for (let u = 0; u < k; u++, id++) for (const t of [1, 2, 3, 4, 5]) small.push({ id, time: t, cohort: g, y: 50 + t + (g > 0 && t >= g ? 2 : 0) + r.norm() });
    }
    const panel = preparePanel(balancePanel(small), 'notyettreated');
    const res = computeAttGt(panel);
    for (const weights of ['rademacher', 'mammen'] as const) {
      const fast = attGtDraws(panel, res, { biters: 33, seed: 9, weights });
      const slow = multiplierDraws(res.inf, { biters: 33, seed: 9, weights });
      res.inf.forEach((_, k) => fast.cells[k].forEach((v, b) => expect(v).toBeCloseTo(slow.draws[k][b], 9)));
    }
  });

  it('is reproducible with a seed and changes with it', () => {
    const a = estimateEffects(rows, { biters: 200, seed: 1 });
    const b = estimateEffects(rows, { biters: 200, seed: 1 });
    const c = estimateEffects(rows, { biters: 200, seed: 2 });
    expect(a).toEqual(b);
    expect(a.simple.se).not.toBe(c.simple.se);
    expect(a.simple.se_analytic).toBe(c.simple.se_analytic);
  });

  it('simultaneous critical value lies between the pointwise and the Bonferroni value', () => {
    const r = estimateEffects(rows, { biters: 2000, seed: 4 });
    const k = r.dynamic.length;
    expect(r.dynamic_crit_val).toBeGreaterThan(1.96);
    expect(r.dynamic_crit_val).toBeLessThan(qnorm(1 - 0.025 / k) + 0.1);
    expect(r.att_gt_crit_val).toBeGreaterThan(r.dynamic_crit_val - 0.2);
    const e = r.dynamic[0];
    expect(e.ci_high! - e.att!).toBeCloseTo(r.dynamic_crit_val * e.se!, 12);
    // overall and simple intervals stay pointwise
    expect(r.simple.ci_high! - r.simple.att!).toBeCloseTo(qnorm(0.975) * r.simple.se!, 12);
  });

  it('sup-t over one column is the pointwise two-sided quantile; over independent columns it is Šidák-like', () => {
    const r = rand(12);
    const n = 400;
    const cols = Array.from({ length: 6 }, () => Float64Array.from({ length: n }, () => r.norm()));
    const d = multiplierDraws(cols, { biters: 20_000, seed: 9 });
    expect(supTCritical([d.draws[0]])).toBeCloseTo(1.96, 1);
    // six independent columns: Šidák 1 − (0.95)^(1/6) → qnorm(1 − 0.00851/2) = 2.63
    expect(supTCritical(d.draws)).toBeCloseTo(2.63, 1);
    // SE of a mean of N(0,1) draws: about 1/sqrt(n)
    expect(bootstrapSe(d.draws[0], n, n) * Math.sqrt(n)).toBeCloseTo(1, 1);
  });

  it('clustered bootstrap sums the influence function within clusters', () => {
    // duplicating every unit and clustering the copies together gives the same SE as the original
    const r = rand(13);
    const base = Float64Array.from({ length: 300 }, () => r.norm());
    const doubled = Float64Array.from({ length: 600 }, (_, i) => base[i >> 1]);
    const cluster = Int32Array.from({ length: 600 }, (_, i) => i >> 1);
    const a = multiplierDraws([base], { biters: 1000, seed: 2 });
    const b = multiplierDraws([doubled], { biters: 1000, seed: 2, cluster });
    // same multipliers per cluster; IF sums are 2× over twice the units → SE identical scale for the mean
    expect(bootstrapSe(b.draws[0], 600, b.nClusters)).toBeCloseTo(bootstrapSe(a.draws[0], 300, 300), 12);
  });
});
