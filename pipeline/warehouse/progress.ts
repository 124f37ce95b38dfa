/** Build progress as numbered steps with counts and elapsed time: readable in a terminal and in CI logs. */
export type Log = (line: string) => void;
/**
 * Where the state of the running step goes (its percentage on long steps): a status line that the next one
 * replaces; null clears it. A terminal redraws one line; a log prints now and then (see throttledStatus).
 */
export type Status = (line: string | null) => void;

export interface StepTime {
  label: string;
  ms: number;
}

export interface Step {
  /** the step is `percent` % done (shown on the status line) */
  update(percent: number): void;
  done(detail?: string): void;
}

export interface Progress {
  step(label: string): Step;
  readonly elapsedMs: number;
  /** finished steps with their duration, in order (the benchmark reports where the time goes) */
  readonly steps: readonly StepTime[];
}

export function progress(total: number, log: Log, status: Status = () => {}): Progress {
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
        update(percent: number) {
          status(`${tag} ${label} … ${Math.floor(percent)} % (${fmt(performance.now() - t0)})`);
        },
        done(detail?: string) {
          const t = performance.now();
          steps.push({ label, ms: t - t0 });
          status(null);
          log(`${tag} ${label}${detail ? ` — ${detail}` : ''} (${fmt(t - t0)}, total ${fmt(t - start)})`);
        },
      };
    },
  };
}

export const count = (n: number | bigint) => Number(n).toLocaleString('en-US');

/**
 * A Status for a terminal: the line is redrawn in place (carriage return, erase to the end of the line).
 */
export function terminalStatus(write: (s: string) => void): Status {
  let shown = false;
  return (line) => {
    if (line === null) {
      if (shown) write('\r\x1b[K');
      shown = false;
    } else {
      write(`\r${line}\x1b[K`);
      shown = true;
    }
  };
}

/** A Status for a log file or CI: a status line at most every `everyMs` (the first one after `everyMs` too). */
export function throttledStatus(log: Log, everyMs = 15_000, now: () => number = () => performance.now()): Status {
  let since = now();
  return (line) => {
    if (line === null) {
      since = now();
      return;
    }
    if (now() - since >= everyMs) {
      log(line);
      since = now();
    }
  };
}
