// Naive TWFE beside Callaway–Sant'Anna: fine with one cohort and constant effects, badly biased with staggered
// timing and effects that grow with exposure (Goodman-Bacon 2021), while CS recovers the truth.
import { describe, expect, it } from 'vitest';
import { balancePanel, estimateEffects, preparePanel, twfeDid } from '../../pipeline/effects/index.ts';
import { simulatePanel, weightedTruth } from './effects-helpers.ts';

describe('two-way fixed effects', () => {
  it('is unbiased with a single cohort and a constant effect', () => {
    const spec = { n: 600, times: [1, 2, 3, 4, 5], cohorts: [3, 0], probs: [0.5, 0.5], effect: () => 2, noise: 0.5 };
    const r = estimateEffects(simulatePanel(spec, 21), { biters: 0 });
    expect(Math.abs(r.twfe.att! - 2)).toBeLessThan(3 * r.twfe.se!);
    expect(Math.abs(r.simple.att! - 2)).toBeLessThan(3 * r.simple.se!);
  });

  it('is biased with staggered timing and growing effects; CS is not', () => {
    // 45% treated in 2, 45% in 4, 10% never; effect 1 + 2e at e periods after treatment
    const spec = {
      n: 1000, times: [1, 2, 3, 4, 5, 6], cohorts: [2, 4, 0], probs: [0.45, 0.45, 0.1],
      effect: (_g: number, e: number) => 1 + 2 * e, noise: 0.5,
    };
    const post: [number, number][] = [];
    for (const g of [2, 4]) for (let t = g; t <= 6; t++) post.push([g, t]);
    const truth = weightedTruth(spec, post); // (25 + 9) / 8 = 4.25
    expect(truth).toBeCloseTo(4.25, 12);
    for (const seed of [1, 2, 3]) {
      const r = estimateEffects(simulatePanel(spec, seed), { biters: 0 });
      expect(Math.abs(r.simple.att! - truth)).toBeLessThan(3 * r.simple.se!);
      // TWFE lands far below every ATT(g,t) (all ≥ 1): later-vs-earlier comparisons subtract the effect growth
      expect(r.twfe.att!).toBeLessThan(1);
      expect(Math.abs(r.twfe.att! - truth)).toBeGreaterThan(10 * r.twfe.se!);
    }
  });

  it('matches the dummy-variable regression it stands for (3 periods, hand-sized panel)', () => {
    // with a balanced panel the within estimator equals OLS with unit and period dummies; check the normal
    // equations: residuals are orthogonal to D and sum to zero within every unit and every period
    const spec = { n: 30, times: [1, 2, 3], cohorts: [2, 3, 0], probs: [0.3, 0.3, 0.4], effect: (g: number, e: number) => g + e };
    const panel = preparePanel(balancePanel(simulatePanel(spec, 4)), 'notyettreated');
    const { beta } = twfeDid(panel);
    const T = panel.times.length;
    const d = (t: number, i: number) => (Number.isFinite(panel.cohort[i]) && panel.times[t] >= panel.cohort[i] ? 1 : 0);
    // residual of y − βD on unit and period dummies (two-way demeaning of y − βD)
    const z = panel.y.map((row, t) => Float64Array.from(row, (v, i) => v - beta * d(t, i)));
    const unitMean = Array.from({ length: panel.n }, (_, i) => z.reduce((s, row) => s + row[i], 0) / T);
    const timeMean = z.map((row) => row.reduce((s, v) => s + v, 0) / panel.n);
    const grand = timeMean.reduce((a, b) => a + b) / T;
    let dot = 0;
    z.forEach((row, t) => row.forEach((v, i) => (dot += d(t, i) * (v - unitMean[i] - timeMean[t] + grand))));
    expect(Math.abs(dot)).toBeLessThan(1e-9);
  });
});
