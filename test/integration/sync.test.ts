import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { setBoardLocked } from '../../shared/model/sessionDoc.ts';
import { createSessionWith, type TestServer } from '../helpers/server.ts';
import { useHarness } from '../helpers/harness.ts';
import { sleep, waitFor } from '../helpers/yclient.ts';
import { mark, unmark, markOf, marks } from '../helpers/marks.ts';

const h = useHarness();
const client = h.client;
let server: TestServer;

describe('sync between real y-websocket clients', () => {
  it('two clients on a board converge, both ways', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = client(server.wsUrl, room, s.participants[0]!.token);
    const b = client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([a.synced, b.synced]);
    mark(a.doc, 'from-a', 1);
    mark(b.doc, 'from-b', 'from-b');
    await waitFor(() => markOf(b.doc, 'from-a') === 1, 'b sees a');
    await waitFor(() => markOf(a.doc, 'from-b') === 'from-b', 'a sees b');
    expect(Y.encodeStateAsUpdate(a.doc)).toEqual(Y.encodeStateAsUpdate(b.doc));
  });

  it('presence shows the name from the token, not the one a client claims', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna', 'Bram']);
    const room = sessionRoomName(s.sessionId);
    const a = client(server.wsUrl, room, s.participants[0]!.token);
    const b = client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'De wethouder', color: '#f00' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID) !== undefined, 'b sees a in presence');
    const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user: Record<string, unknown> };
    expect(seen.user).toMatchObject({
      name: 'Anna',
      role: 'participant',
      color: '#f00',
      id: s.participants[0]!.participantId,
    });
  });

  it("a client cannot remove or overwrite another client's presence", async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna', 'Mallory']);
    const room = sessionRoomName(s.sessionId);
    const a = client(server.wsUrl, room, s.participants[0]!.token);
    const m = client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([a.synced, m.synced]);
    a.provider.awareness.setLocalStateField('user', { color: '#0a0' });
    await waitFor(() => m.provider.awareness.getStates().has(a.doc.clientID), 'm sees a');
    // Mallory forges an awareness entry with Anna's client id and a higher clock.
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const forged = new Awareness(new Y.Doc());
    forged.clientID = a.doc.clientID;
    forged.setLocalState({ user: { name: 'Anna (nep)' }, cursor: 'x' });
    forged.meta.set(a.doc.clientID, { clock: 999, lastUpdated: Date.now() });
    const encoding = await import('lib0/encoding');
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(forged, [a.doc.clientID]));
    (m.provider.ws as unknown as { send(d: Uint8Array): void }).send(encoding.toUint8Array(e));
    const observer = client(server.wsUrl, room, s.participants[0]!.token);
    await observer.synced;
    await sleep(200);
    const state = observer.provider.awareness.getStates().get(a.doc.clientID) as {
      user: { name: string };
      cursor?: string;
    };
    expect(state.user.name).toBe('Anna');
    expect(state.cursor).toBeUndefined();
    forged.destroy();
  });
});

describe('roles and locks', () => {
  it('a viewer cannot write; its presence still works', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = client(server.wsUrl, room, s.participants[0]!.token);
    const viewer = client(server.wsUrl, room, s.viewerToken);
    await Promise.all([anna.synced, viewer.synced]);
    viewer.provider.awareness.setLocalStateField('user', { color: '#00f' });
    mark(viewer.doc, 'hack', 'by viewer');
    await waitFor(() => viewer.refusals.length > 0, 'refusal to viewer');
    expect(viewer.refusals[0]).toBe('read-only');
    await waitFor(() => anna.provider.awareness.getStates().has(viewer.doc.clientID), 'anna sees the viewer');
    mark(anna.doc, 'ok', 'by anna');
    await waitFor(() => markOf(viewer.doc, 'ok') === 'by anna', 'viewer receives edits');
    expect(markOf(anna.doc, 'hack')).toBeUndefined();
    const fresh = client(server.wsUrl, room, s.participants[0]!.token);
    await fresh.synced;
    expect(marks(fresh.doc)).toEqual({ ok: 'by anna' });
  });

  it('participants cannot write the session doc; the facilitator can', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna']);
    const room = sessionRoomName(s.sessionId);
    const f = client(server.wsUrl, room, s.facilitatorToken);
    const anna = client(server.wsUrl, room, s.participants[0]!.token);
    await Promise.all([f.synced, anna.synced]);
    expect(anna.doc.getMap('meta').get('title')).toBe('Gezonde wijk');
    anna.doc.getMap('meta').set('title', 'Overgenomen');
    await waitFor(() => anna.refusals.length > 0, 'refusal');
    f.doc.getMap('meta').set('note', 'van de procesbegeleider');
    await waitFor(() => anna.doc.getMap('meta').get('note') !== undefined, 'anna gets the facilitator edit');
    expect(f.doc.getMap('meta').get('title')).toBe('Gezonde wijk');
  });

  it("a locked board refuses participants' updates and still takes the facilitator's", async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna', 'Bram']);
    const board = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const fSession = client(server.wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
    const fBoard = client(server.wsUrl, board, s.facilitatorToken);
    const anna = client(server.wsUrl, board, s.participants[0]!.token);
    const bram = client(server.wsUrl, board, s.participants[1]!.token);
    await Promise.all([fSession.synced, fBoard.synced, anna.synced, bram.synced]);

    mark(anna.doc, 'before', 1);
    await waitFor(() => markOf(bram.doc, 'before') === 1, 'unlocked edit arrives');

    setBoardLocked(fSession.doc, PLENARY_BOARD_ID, true);
    await sleep(100); // the lock travels to the server
    mark(anna.doc, 'while-locked', 1);
    await waitFor(() => anna.refusals.includes('board-locked'), 'anna is told the board is locked');
    mark(fBoard.doc, 'facilitator', 1);
    await waitFor(() => markOf(bram.doc, 'facilitator') === 1, 'facilitator edit arrives');
    expect(markOf(bram.doc, 'while-locked')).toBeUndefined();
    const fresh = client(server.wsUrl, board, s.participants[1]!.token);
    await fresh.synced;
    expect(marks(fresh.doc)).toEqual({ before: 1, facilitator: 1 });

    setBoardLocked(fSession.doc, PLENARY_BOARD_ID, false);
    await sleep(100);
    mark(bram.doc, 'after', 1);
    await waitFor(() => markOf(fresh.doc, 'after') === 1, 'edits flow again after unlock');
  });
});

describe('reconnects', () => {
  it('a reconnect with nothing new is neither stored nor refused, also on a locked board', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna']);
    const board = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const fSession = client(server.wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
    const anna = client(server.wsUrl, board, s.participants[0]!.token);
    const viewer = client(server.wsUrl, board, s.viewerToken);
    await Promise.all([fSession.synced, anna.synced, viewer.synced]);
    mark(anna.doc, 'a', 1);
    mark(anna.doc, 'b', 2);
    unmark(anna.doc, 'a'); // the doc now has deletions
    setBoardLocked(fSession.doc, PLENARY_BOARD_ID, true); // and so has the session doc
    await waitFor(() => server.server.metrics.updatesTotal === 4, 'all stored');
    await sleep(100);

    for (const c of [anna, viewer]) {
      c.provider.disconnect();
      c.provider.connect();
    }
    await waitFor(() => anna.provider.synced && viewer.provider.synced, 'both resynced');
    await sleep(200);
    expect(anna.refusals).toEqual([]);
    expect(viewer.refusals).toEqual([]);
    expect(server.server.metrics.updatesTotal).toBe(4);
    expect(server.server.metrics.refusedUpdatesTotal).toBe(0);
  });
});

describe('access', () => {
  it('a token for session A opens no room of session B', async () => {
    server = await h.server();
    const a = await createSessionWith(server.url, 'A', ['Anna']);
    const b = await createSessionWith(server.url, 'B');
    const c1 = client(server.wsUrl, sessionRoomName(b.sessionId), a.facilitatorToken);
    const c2 = client(server.wsUrl, boardRoomName(b.sessionId, PLENARY_BOARD_ID), a.participants[0]!.token);
    expect((await c1.closed).code).toBe(CloseCode.forbidden);
    expect((await c2.closed).code).toBe(CloseCode.forbidden);
    expect(c1.doc.getMap('meta').get('title')).toBeUndefined();
  });

  it('forged, expired and missing tokens are refused', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'A', ['Anna']);
    const room = sessionRoomName(s.sessionId);
    const [body, sig] = s.participants[0]!.token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...payload, role: 'facilitator' })).toString('base64url');
    const { TokenSigner, loadOrCreateSecret } = await import('../../server/auth/tokens.ts');
    const signer = new TokenSigner(loadOrCreateSecret(server.dataDir));
    const expired = signer.sign({
      sid: s.sessionId,
      role: 'participant',
      pid: payload.pid,
      ttlMs: 1000,
      now: Date.now() - 5000,
    });
    const otherSecret = new TokenSigner(Buffer.alloc(32, 7)).sign({
      sid: s.sessionId,
      role: 'facilitator',
      pid: payload.pid,
      ttlMs: 60_000,
    });
    for (const token of [`${promoted}.${sig}`, expired, otherSecret, 'garbage', '']) {
      const c = client(server.wsUrl, room, token);
      expect((await c.closed).code, `token ${token.slice(0, 12)}`).toBe(CloseCode.unauthorized);
      expect(c.doc.getMap('meta').size).toBe(0);
    }
  });

  it('invalid room names and unknown boards are refused with 4404', async () => {
    server = await h.server();
    const s = await createSessionWith(server.url, 'A');
    for (const room of ['x', `s/${s.sessionId}/b/`, `s/${s.sessionId}/b/nope`, `s/${s.sessionId}/../x`]) {
      const c = client(server.wsUrl, room, s.facilitatorToken);
      expect((await c.closed).code, room).toBe(CloseCode.notFound);
    }
  });
});
