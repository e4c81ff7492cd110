/**
 * The pieces of issue 11's budgets on their own: the token bucket (in debt, never
 * refusing), the flow control that pauses and resumes a socket, presence coalescing
 * (newest clock wins, removals too), and the shared sync answers.
 */
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Metrics } from '../../server/metrics.ts';
import { ConnectionFlow, TokenBucket } from '../../server/sync/connectionBudget.ts';
import type { PresenceEntry } from '../../server/sync/awarenessGuard.ts';
import { AwarenessThrottle } from '../../server/sync/awarenessThrottle.ts';
import { SyncAnswerCache } from '../../server/sync/stateCache.ts';

/** Presence entries as the guard gives them. */
function awarenessUpdate(entries: [clientId: number, clock: number, state: unknown][]): PresenceEntry[] {
  return entries.map(([clientId, clock, state]) => ({ clientId, clock, state, json: JSON.stringify(state) }));
}

describe('TokenBucket', () => {
  it('allows a burst, then says how long until it is out of debt', () => {
    let t = 0;
    const bucket = new TokenBucket(100, 200, () => t);
    for (let i = 0; i < 200; i++) expect(bucket.take(1)).toBe(0);
    expect(bucket.take(1)).toBe(10); // 1 token in debt at 100/s
    t += 10;
    expect(bucket.take(0)).toBe(0);
    expect(bucket.take(50)).toBe(500);
  });
});

describe('ConnectionFlow', () => {
  it('pauses reading over the queue bound and resumes when the queue has drained', async () => {
    const calls: string[] = [];
    const metrics = new Metrics();
    const flow = new ConnectionFlow(
      { pause: () => calls.push('pause'), resume: () => calls.push('resume') },
      { messagesPerSecond: 1e6, bytesPerSecond: 1e9, burstSeconds: 1, maxQueuedFrames: 4 },
      metrics,
    );
    const done: (() => void)[] = [];
    for (let i = 0; i < 5; i++) flow.track(new Promise<void>((r) => done.push(r)));
    expect(calls).toEqual(['pause']);
    expect(metrics.connectionsPaused).toBe(1);
    done.splice(0, 3).forEach((r) => r());
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['pause', 'resume']);
    expect(metrics.connectionsPaused).toBe(0);
    expect(metrics.connectionsThrottledTotal).toBe(1);
    flow.close();
  });

  it('pauses over the message budget and resumes once the tokens refilled', async () => {
    const calls: string[] = [];
    const flow = new ConnectionFlow(
      { pause: () => calls.push('pause'), resume: () => calls.push('resume') },
      { messagesPerSecond: 100, bytesPerSecond: 1e9, burstSeconds: 0.1, maxQueuedFrames: 64 },
      new Metrics(),
    );
    for (let i = 0; i < 15; i++) flow.received(10); // 10 in the burst, 5 in debt: 50 ms
    expect(calls).toEqual(['pause']);
    await new Promise((r) => setTimeout(r, 150));
    expect(calls).toEqual(['pause', 'resume']);
    flow.close();
  });
});

describe('AwarenessThrottle', () => {
  it('applies at most once per interval, the newest state per client winning, removals included', async () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState(null);
    let updates = 0;
    awareness.on('update', () => updates++);
    const throttle = new AwarenessThrottle(awareness, 50);
    throttle.offer(awarenessUpdate([[7, 1, { x: 1 }]])); // leading edge: at once
    expect(updates).toBe(1);
    for (let clock = 2; clock <= 100; clock++) throttle.offer(awarenessUpdate([[7, clock, { x: clock }]]));
    throttle.offer(awarenessUpdate([[7, 50, { x: 'old' }]])); // an older clock loses
    throttle.offer(awarenessUpdate([[8, 1, { y: 1 }]]));
    expect(updates).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(updates).toBe(2);
    expect(awareness.getStates().get(7)).toEqual({ x: 100 });
    expect(awareness.getStates().get(8)).toEqual({ y: 1 });
    throttle.offer(awarenessUpdate([[8, 2, { y: 2 }]]));
    throttle.offer(awarenessUpdate([[8, 2, null]])); // the peer leaves: removal wins the tie
    await new Promise((r) => setTimeout(r, 80));
    expect(awareness.getStates().has(8)).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    throttle.offer(awarenessUpdate([[7, 101, { x: 101 }]])); // a quiet interval passed: at once
    throttle.offer(awarenessUpdate([[7, 102, { x: 102 }]]));
    throttle.forget([7]); // its connection left: what waits is dropped
    await new Promise((r) => setTimeout(r, 80));
    expect(awareness.getStates().get(7)).toEqual({ x: 101 });
    throttle.destroy();
    awareness.destroy();
  });
});

describe('SyncAnswerCache', () => {
  it('encodes once per state vector until cleared', () => {
    const cache = new SyncAnswerCache();
    let encodes = 0;
    let shared = 0;
    const encode = () => new Uint8Array([++encodes]);
    const empty = new Uint8Array([0]);
    const a = cache.answer(empty, encode, () => shared++);
    const b = cache.answer(empty, encode, () => shared++);
    expect(b).toBe(a);
    expect([encodes, shared]).toEqual([1, 1]);
    cache.clear();
    expect(cache.answer(empty, encode)).not.toBe(a);
    expect(encodes).toBe(2);
    cache.answer(new Uint8Array(100), encode); // too long to keep
    cache.answer(new Uint8Array(100), encode);
    expect(encodes).toBe(4);
  });
});
