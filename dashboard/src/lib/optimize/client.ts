/**
 * The page's side of the "Usulkan rotasi" worker: start a run, receive progress (incumbent and bound) and the best
 * plan so far, cancel. Cancelling keeps the last plan received (the worker is terminated; HiGHS has no other way to
 * be stopped from outside unless the page is cross-origin isolated, when a shared flag stops it cleanly).
 */
import type { JobMessage, JobOptions } from '#optimize/job.ts';
import type { SimState, MoveChange } from '#simulate/types.ts';
import type { OptimizeResult } from '#optimize/types.ts';

export interface ProposalHandlers {
  onProgress(p: Extract<JobMessage, { type: 'progress' }>): void;
  onIncumbent(p: Extract<JobMessage, { type: 'incumbent' }>): void;
  onDone(result: OptimizeResult, plan: MoveChange[]): void;
  onError(message: string): void;
}

export interface ProposalRun {
  /** stop now; resolves with the best plan received so far (null when none yet) */
  cancel(): MoveChange[] | null;
}

export function proposeRotation(state: SimState, options: JobOptions, h: ProposalHandlers): ProposalRun {
  const worker = new Worker(new URL('./optimize.worker.ts', import.meta.url), { type: 'module' });
  let best: MoveChange[] | null = null;
  let finished = false;
  const stop = typeof SharedArrayBuffer !== 'undefined' && globalThis.crossOriginIsolated ? new SharedArrayBuffer(4) : undefined;
  worker.onmessage = (e: MessageEvent<JobMessage>) => {
    const m = e.data;
    if (m.type === 'progress') h.onProgress(m);
    else if (m.type === 'incumbent') {
      best = m.plan;
      h.onIncumbent(m);
    } else if (m.type === 'done') {
      finished = true;
      worker.terminate();
      h.onDone(m.result, m.plan);
    } else {
      finished = true;
      worker.terminate();
      h.onError(m.message);
    }
  };
  worker.onerror = (e) => {
    finished = true;
    worker.terminate();
    h.onError(e.message || 'worker error');
  };
  worker.postMessage({ state, options, stop });
  return {
    cancel() {
      if (!finished) {
        finished = true;
        if (stop) Atomics.store(new Int32Array(stop), 0, 1);
        worker.terminate();
      }
      return best;
    },
  };
}
