// Token buckets kept in this process, for public endpoints (chat widget, tracking, forms): each server limits what
// it receives; a client spread over many servers gets at most that many times the rate.
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly rate: () => { perMs: number; burst: number }) {}

  /** Per minute with a burst of half a minute's worth (at least one). */
  static perMinute(perMinute: () => number): TokenBuckets {
    return new TokenBuckets(() => ({ perMs: perMinute() / 60_000, burst: Math.max(1, Math.ceil(perMinute() / 2)) }));
  }

  take(key: string, now = Date.now()): boolean {
    const { perMs, burst } = this.rate();
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMs);
    b.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
