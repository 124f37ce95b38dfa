/** Build progress as numbered steps with counts and elapsed time: readable in a terminal and in CI logs. */
export type Log = (line: string) => void;

export interface StepTime {
  label: string;
  ms: number;
}

export interface Progress {
  step(label: string): { done(detail?: string): void };
  readonly elapsedMs: number;
  /** finished steps with their duration, in order (the benchmark reports where the time goes) */
  readonly steps: readonly StepTime[];
}

export function progress(total: number, log: Log): Progress {
  const start = performance.now();
  let n = 0;
  const steps: StepTime[] = [];
  const fmt = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
  return {
    get elapsedMs() {
      return performance.now() - start;
    },
    steps,
    step(label: string) {
      const t0 = performance.now();
      n += 1;
      const tag = `[${String(n).padStart(String(total).length)}/${total}]`;
      return {
        done(detail?: string) {
          const t = performance.now();
          steps.push({ label, ms: t - t0 });
          log(`${tag} ${label}${detail ? ` — ${detail}` : ''} (${fmt(t - t0)}, total ${fmt(t - start)})`);
        },
      };
    },
  };
}

export const count = (n: number | bigint) => Number(n).toLocaleString('en-US');
