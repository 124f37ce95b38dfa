// Shared fixtures for the effects tests: hand-checked small panels and a seeded panel simulator.
import { makeRng } from '../../pipeline/effects/index.ts';
import type { PanelRow } from '../../pipeline/effects/index.ts';

/** Rows of a wide table: one entry per unit, outcomes listed by period. */
export function rowsFromWide(times: number[], units: { id: string | number; cohort: number; y: number[] }[]): PanelRow[] {
  return units.flatMap((u) => times.map((t, k) => ({ id: u.id, time: t, cohort: u.cohort, y: u.y[k] })));
}

/**
 * 2×2: periods 1, 2; five units first treated in 2, five never treated.
 * ΔY treated = 1, 2, 3, 4, 5 (mean 3); ΔY controls = 0, 1, 0, 1, 3 (mean 1). DiD = 2.
 */
export const TWO_BY_TWO = rowsFromWide(
  [1, 2],
  [
    { id: 't1', cohort: 2, y: [10, 11] },
    { id: 't2', cohort: 2, y: [20, 22] },
    { id: 't3', cohort: 2, y: [5, 8] },
    { id: 't4', cohort: 2, y: [0, 4] },
    { id: 't5', cohort: 2, y: [1, 6] },
    { id: 'c1', cohort: 0, y: [7, 7] },
    { id: 'c2', cohort: 0, y: [3, 4] },
    { id: 'c3', cohort: 0, y: [2, 2] },
    { id: 'c4', cohort: 0, y: [9, 10] },
    { id: 'c5', cohort: 0, y: [4, 7] },
  ],
);

/**
 * Three periods, cohorts 2 and 3 and never treated, five units each (ids a*, b*, c*):
 *   cohort 2: y1 = 0, y2 = 2 3 4 3 3, y3 = 5 6 5 4 5
 *   cohort 3: y1 = 1, y2 = 3,         y3 = 5 7 5 7 6
 *   never:    y1 = 0, y2 = 1 0 1 0 3, y3 = 1
 */
export const THREE_PERIODS = rowsFromWide(
  [1, 2, 3],
  [
    { id: 'a1', cohort: 2, y: [0, 2, 5] },
    { id: 'a2', cohort: 2, y: [0, 3, 6] },
    { id: 'a3', cohort: 2, y: [0, 4, 5] },
    { id: 'a4', cohort: 2, y: [0, 3, 4] },
    { id: 'a5', cohort: 2, y: [0, 3, 5] },
    { id: 'b1', cohort: 3, y: [1, 3, 5] },
    { id: 'b2', cohort: 3, y: [1, 3, 7] },
    { id: 'b3', cohort: 3, y: [1, 3, 5] },
    { id: 'b4', cohort: 3, y: [1, 3, 7] },
    { id: 'b5', cohort: 3, y: [1, 3, 6] },
    { id: 'c1', cohort: 0, y: [0, 1, 1] },
    { id: 'c2', cohort: 0, y: [0, 0, 1] },
    { id: 'c3', cohort: 0, y: [0, 1, 1] },
    { id: 'c4', cohort: 0, y: [0, 0, 1] },
    { id: 'c5', cohort: 0, y: [0, 3, 1] },
  ],
);

/** Seeded uniform and normal draws. */
export function rand(seed: number): { unif: () => number; norm: () => number; pick: <T>(items: T[], probs: number[]) => T } {
  const next = makeRng(seed);
  const unif = () => (next() + 0.5) / 4294967296;
  let spare: number | null = null;
  const norm = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u = unif();
    const v = unif();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const pick = <T,>(items: T[], probs: number[]) => {
    let u = unif();
    for (let k = 0; k < items.length; k++) {
      u -= probs[k];
      if (u <= 0) return items[k];
    }
    return items[items.length - 1];
  };
  return { unif, norm, pick };
}

export interface SimSpec {
  n: number;
  times: number[];
  /** cohort values (0 = never) and their population probabilities */
  cohorts: number[];
  probs: number[];
  /** average effect of cohort g at event time e ≥ 0 */
  effect: (g: number, e: number) => number;
  noise?: number;
}

/**
 * y_it = α_i + λ_t + g/10 + 1{t ≥ g} (τ(g, t − g) + η_i) + ε_it with α_i, η_i, ε_it normal (η_i mean 0),
 * so parallel trends hold and ATT(g,t) = τ(g, t − g).
 */
export function simulatePanel(spec: SimSpec, seed: number): PanelRow[] {
  const r = rand(seed);
  const lambda = spec.times.map((t) => 0.3 * t + r.norm());
  const rows: PanelRow[] = [];
  const sd = spec.noise ?? 1;
  for (let i = 0; i < spec.n; i++) {
    const g = r.pick(spec.cohorts, spec.probs);
    const alpha = r.norm() + (g === 0 ? 0 : g / 10);
    const eta = 0.5 * r.norm();
    spec.times.forEach((t, k) => {
      const treated = g !== 0 && t >= g;
      const y = alpha + lambda[k] + (treated ? spec.effect(g, t - g) + eta : 0) + sd * r.norm();
      rows.push({ id: i, time: t, cohort: g, y });
    });
  }
  return rows;
}

/** Population-weighted truth of an aggregation over cells (g, t) with t ≥ second period. */
export function weightedTruth(spec: SimSpec, cells: [number, number][]): number {
  let num = 0;
  let den = 0;
  for (const [g, t] of cells) {
    const p = spec.probs[spec.cohorts.indexOf(g)];
    num += p * (t >= g ? spec.effect(g, t - g) : 0);
    den += p;
  }
  return num / den;
}
