// Monte Carlo: simulated staggered panels with dynamic effects that differ across cohorts. The estimators must
// recover the truth, and 95% intervals must cover it about 95% of the time (pointwise, analytic SEs, over 200
// panels; the simultaneous event-study band with the bootstrap over 60 panels). Seeds are fixed: not flaky.
import { describe, expect, it } from 'vitest';
import { estimateEffects } from '../../pipeline/effects/index.ts';
import type { EffectRow } from '../../pipeline/effects/index.ts';
import { simulatePanel, weightedTruth } from './effects-helpers.ts';
import type { SimSpec } from './effects-helpers.ts';

const spec: SimSpec = {
  n: 300,
  times: [1, 2, 3, 4, 5],
  cohorts: [2, 3, 4, 0],
  probs: [0.2, 0.25, 0.25, 0.3],
  // heterogeneous across cohorts and growing with exposure
  effect: (g, e) => (1 + 0.5 * e) * (g === 2 ? 1 : g === 3 ? 2 : 0.5),
};
const groups = [2, 3, 4];
const cellsOf = (pred: (g: number, t: number) => boolean): [number, number][] =>
  groups.flatMap((g) => spec.times.slice(1).filter((t) => pred(g, t)).map((t) => [g, t] as [number, number]));

const truth = {
  cell: (g: number, t: number) => (t >= g ? spec.effect(g, t - g) : 0),
  simple: weightedTruth(spec, cellsOf((g, t) => t >= g)),
  dynamic: (e: number) => weightedTruth(spec, cellsOf((g, t) => t - g === e)),
  group: (g: number) => {
    const c = cellsOf((h, t) => h === g && t >= g);
    return c.reduce((s, [h, t]) => s + spec.effect(h, t - h), 0) / c.length;
  },
  calendar: (t: number) => weightedTruth(spec, cellsOf((g, s) => s === t && g <= t)),
};
const groupOverall = (() => {
  const p = groups.map((g) => spec.probs[spec.cohorts.indexOf(g)]);
  return groups.reduce((s, g, k) => s + p[k] * truth.group(g), 0) / p.reduce((a, b) => a + b);
})();
const dynOverall = [0, 1, 2, 3].reduce((s, e) => s + truth.dynamic(e), 0) / 4;
const calOverall = [2, 3, 4, 5].reduce((s, t) => s + truth.calendar(t), 0) / 4;

const covers = (r: EffectRow, v: number) => r.ci_low! <= v && v <= r.ci_high!;

describe('coverage of 95% intervals over 200 simulated panels (analytic SEs)', () => {
  const hits: Record<string, number[]> = {};
  const bias: Record<string, number[]> = {};
  const hit = (key: string, r: EffectRow, v: number) => {
    (hits[key] ??= []).push(covers(r, v) ? 1 : 0);
    (bias[key] ??= []).push(r.att! - v);
  };
  for (let s = 0; s < 200; s++) {
    const r = estimateEffects(simulatePanel(spec, 1000 + s), { biters: 0 });
    for (const c of r.att_gt) hit('att_gt', c, truth.cell(c.group, c.time));
    hit('simple', r.simple, truth.simple);
    for (const d of r.dynamic) hit(`dynamic e=${d.e}`, d, truth.dynamic(d.e));
    hit('dynamic overall', r.dynamic_overall, dynOverall);
    for (const g of r.group) hit(`group ${g.group}`, g, truth.group(g.group));
    hit('group overall', r.group_overall, groupOverall);
    for (const c of r.calendar) hit(`calendar ${c.time}`, c, truth.calendar(c.time));
    hit('calendar overall', r.calendar_overall, calOverall);
  }
  const rate = (k: string) => hits[k].reduce((a, b) => a + b) / hits[k].length;

  it('sanity: the truth has heterogeneous, dynamic effects', () => {
    expect(truth.dynamic(0)).not.toBeCloseTo(truth.dynamic(2), 1);
    expect(truth.group(2)).not.toBeCloseTo(truth.group(3), 1);
    expect(Object.keys(hits)).toHaveLength(1 + 1 + 6 + 1 + 3 + 1 + 4 + 1) // event times −2…3;
  });

  it('ATT(g,t) (all 12 cells pooled, pre-treatment cells have truth 0)', () => {
    expect(rate('att_gt')).toBeGreaterThan(0.93);
    expect(rate('att_gt')).toBeLessThan(0.97);
  });

  it('every aggregate: coverage in [0.9, 0.99] and mean error within 3 Monte Carlo SEs', () => {
    for (const key of Object.keys(hits)) {
      expect(rate(key), key).toBeGreaterThanOrEqual(0.9);
      expect(rate(key), key).toBeLessThanOrEqual(0.99);
      const b = bias[key];
      const m = b.reduce((a, x) => a + x) / b.length;
      const sd = Math.sqrt(b.reduce((a, x) => a + (x - m) ** 2, 0) / (b.length - 1));
      expect(Math.abs(m), key).toBeLessThan((3 * sd) / Math.sqrt(b.length));
    }
  });
});

describe('bootstrap simultaneous band for the event study', () => {
  it('covers the whole event-study path in ≥ 90% of 60 panels; pointwise intervals are narrower', () => {
    let joint = 0;
    let pointwiseJoint = 0;
    for (let s = 0; s < 60; s++) {
      const r = estimateEffects(simulatePanel(spec, 5000 + s), { biters: 499, seed: s });
      if (r.dynamic.every((d) => covers(d, truth.dynamic(d.e)))) joint++;
      const z = 1.959963984540054;
      if (r.dynamic.every((d) => Math.abs(d.att! - truth.dynamic(d.e)) <= z * d.se!)) pointwiseJoint++;
      expect(r.dynamic_crit_val).toBeGreaterThan(z);
    }
    expect(joint / 60).toBeGreaterThanOrEqual(0.9);
    expect(pointwiseJoint).toBeLessThan(joint);
  });
});
