/**
 * Private mode kept by the server (issue 10): while it is on, a participant's new notes
 * and answers live in their private copy of the board (a fork) and in the facilitator's
 * overview, never in the board room or another participant's connection; revealing
 * merges them into the board. Real server, real SQLite, real y-websocket clients.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { readAnswers, addAnswer } from '../../shared/model/board/answers.ts';
import { addItems } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { NOTE_COLORS } from '../../shared/model/board/schema.ts';
import { setPrivateMode } from '../../shared/model/meeting/live.ts';
import { setBoardLocked } from '../../shared/model/sessionDoc.ts';
import {
  CloseCode,
  PLENARY_BOARD_ID,
  RefusalReason,
  boardRoomName,
  forkRoomName,
  overviewRoomName,
  parseRoomName,
  sessionRoomName,
} from '../../shared/protocol.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { boardConnectionRoom } from '../../client/src/base/sync/boardRoom.ts';
import { useHarness } from '../helpers/harness.ts';
import { startChildServer, type ChildServer } from '../helpers/processServer.ts';
import path from 'node:path';
import { createSessionWith, tempDir } from '../helpers/server.ts';
import { sleep, waitFor, type TestClient } from '../helpers/yclient.ts';

const h = useHarness();
const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
});

const SECRET_NOTE = 'Geheim van Ana: de wethouder twijfelt';
const SECRET_ANSWER = 'Antwoord van Ana, nog privé';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** A y-websocket client that keeps every frame its socket received. */
function recordingClient(wsUrl: string, room: string, token: string): TestClient & { frames: Buffer[] } {
  const frames: Buffer[] = [];
  class RecordingSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: RecordingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 500,
  });
  const refusals: string[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) refusals.push(decoding.readVarString(decoder));
  };
  const synced = new Promise<void>((resolve) => provider.once('sync', (s: boolean) => s && resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    provider.on('connection-close', (e) => e && resolve({ code: e.code, reason: e.reason })),
  );
  const client = {
    doc,
    provider,
    synced,
    closed,
    refusals,
    frames,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  return client;
}

const holds = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(utf8(text));
const noteTexts = (doc: Y.Doc) => readBoard(doc).items.flatMap((i) => (i.kind === 'note' ? [i.text] : []));
const received = (frames: Buffer[], text: string) => Buffer.concat(frames).includes(utf8(text));

describe('private mode is kept by the server', () => {
  it("keeps A's hidden note and answer from B (doc and frames) until reveal, survives a restart, then merges", async () => {
    const dataDir = tempDir();
    let server = await h.server({ dataDir });
    const s = await createSessionWith(server.url, 'Privé', ['Ana', 'Bram']);
    const [ana, bram] = [s.participants[0]!, s.participants[1]!];
    const sid = s.sessionId;
    const board = boardRoomName(sid, PLENARY_BOARD_ID);
    const anaFork = forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId);
    const bramFork = forkRoomName(sid, PLENARY_BOARD_ID, bram.participantId);
    const overview = overviewRoomName(sid, PLENARY_BOARD_ID);

    // Before private mode: a public note of Ana's on the board.
    const anaBoard = h.client(server.wsUrl, board, ana.token);
    await anaBoard.synced;
    addItems(anaBoard.doc, [
      {
        kind: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: 'Openbaar van Ana',
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    const facSession = h.client(server.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facSession.synced;
    await sleep(100);

    setPrivateMode(facSession.doc, true);
    await sleep(200);

    // Bram: his fork and the board room (as a participant he may still read it), both recorded.
    const bramForkClient = recordingClient(server.wsUrl, bramFork, bram.token);
    const bramBoard = recordingClient(server.wsUrl, board, bram.token);
    const viewer = recordingClient(server.wsUrl, board, s.viewerToken);
    await Promise.all([bramForkClient.synced, bramBoard.synced, viewer.synced]);
    // The fork starts as a copy of the board: what was public is there.
    expect(noteTexts(bramForkClient.doc)).toContain('Openbaar van Ana');

    // Ana works in her fork.
    const anaForkClient = h.client(server.wsUrl, anaFork, ana.token);
    await anaForkClient.synced;
    expect(noteTexts(anaForkClient.doc)).toContain('Openbaar van Ana');
    const [secretId] = addItems(anaForkClient.doc, [
      {
        kind: 'note',
        x: 10,
        y: 10,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: SECRET_NOTE,
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    addAnswer(anaForkClient.doc, {
      id: 'answerAna1',
      questionId: 'question1',
      text: SECRET_ANSWER,
      author: 'Ana',
      authorId: ana.participantId,
    });

    // The facilitator's overview has it, live.
    const facOverview = h.client(server.wsUrl, overview, s.facilitatorToken);
    await facOverview.synced;
    await waitFor(() => noteTexts(facOverview.doc).includes(SECRET_NOTE), 'overview shows the hidden note');
    await waitFor(() => readAnswers(facOverview.doc).some((a) => a.text === SECRET_ANSWER), 'overview: answer');
    // Later work arrives in the overview as it is made.
    addItems(anaForkClient.doc, [
      {
        kind: 'note',
        x: 20,
        y: 20,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: 'Tweede geheim',
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    await waitFor(() => noteTexts(facOverview.doc).includes('Tweede geheim'), 'overview: live update');

    // Ana cannot write to the board itself while private mode is on.
    addItems(anaBoard.doc, [
      {
        kind: 'note',
        x: 30,
        y: 30,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: 'Op het bord gezet',
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    await waitFor(() => anaBoard.refusals.includes(RefusalReason.privateMode), 'board write refused');

    // Nobody but Ana opens her fork; only the facilitator opens the overview.
    const intruders = [
      h.client(server.wsUrl, anaFork, bram.token),
      h.client(server.wsUrl, anaFork, s.facilitatorToken),
      h.client(server.wsUrl, anaFork, s.viewerToken),
      h.client(server.wsUrl, overview, bram.token),
      h.client(server.wsUrl, overview, s.viewerToken),
    ];
    for (const c of intruders) expect((await c.closed).code).toBe(CloseCode.forbidden);
    for (const c of intruders) expect(holds(c.doc, SECRET_NOTE)).toBe(false);

    await sleep(300);
    for (const c of [bramForkClient, bramBoard, viewer]) {
      expect(holds(c.doc, SECRET_NOTE)).toBe(false);
      expect(holds(c.doc, SECRET_ANSWER)).toBe(false);
      expect(holds(c.doc, 'Op het bord gezet')).toBe(false);
      expect(received(c.frames, SECRET_NOTE)).toBe(false);
      expect(received(c.frames, SECRET_ANSWER)).toBe(false);
      expect(received(c.frames, 'Tweede geheim')).toBe(false);
    }
    // Nor is it stored in the board's rows.
    const boardRows = Buffer.concat((await server.server.store.docs.load(board)).updates.map((u) => Buffer.from(u)));
    expect(boardRows.includes(utf8(SECRET_NOTE))).toBe(false);

    // A restart during private mode loses nothing.
    for (const c of [anaForkClient, facOverview, bramForkClient, bramBoard, viewer, anaBoard, facSession]) {
      c.provider.disconnect();
    }
    await h.stop(server);
    server = await h.server({ dataDir });
    const anaAgain = h.client(server.wsUrl, anaFork, ana.token);
    const overviewAgain = h.client(server.wsUrl, overview, s.facilitatorToken);
    const bramAgain = recordingClient(server.wsUrl, board, bram.token);
    const bramForkAgain = recordingClient(server.wsUrl, bramFork, bram.token);
    await Promise.all([anaAgain.synced, overviewAgain.synced, bramAgain.synced, bramForkAgain.synced]);
    expect(noteTexts(anaAgain.doc)).toEqual(expect.arrayContaining([SECRET_NOTE, 'Tweede geheim']));
    expect(noteTexts(overviewAgain.doc)).toEqual(expect.arrayContaining([SECRET_NOTE, 'Tweede geheim']));
    expect(holds(bramAgain.doc, SECRET_NOTE)).toBe(false);
    expect(holds(bramForkAgain.doc, SECRET_NOTE)).toBe(false);
    expect(received(bramAgain.frames, SECRET_NOTE)).toBe(false);

    // Reveal: the facilitator turns private mode off.
    const facAgain = h.client(server.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facAgain.synced;
    setPrivateMode(facAgain.doc, false);
    await waitFor(() => noteTexts(bramAgain.doc).includes(SECRET_NOTE), 'B sees the note after reveal');
    await waitFor(() => readAnswers(bramAgain.doc).some((a) => a.text === SECRET_ANSWER), 'B sees the answer');
    expect(noteTexts(bramAgain.doc)).toEqual(
      expect.arrayContaining(['Openbaar van Ana', SECRET_NOTE, 'Tweede geheim']),
    );
    expect(readBoard(bramAgain.doc).byId.get(secretId!)?.kind).toBe('note');
    // The refused board write stays refused.
    expect(noteTexts(bramAgain.doc)).not.toContain('Op het bord gezet');
    // The private copies are closed and gone from the store; they cannot be opened again.
    expect((await anaAgain.closed).code).toBe(CloseCode.privateEnded);
    expect((await overviewAgain.closed).code).toBe(CloseCode.privateEnded);
    await server.server.registry.privateRooms.settled();
    expect(await server.server.store.docs.listRooms(sid)).not.toContain(anaFork);
    expect(
      (await server.server.store.docs.listRooms(sid)).filter((r) => r.includes('/p/') || r.endsWith('/o')),
    ).toEqual([]);
    const late = h.client(server.wsUrl, anaFork, ana.token);
    expect((await late.closed).code).toBe(CloseCode.privateEnded);
    // Participants write to the board again.
    addItems(bramAgain.doc, [
      {
        kind: 'note',
        x: 40,
        y: 40,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: 'Weer openbaar',
        author: 'Bram',
        authorId: bram.participantId,
      },
    ]);
    await sleep(200);
    expect(bramAgain.refusals).toEqual([]);
    for (const c of [bramAgain, bramForkAgain]) c.destroy();
    for (const c of [bramForkClient, bramBoard, viewer]) c.destroy();
  }, 60_000);

  it("a private copy's writes accepted before the reveal are merged, none after it", async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Privé', ['Ana']);
    const ana = s.participants[0]!;
    const sid = s.sessionId;
    const facSession = h.client(server.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facSession.synced;
    setPrivateMode(facSession.doc, true);
    await sleep(200);
    const fork = h.client(server.wsUrl, forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId), ana.token);
    await fork.synced;
    // Many small writes, the reveal in the middle of them.
    for (let i = 0; i < 50; i++) {
      addItems(fork.doc, [
        {
          kind: 'note',
          x: i,
          y: 0,
          w: 180,
          h: 120,
          color: NOTE_COLORS[0],
          text: `n${i}`,
          author: 'Ana',
          authorId: ana.participantId,
        },
      ]);
      if (i === 25) setPrivateMode(facSession.doc, false);
      await sleep(2);
    }
    await server.server.registry.privateRooms.settled();
    await sleep(300);
    await server.server.registry.privateRooms.settled();
    const boardClient = h.client(server.wsUrl, boardRoomName(sid, PLENARY_BOARD_ID), ana.token);
    await boardClient.synced;
    const onBoard = new Set(noteTexts(boardClient.doc));
    // The fork took writes in order until private mode went off, and none after: the
    // board holds exactly a first run of them, with those sent well before the reveal.
    const merged = Array.from({ length: 50 }, (_, i) => onBoard.has(`n${i}`));
    const accepted = merged.indexOf(false) < 0 ? 50 : merged.indexOf(false);
    expect(merged.slice(accepted).every((m) => !m)).toBe(true);
    expect(accepted).toBeGreaterThanOrEqual(20);
    // Those after it were refused by the fork or never reached it (it closed on reveal).
    if (accepted < 50)
      expect(fork.refusals.includes(RefusalReason.privateMode) || !fork.provider.wsconnected).toBe(true);
    expect((await fork.closed).code).toBe(CloseCode.privateEnded);
    const storedFork = await server.server.store.docs.load(forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId));
    expect(storedFork.updates).toEqual([]);
  }, 30_000);

  it("follows the board's lock in a private copy, and every quick write reaches the overview", async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Privé', ['Ana']);
    const ana = s.participants[0]!;
    const sid = s.sessionId;
    const facSession = h.client(server.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facSession.synced;
    setPrivateMode(facSession.doc, true);
    setBoardLocked(facSession.doc, PLENARY_BOARD_ID, true);
    await sleep(200);
    const fork = h.client(server.wsUrl, forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId), ana.token);
    const overview = h.client(server.wsUrl, overviewRoomName(sid, PLENARY_BOARD_ID), s.facilitatorToken);
    await Promise.all([fork.synced, overview.synced]);
    const note = (text: string) => ({
      kind: 'note' as const,
      x: 0,
      y: 0,
      w: 180,
      h: 120,
      color: NOTE_COLORS[0],
      text,
      author: 'Ana',
      authorId: ana.participantId,
    });
    addItems(fork.doc, [note('Op slot')]);
    await waitFor(() => fork.refusals.includes(RefusalReason.boardLocked), 'locked fork refuses');
    expect(noteTexts(overview.doc)).not.toContain('Op slot');

    setBoardLocked(facSession.doc, PLENARY_BOARD_ID, false);
    await sleep(200);
    const fresh = h.client(server.wsUrl, forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId), ana.token);
    await fresh.synced;
    // 200 separate updates in quick succession: batched on their way, none lost.
    for (let i = 0; i < 200; i++) addItems(fresh.doc, [note(`snel ${i}`)]);
    await waitFor(() => noteTexts(overview.doc).filter((t) => t.startsWith('snel ')).length === 200, 'all 200', 20_000);
    setPrivateMode(facSession.doc, false);
    await server.server.registry.privateRooms.settled();
    const board = h.client(server.wsUrl, boardRoomName(sid, PLENARY_BOARD_ID), ana.token);
    await board.synced;
    await waitFor(() => noteTexts(board.doc).filter((t) => t.startsWith('snel ')).length === 200, 'merged', 10_000);
  }, 60_000);

  it('merges private copies left behind when the server stopped between private mode going off and the reveal', async () => {
    const dataDir = tempDir();
    let server = await h.server({ dataDir });
    const s = await createSessionWith(server.url, 'Privé', ['Ana']);
    const ana = s.participants[0]!;
    const sid = s.sessionId;
    const facSession = h.client(server.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facSession.synced;
    setPrivateMode(facSession.doc, true);
    await sleep(200);
    const fork = h.client(server.wsUrl, forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId), ana.token);
    await fork.synced;
    addItems(fork.doc, [
      {
        kind: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: SECRET_NOTE,
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    await sleep(300);
    fork.provider.disconnect();
    facSession.provider.disconnect();
    await h.stop(server);

    // Private mode went off in the stored session doc, but no reveal ran (a crash).
    const store = new SqliteStore(path.join(dataDir, 'veldwerk.db'));
    const sessionDoc = new Y.Doc();
    for (const u of (await store.docs.load(sessionRoomName(sid))).updates) Y.applyUpdate(sessionDoc, u);
    let off: Uint8Array | null = null;
    sessionDoc.on('update', (u: Uint8Array) => (off = u));
    setPrivateMode(sessionDoc, false);
    expect(off).not.toBeNull();
    await store.docs.append(sessionRoomName(sid), off!);
    expect((await store.docs.listRooms(sid)).some((r) => r.includes('/p/'))).toBe(true);
    store.close();

    server = await h.server({ dataDir });
    const board = h.client(server.wsUrl, boardRoomName(sid, PLENARY_BOARD_ID), ana.token);
    await board.synced;
    await waitFor(() => noteTexts(board.doc).includes(SECRET_NOTE), 'the left-behind copy is merged');
    await server.server.registry.privateRooms.settled();
    expect(
      (await server.server.store.docs.listRooms(sid)).filter((r) => r.includes('/p/') || r.endsWith('/o')),
    ).toEqual([]);
  }, 30_000);

  it("an overview that loads again catches up with a private copy's update it missed (stored, then a crash)", async () => {
    const dataDir = tempDir();
    let server = await h.server({ dataDir });
    const s = await createSessionWith(server.url, 'Privé', ['Ana']);
    const ana = s.participants[0]!;
    const sid = s.sessionId;
    const forkName = forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId);
    const overviewName = overviewRoomName(sid, PLENARY_BOARD_ID);
    const facSession = h.client(server.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facSession.synced;
    setPrivateMode(facSession.doc, true);
    await sleep(200);
    const fork = h.client(server.wsUrl, forkName, ana.token);
    const overview = h.client(server.wsUrl, overviewName, s.facilitatorToken);
    await Promise.all([fork.synced, overview.synced]);
    fork.provider.disconnect();
    overview.provider.disconnect();
    facSession.provider.disconnect();
    await h.stop(server);

    // A fork's update that was stored but never forwarded (the process died in between).
    const store = new SqliteStore(path.join(dataDir, 'veldwerk.db'));
    const forkDoc = new Y.Doc();
    for (const u of (await store.docs.load(forkName)).updates) Y.applyUpdate(forkDoc, u);
    let update: Uint8Array | null = null;
    forkDoc.on('update', (u: Uint8Array) => (update = u));
    addItems(forkDoc, [
      {
        kind: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        color: NOTE_COLORS[0],
        text: 'Vlak voor de crash',
        author: 'Ana',
        authorId: ana.participantId,
      },
    ]);
    await store.docs.append(forkName, update!);
    store.close();

    server = await h.server({ dataDir });
    const again = h.client(server.wsUrl, overviewName, s.facilitatorToken);
    await again.synced;
    await waitFor(() => noteTexts(again.doc).includes('Vlak voor de crash'), 'the overview caught up');
  }, 30_000);

  it('kill -9 in private mode: every note the facilitator saw is still in the private copy and the overview', async () => {
    const dataDir = tempDir();
    const first = await startChildServer(dataDir);
    children.push(first);
    const s = await createSessionWith(first.url, 'Privé', ['Ana']);
    const ana = s.participants[0]!;
    const sid = s.sessionId;
    const forkName = forkRoomName(sid, PLENARY_BOARD_ID, ana.participantId);
    const overviewName = overviewRoomName(sid, PLENARY_BOARD_ID);
    const facSession = h.client(first.wsUrl, sessionRoomName(sid), s.facilitatorToken);
    await facSession.synced;
    setPrivateMode(facSession.doc, true);
    await sleep(300);
    const fork = h.client(first.wsUrl, forkName, ana.token);
    const overview = h.client(first.wsUrl, overviewName, s.facilitatorToken);
    await Promise.all([fork.synced, overview.synced]);
    let killed = false;
    overview.doc.on('update', () => {
      if (!killed && noteTexts(overview.doc).length >= 40) {
        killed = true;
        first.proc.kill('SIGKILL');
      }
    });
    for (let i = 0; i < 120; i++) {
      addItems(fork.doc, [
        {
          kind: 'note',
          x: i,
          y: 0,
          w: 180,
          h: 120,
          color: NOTE_COLORS[0],
          text: `k${i}`,
          author: 'Ana',
          authorId: ana.participantId,
        },
      ]);
    }
    expect((await first.exited).signal).toBe('SIGKILL');
    const seen = noteTexts(overview.doc);
    expect(seen.length).toBeGreaterThanOrEqual(40);
    fork.destroy(); // its unsent updates must not help the restarted server
    overview.destroy();
    facSession.destroy();

    const second = await startChildServer(dataDir);
    children.push(second);
    const forkAgain = h.client(second.wsUrl, forkName, ana.token);
    const overviewAgain = h.client(second.wsUrl, overviewName, s.facilitatorToken);
    await Promise.all([forkAgain.synced, overviewAgain.synced]);
    expect(seen.filter((t) => !noteTexts(forkAgain.doc).includes(t))).toEqual([]);
    expect(seen.filter((t) => !noteTexts(overviewAgain.doc).includes(t))).toEqual([]);
    // The overview holds everything the private copy kept, too.
    await waitFor(
      () => noteTexts(forkAgain.doc).every((t) => noteTexts(overviewAgain.doc).includes(t)),
      'overview complete',
    );
  }, 60_000);
});

describe('room names of private mode', () => {
  const sid = 'sessionAAAA';
  it('parses private copies and overviews next to sessions and boards', () => {
    expect(parseRoomName(`s/${sid}`)).toEqual({ kind: 'session', sessionId: sid, name: `s/${sid}` });
    expect(parseRoomName(`s/${sid}/b/plenair`)).toMatchObject({ kind: 'board', boardId: 'plenair' });
    expect(parseRoomName(forkRoomName(sid, 'g1', 'pid42'))).toMatchObject({
      kind: 'fork',
      sessionId: sid,
      boardId: 'g1',
      participantId: 'pid42',
    });
    expect(parseRoomName(overviewRoomName(sid, 'g1'))).toMatchObject({ kind: 'overview', boardId: 'g1' });
    for (const bad of [
      `s/${sid}/b/g1/p/`,
      `s/${sid}/b/g1/o/x`,
      `s/${sid}/b/g1/p/a/b`,
      `s/${sid}/p/pid`,
      `s/${sid}/b/g1/q`,
    ]) {
      expect(parseRoomName(bad)).toBeNull();
    }
  });

  it("chooses a person's board connection from role, participant id and private mode", () => {
    const base = { sessionId: sid, boardId: 'g1', participantId: 'pid42' };
    const room = (role: 'facilitator' | 'participant' | 'viewer', privateOn: boolean) =>
      boardConnectionRoom({ ...base, role, privateOn });
    expect(room('participant', false)).toBe(boardRoomName(sid, 'g1'));
    expect(room('participant', true)).toBe(forkRoomName(sid, 'g1', 'pid42'));
    expect(room('facilitator', true)).toBe(overviewRoomName(sid, 'g1'));
    expect(room('facilitator', false)).toBe(boardRoomName(sid, 'g1'));
    expect(room('viewer', true)).toBe(boardRoomName(sid, 'g1'));
  });
});
