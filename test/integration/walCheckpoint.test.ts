/**
 * WAL checkpoints in a thread of their own (issue 14; server/store/walCheckpointer.ts): the
 * server's connection stops checkpointing inside its commits once the thread runs, the thread
 * copies the WAL into the file, a close leaves one clean file, and a failed thread only sends
 * the checkpoints back to the server's connection until a new thread runs. Real SQLite files,
 * a real server and real y-websocket clients.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedCleanly } from '../../server/store/cleanClose.ts';
import { openStore } from '../../server/store/openStore.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import { useHarness } from '../helpers/harness.ts';
import { mark, markOf } from '../helpers/marks.ts';
import { createSessionWith, tempDir } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

/** A session of its own; the plenary board's room. */
async function boardRoom(store: SqliteStore): Promise<string> {
  const id = crypto.randomUUID();
  const createdAt = Date.now();
  await store.sessions.createSession(
    { id, title: 'Checkpoints', joinCode: crypto.randomBytes(4).toString('hex').toUpperCase(), createdAt },
    { id: crypto.randomUUID(), sessionId: id, name: 'Facilitator', role: Role.facilitator, createdAt },
  );
  return boardRoomName(id, PLENARY_BOARD_ID);
}

const ownAutocheckpoint = (store: SqliteStore) => store.db.pragma('wal_autocheckpoint', { simple: true });
const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);
const ROW = crypto.randomBytes(2000); // the store keeps bytes; it does not decode them

describe('WAL checkpoints in a thread', () => {
  it('the thread copies the WAL into the file while the server’s connection does not checkpoint; a close leaves one clean file', async () => {
    const dbFile = path.join(tempDir(), 'veldwerk.db');
    const config = { dbFile, DATABASE_URL: undefined, DATABASE_POOL_SIZE: 10, SQLITE_SYNCHRONOUS: 'NORMAL' } as const;
    const store = (await openStore(config, { checkIntegrity: true })) as SqliteStore; // as the server opens it
    const room = await boardRoom(store);
    const checkpointer = store.checkpointer!;
    expect(checkpointer.stats().active).toBe(false); // no thread before the first write
    await store.docs.append(room, ROW);
    await waitFor(() => checkpointer.stats().active, 'the checkpoint thread runs');
    expect(ownAutocheckpoint(store)).toBe(0);

    const fileBefore = size(dbFile);
    for (let i = 0; i < 2000; i++) await store.docs.append(room, ROW); // 4 MB of rows, some 1,000+ pages
    // Only a checkpoint writes the database file in WAL mode, and the connection makes none.
    // (The thread counts a checkpoint when it is over: the file may grow before.)
    const copied = () => size(dbFile) >= fileBefore + 2000 * ROW.length && checkpointer.stats().frames > 1000;
    await waitFor(copied, 'the rows copied into the file by the thread');
    expect(checkpointer.stats().failures).toBe(0);

    await store.close();
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false); // the last connection checkpointed and removed it
    expect(closedCleanly(dbFile)).toBe(true);
    const again = new SqliteStore(dbFile);
    expect(again.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(await again.docs.countUpdates(room)).toBe(2001);
    await again.close();
  });

  it('a failed thread: the connection checkpoints by itself at once, and a new thread takes over', async () => {
    const dbFile = path.join(tempDir(), 'veldwerk.db');
    const failures: unknown[] = [];
    const store = new SqliteStore(dbFile, {
      checkpointInThread: { onFailure: (err) => failures.push(err), restartAfterMs: 300 },
    });
    const room = await boardRoom(store);
    await store.docs.append(room, ROW);
    const checkpointer = store.checkpointer!;
    await waitFor(() => checkpointer.stats().active, 'the checkpoint thread runs');

    await checkpointer.terminateThread();
    expect(failures).toHaveLength(1);
    expect(checkpointer.stats()).toMatchObject({ active: false, failures: 1 });
    expect(ownAutocheckpoint(store)).toBe(1000);
    // No thread now: SQLite checkpoints inside the commits again, so the file grows as they go.
    const fileBefore = size(dbFile);
    for (let i = 0; i < 2000; i++) await store.docs.append(room, ROW);
    expect(size(dbFile)).toBeGreaterThan(fileBefore + 1000 * ROW.length);

    await waitFor(() => checkpointer.stats().active, 'a new checkpoint thread runs');
    expect(ownAutocheckpoint(store)).toBe(0);
    await store.close();
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
    const again = new SqliteStore(dbFile);
    expect(await again.docs.countUpdates(room)).toBe(2001);
    await again.close();
  });

  it('the server serves and stores on when its checkpoint thread fails, and closes cleanly', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Draad', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = h.client(server.wsUrl, room, s.participants[0]!.token);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([anna.synced, bram.synced]);
    mark(anna.doc, 'voor', 1);
    await waitFor(() => markOf(bram.doc, 'voor') === 1, 'the first mark at Bram');
    const store = server.server.store as SqliteStore;
    const checkpointer = store.checkpointer!;
    await waitFor(() => checkpointer.stats().active, 'the checkpoint thread runs');

    await checkpointer.terminateThread();
    expect(checkpointer.stats().failures).toBe(1);
    const stored = server.server.metrics.updatesTotal;
    mark(anna.doc, 'na', 2);
    await waitFor(() => markOf(bram.doc, 'na') === 2, 'the mark made after the failure at Bram');
    expect(server.server.metrics.updatesTotal).toBe(stored + 1);

    await h.stop(server);
    const dbFile = path.join(server.dataDir, 'veldwerk.db');
    expect(closedCleanly(dbFile)).toBe(true);
    expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
  });
});
