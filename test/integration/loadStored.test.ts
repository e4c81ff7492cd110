/**
 * Loading a room for serving (issue 14, server/sync/loadStored.ts), on a real SQLite file:
 * a room's stored rows (one after a graceful stop, several after a crash) answer before its
 * doc is built, and the build gives the doc they hold; very many rows are built at once; a
 * row over the limits is quarantined before anything is answered.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItems } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { createLogger } from '../../server/log.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { loadStoredDoc, loadStoredForServing } from '../../server/sync/loadStored.ts';
import { tempDir } from '../helpers/server.ts';

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A SQLite store with the sessions of the rooms below (a row is stored only for a session that exists). */
async function openStore(): Promise<SqliteStore> {
  const store = new SqliteStore(path.join(tempDir(), 'veldwerk.db'));
  stores.push(store);
  for (const [id, joinCode] of [
    ['laden-sessie-1', 'LADEN1'],
    ['laden-sessie-2', 'LADEN2'],
  ] as const) {
    await store.sessions.createSession(
      { id, title: 'Laden', joinCode, createdAt: 1000 },
      { id: `fac-${joinCode}`, sessionId: id, name: 'Fien', role: 'facilitator', createdAt: 1000 },
    );
  }
  return store;
}

const log = createLogger('silent');
const ROOM = boardRoomName('laden-sessie-1', PLENARY_BOARD_ID);

/** A board with `n` notes, as one update. */
function boardUpdate(n: number, from = 0): { update: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  addItems(
    doc,
    Array.from({ length: n }, (_, i) => ({
      kind: 'note' as const,
      id: `n${from + i}`,
      x: 10 * i,
      y: 20,
      w: 180,
      h: 120,
      text: `Notitie ${from + i}`,
      color: '#fff3a3' as const,
    })),
  );
  return { update: Y.encodeStateAsUpdate(doc), doc };
}

/** Depth 40 of nested arrays in one value: over the stored rows' depth limit. */
function tooDeepUpdate(): Uint8Array {
  const doc = new Y.Doc();
  let value: unknown = 'diep';
  for (let i = 0; i < 40; i++) value = [value];
  doc.getMap('items').set('x', value);
  return Y.encodeStateAsUpdate(doc);
}

const ids = (doc: Y.Doc) =>
  readBoard(doc)
    .items.map((i) => i.id)
    .sort();

describe('loading a room for serving', () => {
  it('answers from the one stored row before the doc is built; the build holds that row', async () => {
    const store = await openStore();
    const { update, doc: original } = boardUpdate(50);
    const seq = await store.docs.append(ROOM, update);

    const loaded = await loadStoredForServing(ROOM, { store: store.docs, log });
    expect(loaded.built).toBe(false);
    expect(loaded.wholeState).toEqual(update);
    expect(loaded.doc.store.clients.size).toBe(0); // nothing applied yet
    expect(loaded.seqs).toEqual([seq]);

    expect(loaded.build()).toBe(true);
    expect(loaded.built).toBe(true);
    expect(ids(loaded.doc)).toEqual(ids(original));
    expect(Y.encodeStateVector(loaded.doc)).toEqual(Y.encodeStateVector(original));
    expect(loaded.wholeState).toEqual(update); // still the doc's whole state: it answers on
    expect(loaded.build()).toBe(true); // once only
  });

  it('answers from several stored rows (after a crash) in their order before the doc is built', async () => {
    const store = await openStore();
    const rows = [boardUpdate(3).update, boardUpdate(2, 3).update];
    for (const row of rows) await store.docs.append(ROOM, row);
    const loaded = await loadStoredForServing(ROOM, { store: store.docs, log });
    expect(loaded.built).toBe(false);
    expect(loaded.unbuiltUpdates).toEqual(rows);
    expect(loaded.wholeState).toBeNull(); // no one row is the whole state
    loaded.build();
    expect(loaded.unbuiltUpdates).toBeNull();
    expect(ids(loaded.doc)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
  });

  it('builds a room of very many rows at once', async () => {
    const store = await openStore();
    for (let i = 0; i < 101; i++) await store.docs.append(ROOM, boardUpdate(1, i).update);
    const loaded = await loadStoredForServing(ROOM, { store: store.docs, log });
    expect(loaded.built).toBe(true);
    expect(ids(loaded.doc)).toHaveLength(101);
  });

  it('quarantines a row over the limits before answering, with one row left or none', async () => {
    const store = await openStore();
    const good = boardUpdate(4).update;
    await store.docs.append(ROOM, good);
    const bad = await store.docs.append(ROOM, tooDeepUpdate());
    const loaded = await loadStoredForServing(ROOM, { store: store.docs, log });
    expect(loaded.quarantined).toBe(1);
    expect(loaded.built).toBe(false); // the good row is the whole state: it answers
    expect(loaded.wholeState).toEqual(good);
    expect((await store.docs.load(ROOM)).seqs).not.toContain(bad);
    loaded.build();
    expect(ids(loaded.doc)).toEqual(['n0', 'n1', 'n2', 'n3']);

    const other = boardRoomName('laden-sessie-2', PLENARY_BOARD_ID);
    await store.docs.append(other, tooDeepUpdate());
    const empty = await loadStoredForServing(other, { store: store.docs, log });
    expect(empty.quarantined).toBe(1);
    expect(empty.built).toBe(true);
    expect(empty.wholeState).toBeNull();
    expect(empty.seqs).toEqual([]);
  });

  it('loadStoredDoc (reports, admin) still returns a built doc from one row', async () => {
    const store = await openStore();
    await store.docs.append(ROOM, boardUpdate(7).update);
    const loaded = await loadStoredDoc(ROOM, { store: store.docs, log });
    expect(ids(loaded.doc)).toHaveLength(7);
  });
});
