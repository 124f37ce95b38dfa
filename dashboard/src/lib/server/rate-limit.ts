/**
 * A per-client rate limit (token bucket by client address). Defaults: 20 requests per second sustained, bursts of
 * 200 (a page view is about 10 requests); env SEIMBANG_RATE_PER_SECOND and SEIMBANG_RATE_BURST change them
 * (0 turns the limit off). Sign-in attempts have their own, tighter bucket (10 per minute per address) on top of the
 * per-account lockout. Requests a page makes to the server while it renders (SvelteKit sub-requests) are not counted.
 */
export class TokenBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perSecond: number,
    readonly burst: number,
  ) {}

  /** true when `key` may go on; otherwise the seconds to wait */
  take(key: string, now = Date.now()): true | number {
    if (this.perSecond <= 0) return true;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size > 50_000) this.sweep(now);
      b = { tokens: this.burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return Math.ceil((1 - b.tokens) / this.perSecond);
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(k);
  }
}

const num = (v: string | undefined, fallback: number): number => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback);

export const requestLimit = new TokenBuckets(num(process.env.SEIMBANG_RATE_PER_SECOND, 20), num(process.env.SEIMBANG_RATE_BURST, 200));
export const signInLimit = new TokenBuckets(num(process.env.SEIMBANG_SIGNIN_PER_MINUTE, 10) / 60, num(process.env.SEIMBANG_SIGNIN_PER_MINUTE, 10));
