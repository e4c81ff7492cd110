/**
 * The event-loop delay histogram of /metrics (issue 14, server/eventLoopDelay.ts): a stretch
 * that holds the loop shows as a sample of at least its length, in cumulative buckets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_LOOP_DELAY_BUCKETS_S } from '../../server/eventLoopDelay.ts';
import { Metrics } from '../../server/metrics.ts';
import { waitFor } from '../helpers/yclient.ts';

/** Holds the event loop for `ms` (a synchronous stretch, as a long commit would). */
function hold(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // busy
  }
}

/** The histogram's lines of a scrape: bound → cumulative count. */
function buckets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^veldwerk_event_loop_delay_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)) {
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}

const made: Metrics[] = [];
afterEach(() => {
  for (const m of made.splice(0)) m.eventLoop.stop();
});

describe('event-loop delay in /metrics', () => {
  it('a 300 ms stretch on the loop is a sample above 0.25 s; the buckets are cumulative', async () => {
    const metrics = new Metrics();
    made.push(metrics);
    const over = (b: Map<string, number>) => (b.get('+Inf') ?? 0) - (b.get('0.25') ?? 0);
    await waitFor(() => (buckets(metrics.render()).get('+Inf') ?? 0) > 0, 'the first samples');
    const before = over(buckets(metrics.render()));

    hold(300);
    await waitFor(() => over(buckets(metrics.render())) > before, 'the long sample');
    const b = buckets(metrics.render());
    const counts = [...EVENT_LOOP_DELAY_BUCKETS_S.map((le) => b.get(String(le))!), b.get('+Inf')!];
    expect(counts).toEqual([...counts].sort((x, y) => x - y));
    expect(metrics.render()).toMatch(/^veldwerk_event_loop_delay_seconds_count \d+$/m);
  });
});
