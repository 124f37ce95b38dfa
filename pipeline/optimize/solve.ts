/**
 * Runs a built model in HiGHS (WebAssembly: the same code in Node and in a browser Web Worker). Reports the status,
 * the incumbent, the best proven bound and the relative gap; streams progress (incumbent and bound as they improve)
 * and stops when `shouldStop()` says so (the Cancel button) or at the time limit, keeping the best plan found.
 */
import type { Highs } from 'highs';
import type { BuiltModel } from './model.ts';
import type { SolveStatus } from './types.ts';

export interface SolveProgress {
  seconds: number;
  /** best plan's objective so far (null before the first) */
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

export interface SolveOptions {
  timeLimitSeconds?: number;
  mipRelGap?: number;
  /** a feasible starting plan (column vector), e.g. the greedy plan, so a time limit never returns less */
  start?: Float64Array;
  onProgress?: (p: SolveProgress) => void;
  /** each improving solution (column vector), e.g. to keep the best plan so far when the solve is cancelled */
  onSolution?: (colValue: Float64Array, objective: number) => void;
  shouldStop?: () => boolean;
}

export interface SolveOutcome {
  status: SolveStatus | 'infeasible' | 'error';
  colValue: Float64Array | null;
  objective: number;
  bound: number;
  gap: number;
  seconds: number;
}

export function solveModel(highs: Highs, built: BuiltModel, o: SolveOptions = {}): SolveOutcome {
  const t0 = performance.now();
  // nobody may move: the model is a constant (HiGHS has nothing to solve and keeps no solution)
  if (built.data.numCols === 0) {
    const offset = built.data.offset ?? 0;
    return { status: 'optimal', colValue: new Float64Array(0), objective: offset, bound: offset, gap: 0, seconds: (performance.now() - t0) / 1000 };
  }
  const model = highs.createModel(built.data);
  try {
    model.options.set({
      output_flag: false,
      time_limit: o.timeLimitSeconds ?? 60,
      mip_rel_gap: o.mipRelGap ?? 0.001,
      random_seed: 1,
    });
    if (o.start && built.data.numCols > 0) {
      // a start is a help, not a need: HiGHS refuses one it cannot use (e.g. when presolve empties the model)
      try {
        model.setSolution({ colValue: o.start });
      } catch {
        /* solve without it */
      }
    }
    const cb = highs.constants.callbackType;
    const report = (d: { running_time?: number; mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number }) => {
      const inc = d.mip_primal_bound;
      o.onProgress?.({
        seconds: d.running_time ?? (performance.now() - t0) / 1000,
        incumbent: inc !== undefined && Number.isFinite(inc) && Math.abs(inc) < 1e29 ? inc : null,
        bound: d.mip_dual_bound !== undefined && Number.isFinite(d.mip_dual_bound) && Math.abs(d.mip_dual_bound) < 1e29 ? d.mip_dual_bound : null,
        gap: d.mip_gap !== undefined && Number.isFinite(d.mip_gap) ? d.mip_gap : null,
      });
    };
    model.run({
      [cb.mipImprovingSolution](e) {
        report(e.data);
        if (o.onSolution && e.data.mip_solution) o.onSolution(e.data.mip_solution, e.data.objective_function_value ?? NaN);
      },
      [cb.mipInterrupt](e) {
        if (o.shouldStop?.()) e.interrupt();
      },
      [cb.mipLogging](e) {
        report(e.data);
      },
    });
    const ms = highs.constants.modelStatus;
    const code = model.getModelStatus();
    const seconds = (performance.now() - t0) / 1000;
    if (code === ms.infeasible) return { status: 'infeasible', colValue: null, objective: NaN, bound: NaN, gap: NaN, seconds };
    const status: SolveOutcome['status'] =
      code === ms.optimal || code === ms.empty ? 'optimal'
      : code === ms.timeLimit ? 'time_limit'
      : code === ms.interrupted ? 'interrupted'
      : code === ms.objectiveBound || code === ms.objectiveTarget || code === ms.solutionLimit ? 'gap_limit'
      : 'error';
    const sol = model.getSolution();
    const hasSolution = sol.colValue.length === built.data.numCols && Number(model.info.get('primal_solution_status')) === 2;
    const objective = Number(model.info.get('objective_function_value'));
    let bound = Number(model.info.get('mip_dual_bound'));
    let gap = Number(model.info.get('mip_gap'));
    if (status === 'optimal' && !Number.isFinite(bound)) bound = objective;
    if (!Number.isFinite(gap)) gap = status === 'optimal' ? 0 : Infinity;
    return { status: hasSolution ? status : status === 'optimal' ? 'error' : status, colValue: hasSolution ? Float64Array.from(sol.colValue) : null, objective, bound, gap, seconds };
  } finally {
    model.dispose();
  }
}
