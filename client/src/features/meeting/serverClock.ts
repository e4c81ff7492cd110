/**
 * The server's clock, so a timer ends at the same moment on every device (issue 5):
 * laptops and phones in one room can be seconds or minutes apart. We ask
 * `GET /api/time` a few times and keep the answer with the shortest round trip,
 * taking the server's time to be at the middle of that trip (NTP's assumption):
 *
 *   offset = serverNow - (sentAt + receivedAt) / 2
 *
 * Everyone reads and writes meeting times (timer end, phase start, summon) with
 * `serverNow()`. Without an answer yet (offline) the offset is 0: the device's clock.
 */
import { useSyncExternalStore } from 'react';
import { getServerTime } from '../../base/api/index.ts';

/** Samples per measurement; the fastest round trip wins. */
const SAMPLES = 4;
/** Measure again this often while the page is open (clocks drift, laptops sleep). */
const RESYNC_MS = 5 * 60_000;

let offsetMs = 0;
let bestRttMs = Number.POSITIVE_INFINITY;
let measured = false;
let running: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** The server's time now (ms since epoch), as well as we know it. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** server minus device clock in ms (0 until measured). */
export function serverClockOffset(): number {
  return offsetMs;
}

/** Has the offset been measured at least once? */
export function isServerClockMeasured(): boolean {
  return measured;
}

/** Pure part: the offset from one sample (exported for tests). */
export function offsetFromSample(sentAt: number, serverTime: number, receivedAt: number): number {
  return serverTime - (sentAt + receivedAt) / 2;
}

async function sampleOnce(): Promise<{ rtt: number; offset: number } | null> {
  const sentAt = Date.now();
  try {
    const now = await getServerTime();
    const receivedAt = Date.now();
    return { rtt: receivedAt - sentAt, offset: offsetFromSample(sentAt, now, receivedAt) };
  } catch {
    return null;
  }
}

/** Measures the offset again (a few samples one after the other). */
export function syncServerClock(): Promise<void> {
  if (running) return running;
  running = (async () => {
    let best: { rtt: number; offset: number } | null = null;
    for (let i = 0; i < SAMPLES; i++) {
      const s = await sampleOnce();
      if (s && (!best || s.rtt < best.rtt)) best = s;
      if (!s) break;
    }
    // A fresh measurement replaces an old one: the device clock may have been changed.
    if (best) {
      offsetMs = Math.round(best.offset);
      bestRttMs = best.rtt;
      measured = true;
      for (const l of listeners) l();
    }
  })().finally(() => {
    running = null;
  });
  return running;
}

let users = 0;
let timer: ReturnType<typeof setInterval> | null = null;
const onVisible = () => {
  if (document.visibilityState === 'visible') void syncServerClock();
};

/** Keeps the offset measured while something uses it; returns the stop function. */
export function startServerClock(): () => void {
  users++;
  if (users === 1) {
    void syncServerClock();
    timer = setInterval(() => void syncServerClock(), RESYNC_MS);
    document.addEventListener('visibilitychange', onVisible);
  }
  return () => {
    users--;
    if (users === 0) {
      if (timer) clearInterval(timer);
      timer = null;
      document.removeEventListener('visibilitychange', onVisible);
    }
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The offset as React state (re-renders when a new measurement changes it). */
export function useServerClockOffset(): number {
  return useSyncExternalStore(subscribe, serverClockOffset);
}

/** For diagnostics: the round trip of the sample the offset came from. */
export function serverClockRoundTrip(): number {
  return bestRttMs;
}
