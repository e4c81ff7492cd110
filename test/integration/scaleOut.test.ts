/**
 * Several instances (issue 13): two server processes on one PostgreSQL and one Redis,
 * nginx in front with the shipped `deploy/nginx/veldwerk.conf`. Real y-websocket
 * clients; every wait is for a condition, never for a time.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readBoard, readSharedEvaluation, setBoardLocked } from '../../shared/model/sessionDoc.ts';
import { addItems } from '../../shared/model/board/commands.ts';
import { readBoard as readBoardDoc } from '../../shared/model/board/read.ts';
import { NOTE_COLORS } from '../../shared/model/board/schema.ts';
import { readLive, setPrivateMode } from '../../shared/model/meeting/live.ts';
import {
  boardRoomName,
  CloseCode,
  forkRoomName,
  overviewRoomName,
  PLENARY_BOARD_ID,
  sessionRoomName,
} from '../../shared/protocol.ts';
import { mark, markCount, markOf, marks, observeMarks } from '../helpers/marks.ts';
import { startNginx, type TestNginx } from '../helpers/nginx.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startChildServer, type ChildServer } from '../helpers/processServer.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { api, createSessionWith, tempDir } from '../helpers/server.ts';
import { useHarness } from '../helpers/harness.ts';
import { waitFor, type TestClient } from '../helpers/yclient.ts';

const h = useHarness();
const client = h.client;
const LONG = 60_000;
const SECRET = 'Geheim van Ana, nog niet voor de groep';
const noteTexts = (doc: Y.Doc) => readBoardDoc(doc).items.flatMap((i) => (i.kind === 'note' ? [i.text] : []));

let pg: TestPostgres;
let redis: TestRedis;
let nginx: TestNginx;
let a: ChildServer;
let b: ChildServer;
let bDir: string;
let env: Record<string, string>;

/** Every instance signs and checks tokens with the same secret (deploy/README: one secret.key). */
function dataDirWithSecret(secret: string): string {
  const dir = tempDir('veldwerk-scale-');
  fs.writeFileSync(path.join(dir, 'secret.key'), secret, { mode: 0o600 });
  return dir;
}

async function connections(server: ChildServer): Promise<number> {
  const res = await api<{ connections: number }>(server.url, 'GET', '/healthz');
  return res.body.connections;
}

beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const secret = crypto.randomBytes(32).toString('hex');
  env = { DATABASE_URL: pg.url, REDIS_URL: redis.url, HEARTBEAT_MS: '1000' };
  bDir = dataDirWithSecret(secret);
  a = await startChildServer(dataDirWithSecret(secret), env);
  b = await startChildServer(bDir, env);
  nginx = await startNginx([a.url.replace('http://', ''), b.url.replace('http://', '')]);
}, 120_000);

afterAll(async () => {
  for (const child of [a, b]) if (child && child.proc.exitCode === null) child.proc.kill('SIGKILL');
  await Promise.all([nginx?.stop(), redis?.stop(), pg?.stop()]);
});

// Waits are for conditions with generous limits (a shared CI machine): more than vitest's 30 s.
describe('two instances, one PostgreSQL, one Redis', { timeout: 120_000 }, () => {
  it('both answer /readyz: the store and Redis are reachable', async () => {
    for (const server of [a, b]) {
      const res = await api<{ status: string }>(server.url, 'GET', '/readyz');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ready');
    }
  });

  it('clients on A and on B of one board converge: updates and presence, and presence leaves with its client', async () => {
    const s = await createSessionWith(a.url, 'Twee servers', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = client(a.wsUrl, room, s.participants[0]!.token);
    const bram = client(b.wsUrl, room, s.participants[1]!.token);
    await Promise.all([anna.synced, bram.synced]);

    for (let i = 0; i < 50; i++) {
      mark(anna.doc, `a${i}`, i);
      mark(bram.doc, `b${i}`, i);
    }
    await waitFor(() => markCount(anna.doc) === 100 && markCount(bram.doc) === 100, 'both have all 100', LONG);
    expect(marks(anna.doc)).toEqual(marks(bram.doc));

    anna.provider.awareness.setLocalStateField('cursor', { x: 1, y: 2 });
    await waitFor(() => bram.provider.awareness.getStates().has(anna.doc.clientID), 'bram sees anna', LONG);
    const seen = bram.provider.awareness.getStates().get(anna.doc.clientID) as { user: { name: string } };
    expect(seen.user.name).toBe('Anna'); // set by A's guard from the token, carried to B as it was
    bram.provider.awareness.setLocalStateField('cursor', { x: 3, y: 4 });
    await waitFor(() => anna.provider.awareness.getStates().has(bram.doc.clientID), 'anna sees bram', LONG);

    const annaId = anna.doc.clientID;
    anna.destroy();
    await waitFor(() => !bram.provider.awareness.getStates().has(annaId), "anna's presence leaves B", LONG);
  });

  it('a client opening a board on B sees who is already on it through A at once, not at their next renewal', async () => {
    const s = await createSessionWith(a.url, 'Later', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = client(a.wsUrl, room, s.participants[0]!.token);
    await anna.synced;
    anna.provider.awareness.setLocalStateField('cursor', { x: 7, y: 8 });
    const clock = anna.provider.awareness.meta.get(anna.doc.clientID)!.clock;
    // A sent it out (and published it, to no one on B yet): another client on A has it.
    const onA = client(a.wsUrl, room, s.participants[1]!.token);
    await waitFor(() => onA.provider.awareness.getStates().has(anna.doc.clientID), 'A has sent anna out', LONG);
    const bram = client(b.wsUrl, room, s.participants[1]!.token); // B loads the board now
    await waitFor(() => bram.provider.awareness.getStates().has(anna.doc.clientID), 'bram sees anna', LONG);
    // The state anna set, not a renewal (y-protocols renews every 15 s, with a higher clock).
    expect(bram.provider.awareness.meta.get(anna.doc.clientID)!.clock).toBe(clock);
  });

  it('a board locked through A refuses a participant on B', async () => {
    const s = await createSessionWith(a.url, 'Slot', ['Anna', 'Bram']);
    const board = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const facilitator = client(a.wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
    const watcherOnB = client(b.wsUrl, sessionRoomName(s.sessionId), s.participants[1]!.token);
    const annaOnA = client(a.wsUrl, board, s.participants[0]!.token);
    const bramOnB = client(b.wsUrl, board, s.participants[1]!.token);
    await Promise.all([facilitator.synced, watcherOnB.synced, annaOnA.synced, bramOnB.synced]);

    mark(bramOnB.doc, 'before', 1);
    await waitFor(() => markOf(annaOnA.doc, 'before') === 1, 'unlocked edit from B reaches A', LONG);

    setBoardLocked(facilitator.doc, PLENARY_BOARD_ID, true);
    // B's session room has the lock once a client of B sees it (B sent it after applying it).
    await waitFor(() => readBoard(watcherOnB.doc, PLENARY_BOARD_ID)?.locked === true, 'the lock reaches B', LONG);
    mark(bramOnB.doc, 'while-locked', 1);
    await waitFor(() => bramOnB.refusals.includes('board-locked'), 'B refuses bram', LONG);
    const fresh = client(a.wsUrl, board, s.participants[0]!.token);
    await fresh.synced;
    expect(marks(fresh.doc)).toEqual({ before: 1 });
    expect(markOf(annaOnA.doc, 'while-locked')).toBeUndefined();
  });

  it('a server change made through A (the evaluation shown) reaches a client on B', async () => {
    const s = await createSessionWith(a.url, 'Evaluatie', ['Anna']);
    const onB = client(b.wsUrl, sessionRoomName(s.sessionId), s.participants[0]!.token);
    await onB.synced;
    const shown = await api(a.url, 'POST', `/api/sessions/${s.sessionId}/evaluation/show`, {}, s.facilitatorToken);
    expect(shown.status).toBe(200);
    await waitFor(() => readSharedEvaluation(onB.doc) !== null, 'B has the shown evaluation', LONG);
  });

  it('a participant removed through A is closed on B', async () => {
    const s = await createSessionWith(a.url, 'Verwijderd', ['Anna', 'Bram']);
    const bramOnB = client(b.wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), s.participants[1]!.token);
    await bramOnB.synced;
    const pid = s.participants[1]!.participantId;
    const removed = await api(
      a.url,
      'DELETE',
      `/api/sessions/${s.sessionId}/participants/${pid}`,
      undefined,
      s.facilitatorToken,
    );
    expect(removed.status).toBeLessThan(300);
    expect((await bramOnB.closed).code).toBe(4411);
  });

  it("private mode across instances: a fork on B reaches the facilitator's overview on A, not another participant, until the reveal", async () => {
    const s = await createSessionWith(a.url, 'Privé', ['Ana', 'Bram']);
    const [ana, bram] = [s.participants[0]!, s.participants[1]!];
    const sid = s.sessionId;
    const board = boardRoomName(sid, PLENARY_BOARD_ID);
    const facSession = client(a.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    const anaSessionOnB = client(b.wsUrl, sessionRoomName(sid), ana.token);
    await Promise.all([facSession.synced, anaSessionOnB.synced]);
    setPrivateMode(facSession.doc, true);
    await waitFor(() => readLive(anaSessionOnB.doc).privateMode.on, 'B knows private mode is on', LONG);

    const anaFork = client(b.wsUrl, forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId), ana.token);
    const overview = client(a.wsUrl, overviewRoomName(sid, PLENARY_BOARD_ID), s.facilitatorToken);
    const bramBoardOnA = client(a.wsUrl, board, bram.token);
    const anaBoardOnB = client(b.wsUrl, board, ana.token);
    await Promise.all([anaFork.synced, overview.synced, bramBoardOnA.synced, anaBoardOnB.synced]);
    addItems(anaFork.doc, [
      {
        kind: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: SECRET,
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    await waitFor(() => noteTexts(overview.doc).includes(SECRET), "the overview on A shows Ana's note", LONG);
    expect(noteTexts(bramBoardOnA.doc)).not.toContain(SECRET);
    expect(noteTexts(anaBoardOnB.doc)).not.toContain(SECRET);

    setPrivateMode(facSession.doc, false);
    await waitFor(() => noteTexts(bramBoardOnA.doc).includes(SECRET), 'revealed on the board on A', LONG);
    await waitFor(() => noteTexts(anaBoardOnB.doc).includes(SECRET), 'revealed on the board on B', LONG);
    expect((await anaFork.closed).code).toBe(CloseCode.privateEnded);
  });

  it('SIGTERM drains B: its clients are closed with 1012 and move through nginx to A, nothing lost', async () => {
    const s = await createSessionWith(a.url, 'Onderhoud', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const bram = await connectVia(room, s.participants[1]!.token, b);
    const anna = client(a.wsUrl, room, s.participants[0]!.token);
    await anna.synced;
    mark(bram.doc, 'before', 1);
    await waitFor(() => markOf(anna.doc, 'before') === 1, 'anna has it', LONG);

    b.proc.kill('SIGTERM');
    expect((await bram.closed).code).toBe(CloseCode.shuttingDown);
    expect(await b.exited).toEqual({ code: 0, signal: null });
    await waitForSync(bram); // back through nginx, on A now
    mark(bram.doc, 'after', 2);
    await waitFor(() => markOf(anna.doc, 'after') === 2, 'anna gets what bram did after the move', LONG);

    // B again on its port, for what follows.
    b = await startChildServer(bDir, { ...env, PORT: new URL(b.url).port });
    expect((await api(b.url, 'GET', '/readyz')).status).toBe(200);
  });

  it("kill -9 A right after a burst: B serves everything any client saw, and A's clients move to B through nginx", async () => {
    const s = await createSessionWith(nginx.url, 'Uitval', ['Writer', 'WatcherA', 'WatcherB']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    // Through nginx (round robin, no stickiness): keep the clients that landed where we need them.
    const writer = await connectVia(room, s.participants[0]!.token, a);
    const watcherA = await connectVia(room, s.participants[1]!.token, a);
    const watcherB = client(b.wsUrl, room, s.participants[2]!.token);
    await watcherB.synced;
    watcherA.provider.awareness.setLocalStateField('cursor', { x: 5, y: 5 });
    await waitFor(() => watcherB.provider.awareness.getStates().has(watcherA.doc.clientID), 'B sees A', LONG);

    const seenAtKill = new Set<unknown>();
    let killed = false;
    observeMarks(watcherA.doc, () => {
      if (killed || markCount(watcherA.doc) < 300) return;
      killed = true;
      a.proc.kill('SIGKILL');
      // Held back until the fresh client's check: their copies must not help B.
      writer.provider.disconnect();
      watcherA.provider.disconnect();
      for (const v of Object.values(marks(watcherA.doc))) seenAtKill.add(v);
      for (const v of Object.values(marks(watcherB.doc))) seenAtKill.add(v);
    });
    for (let i = 0; i < 500; i++) mark(writer.doc, `k${i}`, i);
    expect((await a.exited).signal).toBe('SIGKILL');
    expect(seenAtKill.size).toBeGreaterThanOrEqual(300);

    const fresh = client(b.wsUrl, room, s.participants[2]!.token);
    const atSync = await contentAtFirstSync(fresh, (d) => Object.values(marks(d)));
    const present = new Set(atSync as unknown[]);
    const lost = [...seenAtKill].filter((v) => !present.has(v));
    expect(lost).toEqual([]);

    // The dead instance's presence leaves B (y-protocols' awareness timeout on B's room).
    const deadId = watcherA.doc.clientID;
    await waitFor(() => !watcherB.provider.awareness.getStates().has(deadId), "B forgets A's client", LONG);
    // B's room and watcherB time presence out on timers of their own (checked every 3 s each), so
    // B itself may forget a moment after watcherB: a client coming in later must, at the latest
    // then, get B's presence without the dead client.
    const deadline = Date.now() + LONG;
    for (;;) {
      const late = client(b.wsUrl, room, s.participants[2]!.token);
      await late.synced;
      await waitFor(() => late.provider.awareness.getStates().size > 0, 'late client gets presence', LONG);
      const stillThere = late.provider.awareness.getStates().has(deadId);
      late.destroy();
      if (!stillThere) break;
      if (Date.now() > deadline) throw new Error("B still serves the dead instance's client");
      await new Promise((r) => setTimeout(r, 500));
    }

    // A's clients come back through nginx, which finds A down and takes them to B.
    writer.provider.connect();
    watcherA.provider.connect();
    await Promise.all([waitForSync(writer), waitForSync(watcherA)]);
    await waitFor(
      () => [watcherA, watcherB, fresh].every((c) => markCount(c.doc) === 500),
      'every client has all 500',
      LONG,
    );
    expect(marks(watcherA.doc)).toEqual(marks(watcherB.doc));
    expect(marks(fresh.doc)).toEqual(marks(writer.doc));
    console.info(`kill -9 A: clients had ${seenAtKill.size}/500 at the kill; B served ${present.size} at first sync`);
  }, 180_000); // B forgets a dead instance's presence after y-protocols' 30 s awareness timeout
});

/** Connects through nginx until the connection lands on `target` (checked by its connection count). */
async function connectVia(room: string, token: string, target: ChildServer): Promise<TestClient> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const before = await connections(target);
    const c = client(nginx.wsUrl, room, token);
    await c.synced;
    if ((await connections(target)) > before) return c;
    c.destroy();
    await waitFor(() => !c.provider.wsconnected, 'closed');
  }
  throw new Error('nginx never sent a connection to the wanted instance');
}

function contentAtFirstSync(c: TestClient, read: (doc: Y.Doc) => unknown): Promise<unknown> {
  return new Promise((resolve) => c.provider.once('sync', () => resolve(read(c.doc))));
}

function waitForSync(c: TestClient): Promise<void> {
  return waitFor(() => c.provider.wsconnected && c.provider.synced, 'synced again', LONG);
}
