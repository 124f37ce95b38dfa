// The optimiser on the sample warehouse, checked by the simulator: its proposal, applied as a plan by the simulator
// engine, reproduces the objective it reported (staffing gap, largest unit EJ, Hoover index from the simulated staff),
// carries no rule warning (only the positive "overdue for rotation" signal), and is never worse than greedy.
import loadHighs, { type Highs } from 'highs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStateFromFile } from '../../pipeline/sim-state/duckdb.ts';
import { Simulator, type SimState } from '../../pipeline/simulate/index.ts';
import { optimize } from '../../pipeline/optimize/optimize.ts';
import { inputFromSimState, toSimPlan } from '../../pipeline/optimize/sim-bridge.ts';
import type { Objective } from '../../pipeline/optimize/types.ts';
import { buildSampleWarehouse, type SampleWarehouse } from './sample-warehouse.ts';

let w: SampleWarehouse;
let state: SimState;
let highs: Highs;
beforeAll(async () => {
  w = buildSampleWarehouse();
  state = await loadStateFromFile(w.db, null);
  highs = await loadHighs();
});
afterAll(() => w?.cleanup());

/** The objective read from the simulator's after view (all regions). */
function simulatedObjective(sim: Simulator, objective: Objective): number {
  const snap = sim.snapshot();
  const all = snap.position.indices.length - 1;
  if (objective === 'gap') return snap.position.indices[all]!.staffing_gap;
  const u = snap.unit;
  if (objective === 'max-ej') {
    let mx = 0;
    for (let i = 0; i < u.ej.length; i++) if (u.workload[i]! > 0 && u.staff[i]! > 0 && u.ej[i]! > mx) mx = u.ej[i]!;
    return mx;
  }
  let S = 0, R = 0, d = 0;
  for (let i = 0; i < u.staff.length; i++) {
    S += u.staff[i]!;
    R += u.required[i]!;
  }
  for (let i = 0; i < u.staff.length; i++) d += Math.abs(u.staff[i]! - (u.required[i]! * S) / R);
  return d / (2 * S);
}

describe('optimiser proposal replayed in the simulator', () => {
  for (const objective of ['gap', 'gini', 'max-ej'] as const) {
    it(`${objective}: same objective, no rule warning, at least as good as greedy`, () => {
      const input = inputFromSimState(state);
      const r = optimize(highs, input, {
        objective,
        maxMoves: 15,
        effectiveDate: input.month,
        timeLimitSeconds: objective === 'max-ej' ? 20 : 60,
      });
      expect(r.exact.moves.length).toBeGreaterThan(0);
      expect(r.exact.objectiveAfter).toBeLessThan(r.exact.objectiveBefore);
      expect(r.exact.objectiveAfter).toBeLessThanOrEqual(r.greedy.objectiveAfter + 15 * 1e-6);
      for (const plan of [r.exact, r.greedy]) {
        const sim = new Simulator(state);
        expect(simulatedObjective(sim, objective)).toBeCloseTo(plan.objectiveBefore, 9);
        sim.applyPlan(toSimPlan(plan.moves, state.month));
        expect(simulatedObjective(sim, objective)).toBeCloseTo(plan.objectiveAfter, 9);
        const warnings = sim.warnings.flat().filter((x) => x.kind === 'warning');
        expect(warnings.map((x) => x.code)).toEqual([]);
      }
    });
  }
});
