/**
 * Loads rooms on demand and unloads them when idle. A board room holds its session
 * room loaded (it reads the board's lock there). A room that is unloading finishes
 * before the same room is loaded again, so the store never sees two writers.
 */
import { parseRoomName, sessionRoomName, type Room as RoomName } from '../../shared/protocol.ts';
import {
  checkWrite,
  docRootsFor,
  refusalFor,
  writeContextFor,
  writeDenial,
  type WriteContext,
} from '../../shared/model/writeRules.ts';
import type { Doc } from '../../shared/model/doc.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { Room, type Peer, type RoomOptions } from './Room.ts';
import { PrivateRooms } from './privateRooms.ts';
import { WriteContextCache } from './writeContextCache.ts';
import type { ControlEvent, Fanout } from './fanout/Fanout.ts';

export type RegistryOptions = Omit<RoomOptions, 'writePolicy' | 'now' | 'channel' | 'onRemoteUpdate'> & {
  /** How long a room with no clients stays loaded, in ms. */
  idleUnloadMs: number;
  /** Rooms loaded at once, at most (issue 11); beyond it {@link acquire} throws {@link RoomsFullError}. */
  maxRoomsLoaded?: number;
  /** Other instances serving the same rooms (issue 13, `REDIS_URL`); absent: this process is the only one. */
  fanout?: Fanout;
};

/** Every room slot is taken by a room in use: a retryable refusal, not running out of memory. */
export class RoomsFullError extends Error {
  constructor() {
    super('too many rooms loaded');
  }
}

interface Entry {
  loading: Promise<Room>;
  room?: Room;
  refs: number;
  unloadTimer?: NodeJS.Timeout;
}

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly unloading = new Map<string, Promise<void>>();
  /** Private mode's forks and overviews (issue 10). */
  readonly privateRooms: PrivateRooms;

  constructor(private readonly opts: RegistryOptions) {
    this.privateRooms = new PrivateRooms(this, opts.store, opts.log, opts.metrics, Boolean(opts.fanout));
    opts.fanout?.onControl((event) => this.onControl(event));
    // Messages sent while this instance was cut off from the bus are lost: read the store.
    opts.fanout?.onReconnected(() => {
      for (const room of this.loadedRooms()) void room.enqueue(() => room.catchUp());
    });
  }

  get loadedCount(): number {
    return this.entries.size;
  }

  /** The loaded room, if it is in memory now. */
  peek(name: string): Room | undefined {
    return this.entries.get(name)?.room;
  }

  loadedRooms(): Room[] {
    return [...this.entries.values()].flatMap((e) => (e.room ? [e.room] : []));
  }

  /** Loads (or reuses) a room and holds it until {@link release}. */
  async acquire(name: RoomName): Promise<Room> {
    await this.unloading.get(name.name);
    let entry = this.entries.get(name.name);
    if (!entry) {
      if (!this.hasRoomFor()) throw new RoomsFullError();
      const created: Entry = { refs: 0, loading: this.load(name) };
      entry = created;
      this.entries.set(name.name, created);
      created.loading.then(
        (room) => {
          created.room = room;
          this.opts.metrics.roomsLoaded = this.entries.size;
        },
        () => this.entries.delete(name.name),
      );
    }
    entry.refs++;
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = undefined;
    }
    try {
      return await entry.loading;
    } catch (err) {
      entry.refs--;
      throw err;
    }
  }

  /** Is there a slot for one more room? Unloads an idle room early to make one. */
  private hasRoomFor(): boolean {
    const max = this.opts.maxRoomsLoaded;
    if (max === undefined || this.entries.size < max) return true;
    for (const [key, entry] of this.entries) {
      if (entry.refs > 0 || !entry.room) continue;
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      void this.unload(key); // takes the entry out at once; the store write finishes after
      return true;
    }
    return false;
  }

  release(room: Room): void {
    const entry = this.entries.get(room.name.name);
    if (!entry || entry.room !== room) return;
    entry.refs--;
    if (entry.refs > 0) return;
    if (room.dead) {
      void this.unload(room.name.name);
      return;
    }
    entry.unloadTimer = setTimeout(() => void this.unload(room.name.name), this.opts.idleUnloadMs);
    entry.unloadTimer.unref();
  }

  private async load(name: RoomName): Promise<Room> {
    // A board's write policy reads its lock in the session doc: keep that one loaded too.
    const session =
      name.kind !== 'session' ? await this.acquire(parseRoomName(sessionRoomName(name.sessionId))!) : null;
    // Subscribed before the load (issue 13): an update stored meanwhile by another
    // instance is in the load, on the channel, or both (applying it twice is harmless).
    let channel: Awaited<ReturnType<Fanout['open']>> | undefined;
    try {
      channel = await this.opts.fanout?.open(name.name);
      await this.privateRooms.prepare(name, session?.doc ?? null, (update) => channel?.publishUpdate(update));
      const room = await Room.load(name, {
        ...this.opts,
        channel,
        onRemoteUpdate: this.privateRooms.onRemoteUpdateFor(name),
        onAccepted: this.privateRooms.onAcceptedFor(name),
        // The write rules (issue 10, shared/model/writeRules.ts): who may write this doc at
        // all before an update is decoded, then every change of it once applied tentatively.
        mapRoots: docRootsFor(name.kind === 'session' ? 'session' : 'board'),
        writePolicy: (peer: Peer) => {
          if (name.kind !== 'session') {
            const privateRefusal = this.privateRooms.writeRefusal(name, peer, session?.doc ?? null);
            if (privateRefusal) return privateRefusal;
          }
          const denial = writeDenial(this.writeContext(name, peer, session?.doc ?? null));
          return denial && refusalFor(denial);
        },
        checkChanges: (peer, doc, changes) => {
          const denial = checkWrite(this.writeContext(name, peer, session?.doc ?? null), doc, changes);
          return denial && refusalFor(denial);
        },
      });
      this.privateRooms.loaded(room);
      return room;
    } catch (err) {
      channel?.close();
      if (session) this.release(session);
      throw err;
    }
  }

  private async unload(key: string): Promise<void> {
    const entry = this.entries.get(key);
    const room = entry?.room;
    if (!entry || !room || entry.refs > 0) return;
    this.entries.delete(key);
    this.opts.metrics.roomsLoaded = this.entries.size;
    const done = (async () => {
      try {
        if (!room.dead) await room.unload();
        else room.destroy();
      } catch (err) {
        this.opts.log.error({ err, room: key }, 'unload failed');
      }
      this.privateRooms.unloaded(room);
      if (room.name.kind !== 'session') {
        const session = this.peek(sessionRoomName(room.name.sessionId));
        if (session) this.release(session);
      }
    })();
    this.unloading.set(key, done);
    await done;
    this.unloading.delete(key);
  }

  /** The loaded rooms of one session. */
  sessionRooms(sessionId: string): Room[] {
    return this.loadedRooms().filter((r) => r.name.sessionId === sessionId);
  }

  /** Closes every loaded room of a session (it was deleted), on every instance; stores nothing more. */
  dropSession(sessionId: string, closeCode: number): void {
    this.opts.fanout?.publishControl({ type: 'sessionDeleted', sessionId, closeCode });
    this.dropSessionHere(sessionId, closeCode);
  }

  /** A participant was renamed: their presence shows the new name at once, on every instance. */
  renameParticipant(sessionId: string, participantId: string, name: string): void {
    this.opts.fanout?.publishControl({ type: 'participantRenamed', sessionId, participantId, name });
    for (const room of this.sessionRooms(sessionId)) room.renameParticipant(participantId, name);
  }

  /** Closes a participant's connections (removed from the session), on every instance. */
  closeParticipant(sessionId: string, participantId: string, closeCode: number, reason: string): void {
    this.opts.fanout?.publishControl({ type: 'participantRemoved', sessionId, participantId, closeCode, reason });
    for (const room of this.sessionRooms(sessionId)) room.closeParticipant(participantId, closeCode, reason);
  }

  /** A session-wide event from another instance (issue 13). */
  private onControl(event: ControlEvent): void {
    switch (event.type) {
      case 'sessionDeleted':
        return this.dropSessionHere(event.sessionId, event.closeCode);
      case 'participantRenamed':
        for (const room of this.sessionRooms(event.sessionId)) room.renameParticipant(event.participantId, event.name);
        return;
      case 'participantRemoved':
        for (const room of this.sessionRooms(event.sessionId)) {
          room.closeParticipant(event.participantId, event.closeCode, event.reason);
        }
        return;
    }
  }

  private dropSessionHere(sessionId: string, closeCode: number): void {
    for (const room of this.loadedRooms()) {
      if (room.name.sessionId !== sessionId) continue;
      room.dead = true;
      room.closeAll(closeCode, 'session deleted');
    }
  }

  /** Applies a server-side change to a room (loading it if needed); see {@link Room.applyServerChange}. */
  async change(name: RoomName, change: Parameters<Room['applyServerChange']>[0]): Promise<boolean> {
    const room = await this.acquire(name);
    try {
      return await room.applyServerChange(change);
    } finally {
      this.release(room);
    }
  }

  /** Stores a manual history snapshot of every room of a session (loading rooms as needed). */
  async snapshotSession(sessionId: string): Promise<number> {
    const names = new Set(await this.opts.store.listRooms(sessionId));
    for (const room of this.loadedRooms()) if (room.name.sessionId === sessionId) names.add(room.name.name);
    let taken = 0;
    for (const name of names) {
      const parsed = parseRoomName(name);
      if (!parsed) continue;
      const room = await this.acquire(parsed);
      try {
        await room.enqueue(() => room.snapshot('manual'));
        taken++;
      } finally {
        this.release(room);
      }
    }
    return taken;
  }

  /** Unloads every room now (graceful shutdown): final compaction and snapshots. */
  async unloadAll(): Promise<void> {
    for (const entry of this.entries.values()) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    }
    // Boards (and private copies) first: they hold their session rooms.
    const rooms = this.loadedRooms().sort(
      (a, b) => (a.name.kind !== 'session' ? -1 : 0) - (b.name.kind !== 'session' ? -1 : 0),
    );
    for (const room of rooms) {
      room.closeAll(CloseCode.shuttingDown, 'server shutting down');
      const entry = this.entries.get(room.name.name);
      if (entry) entry.refs = 0;
    }
    for (const room of rooms) await this.unload(room.name.name);
    await Promise.all(this.unloading.values());
  }

  /** Kept until the session doc changes (issue 14: reading it was ~7 % of a busy room's CPU). */
  private readonly writeContexts = new WriteContextCache();

  private writeContext(name: RoomName, peer: Peer, sessionDoc: Doc | null): WriteContext {
    return this.writeContexts.get(peer, sessionDoc, () => writeRulesContext(name, peer, sessionDoc));
  }
}

/** Who writes where, for the write rules: a board's context comes from its session doc. */
function writeRulesContext(name: RoomName, peer: Peer, sessionDoc: Doc | null): WriteContext {
  const { role, id, name: personName } = peer.identity;
  const writer = { role, participantId: id, name: personName };
  if (name.kind === 'session') return { writer, target: { doc: 'session' } };
  if (!sessionDoc) return { writer, target: { doc: 'board', board: null, boardGroupId: null, writerGroupId: null } };
  return writeContextFor(writer, sessionDoc, name.boardId);
}
