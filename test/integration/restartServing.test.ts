/**
 * Quick to come back (issue 14): after a graceful stop a board is one stored row, and after
 * a restart the room answers its first clients from that row before its doc is built
 * (server/sync/loadStored.ts, Room). A client gets exactly the stored doc; a write made at
 * once is applied, stored and served; a client with edits made offline gets the server's
 * sync step 1 once the doc is built, so its edits arrive. After a crash (kill -9) the
 * rows are several (the compacted one and the updates since): a client gets them all, in
 * order, by its first sync. Real server, real SQLite file, real y-websocket clients.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItems, deleteItems } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { startChildServer, type ChildServer } from '../helpers/processServer.ts';
import { createSessionWith, startTestServer, tempDir, type TestServer } from '../helpers/server.ts';
import { waitFor, type TestClient } from '../helpers/yclient.ts';

const h = useHarness();
const servers: TestServer[] = [];
const children: ChildServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
});

async function start(dataDir: string): Promise<TestServer> {
  const s = await startTestServer({ dataDir });
  servers.push(s);
  return s;
}

async function stop(s: TestServer): Promise<void> {
  servers.splice(servers.indexOf(s), 1);
  await s.close(); // graceful: every room is compacted into one row
}

const note = (id: string, i: number) => ({
  kind: 'note' as const,
  id,
  x: 10 * i,
  y: 20,
  w: 180,
  h: 120,
  text: `Notitie ${id}`,
  color: '#fff3a3' as const,
});

function storedRows(dataDir: string, room: string): Uint8Array[] {
  const db = new Database(path.join(dataDir, 'veldwerk.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY seq')
      .all(room)
      .map((r) => new Uint8Array(r.data));
  } finally {
    db.close();
  }
}

const ids = (doc: Y.Doc) =>
  readBoard(doc)
    .items.map((i) => i.id)
    .sort();

/** A board of 200 notes (10 of them deleted again), stored as one row after a graceful stop. */
async function storedBoard(dataDir: string) {
  const first = await start(dataDir);
  const s = await createSessionWith(first.url, 'Herstart', ['Anna']);
  const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
  const writer = h.client(first.wsUrl, room, s.facilitatorToken);
  await writer.synced;
  for (let b = 0; b < 4; b++)
    addItems(
      writer.doc,
      Array.from({ length: 50 }, (_, i) => note(`n${b * 50 + i}`, i)),
    );
  deleteItems(
    writer.doc,
    Array.from({ length: 10 }, (_, i) => `n${i * 7}`),
  );
  const checker = h.client(first.wsUrl, room, s.facilitatorToken);
  await waitFor(() => ids(checker.doc).length === 190, 'the server has the board');
  return { first, s, room, writer, checker };
}

describe('a room answered from its stored row', () => {
  it('gives a client exactly the stored doc, and a write at once is applied, stored and served', async () => {
    const dataDir = tempDir();
    const { first, s, room, writer, checker } = await storedBoard(dataDir);
    writer.destroy();
    checker.destroy();
    await stop(first);
    const rows = storedRows(dataDir, room);
    expect(rows).toHaveLength(1);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, rows[0]!);

    const second = await start(dataDir);
    const fresh = h.client(second.wsUrl, room, s.facilitatorToken);
    const atSync = new Promise<{ state: Uint8Array; vector: Uint8Array; ids: string[] }>((resolve) =>
      fresh.provider.once('sync', () => {
        resolve({
          state: Y.encodeStateAsUpdate(fresh.doc),
          vector: Y.encodeStateVector(fresh.doc),
          ids: ids(fresh.doc),
        });
        addItems(fresh.doc, [note('meteen', 0)]); // written at the first sync
      }),
    );
    const got = await atSync;
    expect(got.ids).toEqual(ids(stored));
    expect(got.ids).toHaveLength(190);
    expect(got.vector).toEqual(Y.encodeStateVector(stored));
    expect(got.state).toEqual(Y.encodeStateAsUpdate(stored)); // the deletions too

    const other = h.client(second.wsUrl, room, s.participants[0]!.token);
    await waitFor(() => ids(other.doc).includes('meteen'), 'another client gets the write');
    await waitFor(() => storedRows(dataDir, room).length === 2, 'the write is stored');
    fresh.destroy();
    other.destroy();
    await stop(second);

    const third = await start(dataDir);
    const after = h.client(third.wsUrl, room, s.participants[0]!.token);
    await after.synced;
    expect(ids(after.doc)).toHaveLength(191);
    expect(ids(after.doc)).toContain('meteen');
  });

  it('gets the edits a client made offline (the server asks for them once its doc is built)', async () => {
    const dataDir = tempDir();
    const { first, s, room, writer, checker } = await storedBoard(dataDir);
    const offline: TestClient = checker;
    offline.provider.disconnect(); // keeps its doc
    await waitFor(() => !offline.provider.wsconnected, 'the offline client is disconnected');
    addItems(offline.doc, [note('offline', 1)]); // made offline: the first server never sees it
    writer.destroy();
    await stop(first);
    expect(storedRows(dataDir, room)).toHaveLength(1);

    const second = await start(dataDir);
    const fresh = h.client(second.wsUrl, room, s.participants[0]!.token);
    await fresh.synced;
    expect(ids(fresh.doc)).toHaveLength(190);
    expect(ids(fresh.doc)).not.toContain('offline');
    offline.provider.destroy(); // the doc stays: it comes back on the new server
    h.client(second.wsUrl, room, s.facilitatorToken, { doc: offline.doc });
    await waitFor(() => ids(fresh.doc).includes('offline'), 'the offline edit reaches the others');
    await waitFor(() => storedRows(dataDir, room).length === 2, 'the offline edit is stored');
  });

  it('after kill -9, answers a client from the several stored rows, complete at its first sync', async () => {
    const dataDir = tempDir();
    const first = await startChildServer(dataDir);
    children.push(first);
    const s = await createSessionWith(first.url, 'Crash', []);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = h.client(first.wsUrl, room, s.facilitatorToken);
    await writer.synced;
    addItems(
      writer.doc,
      Array.from({ length: 100 }, (_, i) => note(`n${i}`, i)),
    );
    await waitFor(() => storedRows(dataDir, room).length >= 1, 'the board is stored');
    for (let i = 0; i < 5; i++) {
      const before = storedRows(dataDir, room).length;
      if (i % 2) deleteItems(writer.doc, [`n${i}`]);
      else addItems(writer.doc, [note(`later${i}`, i)]);
      await waitFor(() => storedRows(dataDir, room).length > before, `change ${i} stored`);
    }
    writer.destroy();
    first.proc.kill('SIGKILL'); // no compaction: the rows stay as they are
    await first.exited;
    const rows = storedRows(dataDir, room);
    expect(rows.length).toBeGreaterThan(1);
    const stored = new Y.Doc();
    for (const row of rows) Y.applyUpdate(stored, row);

    const second = await startChildServer(dataDir);
    children.push(second);
    const fresh = h.client(second.wsUrl, room, s.facilitatorToken);
    const atSync = new Promise<{ state: Uint8Array; ids: string[] }>((resolve) =>
      fresh.provider.once('sync', () => resolve({ state: Y.encodeStateAsUpdate(fresh.doc), ids: ids(fresh.doc) })),
    );
    const got = await atSync;
    expect(got.ids).toEqual(ids(stored));
    expect(got.ids).toHaveLength(101);
    expect(got.state).toEqual(Y.encodeStateAsUpdate(stored));
    addItems(fresh.doc, [note('daarna', 0)]);
    const other = h.client(second.wsUrl, room, s.facilitatorToken);
    await waitFor(() => ids(other.doc).includes('daarna'), 'a write after it is served');
  });
});
