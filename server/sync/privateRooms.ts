/**
 * Private mode that the server keeps (issue 10): while it is on, a participant's new
 * notes and answers never reach another participant's connection.
 *
 * - Each participant works on a private copy of each board (a fork, room
 *   `s/<sid>/b/<bid>/p/<pid>`), created on first use from the board's stored state (the
 *   same Yjs history, so it merges cleanly later). Only that participant opens it.
 * - The facilitator works on the board's overview (`s/<sid>/b/<bid>/o`): the board plus
 *   every fork. Each update a fork (or the board itself) stores is forwarded to the
 *   overview through the server-change path (stored there before it is applied).
 * - Participants cannot write to the board room while private mode is on; forks and
 *   the overview take no writes once it is off.
 * - Reveal (private mode goes off in the session doc): for every board, the state of
 *   every fork and of the overview is taken inside that room's queue (so each write it
 *   accepted is in, and it accepts none after), merged into the board through the
 *   server-change path (stored before it is applied and broadcast), and only once the
 *   board holds all of it are the forks' and the overview's rows deleted and their
 *   connections closed. Rows left behind by a crash are merged when the session loads.
 */
import * as Y from 'yjs';
import { readLive } from '../../shared/model/meeting/live.ts';
import { readBoard } from '../../shared/model/sessionDoc.ts';
import {
  CloseCode,
  RefusalReason,
  boardRoomName,
  overviewRoomName,
  parseRoomName,
  sessionRoomName,
  type Room as RoomName,
} from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { DocStore } from '../store/DocStore.ts';
import type { Identity } from './awarenessGuard.ts';
import type { Peer, Room } from './Room.ts';
import { loadStoredDoc } from './loadStored.ts';
import { changesDoc } from './updateContent.ts';

/** What this module needs of the room registry. */
export interface PrivateRoomHost {
  acquire(name: RoomName): Promise<Room>;
  release(room: Room): void;
  peek(name: string): Room | undefined;
  loadedRooms(): Room[];
}

type Denied = { code: number; reason: string };
/** Updates waiting for an overview: `next` takes every pending one once `tail` is done. */
interface Outbox {
  pending: Uint8Array[];
  next: Promise<void> | null;
  tail: Promise<void>;
}
type PrivateRoomName = Extract<RoomName, { kind: 'fork' | 'overview' }>;

const isPrivateRoom = (name: RoomName): name is PrivateRoomName => name.kind === 'fork' || name.kind === 'overview';

/**
 * Private mode as read from each session doc, until its next transaction begins (issue 14:
 * it is read for every update of a board). Not kept when read inside a transaction.
 */
const privateModeSeen = new WeakMap<Y.Doc, boolean>();
const watchedDocs = new WeakSet<Y.Doc>();

/** Is private mode on in this session doc? */
export function privateModeOn(sessionDoc: Y.Doc): boolean {
  const seen = privateModeSeen.get(sessionDoc);
  if (seen !== undefined) return seen;
  if (!watchedDocs.has(sessionDoc)) {
    watchedDocs.add(sessionDoc);
    sessionDoc.on('beforeTransaction', () => privateModeSeen.delete(sessionDoc));
  }
  const on = readLive(sessionDoc).privateMode.on;
  if (sessionDoc._transaction === null) privateModeSeen.set(sessionDoc, on);
  return on;
}

export class PrivateRooms {
  /** Private mode as last seen per loaded session room (to see it go off). */
  private readonly seenOn = new Map<string, boolean>();
  /** The reveal running per session; a second one waits for it. */
  private readonly reveals = new Map<string, Promise<void>>();
  /** Updates on their way to an overview, per overview room (see {@link forward}). */
  private readonly outboxes = new Map<string, Outbox>();

  constructor(
    private readonly host: PrivateRoomHost,
    private readonly store: DocStore,
    private readonly log: Logger,
    private readonly metrics?: Metrics,
    /** Other instances serve the same rooms (issue 13, `REDIS_URL`). */
    private readonly shared = false,
  ) {}

  /**
   * Who may open a fork (only its participant) or an overview (only a facilitator), and
   * only while private mode is on. `null` for every other room kind.
   */
  async admit(room: RoomName, identity: Identity): Promise<Denied | null> {
    if (room.kind === 'fork' && (identity.role !== Role.participant || identity.id !== room.participantId)) {
      return { code: CloseCode.forbidden, reason: 'private copy of another person' };
    }
    if (room.kind === 'overview' && identity.role !== Role.facilitator) {
      return { code: CloseCode.forbidden, reason: 'overview is for the facilitator' };
    }
    if (!isPrivateRoom(room)) return null;
    const session = await this.host.acquire(parseRoomName(sessionRoomName(room.sessionId))!);
    try {
      return privateModeOn(session.doc) ? null : { code: CloseCode.privateEnded, reason: 'private mode is off' };
    } finally {
      this.host.release(session);
    }
  }

  /**
   * The private-mode part of a board-like room's write policy: participants write their
   * fork, not the board, while private mode is on; forks and overviews take nothing
   * once it is off. The board's own rules (lock, kind, fields) apply on top.
   */
  writeRefusal(name: RoomName, peer: Peer, sessionDoc: Y.Doc | null): RefusalReason | null {
    if (name.kind === 'session' || !sessionDoc) return null;
    const on = privateModeOn(sessionDoc);
    if (name.kind === 'board') return on && peer.identity.role === Role.participant ? RefusalReason.privateMode : null;
    return on ? null : RefusalReason.privateMode;
  }

  /**
   * Before a fork or an overview loads: a new one starts as the board's stored state
   * (an overview also with every fork of the board), stored as its first row; an
   * overview that exists gets what it lacks of those. Nothing is created once private
   * mode is off (a reveal then loads what is left to merge it). What is stored here goes
   * to `publish` too (issue 13: another instance may have the overview loaded).
   */
  async prepare(name: RoomName, sessionDoc: Y.Doc | null, publish?: (update: Uint8Array) => void): Promise<void> {
    if (!isPrivateRoom(name) || !sessionDoc || !privateModeOn(sessionDoc)) return;
    if (!readBoard(sessionDoc, name.boardId)) return; // no such board: the connection is refused
    const exists = (await this.store.countUpdates(name.name)) > 0;
    if (exists && name.kind === 'fork') return;
    const sources = [boardRoomName(name.sessionId, name.boardId)];
    if (name.kind === 'overview') sources.push(...(await this.storedForks(name.sessionId, name.boardId)));
    const doc = await this.loadMerged(sources);
    try {
      if (!exists) {
        const first = Y.encodeStateAsUpdate(doc);
        if ((await this.store.append(name.name, first)) !== null) publish?.(first);
        return;
      }
      // An overview that loads again catches up with what it missed: a fork's update
      // stored just before a crash, before it was forwarded.
      const overview = await this.loadMerged([name.name]);
      const missing = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(overview));
      if (changesDoc(overview, Y.decodeUpdate(missing)) && (await this.store.append(name.name, missing)) !== null) {
        publish?.(missing);
      }
      overview.destroy();
    } finally {
      doc.destroy();
    }
  }

  /** The stored rooms merged, each as its room would load it (within limits; a row that cannot load is quarantined). */
  private async loadMerged(rooms: readonly string[]): Promise<Y.Doc> {
    const doc = new Y.Doc({ gc: false });
    for (const room of rooms) {
      const loaded = await loadStoredDoc(room, { store: this.store, log: this.log, metrics: this.metrics });
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(loaded.doc));
      loaded.doc.destroy();
    }
    return doc;
  }

  /** After any room loads: a session room's private mode is noted; if off, leftovers are merged. */
  loaded(room: Room): void {
    if (room.name.kind !== 'session') return;
    const on = privateModeOn(room.doc);
    this.seenOn.set(room.name.sessionId, on);
    if (!on) void this.revealLeftovers(room.name.sessionId);
  }

  /** A session room unloaded. */
  unloaded(room: Room): void {
    if (room.name.kind === 'session') this.seenOn.delete(room.name.sessionId);
  }

  /**
   * `RoomOptions.onAccepted` for a room: a session room watches private mode go off; a
   * fork, and the board itself while private mode is on, forward to the overview.
   */
  onAcceptedFor(name: RoomName): ((update: Uint8Array, origin: Peer | null) => Promise<void>) | undefined {
    if (name.kind === 'session') return async () => this.sessionChanged(name.sessionId);
    if (name.kind === 'fork' || name.kind === 'board') {
      return (update) => this.forward(name.sessionId, name.boardId, update);
    }
    return undefined;
  }

  /**
   * `RoomOptions.onRemoteUpdate` (issue 13): private mode switched off through another
   * instance. That instance reveals; here the private copies and overviews take nothing
   * more and their connections close, as they do where the reveal runs.
   */
  onRemoteUpdateFor(name: RoomName): (() => void) | undefined {
    if (name.kind !== 'session') return undefined;
    return () => {
      const session = this.host.peek(sessionRoomName(name.sessionId));
      if (!session) return;
      const on = privateModeOn(session.doc);
      const was = this.seenOn.get(name.sessionId) ?? false;
      this.seenOn.set(name.sessionId, on);
      if (!was || on) return;
      for (const room of this.host.loadedRooms()) {
        if (room.name.sessionId !== name.sessionId || !isPrivateRoom(room.name)) continue;
        void room.enqueue(() => {
          room.dead = true;
          room.closeAll(CloseCode.privateEnded, 'revealed');
        });
      }
    };
  }

  private sessionChanged(sessionId: string): void {
    const session = this.host.peek(sessionRoomName(sessionId));
    if (!session) return;
    const on = privateModeOn(session.doc);
    const was = this.seenOn.get(sessionId) ?? false;
    this.seenOn.set(sessionId, on);
    // Not awaited: the reveal waits for the boards' and forks' queues, not the session's.
    if (was && !on) void this.reveal(sessionId);
  }

  /**
   * Forwards an update (stored in a fork or the board) to the board's overview, where it
   * is stored and then applied. A server change copies the overview's doc, so updates
   * that arrive while one is on its way go together in the next one: one copy per
   * round trip, not per keystroke of every participant. Resolves once this update's
   * batch is stored in the overview.
   */
  private forward(sessionId: string, boardId: string, update: Uint8Array): Promise<void> {
    const session = this.host.peek(sessionRoomName(sessionId));
    if (!session || !privateModeOn(session.doc)) return Promise.resolve();
    const key = overviewRoomName(sessionId, boardId);
    let box = this.outboxes.get(key);
    if (!box) {
      box = { pending: [], next: null, tail: Promise.resolve() };
      this.outboxes.set(key, box);
    }
    const outbox = box;
    outbox.pending.push(update);
    if (!outbox.next) {
      const next = outbox.tail.then(async () => {
        outbox.next = null;
        const batch = outbox.pending.splice(0);
        try {
          await this.forwardNow(session, key, batch);
        } finally {
          if (!outbox.next && !outbox.pending.length && this.outboxes.get(key) === outbox) this.outboxes.delete(key);
        }
      });
      outbox.next = next;
      outbox.tail = next.catch(() => undefined);
    }
    return outbox.next;
  }

  private async forwardNow(session: Room, overviewName: string, updates: Uint8Array[]): Promise<void> {
    if (!updates.length || !privateModeOn(session.doc)) return;
    const overview = await this.host.acquire(parseRoomName(overviewName)!);
    try {
      if (!privateModeOn(session.doc)) return;
      await overview.applyServerChange((doc) => {
        for (const update of updates) Y.applyUpdate(doc, update);
      });
    } finally {
      this.host.release(overview);
    }
  }

  /** Merges every fork and overview of a session into its board (private mode went off). */
  reveal(sessionId: string): Promise<void> {
    const previous = this.reveals.get(sessionId) ?? Promise.resolve();
    const next = previous
      .then(() => this.revealNow(sessionId))
      .catch((err: unknown) => this.log.error({ err, session: sessionId }, 'reveal failed; private copies kept'));
    this.reveals.set(sessionId, next);
    void next.finally(() => {
      if (this.reveals.get(sessionId) === next) this.reveals.delete(sessionId);
    });
    return next;
  }

  /** Waits for the reveals running now (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.reveals.values()]);
  }

  private async revealLeftovers(sessionId: string): Promise<void> {
    if ((await this.privateRoomsOf(sessionId)).length) await this.reveal(sessionId);
  }

  private async revealNow(sessionId: string): Promise<void> {
    const session = this.host.peek(sessionRoomName(sessionId));
    if (session && privateModeOn(session.doc)) return; // switched on again before we ran
    const byBoard = new Map<string, PrivateRoomName[]>();
    for (const name of await this.privateRoomsOf(sessionId)) {
      byBoard.set(name.boardId, [...(byBoard.get(name.boardId) ?? []), name]);
    }
    for (const [boardId, names] of byBoard) await this.mergeBoard(sessionId, boardId, names);
    if (byBoard.size) this.log.info({ session: sessionId, boards: byBoard.size }, 'private mode revealed');
  }

  private async mergeBoard(sessionId: string, boardId: string, names: PrivateRoomName[]): Promise<void> {
    const rooms: Room[] = [];
    try {
      const states: Uint8Array[] = [];
      for (const name of names) {
        const room = await this.host.acquire(name);
        rooms.push(room);
        // In the room's queue: every write it accepted is in the state, and it takes none after.
        await room.enqueue(() => {
          states.push(Y.encodeStateAsUpdate(room.doc));
          room.dead = true;
        });
      }
      const board = await this.host.acquire(parseRoomName(boardRoomName(sessionId, boardId))!);
      let merged = false;
      try {
        await board.applyServerChange((doc) => {
          for (const state of states) Y.applyUpdate(doc, state);
        });
        merged = states.every((state) => !changesDoc(board.doc, Y.decodeUpdate(state)));
        if (merged && this.shared) merged = await this.mergeLate(board, names);
      } finally {
        this.host.release(board);
      }
      if (!merged) {
        this.log.error({ session: sessionId, board: boardId }, 'reveal: the board does not hold every private copy');
        return; // rows kept: merged again when the session next loads
      }
      for (const name of names) await this.store.deleteRoom(name.name);
    } finally {
      for (const room of rooms) {
        room.closeAll(CloseCode.privateEnded, 'revealed');
        this.host.release(room);
      }
    }
  }

  /**
   * Several instances (issue 13): one that had not yet heard that private mode went off
   * may have stored a write in a private copy after its state was taken here. What the
   * store holds that the board lacks is merged too, before any row is deleted. False
   * when it keeps coming (the rows are then kept, and merged when the session next loads).
   */
  private async mergeLate(board: Room, names: PrivateRoomName[]): Promise<boolean> {
    for (let round = 0; round < 3; round++) {
      const stored = await this.loadMerged(names.map((n) => n.name));
      try {
        const missing = Y.encodeStateAsUpdate(stored, Y.encodeStateVector(board.doc));
        if (!changesDoc(board.doc, Y.decodeUpdate(missing))) return true;
        await board.applyServerChange((doc) => Y.applyUpdate(doc, missing));
      } finally {
        stored.destroy();
      }
    }
    return false;
  }

  /** Forks and overviews of a session: stored or loaded. */
  private async privateRoomsOf(sessionId: string): Promise<PrivateRoomName[]> {
    const names = new Set(await this.store.listRooms(sessionId));
    for (const room of this.host.loadedRooms()) if (room.name.sessionId === sessionId) names.add(room.name.name);
    return [...names].flatMap((n) => {
      const parsed = parseRoomName(n);
      return parsed && parsed.sessionId === sessionId && isPrivateRoom(parsed) ? [parsed] : [];
    });
  }

  private async storedForks(sessionId: string, boardId: string): Promise<string[]> {
    return (await this.store.listRooms(sessionId)).filter((n) => {
      const parsed = parseRoomName(n);
      return parsed?.kind === 'fork' && parsed.boardId === boardId;
    });
  }
}
