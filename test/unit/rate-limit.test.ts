// The per-client token bucket (dashboard/src/lib/server/rate-limit.ts), hand-checked.
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../dashboard/src/lib/server/rate-limit.ts';

describe('TokenBuckets', () => {
  it('a burst of 3 at 1 per second: 3 pass at once, the 4th waits 1 s, one more passes a second later', () => {
    const b = new TokenBuckets(1, 3);
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0)]).toEqual([true, true, true]);
    expect(b.take('a', 0)).toBe(1);
    expect(b.take('a', 500)).toBe(1); // half a token: still 1 s (rounded up) to wait
    expect(b.take('a', 1000)).toBe(true);
    expect(b.take('a', 1000)).toBe(1);
  });

  it('clients are counted apart, and the bucket never holds more than the burst', () => {
    const b = new TokenBuckets(2, 2);
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0)]).toEqual([true, true, 1]);
    expect(b.take('b', 0)).toBe(true);
    // an hour idle refills to 2, not to 7,200
    expect([b.take('a', 3_600_000), b.take('a', 3_600_000), b.take('a', 3_600_000)]).toEqual([true, true, 1]);
  });

  it('0 per second turns the limit off', () => {
    const b = new TokenBuckets(0, 0);
    for (let i = 0; i < 100; i++) expect(b.take('a', 0)).toBe(true);
  });
});
