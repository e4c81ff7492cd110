/**
 * One client cannot stall the server (issue 11, "Budgets per connection"): an awareness
 * flood does not hold up another meeting's edits, a peer that never reads is dropped
 * before the server buffers more than its cap, budgets slow a fast writer without
 * losing an edit, a crowd joining at once shares one sync answer, and the cap on loaded
 * rooms refuses with a code the client retries. Real server, real SQLite, real
 * y-websocket clients and raw hostile ones. Bounds are generous correctness bounds.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardRoomName,
  CloseCode,
  isFinalCloseCode,
  PLENARY_BOARD_ID,
  sessionRoomName,
} from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { connectHostile, seededRandom, syncFrame } from '../helpers/hostile.ts';
import { mark, markCount, markLong, observeMarks } from '../helpers/marks.ts';
import { api, createSessionWith } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/yclient.ts';

const h = useHarness();
const MiB = 1024 * 1024;

/** A y-websocket awareness frame setting `clientId`'s state at `clock`. */
function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

describe('one client cannot stall the server', () => {
  it('an awareness flood does not delay edits in another meeting, and goes out coalesced', async () => {
    const server = await h.server();
    const flooded = await createSessionWith(server.url, 'Overvallen', ['Anna', 'Bram', 'Cas']);
    const floodRoom = boardRoomName(flooded.sessionId, PLENARY_BOARD_ID);
    const people = flooded.participants.map((p) => h.client(server.wsUrl, floodRoom, p.token));
    await Promise.all(people.map((c) => c.synced));
    people.forEach((c, i) => c.provider.awareness.setLocalStateField('cursor', { x: i, y: 0 }));
    await waitFor(
      () => people.every((c) => c.provider.awareness.getStates().size >= people.length),
      'everyone sees everyone',
    );
    let framesSeen = 0;
    people[0]!.provider.awareness.on('update', (_change: unknown, origin: unknown) => {
      if (origin !== 'local') framesSeen++;
    });

    const other = await createSessionWith(server.url, 'Rustig', ['Dirk', 'Eva']);
    const otherRoom = boardRoomName(other.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(server.wsUrl, otherRoom, other.participants[0]!.token);
    const watcher = h.client(server.wsUrl, otherRoom, other.participants[1]!.token);
    await Promise.all([writer.synced, watcher.synced]);
    const sentAt = new Map<string, number>();
    const delays: number[] = [];
    observeMarks(watcher.doc, () => {
      for (const [key, t] of sentAt) {
        if (watcher.doc.getMap('actors').has(key)) {
          delays.push(performance.now() - t);
          sentAt.delete(key);
        }
      }
    });

    // The flooder: a viewer sending 50,000 presence changes as fast as its socket takes them.
    const flooder = await connectHostile(server.wsUrl, floodRoom, flooded.viewerToken);
    const SENT = 50_000;
    const flooding = (async () => {
      for (let i = 0; i < SENT; i++) {
        flooder.send(awarenessFrame(4242, i + 1, { cursor: { x: i, y: i } }));
        if (i % 1000 === 999) await new Promise((r) => setImmediate(r)); // let this process's clients run too
      }
    })();

    for (let i = 0; i < 50; i++) {
      const key = `e${i}`;
      sentAt.set(key, performance.now());
      mark(writer.doc, key, i);
      await sleep(40);
    }
    // The real people still see each other's presence move during the flood.
    people[1]!.provider.awareness.setLocalStateField('cursor', { x: 777, y: 1 });
    await waitFor(
      () =>
        (people[0]!.provider.awareness.getStates().get(people[1]!.doc.clientID) as { cursor?: { x: number } })?.cursor
          ?.x === 777,
      'Anna sees Bram move during the flood',
    );
    await flooding;
    await waitFor(() => delays.length === 50, 'every edit of the other meeting arrived', 20_000);
    delays.sort((a, b) => a - b);
    expect(percentile(delays, 0.99), `edit delays in ms: ${delays.map(Math.round).join(', ')}`).toBeLessThan(1000);
    // Far fewer presence frames reached the room than the flooder sent.
    expect(framesSeen).toBeLessThan(SENT / 20);
    expect(server.server.metrics.connectionsThrottledTotal).toBeGreaterThan(0);
    flooder.ws.terminate();
  }, 60_000);

  it('a peer that never reads is dropped before the server buffers more than the cap for it', async () => {
    const server = await h.server({ env: { MAX_UNREAD_BYTES: String(4 * MiB) } });
    const s = await createSessionWith(server.url, 'Traag', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(server.wsUrl, room, s.participants[0]!.token);
    await writer.synced;
    // A board of about 1.5 MB: 75 actors with 20,000 characters of notes each.
    const random = seededRandom(11);
    for (let i = 0; i < 75; i++) {
      const text = Array.from({ length: 20_000 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
      markLong(writer.doc, `a${i}`, text);
    }
    await waitFor(() => server.server.metrics.updatesTotal === 75, 'the board is stored', 30_000);
    const board = Y.encodeStateAsUpdate(writer.doc).byteLength;
    expect(board).toBeGreaterThan(1.4 * MiB);

    const rssBefore = process.memoryUsage().rss;
    const readers = await Promise.all(
      Array.from({ length: 4 }, () => connectHostile(server.wsUrl, room, s.viewerToken)),
    );
    const emptyStateVector = Y.encodeStateVector(new Y.Doc());
    for (const r of readers) {
      r.ws.pause(); // never reads again
      for (let i = 0; i < 80; i++) r.send(syncFrame(0, emptyStateVector));
    }
    await waitFor(() => server.server.metrics.slowClosesTotal >= 4, 'all four slow readers dropped', 30_000);
    await waitFor(() => server.server.metrics.connections === 1, 'their connections are gone', 10_000);
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    // Without the cap each would hold 80 answers (120 MB) unread.
    expect(server.server.metrics.bufferedBytesPeak).toBeLessThan(4 * (4 * MiB + 2 * board));
    expect(rssGrowth, `RSS grew by ${Math.round(rssGrowth / MiB)} MiB`).toBeLessThan(150 * MiB);
    // The writer is untouched and the room goes on.
    mark(writer.doc, 'after', true);
    await waitFor(() => server.server.metrics.updatesTotal === 76, 'the room still takes edits');
    for (const r of readers) r.ws.terminate();
  }, 90_000);

  it('a slow link still downloading a big board is not dropped when someone edits meanwhile', async () => {
    const server = await h.server({ env: { MAX_UNREAD_BYTES: String(64 * 1024) } });
    const s = await createSessionWith(server.url, 'Langzaam', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(server.wsUrl, room, s.participants[0]!.token);
    await writer.synced;
    const random = seededRandom(5);
    // A board of about 12 MB: more than loopback's socket buffers take, so most of it waits unread.
    for (let i = 0; i < 600; i++) {
      const text = Array.from({ length: 20_000 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
      markLong(writer.doc, `a${i}`, text);
    }
    await waitFor(() => server.server.metrics.updatesTotal === 600, 'the board is stored', 60_000);
    const slow = await connectHostile(server.wsUrl, room, s.viewerToken);
    slow.ws.pause(); // reading slowly: nothing for now
    slow.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    // The answer waits unread, far over the 64 KiB cap.
    await waitFor(() => server.server.metrics.bufferedBytes > 1024 * 1024, 'the board waits unread');
    for (let i = 0; i < 3; i++) mark(writer.doc, `later${i}`, i);
    await waitFor(() => server.server.metrics.updatesTotal === 603, 'the edits are stored');
    await sleep(300);
    slow.ws.resume();
    await waitFor(() => slow.updates.length >= 4, 'the board and the edits arrive', 30_000);
    expect(slow.closeCode).toBeNull();
    expect(server.server.metrics.slowClosesTotal).toBe(0);
    slow.close();
  }, 120_000);

  it('a writer over its budget is throttled, and every one of its updates arrives', async () => {
    const server = await h.server({ env: { CONNECTION_MESSAGES_PER_SECOND: '300' } });
    const s = await createSessionWith(server.url, 'Snel', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(server.wsUrl, room, s.participants[0]!.token);
    const reader = h.client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([writer.synced, reader.synced]);
    for (let i = 0; i < 2000; i++) mark(writer.doc, `k${i}`, i); // 2,000 messages at once
    await waitFor(() => markCount(reader.doc) === 2000, 'all 2,000 updates at the other client', 60_000);
    expect(server.server.metrics.connectionsThrottledTotal).toBeGreaterThan(0);
    expect(server.server.metrics.updatesTotal).toBe(2000);
  }, 90_000);

  it('a crowd of 30 joining one board at once all sync, with one shared answer', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Druk', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(server.wsUrl, room, s.participants[0]!.token);
    await writer.synced;
    for (let i = 0; i < 50; i++) mark(writer.doc, `n${i}`, i);
    await waitFor(() => server.server.metrics.updatesTotal === 50, 'the board is stored');
    const sharedBefore = server.server.metrics.syncAnswersSharedTotal;
    const crowd = Array.from({ length: 30 }, () => h.client(server.wsUrl, room, s.viewerToken));
    await Promise.all(crowd.map((c) => c.synced));
    for (const c of crowd) expect(markCount(c.doc)).toBe(50);
    // Every newcomer asked for everything; the answer was encoded once and served again.
    expect(server.server.metrics.syncAnswersSharedTotal - sharedBefore).toBeGreaterThanOrEqual(29);
  }, 60_000);

  it('a room over MAX_ROOMS_LOADED is refused with a code the client retries', async () => {
    const server = await h.server({ env: { MAX_ROOMS_LOADED: '2' } });
    const first = await createSessionWith(server.url, 'Eerst', ['Anna']);
    const held = h.client(server.wsUrl, boardRoomName(first.sessionId, PLENARY_BOARD_ID), first.participants[0]!.token);
    await held.synced; // the board and its session room: both slots in use
    const second = await createSessionWith(server.url, 'Later', ['Bram']);
    const refused = await connectHostile(
      server.wsUrl,
      sessionRoomName(second.sessionId),
      second.participants[0]!.token,
    );
    const code = await refused.closed;
    expect(code).toBe(CloseCode.serverFull);
    expect(isFinalCloseCode(code)).toBe(false);
    expect(server.server.metrics.roomsRefusedTotal).toBe(1);
    // A REST call that needs a room answers a clear 503 to try again, not a 500.
    const snap = await api<{ error: { code: string } }>(
      server.url,
      'POST',
      `/api/sessions/${second.sessionId}/snapshots`,
      undefined,
      second.facilitatorToken,
    );
    expect(snap.status).toBe(503);
    expect(snap.body.error.code).toBe('server_full');
    expect(snap.headers.get('retry-after')).toBe('60');
  }, 30_000);
});
