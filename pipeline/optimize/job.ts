/**
 * One optimisation run as a stream of messages: what the "Usulkan rotasi" Web Worker does (dashboard/src/lib/
 * optimize/optimize.worker.ts is only the wiring), kept here so Node tests run exactly the same code. Progress
 * (incumbent and bound as they improve, at most every `throttleMs`), the best plan so far as a simulator plan each
 * time it improves (so a cancelled run still leaves a plan), then the result. Cancel: `shouldStop()` (a flag the
 * page shares when the browser allows shared memory), or the page terminates the worker and keeps the last plan.
 */
import type { Highs } from 'highs';
import type { MoveChange, SimState } from '../simulate/types.ts';
import { optimize, OptimizeError } from './optimize.ts';
import { inputFromSimState, toSimPlan } from './sim-bridge.ts';
import type { OptimizeOptions, OptimizeResult, OptMove } from './types.ts';

/** The options the page sets; the moves take effect on the first day of the state month. */
export type JobOptions = Omit<OptimizeOptions, 'effectiveDate'>;

export type JobMessage =
  | { type: 'progress'; phase: 'greedy' | 'exact'; seconds: number; incumbent: number | null; bound: number | null; gap: number | null }
  | { type: 'incumbent'; phase: 'greedy' | 'exact'; objectiveAfter: number; moves: OptMove[]; plan: MoveChange[] }
  | { type: 'done'; result: OptimizeResult; plan: MoveChange[] }
  | { type: 'error'; message: string };

export function runJob(
  highs: Highs,
  state: SimState,
  options: JobOptions,
  post: (m: JobMessage) => void,
  shouldStop: () => boolean = () => false,
  throttleMs = 200,
): void {
  try {
    const input = inputFromSimState(state);
    let last = -Infinity;
    const result = optimize(
      highs,
      input,
      { ...options, effectiveDate: input.month },
      {
        shouldStop,
        onProgress: (p) => {
          const now = performance.now();
          if (now - last < throttleMs && p.phase === 'exact') return;
          last = now;
          post({ type: 'progress', phase: p.phase, seconds: p.seconds, incumbent: p.incumbent, bound: p.bound, gap: p.gap });
        },
        onIncumbent: (moves, objectiveAfter, phase) => post({ type: 'incumbent', phase, objectiveAfter, moves, plan: toSimPlan(moves, state.month) }),
      },
    );
    post({ type: 'done', result, plan: toSimPlan(result.exact.moves, state.month) });
  } catch (e) {
    post({ type: 'error', message: e instanceof OptimizeError ? e.message : String((e as Error)?.message ?? e) });
  }
}
