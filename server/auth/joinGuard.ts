/**
 * Limits on joining a meeting by code, made for real rooms: guessing codes is what is
 * limited (failed attempts per address, and across all addresses so a botnet cannot
 * walk the code space), while a whole room of participants behind one guest Wi-Fi
 * address joins without a 429. Sliding windows (RateLimiter), so no burst at a window's
 * edge.
 */
import { RateLimiter } from './RateLimiter.ts';

/** Joins that succeed, per address per 10 minutes: two full rooms of 60 behind one NAT. */
export const JOINS_PER_ADDRESS_PER_10_MIN = 120;
/** Failed attempts across all addresses per minute, as a multiple of the per-address limit. */
const SERVER_WIDE_FACTOR = 30;

export class JoinGuard {
  private readonly failures: RateLimiter;
  private readonly failuresEverywhere: RateLimiter;
  private readonly successes: RateLimiter;

  constructor(failuresPerMinute: number, now: () => number = Date.now) {
    this.failures = new RateLimiter(failuresPerMinute, 60_000, now);
    this.failuresEverywhere = new RateLimiter(failuresPerMinute * SERVER_WIDE_FACTOR, 60_000, now);
    this.successes = new RateLimiter(JOINS_PER_ADDRESS_PER_10_MIN, 600_000, now);
  }

  /** ms before this address may try to join (0: now). Counts nothing. */
  check(address: string): number {
    return Math.max(this.failures.check(address), this.failuresEverywhere.check('*'), this.successes.check(address));
  }

  /** A wrong code or an unusable request: counts against the address and the server-wide budget. */
  failed(address: string): void {
    this.failures.count(address);
    this.failuresEverywhere.count('*');
  }

  succeeded(address: string): void {
    this.successes.count(address);
  }
}
