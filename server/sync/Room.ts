/**
 * One loaded document and the connections on it. Every message of a room runs through
 * one serial queue, so an update is stored, THEN applied, THEN broadcast, and a sync
 * step 1 is answered only after every earlier accepted update (issue #2: "an edit that
 * others saw is never lost").
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType, RefusalReason, type Room as RoomName } from '../../shared/protocol.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { DocStore, SnapshotReason } from '../store/DocStore.ts';
import { guardAwarenessUpdate, type Identity } from './awarenessGuard.ts';
import { changesDoc } from './updateContent.ts';
import { encodeAwareness, encodeRefusal, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './messages.ts';

/** A connection as the room sees it. */
export interface Peer {
  /** Who this is (from the token); the name changes when the facilitator renames them. */
  identity: Identity;
  /** Awareness client ids this connection introduced. */
  readonly clientIds: Set<number>;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  store: DocStore;
  metrics: Metrics;
  log: Logger;
  maxDocBytes: number;
  compactAfterUpdates: number;
  snapshotIntervalMs: number;
  now?: () => number;
  /** `null` when the peer may write this doc now, else why not. */
  writePolicy(peer: Peer): RefusalReason | null;
}

/** Raised for frames that are not valid y-websocket messages. */
class MalformedMessage extends Error {}

/** A Yjs client id (uint32) other than the doc's own. */
function serverClientIdFor(docClientId: number): number {
  let id = docClientId;
  while (id === docClientId) id = Math.floor(Math.random() * 0xffffffff);
  return id;
}

export class Room {
  readonly peers = new Set<Peer>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Set when the room's session was deleted: nothing more is stored or served. */
  dead = false;
  /** The client id of the server's own changes in this room (see applyServerChange). */
  private readonly serverClientId: number;
  private chain: Promise<void> = Promise.resolve();
  private lastSeq: number;
  private storedRows: number;
  private approxBytes: number;
  private lastSnapshotAt: number;
  private changedSinceSnapshot = false;
  private readonly now: () => number;

  private constructor(
    readonly name: RoomName,
    readonly doc: Y.Doc,
    stored: { lastSeq: number; rows: number; bytes: number },
    private readonly opts: RoomOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.serverClientId = serverClientIdFor(doc.clientID);
    this.lastSeq = stored.lastSeq;
    this.storedRows = stored.rows;
    this.approxBytes = stored.bytes;
    this.lastSnapshotAt = this.now();
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.awareness.on('update', this.onAwarenessUpdate);
    doc.on('update', this.onDocUpdate);
  }

  /** Loads the complete stored doc before anyone is served (no "synced" on a partial doc). */
  static async load(name: RoomName, opts: RoomOptions): Promise<Room> {
    const started = performance.now();
    const stored = await opts.store.load(name.name);
    const doc = new Y.Doc({ gc: true });
    let bytes = 0;
    doc.transact(() => {
      for (const update of stored.updates) {
        bytes += update.byteLength;
        try {
          Y.applyUpdate(doc, update);
        } catch (err) {
          // A damaged row must not take the room down; the rest of the doc still loads.
          opts.log.error({ err, room: name.name }, 'skipped a stored update that failed to apply');
        }
      }
    });
    opts.log.debug(
      { room: name.name, rows: stored.updates.length, bytes, ms: Math.round(performance.now() - started) },
      'room loaded',
    );
    return new Room(name, doc, { lastSeq: stored.lastSeq, rows: stored.updates.length, bytes }, opts);
  }

  /** Runs `fn` after everything queued before it; errors are logged, never thrown. */
  enqueue(fn: () => unknown): Promise<void> {
    const next = this.chain.then(fn).then(
      () => undefined,
      (err: unknown) => this.opts.log.error({ err, room: this.name.name }, 'room task failed'),
    );
    this.chain = next;
    return next;
  }

  /** Waits for everything queued so far. */
  idle(): Promise<void> {
    return this.enqueue(() => undefined);
  }

  join(peer: Peer): void {
    this.peers.add(peer);
    this.enqueue(() => {
      peer.send(encodeSyncStep1(this.doc));
      const states = [...this.awareness.getStates().keys()];
      if (states.length) peer.send(encodeAwareness(this.awareness, states));
    });
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const ids = [...peer.clientIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /** Handles one binary frame from a peer, in order with everything else in the room. */
  receive(peer: Peer, data: Uint8Array): void {
    this.enqueue(async () => {
      if (!this.peers.has(peer) || this.dead) return;
      try {
        await this.handle(peer, data);
      } catch (err) {
        if (err instanceof MalformedMessage) {
          this.opts.metrics.closedMalformedTotal++;
          this.opts.log.warn({ room: this.name.name, peer: peer.identity.id, err: String(err) }, 'malformed frame');
          peer.close(CloseCode.malformed, 'malformed message');
        } else {
          this.opts.log.error({ err, room: this.name.name }, 'failed to handle a message');
          peer.close(CloseCode.internalError, 'internal error');
        }
      }
    });
  }

  private async handle(peer: Peer, data: Uint8Array): Promise<void> {
    const msg = parseClientMessage(data);
    switch (msg.kind) {
      case 'syncStep1':
        peer.send(encodeSyncStep2(this.doc, msg.payload));
        return;
      case 'update':
        return this.acceptUpdate(peer, msg.payload);
      case 'awareness': {
        let guarded: Uint8Array | null;
        try {
          guarded = guardAwarenessUpdate(msg.payload, {
            identity: peer.identity,
            owned: peer.clientIds,
            ownedByOther: (id) => [...this.peers].some((p) => p !== peer && p.clientIds.has(id)),
          });
        } catch (err) {
          throw new MalformedMessage(`bad awareness update: ${String(err)}`);
        }
        if (guarded) awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded, peer);
        return;
      }
      case 'queryAwareness': {
        const states = [...this.awareness.getStates().keys()];
        if (states.length) peer.send(encodeAwareness(this.awareness, states));
        return;
      }
    }
  }

  /** Validates, stores, then applies (which broadcasts) one update. */
  private async acceptUpdate(peer: Peer, update: Uint8Array): Promise<void> {
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (err) {
      throw new MalformedMessage(`undecodable update: ${String(err)}`);
    }
    // A sync step 2 with nothing new (every client sends one on connect) is no write.
    if (!changesDoc(this.doc, decoded)) return;
    const refusal =
      this.opts.writePolicy(peer) ??
      (this.approxBytes + update.byteLength > this.opts.maxDocBytes ? RefusalReason.docTooLarge : null);
    if (refusal) {
      this.opts.metrics.refusedUpdatesTotal++;
      peer.send(encodeRefusal(refusal));
      return;
    }
    await this.storeAndApply(update, peer);
  }

  /** The one write path: store durably, then apply (which broadcasts to everyone but `origin`). */
  private async storeAndApply(update: Uint8Array, origin: unknown): Promise<boolean> {
    const started = performance.now();
    const seq = await this.opts.store.append(this.name.name, update);
    this.opts.metrics.observeStoreWrite((performance.now() - started) / 1000);
    if (seq === null) {
      this.markDeleted();
      return false;
    }
    this.lastSeq = seq;
    this.storedRows++;
    this.approxBytes += update.byteLength;
    this.opts.metrics.countUpdate();
    Y.applyUpdate(this.doc, update, origin); // broadcasts through onDocUpdate
    this.changedSinceSnapshot = true;
    if (this.storedRows >= this.opts.compactAfterUpdates) await this.compact();
    if (this.now() - this.lastSnapshotAt >= this.opts.snapshotIntervalMs) await this.snapshot('interval');
    return true;
  }

  /**
   * A change made by the server itself (revealing votes, a summary for everyone),
   * through the same path as clients' updates: `change` runs on a copy of the doc,
   * and the resulting update is stored before the room's doc applies and broadcasts it.
   * Resolves false when nothing changed or the session is gone.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<boolean> {
    return new Promise((resolve) => {
      void this.enqueue(async () => {
        if (this.dead) return resolve(false);
        const copy = new Y.Doc({ gc: false });
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.doc));
        const before = Y.encodeStateVector(copy);
        // The server writes as one stable client per room, never as the room doc's own
        // client id (the doc would take that for another client using its id and change it).
        copy.clientID = this.serverClientId;
        change(copy);
        const update = Y.encodeStateAsUpdate(copy, before);
        copy.destroy();
        const decoded = Y.decodeUpdate(update);
        resolve(changesDoc(this.doc, decoded) ? await this.storeAndApply(update, null) : false);
      }).catch(() => resolve(false));
    });
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const frame = encodeUpdate(update);
    for (const p of this.peers) if (p !== origin) p.send(frame);
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (!changed.length) return;
    const frame = encodeAwareness(this.awareness, changed);
    for (const p of this.peers) p.send(frame);
  };

  /** Merges the stored rows of this doc into one. Call inside the queue. */
  async compact(): Promise<void> {
    if (this.dead || this.storedRows <= 1) return;
    const merged = Y.encodeStateAsUpdate(this.doc);
    const seq = await this.opts.store.compact(this.name.name, merged, this.lastSeq);
    if (seq === null) return this.markDeleted();
    this.lastSeq = seq;
    this.storedRows = 1;
    this.approxBytes = merged.byteLength;
  }

  /** Stores a history snapshot of the current state. Call inside the queue. */
  async snapshot(reason: SnapshotReason): Promise<void> {
    if (this.dead) return;
    this.lastSnapshotAt = this.now();
    this.changedSinceSnapshot = false;
    await this.opts.store.saveSnapshot(this.name.name, Y.encodeStateAsUpdate(this.doc), reason, this.lastSnapshotAt);
  }

  /** Final compaction and snapshot, then frees the doc. */
  async unload(): Promise<void> {
    await this.enqueue(async () => {
      await this.compact();
      if (this.changedSinceSnapshot) await this.snapshot('unload');
    });
    this.destroy();
  }

  /** A participant was renamed: their presence shows the new name at once. */
  renameParticipant(participantId: string, name: string): void {
    for (const peer of this.peers) {
      if (peer.identity.id !== participantId) continue;
      peer.identity = { ...peer.identity, name };
      for (const clientId of peer.clientIds) {
        const state = this.awareness.getStates().get(clientId);
        const meta = this.awareness.meta.get(clientId);
        if (!state || !meta) continue;
        const user = typeof state.user === 'object' && state.user !== null ? state.user : {};
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint(e, clientId);
        encoding.writeVarUint(e, meta.clock + 1);
        encoding.writeVarString(e, JSON.stringify({ ...state, user: { ...user, name } }));
        awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(e), null);
      }
    }
  }

  /** Closes the connections of one participant (removed from the session). */
  closeParticipant(participantId: string, code: number, reason: string): void {
    for (const peer of [...this.peers]) {
      if (peer.identity.id !== participantId) continue;
      this.leave(peer);
      peer.close(code, reason);
    }
  }

  closeAll(code: number, reason: string): void {
    for (const p of [...this.peers]) {
      this.leave(p);
      p.close(code, reason);
    }
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private markDeleted(): void {
    this.dead = true;
    this.closeAll(CloseCode.sessionDeleted, 'session deleted');
  }
}

type ClientMessage =
  | { kind: 'syncStep1'; payload: Uint8Array }
  | { kind: 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'queryAwareness' };

/** Reads one frame completely; anything else than a well-formed message is {@link MalformedMessage}. */
function parseClientMessage(data: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let msg: ClientMessage;
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === syncProtocol.messageYjsSyncStep1) msg = { kind: 'syncStep1', payload };
      else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate)
        msg = { kind: 'update', payload };
      else throw new Error(`unknown sync message ${sub}`);
    } else if (type === MessageType.awareness) {
      msg = { kind: 'awareness', payload: decoding.readVarUint8Array(d) };
    } else if (type === MessageType.queryAwareness) {
      msg = { kind: 'queryAwareness' };
    } else {
      throw new Error(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes');
    return msg;
  } catch (err) {
    throw new MalformedMessage(String(err));
  }
}
