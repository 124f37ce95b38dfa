import { describe, expect, it } from 'vitest';
import { progress, terminalStatus, throttledStatus } from '../../pipeline/warehouse/progress.ts';

describe('build progress', () => {
  it('a long step shows its percentage on the status line, which the finished step clears', () => {
    const logged: string[] = [];
    const shown: (string | null)[] = [];
    const p = progress(12, (l) => logged.push(l), (l) => shown.push(l));
    const s = p.step('staging/stg_performance');
    s.update(41.7);
    s.update(100);
    s.done('3,600,000 rows');
    expect(shown[0]).toMatch(/^\[ 1\/12\] staging\/stg_performance … 41 % \(\d+ ms\)$/);
    expect(shown[1]).toContain('… 100 %');
    expect(shown.at(-1)).toBeNull();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^\[ 1\/12\] staging\/stg_performance — 3,600,000 rows \(\d+ ms, total \d+ ms\)$/);
    expect(p.steps.map((x) => x.label)).toEqual(['staging/stg_performance']);
  });

  it('in a terminal the status line is redrawn in place and erased before the next line', () => {
    let out = '';
    const status = terminalStatus((s) => (out += s));
    status(null); // nothing shown yet: nothing to erase
    status('[1/2] a … 10 %');
    status('[1/2] a … 20 %');
    status(null);
    expect(out).toBe('\r[1/2] a … 10 %\x1b[K\r[1/2] a … 20 %\x1b[K\r\x1b[K');
  });

  it('in a log the status is printed at most every interval, counted from the start of each step', () => {
    let t = 0;
    const logged: string[] = [];
    const status = throttledStatus((l) => logged.push(l), 15_000, () => t);
    t = 5_000;
    status('a 10 %'); // too early
    t = 15_000;
    status('a 40 %');
    t = 20_000;
    status('a 50 %'); // 5 s after the last one
    t = 31_000;
    status('a 90 %');
    status(null); // the step ended at 31 s: the next step starts its own interval
    t = 40_000;
    status('b 10 %');
    expect(logged).toEqual(['a 40 %', 'a 90 %']);
  });
});
