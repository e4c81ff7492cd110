import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { api, createSessionWith, type TestServer } from '../helpers/server.ts';
import { useHarness } from '../helpers/harness.ts';
import { rawSocket, waitFor } from '../helpers/yclient.ts';
import { mark, markOf, markCount, markLong } from '../helpers/marks.ts';

const h = useHarness();
const client = h.client;
let server: TestServer;

/** A second client keeps working while a bad one is thrown out. */
async function expectRoomStillWorks(wsUrl: string, room: string, tokenA: string, tokenB: string, key: string) {
  const a = client(wsUrl, room, tokenA);
  const b = client(wsUrl, room, tokenB);
  await Promise.all([a.synced, b.synced]);
  mark(a.doc, key, true);
  await waitFor(() => markOf(b.doc, key) === true, 'room still syncs');
}

describe('bad input closes only that connection', () => {
  it('malformed frames get 4400; the room and the server go on', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'A', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const bystander = client(server.wsUrl, room, s.participants[1]!.token);
    await bystander.synced;
    const url = `${server.wsUrl}/${room}?token=${s.participants[0]!.token}`;

    const frames: (Uint8Array | string)[] = [
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // varint overflow
      new Uint8Array([0, 2, 50, 1, 2]), // update claims 50 bytes, has 2
      new Uint8Array([0, 2, 5, 9, 9, 9, 9, 9]), // an "update" that is no Yjs update
      new Uint8Array([1, 5, 1, 2, 3, 4, 5]), // awareness garbage
      new Uint8Array([9]), // unknown message type
      new Uint8Array([0, 7, 0]), // unknown sync message
      'hello', // text frame
    ];
    for (const frame of frames) {
      const raw = await rawSocket(url);
      raw.ws.send(frame);
      expect(await raw.closed, `frame ${String(frame)}`).toBe(CloseCode.malformed);
    }
    // Awareness JSON that does not parse.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 42);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, '{not json');
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    const raw = await rawSocket(url);
    raw.ws.send(encoding.toUint8Array(e));
    expect(await raw.closed).toBe(CloseCode.malformed);

    expect(bystander.provider.wsconnected).toBe(true);
    await expectRoomStillWorks(server.wsUrl, room, s.participants[0]!.token, s.participants[1]!.token, 'after-garbage');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/veldwerk_malformed_closes_total 8/);
  });

  it('a message over MAX_MESSAGE_BYTES closes that connection (1009)', async () => {
    server = await h.server({ env: { MAX_MESSAGE_BYTES: '65536' } });
    const s = await createSessionWith(server.url, 'A', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const big = client(server.wsUrl, room, s.participants[0]!.token);
    const other = client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([big.synced, other.synced]);
    mark(big.doc, 'big', 'x'.repeat(100_000));
    expect((await big.closed).code).toBe(CloseCode.messageTooBig);
    big.provider.disconnect();
    mark(other.doc, 'small', 1);
    const check = client(server.wsUrl, room, s.participants[1]!.token);
    await waitFor(() => markOf(check.doc, 'small') === 1, 'small edit stored');
    expect(markOf(check.doc, 'big')).toBeUndefined();
  });

  it('a doc cannot grow past MAX_DOC_BYTES', async () => {
    server = await h.server({ env: { MAX_DOC_BYTES: '65536' } });
    const s = await createSessionWith(server.url, 'A', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = client(server.wsUrl, room, s.participants[0]!.token);
    await a.synced;
    for (let i = 0; i < 10; i++) markLong(a.doc, `k${i}`, 'y'.repeat(10_000));
    await waitFor(() => a.refusals.includes('doc-too-large'), 'refused for size');
    const b = client(server.wsUrl, room, s.participants[1]!.token);
    await b.synced;
    const stored = markCount(b.doc);
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(10);
  });

  it('connections per IP are limited (4529, retried later)', async () => {
    server = await h.server({ env: { MAX_CONNECTIONS_PER_IP: '3' } });
    const s = await createSessionWith(server.url, 'A');
    const room = sessionRoomName(s.sessionId);
    const ok = [1, 2, 3].map(() => client(server.wsUrl, room, s.facilitatorToken));
    await Promise.all(ok.map((c) => c.synced));
    const fourth = client(server.wsUrl, room, s.facilitatorToken);
    expect((await fourth.closed).code).toBe(CloseCode.tooManyConnections);
    fourth.provider.disconnect();
    ok[0]!.destroy();
    const again = client(server.wsUrl, room, s.facilitatorToken);
    await again.synced;
  });

  it('join attempts are rate limited per address (429 with Retry-After)', async () => {
    server = await h.server({ env: { JOIN_ATTEMPTS_PER_MINUTE: '5' } });
    const s = await createSessionWith(server.url, 'A');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await api(server.url, 'POST', '/api/join', { joinCode: 'ZZZZZZ', name: 'Gok' })).status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    const limited = await api<{ error: { code: string } }>(server.url, 'POST', '/api/join', {
      joinCode: s.joinCode,
      name: 'Echt',
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('too_many_attempts');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a full room behind one address joins: only failed attempts count', async () => {
    server = await h.server({ env: { JOIN_ATTEMPTS_PER_MINUTE: '5' } });
    const s = await createSessionWith(server.url, 'Volle zaal');
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++) {
      statuses.push(
        (await api(server.url, 'POST', '/api/join', { joinCode: s.joinCode, name: `Deelnemer ${i}` })).status,
      );
    }
    expect(statuses.filter((st) => st === 201)).toHaveLength(70);
  });

  it("an attacker's guesses lock out that address only, not a participant elsewhere", async () => {
    server = await h.server({ env: { JOIN_ATTEMPTS_PER_MINUTE: '5', TRUST_PROXY: '1' } });
    const s = await createSessionWith(server.url, 'Onder vuur');
    const from = (address: string, body: object) =>
      fetch(server!.url + '/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const attacker: number[] = [];
    for (let i = 0; i < 12; i++) attacker.push(await from('198.51.100.66', { joinCode: `AB${i}-XYZ`, name: 'Gok' }));
    expect(attacker.filter((st) => st === 429).length).toBeGreaterThanOrEqual(7);
    // Even with the right code, the attacker's address waits...
    expect(await from('198.51.100.66', { joinCode: s.joinCode, name: 'Gok' })).toBe(429);
    // ...while a real participant on another address gets in.
    expect(await from('203.0.113.20', { joinCode: s.joinCode, name: 'Echt' })).toBe(201);
  });
});

describe('deleting a session', () => {
  it('closes its connections (4410) and removes every row', async () => {
    server = await h.server({ env: { SNAPSHOT_INTERVAL_MINUTES: '0.001' } });
    const s = await createSessionWith(server.url, 'Weg ermee', ['Anna']);
    const keep = await createSessionWith(server.url, 'Blijft', ['Bram']);
    const board = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = client(server.wsUrl, board, s.participants[0]!.token);
    const k = client(server.wsUrl, boardRoomName(keep.sessionId, PLENARY_BOARD_ID), keep.participants[0]!.token);
    await Promise.all([a.synced, k.synced]);
    mark(a.doc, 'name', 'Anna');
    mark(k.doc, 'name', 'Bram');
    await new Promise((r) => setTimeout(r, 150)); // past the 60 ms snapshot interval
    mark(a.doc, 'again', 1);
    await waitFor(() => {
      const db = new Database(path.join(server.dataDir, 'veldwerk.db'), { readonly: true });
      const n = (db.prepare('SELECT COUNT(*) n FROM snapshots WHERE session_id = ?').get(s.sessionId) as { n: number })
        .n;
      db.close();
      return n > 0;
    }, 'a snapshot exists');

    const denied = await api(server.url, 'DELETE', `/api/sessions/${s.sessionId}`, undefined, s.participants[0]!.token);
    expect(denied.status).toBe(403);
    const res = await api(server.url, 'DELETE', `/api/sessions/${s.sessionId}`, undefined, s.facilitatorToken);
    expect(res.status).toBe(204);
    expect((await a.closed).code).toBe(CloseCode.sessionDeleted);

    const db = new Database(path.join(server.dataDir, 'veldwerk.db'), { readonly: true });
    for (const table of ['sessions', 'participants', 'updates', 'snapshots']) {
      const col = table === 'sessions' ? 'id' : 'session_id';
      const n = db.prepare(`SELECT COUNT(*) n FROM ${table} WHERE ${col} = ?`).get(s.sessionId) as { n: number };
      expect(n.n, table).toBe(0);
      if (table === 'snapshots') continue; // the other session made no snapshot yet
      const kept = db.prepare(`SELECT COUNT(*) n FROM ${table} WHERE ${col} = ?`).get(keep.sessionId) as { n: number };
      expect(kept.n, `${table} of the other session`).toBeGreaterThan(0);
    }
    const names = db.prepare("SELECT COUNT(*) n FROM participants WHERE name = 'Anna'").get() as { n: number };
    expect(names.n).toBe(0);
    db.close();
    const gone = await api(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, s.facilitatorToken);
    expect(gone.status).toBe(404);
    // The other session is untouched and still live.
    mark(k.doc, 'still', 'here');
    const k2 = client(server.wsUrl, boardRoomName(keep.sessionId, PLENARY_BOARD_ID), keep.participants[0]!.token);
    await waitFor(() => markOf(k2.doc, 'still') === 'here', 'other session still syncs');
    expect(Y.encodeStateAsUpdate(k2.doc).byteLength).toBeGreaterThan(0);
  });
});
