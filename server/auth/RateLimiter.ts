/**
 * A sliding-window counter per key (an address): at most about `limit` events in any
 * `windowMs`. It keeps two counts per key, this window's and the previous one's, and
 * weighs the previous by how much of it still lies in the trailing window (the
 * estimate Cloudflare and Kong use). Unlike a fixed window, a burst at a window's end
 * followed by one at the next window's start is refused: the previous window still
 * counts almost fully. Memory: two numbers per active key; idle keys are swept.
 */
/**
 * A limit on events per key. {@link RateLimiter} counts in this process; with several
 * instances (issue 13, `REDIS_URL`) `sharedLimits.ts` counts the same way in Redis, so
 * the limit holds for the deployment, not per instance.
 */
export interface Limiter {
  /** Counts one event and returns 0, or, when over the limit, counts nothing and returns the ms to wait. */
  hit(key: string): number | Promise<number>;
  /** The ms until `key` may have one more event (0: now), without counting anything. */
  check(key: string): number | Promise<number>;
  /** Counts one event (e.g. a failed attempt, after the fact). */
  count(key: string): void | Promise<void>;
}

/**
 * The sliding-window estimate: the ms until one more event is allowed (0: now), given
 * `elapsed` ms into the current window, its count and the previous window's.
 */
export function slidingWindowWait(
  limit: number,
  windowMs: number,
  elapsed: number,
  current: number,
  previous: number,
): number {
  const estimate = previous * (1 - elapsed / windowMs) + current;
  if (estimate < limit) return 0;
  if (current >= limit) {
    // Wait for the next window, and then until this window's count has faded enough.
    return Math.ceil(windowMs - elapsed + windowMs * (1 - limit / (current + 1))) + 1;
  }
  // The previous window fades out linearly: when is previous * (1 - e/W) + current < limit?
  const fadeAt = windowMs * (1 - (limit - current) / previous);
  return Math.max(1, Math.ceil(fadeAt - elapsed) + 1);
}

export class RateLimiter implements Limiter {
  private readonly keys = new Map<string, { epoch: number; current: number; previous: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one event and returns 0, or, when over the limit, counts nothing and returns the ms to wait. */
  hit(key: string): number {
    const wait = this.check(key);
    if (wait === 0) this.count(key);
    return wait;
  }

  /** The ms until `key` may have one more event (0: now), without counting anything. */
  check(key: string): number {
    const t = this.now();
    const entry = this.roll(key, t);
    if (!entry) return 0;
    const elapsed = t - entry.epoch * this.windowMs;
    return slidingWindowWait(this.limit, this.windowMs, elapsed, entry.current, entry.previous);
  }

  /** Counts one event (e.g. a failed attempt, after the fact). */
  count(key: string): void {
    const t = this.now();
    if (this.keys.size > 10_000) this.sweep(t);
    const entry = this.roll(key, t);
    if (entry) entry.current++;
    else this.keys.set(key, { epoch: Math.floor(t / this.windowMs), current: 1, previous: 0 });
  }

  /** The key's entry moved to the window of `t`; undefined when it has nothing in the last two windows. */
  private roll(key: string, t: number) {
    const entry = this.keys.get(key);
    if (!entry) return undefined;
    const epoch = Math.floor(t / this.windowMs);
    if (epoch === entry.epoch) return entry;
    if (epoch === entry.epoch + 1) {
      entry.previous = entry.current;
    } else {
      entry.previous = 0;
    }
    entry.current = 0;
    entry.epoch = epoch;
    if (entry.previous === 0) {
      this.keys.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(t: number): void {
    const epoch = Math.floor(t / this.windowMs);
    for (const [k, e] of this.keys) if (e.epoch < epoch - 1) this.keys.delete(k);
  }
}
