/// <reference lib="webworker" />
/**
 * The "Usulkan rotasi" Web Worker: HiGHS (WebAssembly) runs here, never on the page's thread, so the page never
 * freezes. The run itself is pipeline/optimize/job.ts (tested in Node); this file only loads HiGHS from the bundled
 * wasm and passes messages. Cancel: a shared stop flag when the page is cross-origin isolated, else the page
 * terminates this worker and keeps the last plan it received.
 */
import loadHighs, { type Highs } from 'highs';
import wasmUrl from 'highs/runtime?url';
import { runJob, type JobOptions } from '#optimize/job.ts';
import type { SimState } from '#simulate/types.ts';

export interface WorkerRequest {
  state: SimState;
  options: JobOptions;
  /** Int32 flag: 1 = stop (SharedArrayBuffer, only when crossOriginIsolated) */
  stop?: SharedArrayBuffer;
}

let highs: Promise<Highs> | null = null;

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  try {
    highs ??= loadHighs({ locateFile: () => wasmUrl });
    const h = await highs;
    const flag = e.data.stop ? new Int32Array(e.data.stop) : null;
    runJob(h, e.data.state, e.data.options, (m) => self.postMessage(m), () => (flag ? Atomics.load(flag, 0) === 1 : false));
  } catch (err) {
    self.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
