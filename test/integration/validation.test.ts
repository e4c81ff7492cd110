// Issue 10: every update is checked before it is stored; nothing a hostile client sends
// can make the server store a row that does not load, or answer with 4500.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItems } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { boardRoomName, CloseCode, parseRoomName, PLENARY_BOARD_ID, RefusalReason } from '../../shared/protocol.ts';
import type { SqliteStore } from '../../server/store/SqliteStore.ts';
import { decodeWithinLimits, STORED_ROW_LIMITS } from '../../server/sync/updateLimits.ts';
import { useHarness } from '../helpers/harness.ts';
import { connectHostile, deeplyNestedUpdate, flipBit, seededRandom, syncFrame } from '../helpers/hostile.ts';
import { api, createSessionWith } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/yclient.ts';

const h = useHarness();

const note = (i: number) => ({
  kind: 'note' as const,
  id: `n${i}`,
  x: 10 * i,
  y: 20,
  w: 180,
  h: 120,
  text: `Notitie ${i}`,
  color: '#fff3a3' as const,
});

/** Every stored update row, read from the SQLite file (read-only) while the server runs. */
function storedRows(dataDir: string, room: string): { seq: number; data: Uint8Array }[] {
  const db = new Database(path.join(dataDir, 'veldwerk.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq')
      .all(room)
      .map((r) => ({ seq: r.seq, data: new Uint8Array(r.data) }));
  } finally {
    db.close();
  }
}

/** Applies rows to a fresh doc; throws when one does not decode within limits or apply cleanly. */
function docFromRows(rows: { seq: number; data: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) {
    const checked = decodeWithinLimits(row.data, STORED_ROW_LIMITS);
    if (!checked.ok) throw new Error(`row ${row.seq}: ${checked.reason}`);
    Y.applyUpdate(doc, row.data);
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) throw new Error('stored rows with missing dependencies');
  return doc;
}

const contentOf = (doc: Y.Doc) => JSON.stringify(doc.getMap('items').toJSON());

describe('updates are validated before they are stored', () => {
  it('an array nested 7,000 deep is refused; the board keeps its 50 notes through unload, compaction and restart', async () => {
    const env = { ROOM_IDLE_UNLOAD_MS: '50', COMPACT_AFTER_UPDATES: '10' };
    const first = await h.server({ env });
    const s = await createSessionWith(first.url, 'Diep', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const fac = h.client(first.wsUrl, room, s.facilitatorToken);
    const bram = h.client(first.wsUrl, room, s.participants[1]!.token);
    await Promise.all([fac.synced, bram.synced]);
    for (let i = 0; i < 50; i++) addItems(fac.doc, [note(i)]);
    await waitFor(() => readBoard(bram.doc).items.length === 50, 'Bram sees 50 notes');

    let bramUpdates = 0;
    bram.doc.on('update', () => bramUpdates++);
    const anna = await connectHostile(first.wsUrl, room, s.participants[0]!.token);
    expect(await anna.roundTrip()).toBe(true);
    anna.sendUpdate(deeplyNestedUpdate(7000));
    const stillOpen = await anna.roundTrip();
    expect(stillOpen, `closed with ${anna.closeCode}`).toBe(true); // still open
    expect(anna.refusals).toEqual([RefusalReason.invalidUpdate]);
    await sleep(100);
    expect(bramUpdates).toBe(0);
    expect(bram.doc.getMap('items').has('deep')).toBe(false);
    expect(first.server.registry.peek(room)?.doc.getMap('items').has('deep')).toBe(false);

    // Unload (final compaction), one more edit and compaction, then a restart on the same data.
    anna.close();
    fac.destroy();
    bram.destroy();
    await waitFor(() => first.server.registry.peek(room) === undefined, 'room unloaded');
    const again = h.client(first.wsUrl, room, s.facilitatorToken);
    await again.synced;
    addItems(again.doc, [note(50)]);
    await waitFor(() => storedRows(first.dataDir, room).length >= 2, 'edit stored');
    again.destroy();
    await waitFor(() => first.server.registry.peek(room) === undefined, 'room unloaded again');
    expect(storedRows(first.dataDir, room)).toHaveLength(1); // compacted into one row
    await h.stop(first);

    const second = await h.server({ dataDir: first.dataDir, env });
    const check = h.client(second.wsUrl, room, s.participants[1]!.token);
    await check.synced;
    const ids = readBoard(check.doc).items.map((i) => i.id);
    expect(ids).toHaveLength(51);
    for (let i = 0; i <= 50; i++) expect(ids).toContain(`n${i}`);
    const metrics = await (await fetch(`${second.url}/metrics`)).text();
    expect(metrics).toMatch(/veldwerk_quarantined_rows_total 0/);
    const exported = await api(second.url, 'GET', `/api/sessions/${s.sessionId}/export`, undefined, s.facilitatorToken);
    expect(exported.status).toBe(200);
  });

  it('400 bit-flipped copies of a valid update: no 4500, every stored row applies, the others converge', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Bits', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await bram.synced;

    // The valid update: Anna adds a note, as her client would send it (a new one each
    // time, with its own client id, so that a flip that leaves it valid adds something).
    // Checked unflipped first: it is accepted.
    const validUpdate = (n: number) => {
      const source = new Y.Doc();
      source.clientID = 1000 + n;
      Y.applyUpdate(source, Y.encodeStateAsUpdate(bram.doc)); // what Anna's client has seen
      const seen = Y.encodeStateVector(source);
      addItems(source, [{ ...note(n), author: 'Anna', authorId: s.participants[0]!.participantId }]);
      const update = Y.encodeStateAsUpdate(source, seen);
      source.destroy();
      return update;
    };

    const probe = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    probe.sendUpdate(validUpdate(0));
    await probe.roundTrip();
    expect(probe.refusals).toEqual([]);
    await waitFor(() => bram.doc.getMap('items').has('n0'), 'Bram sees the valid note');
    probe.close();

    const random = seededRandom(10);
    const tally = { malformed: 0, refused: 0, accepted: 0, noChange: 0 };
    const reasons = new Map<string, number>();
    const closes = new Map<number, number>();
    let anna = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    for (let n = 1; n <= 400; n++) {
      const before = storedRows(server.dataDir, room).length;
      const refusalsBefore = anna.refusals.length;
      const valid = validUpdate(n);
      anna.sendUpdate(flipBit(valid, Math.floor(random() * valid.length * 8)));
      const open = await anna.roundTrip();
      if (!open) {
        const code = await anna.closed;
        closes.set(code, (closes.get(code) ?? 0) + 1);
      }
      if (!open && anna.closeCode === CloseCode.malformed) tally.malformed++;
      else if (anna.refusals.length > refusalsBefore) {
        tally.refused++;
        const reason = anna.refusals.at(-1)!;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      } else if (storedRows(server.dataDir, room).length > before) tally.accepted++;
      else tally.noChange++;
      if (!open) anna = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
      docFromRows(storedRows(server.dataDir, room)).destroy(); // throws if a stored row does not load
    }
    anna.close();
    console.info(
      `bit flips: ${JSON.stringify(tally)}; refusals ${JSON.stringify(Object.fromEntries(reasons))}; closes ${JSON.stringify(Object.fromEntries(closes))}`,
    );
    expect(closes.has(CloseCode.internalError)).toBe(false);
    expect([...closes.keys()].every((c) => c === CloseCode.malformed || c === CloseCode.tooManyRefusals)).toBe(true);
    expect(tally.malformed + tally.refused + tally.accepted + tally.noChange).toBe(400);

    const live = server.server.registry.peek(room)!.doc;
    await waitFor(() => contentOf(bram.doc) === contentOf(live), "Bram's doc equals the server's");
    const fromDisk = docFromRows(storedRows(server.dataDir, room));
    expect(contentOf(fromDisk)).toBe(contentOf(live));
    expect(Y.encodeStateVector(fromDisk)).toEqual(Y.encodeStateVector(live));
  });

  it('a sync step 1 with a garbage state vector closes with 4400, not 4500', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'SV', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const garbage = [
      new Uint8Array([5, 1]), // five entries announced, half of one given
      new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // varint overflow
      new Uint8Array([1, 7, 3, 9, 9]), // trailing bytes
    ];
    for (const sv of garbage) {
      const raw = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
      raw.send(syncFrame(0, sv));
      expect(await raw.closed).toBe(CloseCode.malformed);
    }
    const ok = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    expect(await ok.roundTrip()).toBe(true);
    ok.close();
  });

  it('an update with missing dependencies is refused and undone; ten in a minute close the connection (4429)', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Gaten', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await bram.synced;
    let bramUpdates = 0;
    bram.doc.on('update', () => bramUpdates++);
    const anna = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    const rowsBefore = storedRows(server.dataDir, room).length;
    for (let n = 0; n < 10; n++) {
      // The second half of a client's history, without the first: Yjs would hold it as pending.
      const source = new Y.Doc();
      source.clientID = 5000 + n;
      addItems(source, [{ ...note(n), author: 'Anna', authorId: s.participants[0]!.participantId }]);
      const seen = Y.encodeStateVector(source);
      addItems(source, [{ ...note(100 + n), author: 'Anna', authorId: s.participants[0]!.participantId }]);
      anna.sendUpdate(Y.encodeStateAsUpdate(source, seen));
      source.destroy();
      if (n < 9) expect(await anna.roundTrip()).toBe(true);
    }
    expect(await anna.closed).toBe(CloseCode.tooManyRefusals);
    expect(anna.refusals).toEqual(new Array(10).fill(RefusalReason.invalidUpdate));
    expect(storedRows(server.dataDir, room)).toHaveLength(rowsBefore);
    expect(bramUpdates).toBe(0);
    const live = server.server.registry.peek(room)!.doc;
    expect(live.store.pendingStructs).toBeNull();
    expect(await metric(server.url, 'veldwerk_room_restores_total')).toBe(10);
  });

  it('when the store fails (disk full), the update is refused and undone; the room goes on', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Vol', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = h.client(server.wsUrl, room, s.facilitatorToken);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([anna.synced, bram.synced]);
    const db = (server.server.store as SqliteStore).db;
    db.exec(
      `CREATE TRIGGER disk_full BEFORE INSERT ON updates BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    addItems(anna.doc, [note(1)]);
    await waitFor(() => anna.refusals.length === 1, 'refused');
    expect(anna.refusals).toEqual([RefusalReason.serverError]);
    await sleep(100);
    expect(bram.doc.getMap('items').has('n1')).toBe(false);
    expect(server.server.registry.peek(room)!.doc.getMap('items').has('n1')).toBe(false);
    // A server change that cannot be stored rejects, so its HTTP request can answer.
    await expect(
      server.server.registry.change(parseRoomName(room)!, (doc) => addItems(doc, [note(2)])),
    ).rejects.toThrow(/disk is full/);
    db.exec('DROP TRIGGER disk_full');
    const carl = h.client(server.wsUrl, room, s.facilitatorToken);
    await carl.synced;
    addItems(carl.doc, [note(3)]);
    await waitFor(() => bram.doc.getMap('items').has('n3'), 'the room goes on');
    expect(storedRows(server.dataDir, room).length).toBeGreaterThan(0);
  });
});

async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}
