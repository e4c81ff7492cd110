import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { startChildServer, type ChildServer } from '../helpers/processServer.ts';
import { useHarness } from '../helpers/harness.ts';
import { createSessionWith, tempDir } from '../helpers/server.ts';
import { waitFor, type TestClient } from '../helpers/yclient.ts';
import { mark, marks, markCount, observeMarks } from '../helpers/marks.ts';

const h = useHarness();
const client = h.client;
const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
});

/** Captures the doc's content at the moment of the first `sync` event. */
function contentAtFirstSync(c: TestClient, read: (doc: Y.Doc) => unknown): Promise<unknown> {
  return new Promise((resolve) => c.provider.once('sync', () => resolve(read(c.doc))));
}

describe('an edit that others saw is never lost', () => {
  it.each([
    { killAfter: 100, when: 'mid-burst' },
    { killAfter: 500, when: 'as the burst completes' },
  ])('kill -9 $when: every update another client received survives', async ({ killAfter }) => {
    const dataDir = tempDir();
    const first = await startChildServer(dataDir);
    children.push(first);
    const s = await createSessionWith(first.url, 'Burst', ['Writer', 'Watcher']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = client(first.wsUrl, room, s.participants[0]!.token);
    const watcher = client(first.wsUrl, room, s.participants[1]!.token);
    await Promise.all([writer.synced, watcher.synced]);

    let killedAt = -1;
    observeMarks(watcher.doc, () => {
      // Kill mid-burst: updates are still in flight, in the server and on the wire.
      if (killedAt < 0 && markCount(watcher.doc) >= killAfter) {
        killedAt = markCount(watcher.doc);
        first.proc.kill('SIGKILL');
      }
    });
    for (let i = 0; i < 500; i++) mark(writer.doc, `b${i}`, i); // 500 separate updates
    expect((await first.exited).signal).toBe('SIGKILL');
    await waitFor(() => !watcher.provider.wsconnected, 'watcher notices the crash');
    const received = new Set(Object.values(marks(watcher.doc)) as number[]);
    writer.destroy(); // its unsent updates must not help the restarted server
    watcher.destroy();
    expect(received.size).toBeGreaterThanOrEqual(killAfter);

    const second = await startChildServer(dataDir);
    children.push(second);
    const fresh = client(second.wsUrl, room, s.participants[1]!.token);
    const atSync = (await contentAtFirstSync(fresh, (d) => Object.values(marks(d)))) as number[];
    const present = new Set(atSync);
    const lost = [...received].filter((i) => !present.has(i));
    expect(lost).toEqual([]);
    // Reported for BENCHMARKS.md-style reading of the test log.
    console.info(
      `kill -9 burst: watcher had ${received.size}/500 at the kill, restarted server has ${present.size}/500, lost ${lost.length}`,
    );
  });

  it('a restarted server serves the complete doc at the first sync', async () => {
    const dataDir = tempDir();
    const one = await h.server({ dataDir });
    const s = await createSessionWith(one.url, 'Herstart', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = client(one.wsUrl, room, s.participants[0]!.token);
    await a.synced;
    for (let i = 0; i < 2000; i++) mark(a.doc, `n${i}`, `notitie ${i}`); // 2000 updates, 4 compactions
    await waitFor(() => one.server.metrics.updatesTotal >= 2000, 'all stored');
    a.destroy();
    await h.stop(one);

    const two = await h.server({ dataDir });
    const b = client(two.wsUrl, room, s.participants[0]!.token);
    const size = await contentAtFirstSync(b, (d) => markCount(d));
    expect(size).toBe(2000);
  });

  it('an idle doc is compacted and unloaded, then loaded complete on demand', async () => {
    const one = await h.server({ env: { ROOM_IDLE_UNLOAD_MS: '0' } });
    const s = await createSessionWith(one.url, 'Slapen', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = client(one.wsUrl, room, s.participants[0]!.token);
    await a.synced;
    for (let i = 0; i < 300; i++) mark(a.doc, `l${i}`, i);
    await waitFor(() => one.server.metrics.updatesTotal >= 300, 'all stored');
    expect(await one.server.store.docs.countUpdates(room)).toBe(300);
    a.destroy();
    await waitFor(() => one.server.registry.loadedCount === 0, 'board and session rooms unloaded');
    expect(await one.server.store.docs.countUpdates(room)).toBe(1);
    const snapshots = await one.server.store.docs.listSnapshots(s.sessionId);
    expect(snapshots.some((x) => x.room === room && x.reason === 'unload')).toBe(true);

    const b = client(one.wsUrl, room, s.participants[0]!.token);
    const list = (await contentAtFirstSync(b, (d) => Object.values(marks(d)))) as number[];
    expect(list.sort((x, y) => x - y)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('SIGTERM shuts down gracefully: compacts, snapshots and exits 0', async () => {
    const dataDir = tempDir();
    const child = await startChildServer(dataDir);
    children.push(child);
    const s = await createSessionWith(child.url, 'Netjes', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = client(child.wsUrl, room, s.participants[0]!.token);
    await a.synced;
    for (let i = 0; i < 50; i++) mark(a.doc, `k${i}`, i);
    const check = client(child.wsUrl, room, s.participants[0]!.token);
    await waitFor(() => markCount(check.doc) === 50, 'all arrived');
    child.proc.kill('SIGTERM');
    const exit = await child.exited;
    expect(exit.code).toBe(0);
    expect(child.output()).toMatch(/"msg":"stopped"/);
    a.destroy();
    check.destroy();
    const again = await startChildServer(dataDir);
    children.push(again);
    const b = client(again.wsUrl, room, s.participants[0]!.token);
    expect(await contentAtFirstSync(b, (d) => markCount(d))).toBe(50);
  });
});
