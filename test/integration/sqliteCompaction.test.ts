/**
 * A compaction of many rows on SQLite (issue 14, SqliteStore `compact`): the merged rows are
 * deleted a chunk per event-loop turn, so other rooms' work runs in between, and when the
 * promise resolves only the merged row is left, which loads to the same doc. Real file, real
 * Yjs updates.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import { tempDir } from '../helpers/server.ts';

describe('SQLite compaction of many rows', () => {
  it('lets other work run between its chunks and leaves only the merged row, which loads to the same doc', async () => {
    const store = new SqliteStore(path.join(tempDir(), 'veldwerk.db'));
    const id = crypto.randomUUID();
    const createdAt = Date.now();
    await store.sessions.createSession(
      { id, title: 'Compactie', joinCode: 'CMPCT123', createdAt },
      { id: crypto.randomUUID(), sessionId: id, name: 'Facilitator', role: Role.facilitator, createdAt },
    );
    const room = boardRoomName(id, PLENARY_BOARD_ID);
    const doc = new Y.Doc();
    const seqs: number[] = [];
    doc.on('update', (u: Uint8Array) => void store.docs.append(room, u).then((seq) => seqs.push(seq!)));
    for (let i = 0; i < 500; i++) doc.getMap('m').set(`k${i % 50}`, i);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seqs).toHaveLength(500);

    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true)); // another room's turn, queued before the compaction
    const merged = Y.encodeStateAsUpdate(doc);
    const seq = await store.docs.compact(room, merged, seqs);
    expect(otherWorkRan).toBe(true);

    expect(await store.docs.countUpdates(room)).toBe(1);
    const stored = await store.docs.load(room);
    expect(stored.seqs).toEqual([seq]);
    const loaded = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(loaded, u);
    expect(loaded.getMap('m').toJSON()).toEqual(doc.getMap('m').toJSON());
    await store.close();
  });
});
