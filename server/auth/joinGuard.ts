/**
 * Limits on joining a meeting by code, made for real rooms: guessing codes is what is
 * limited (failed attempts per address, and across all addresses so a botnet cannot
 * walk the code space), while a whole room of participants behind one guest Wi-Fi
 * address joins without a 429. Sliding windows (RateLimiter), so no burst at a window's
 * edge.
 */
import { RateLimiter, type Limiter } from './RateLimiter.ts';

/** Makes the limiter named `name` (several instances: one shared through Redis, issue 13). */
export type LimiterFactory = (name: string, limit: number, windowMs: number) => Limiter;

/** Joins that succeed, per address per 10 minutes: two full rooms of 60 behind one NAT. */
export const JOINS_PER_ADDRESS_PER_10_MIN = 120;
/** Failed attempts across all addresses per minute, as a multiple of the per-address limit. */
const SERVER_WIDE_FACTOR = 30;

export class JoinGuard {
  private readonly failures: Limiter;
  private readonly failuresEverywhere: Limiter;
  private readonly successes: Limiter;

  constructor(
    failuresPerMinute: number,
    now: () => number = Date.now,
    limiter: LimiterFactory = (_name, limit, windowMs) => new RateLimiter(limit, windowMs, now),
  ) {
    this.failures = limiter('join-failures', failuresPerMinute, 60_000);
    this.failuresEverywhere = limiter('join-failures-all', failuresPerMinute * SERVER_WIDE_FACTOR, 60_000);
    this.successes = limiter('joins', JOINS_PER_ADDRESS_PER_10_MIN, 600_000);
  }

  /** ms before this address may try to join (0: now). Counts nothing. */
  async check(address: string): Promise<number> {
    const waits = await Promise.all([
      this.failures.check(address),
      this.failuresEverywhere.check('*'),
      this.successes.check(address),
    ]);
    return Math.max(...waits);
  }

  /** A wrong code or an unusable request: counts against the address and the server-wide budget. */
  async failed(address: string): Promise<void> {
    await Promise.all([this.failures.count(address), this.failuresEverywhere.count('*')]);
  }

  async succeeded(address: string): Promise<void> {
    await this.successes.count(address);
  }
}
