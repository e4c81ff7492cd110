/**
 * Quick to come back (issue 14): after a graceful stop a room is one stored row (its
 * whole state); after a restart the first client without an offline copy is answered
 * with that row instead of an encode of the doc, and gets everything; a client with an
 * offline copy gets what it misses; after a change, answers come from the doc again.
 * Real server, real SQLite file, real y-websocket clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { mark, marks } from '../helpers/marks.ts';
import { createSessionWith, startTestServer, tempDir, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();
const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

describe('a room after a restart', () => {
  it('answers a client with nothing from the stored row, complete, and others from the doc', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    servers.push(first);
    const s = await createSessionWith(first.url, 'Herstart', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(first.wsUrl, room, s.participants[0]!.token);
    await writer.synced;
    for (let i = 0; i < 50; i++) mark(writer.doc, `m${i}`, i); // 50 stored rows
    const offline = h.client(first.wsUrl, room, s.participants[1]!.token);
    await offline.synced;
    await waitFor(() => Object.keys(marks(offline.doc)).length === 50, 'the second client has every mark');
    offline.provider.disconnect(); // keeps its doc: an offline copy
    const offlineDoc = offline.doc;
    mark(writer.doc, 'late', 'na de kopie');
    const checker = h.client(first.wsUrl, room, s.participants[0]!.token);
    await waitFor(() => marks(checker.doc)['late'] === 'na de kopie', 'the server has the late mark');
    checker.destroy();
    writer.destroy();
    await first.close(); // graceful: the room is compacted into one row
    servers.splice(0);

    const second = await startTestServer({ dataDir });
    servers.push(second);
    const sharedBefore = second.server.metrics.syncAnswersSharedTotal;
    const fresh = h.client(second.wsUrl, room, s.participants[0]!.token);
    const atSync = new Promise<Record<string, unknown>>((resolve) =>
      fresh.provider.once('sync', () => resolve(marks(fresh.doc))),
    );
    const got = await atSync;
    expect(Object.keys(got)).toHaveLength(51);
    expect(got['late']).toBe('na de kopie');
    // The answer was the kept one (the stored row), not an encode.
    expect(second.server.metrics.syncAnswersSharedTotal - sharedBefore).toBe(1);

    // A client with an offline copy asks with its own state vector: it gets what it misses.
    offline.provider.destroy();
    const back = h.client(second.wsUrl, room, s.participants[1]!.token, { doc: offlineDoc });
    await back.synced;
    await waitFor(() => marks(back.doc)['late'] === 'na de kopie', 'the offline copy catches up');
    expect(Object.keys(marks(back.doc))).toHaveLength(51);

    // After a change the kept row is stale: a new client gets the change too.
    mark(fresh.doc, 'daarna', true);
    await waitFor(() => second.server.registry.loadedCount > 0, 'room loaded');
    const third = h.client(second.wsUrl, room, s.participants[1]!.token);
    await third.synced;
    await waitFor(() => marks(third.doc)['daarna'] === true, 'the third client sees the change');
    expect(Object.keys(marks(third.doc))).toHaveLength(52);
  });
});
