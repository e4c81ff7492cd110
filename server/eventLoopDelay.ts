/**
 * How late the event loop comes back (issue 14), for the operator's `/metrics`: Node's own
 * sampler (`perf_hooks.monitorEventLoopDelay`, a libuv timer every {@link RESOLUTION_MS} ms
 * that records the time between its ticks), read at each scrape as the cumulative buckets of
 * a Prometheus histogram, so a scraper can take the distribution over any window. A long
 * synchronous stretch on the loop (an fsync inside a commit, a GC pause, a big encode) is one
 * long sample here, and every frame that waited behind it was late by as much. The sampler is
 * never reset (a reset also drops the tick in progress: a stall right after it went unseen).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Upper bounds of the buckets, in seconds (a sample is at least the resolution). */
export const EVENT_LOOP_DELAY_BUCKETS_S = [0.011, 0.015, 0.02, 0.03, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const RESOLUTION_MS = 10;

export class EventLoopDelay {
  private readonly sampler: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });

  constructor() {
    this.sampler.enable();
  }

  /** Samples at or below each bound of {@link EVENT_LOOP_DELAY_BUCKETS_S}, since the start. */
  buckets(): number[] {
    const n = this.sampler.count;
    return EVENT_LOOP_DELAY_BUCKETS_S.map((le) => (n ? countAtMost(this.sampler, le * 1e9, n) : 0));
  }

  get count(): number {
    return this.sampler.count;
  }

  /** Sum of the samples, seconds. */
  get sum(): number {
    return this.sampler.count ? (this.sampler.mean * this.sampler.count) / 1e9 : 0;
  }

  stop(): void {
    this.sampler.disable();
  }
}

/**
 * How many of the `n` samples are at most `limitNs`: the largest k whose percentile
 * (the smallest sample with k of n at or below it) is within the limit.
 */
export function countAtMost(h: IntervalHistogram, limitNs: number, n: number): number {
  if (h.max <= limitNs) return n;
  if (h.min > limitNs) return 0;
  let lo = 0; // known: lo samples are within the limit
  let hi = n; // known: not all hi are
  while (hi - lo > 1) {
    const k = Math.floor((lo + hi) / 2);
    // k - 0.5 of n: the k-th sample, without rounding up to the k+1-th in floating point.
    if (h.percentile((100 * (k - 0.5)) / n) <= limitNs) lo = k;
    else hi = k;
  }
  return lo;
}
