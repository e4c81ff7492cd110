/**
 * One loaded document and the connections on it. Every message of a room runs through
 * one serial queue. A client's update is decoded within limits, applied tentatively
 * while the broadcast is held, checked (missing dependencies, `checkChanges`), and only
 * then stored and sent to the others; a refused update is undone by reloading the doc
 * from the store (issue 10). A sync step 1 is answered only after every earlier
 * accepted update (issue #2: "an edit that others saw is never lost").
 */
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { DocChange } from '../../shared/model/changes.ts';
import { CloseCode, MessageType, RefusalReason, type Room as RoomName } from '../../shared/protocol.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { DocStore, SnapshotReason } from '../store/DocStore.ts';
import type { RoomChannel } from './fanout/Fanout.ts';
import { CoalescedPresence } from './awarenessApply.ts';
import { guardPresence, type Identity, type PresenceEntry } from './awarenessGuard.ts';
import { isAwarenessEcho } from './awarenessEcho.ts';
import { AwarenessThrottle } from './awarenessThrottle.ts';
import { MalformedMessage, parseClientMessage } from './clientMessage.ts';
import { loadStoredDoc, loadStoredForServing, StoredRows, type LoadedDoc } from './loadStored.ts';
import { applyTentatively, buildServerUpdate, clientIdOtherThan } from './tentativeApply.ts';
import { storedRowsAnswer, SyncAnswerCache } from './stateCache.ts';
import { changesDoc, onlyNewStructs } from './updateContent.ts';
import { WireFrame } from './wireFrame.ts';
import { CLIENT_UPDATE_LIMITS, scanWithinLimits, type UpdateLimits } from './updateLimits.ts';
import {
  encodeAwareness,
  encodeRefusal,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2Of,
  encodeUpdate,
} from './messages.ts';

/** A connection as the room sees it. */
export interface Peer {
  /** Who this is (from the token); the name changes when the facilitator renames them. */
  identity: Identity;
  /** Awareness client ids this connection introduced. */
  readonly clientIds: Set<number>;
  /** `performance.now()` when the connection opened (see {@link Room.join}). */
  readonly connectedAt?: number;
  /** A {@link WireFrame} is one frame sent to many peers, framed once. */
  send(data: Uint8Array | WireFrame): void;
  close(code: number, reason: string): void;
  /** Bytes sent that have not reached the OS yet (a big first sync on its way out); absent: none. */
  unsentBytes?(): number;
}

export interface RoomOptions {
  store: DocStore;
  metrics: Metrics;
  log: Logger;
  maxDocBytes: number;
  compactAfterUpdates: number;
  snapshotIntervalMs: number;
  now?: () => number;
  /** `null` when the peer may write this doc now, else why not (cheap: before decoding). */
  writePolicy(peer: Peer): RefusalReason | null;
  /** Root names the model uses as maps: typed in the doc before anything untrusted is applied. */
  mapRoots?: readonly string[];
  /**
   * The write rules: called with what a client's update changed, after it was applied
   * tentatively to `doc` and before anything is stored or sent. `null` allows it; a
   * reason refuses it (the doc is reloaded from the store). Not called for server changes.
   */
  checkChanges?(peer: Peer, doc: Y.Doc, changes: DocChange[]): RefusalReason | null;
  /** Called, and awaited inside the room's queue, after every stored and applied update. */
  onAccepted?(update: Uint8Array, origin: Peer | null): void | Promise<void>;
  /** Bounds on a client's update (default {@link CLIENT_UPDATE_LIMITS}). */
  updateLimits?: UpdateLimits;
  /**
   * The room's channel to the other instances (issue 13, `REDIS_URL`), subscribed before
   * the room loaded; absent when this process is the only one.
   */
  channel?: RoomChannel;
  /** Called inside the queue after an update stored by another instance was applied here. */
  onRemoteUpdate?(update: Uint8Array): void;
}

/** The origin of updates and awareness that another instance stored or sent (issue 13). */
const REMOTE = Symbol('remote instance');

/** The state vector of a doc that holds nothing: what a client without an offline copy sends. */
const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());

/** y-protocols' sync message for an update (`messageYjsUpdate`). */
const MESSAGE_YJS_UPDATE = 2;

/** A room answered from its stored rows builds its doc once no client joined for this long (issue 14)... */
const BUILD_WHEN_QUIET_MS = 20;
/** ...and its answers are out (see {@link Room.buildWhenSent}), or this long after it loaded. */
const BUILD_AT_LATEST_MS = 1000;
/** How often a room waiting to build looks whether its answers are out. */
const SENT_POLL_MS = 5;

/** Refusals that make the room reload, per peer and minute, before the peer is closed. */
const MAX_RESTORES_PER_MINUTE = 10;

export class Room {
  readonly peers = new Set<Peer>();
  readonly awareness: awarenessProtocol.Awareness;
  /** Set when the room's session was deleted: nothing more is stored or served. */
  dead = false;
  /** The client id of the server's own changes in this room (see applyServerChange). */
  private readonly serverClientId: number;
  private chain: Promise<void> = Promise.resolve();
  private currentDoc!: Y.Doc;
  /** Sequence numbers of the stored rows the doc holds (the rows compaction replaces). */
  private seqs: number[] = [];
  private approxBytes = 0;
  private lastSnapshotAt: number;
  private changedSinceSnapshot = false;
  /** Update frames held back while a client's update is applied tentatively. */
  private held: Uint8Array[] | null = null;
  private readonly restoresBy = new WeakMap<Peer, number[]>();
  private readonly now: () => number;
  /** Sync step 2 answers by state vector, until the doc changes (issue 11). */
  private readonly answers = new SyncAnswerCache<WireFrame[]>();
  /** Presence goes out coalesced, a few times a second, outside the queue (issue 11). */
  private readonly presence: AwarenessThrottle;
  /** When the last read of the whole doc from the store began: the load or a catch-up (see {@link join}). */
  private lastReadAt: number;
  /** The stored rows the room answers from while its doc is not built yet (issue 14, see {@link bind}). */
  private unbuilt: StoredRows | null = null;
  private buildTimer: NodeJS.Timeout | undefined;
  private buildDeadline = 0;
  /** Peers that get the server's sync step 1 (its state vector) once the doc is built. */
  private readonly awaitingStep1 = new Set<Peer>();

  private constructor(
    readonly name: RoomName,
    loaded: LoadedDoc,
    private readonly opts: RoomOptions,
    readStartedAt: number,
  ) {
    this.now = opts.now ?? Date.now;
    this.lastReadAt = readStartedAt;
    this.serverClientId = clientIdOtherThan(loaded.doc.clientID);
    this.bind(loaded);
    this.lastSnapshotAt = this.now();
    this.awareness = new awarenessProtocol.Awareness(loaded.doc);
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.awareness.on('update', this.onAwarenessUpdate);
    this.presence = new AwarenessThrottle(this.awareness);
    opts.channel?.attach({
      update: (update) => void this.enqueue(() => this.applyRemote(update)),
      awareness: (update) => this.applyRemoteAwareness(update),
      queryAwareness: () => this.publishLocalAwareness(),
    });
    // Presence of the other instances' clients now, not at their next renewal (15 s).
    opts.channel?.queryAwareness();
  }

  /** The room's doc. Replaced when a refused update is undone: do not keep it across awaits. */
  get doc(): Y.Doc {
    if (this.unbuilt) this.buildStored();
    return this.currentDoc;
  }

  /**
   * Loads the complete stored doc before anyone is served (no "synced" on a partial doc). A
   * room with few stored rows is served from those rows and its doc built just after (issue 14).
   */
  static async load(name: RoomName, opts: RoomOptions): Promise<Room> {
    const started = performance.now();
    const loaded = await loadStoredForServing(name.name, opts);
    opts.log.debug(
      { room: name.name, rows: loaded.seqs.length, bytes: loaded.bytes, ms: Math.round(performance.now() - started) },
      'room loaded',
    );
    return new Room(name, loaded, opts, started);
  }

  private bind(loaded: LoadedDoc): void {
    const doc = loaded.doc;
    if (doc.clientID === this.serverClientId) doc.clientID = clientIdOtherThan(this.serverClientId);
    this.currentDoc = doc;
    this.seqs = loaded.seqs;
    this.approxBytes = loaded.bytes;
    this.answers.clear();
    // A client with nothing (the empty state vector) gets the stored row the doc was
    // built from, without encoding the doc: the first sync after a restart (issue 14).
    const unbuilt = loaded instanceof StoredRows ? loaded.unbuiltUpdates : null;
    if (unbuilt) {
      // Not built yet: the first clients are answered from the stored rows; the doc is built
      // at its first use (`doc`), or when the joins stop coming (issue 14: quick to come back).
      this.answers.prime(EMPTY_STATE_VECTOR, storedRowsAnswer(unbuilt));
      this.unbuilt = loaded as StoredRows;
      this.buildDeadline = performance.now() + BUILD_AT_LATEST_MS;
      this.scheduleBuild();
      return;
    }
    if (loaded.wholeState)
      this.answers.prime(EMPTY_STATE_VECTOR, [new WireFrame(encodeSyncStep2Of(loaded.wholeState))]);
    doc.on('update', this.onDocUpdate);
  }

  private scheduleBuild(): void {
    const now = performance.now();
    if (this.buildTimer && now >= this.buildDeadline) return; // joins keep coming: build as planned
    clearTimeout(this.buildTimer);
    const wait = Math.min(BUILD_WHEN_QUIET_MS, Math.max(0, this.buildDeadline - now));
    this.buildTimer = setTimeout(() => void this.buildWhenSent(), wait);
  }

  /**
   * Builds the doc once the answers are out: the build holds the event loop (about 0.1 s for
   * 5,000 items), and what a big answer still has in its socket's buffer would wait for it.
   */
  private async buildWhenSent(): Promise<void> {
    const unsent = () => [...this.peers].some((p) => (p.unsentBytes?.() ?? 0) > 0);
    while (this.unbuilt && !this.dead && performance.now() < this.buildDeadline && unsent()) {
      await new Promise((resolve) => setTimeout(resolve, SENT_POLL_MS));
    }
    if (this.unbuilt && !this.dead) this.buildStored();
  }

  /** Applies the stored rows the room was answered from; the waiting peers get the server's sync step 1. */
  private buildStored(): void {
    const stored = this.unbuilt!;
    this.unbuilt = null;
    clearTimeout(this.buildTimer);
    const whole = stored.build();
    void stored.settled();
    this.bind(stored);
    if (!whole) {
      // A row did not apply (it is quarantined): whoever was answered from it reconnects.
      this.opts.log.error({ room: this.name.name }, 'a stored row the room answered from did not apply');
      this.closeAll(CloseCode.internalError, 'internal error');
    }
    for (const peer of this.awaitingStep1) if (this.peers.has(peer)) peer.send(encodeSyncStep1(this.currentDoc));
    this.awaitingStep1.clear();
  }

  /**
   * Undoes whatever the doc holds that is not stored: reloads it from the store and
   * swaps it in (awareness and connections stay). Call inside the queue.
   */
  private async restore(): Promise<void> {
    this.held = null;
    this.opts.metrics.roomRestoresTotal++;
    const before = this.currentDoc;
    before.off('update', this.onDocUpdate); // not destroyed: the awareness would go with it
    try {
      this.lastReadAt = performance.now();
      this.bind(await loadStoredDoc(this.name.name, this.opts));
      // With other instances (issue 13) the store may hold what they stored and this one
      // has not heard yet: the clients here get it now, not only when its message comes.
      if (this.opts.channel) {
        const news = Y.encodeStateAsUpdate(this.currentDoc, Y.encodeStateVector(before));
        if (changesDoc(before, Y.decodeUpdate(news))) this.broadcast(news, null);
      }
    } catch (err) {
      // The doc may hold what was never stored: serve nobody from it, store nothing from it.
      this.opts.log.error({ err, room: this.name.name }, 'could not reload the room from the store');
      this.dead = true;
      this.closeAll(CloseCode.internalError, 'internal error');
    }
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
    const since = peer.connectedAt ?? performance.now();
    this.enqueue(async () => {
      // Several instances (issue 13): an update another instance stored and its clients
      // saw may not have reached this one (that instance died before its message went
      // out). The first sync comes from a doc read from the store after this peer
      // connected: the load, or a catch-up, which serves a whole burst of joins.
      if (this.opts.channel && this.lastReadAt < since) {
        try {
          await this.catchUp();
        } catch (err) {
          // The peer is served from what the room has; what it lacks comes with the next message or join.
          this.opts.log.error({ err, room: this.name.name }, 'could not catch up from the store before a sync');
        }
      }
      if (this.unbuilt) {
        this.awaitingStep1.add(peer); // answered once the doc is built
        this.scheduleBuild();
      } else peer.send(encodeSyncStep1(this.doc));
      const states = [...this.awareness.getStates().keys()];
      if (states.length) peer.send(encodeAwareness(this.awareness, states));
    });
  }

  leave(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.forget(peer.clientIds);
    const ids = [...peer.clientIds].filter((id) => this.awareness.getStates().has(id));
    if (ids.length) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
  }

  /**
   * Handles one binary frame from a peer, in order with everything else in the room;
   * resolves when it was handled. Awareness is guarded at once and goes out coalesced,
   * outside the queue (neither waits behind the other: issue 11): `null` then.
   */
  receive(peer: Peer, data: Uint8Array): Promise<void> | null {
    if (data[0] === MessageType.awareness) {
      if (!this.peers.has(peer) || this.dead) return null;
      try {
        const msg = parseClientMessage(data);
        if (msg.kind === 'awareness') this.offerAwareness(peer, msg.payload);
      } catch (err) {
        this.failed(peer, err);
      }
      return null;
    }
    return this.enqueue(async () => {
      if (!this.peers.has(peer) || this.dead) return;
      try {
        await this.handle(peer, data);
      } catch (err) {
        this.failed(peer, err);
      }
    });
  }

  private failed(peer: Peer, err: unknown): void {
    if (err instanceof MalformedMessage) {
      this.opts.metrics.closedMalformedTotal++;
      this.opts.log.warn({ room: this.name.name, peer: peer.identity.id, err: String(err) }, 'malformed frame');
      peer.close(CloseCode.malformed, 'malformed message');
    } else {
      this.opts.log.error({ err, room: this.name.name }, 'failed to handle a message');
      peer.close(CloseCode.internalError, 'internal error');
    }
  }

  private readonly knownPresence = {
    clockOf: (clientId: number) => this.awareness.meta.get(clientId)?.clock,
    hasState: (clientId: number) => this.awareness.states.has(clientId),
  };

  /** Every awareness message passes the guard; what is left waits for the next flush. */
  private offerAwareness(peer: Peer, payload: Uint8Array): void {
    this.opts.metrics.awarenessReceivedTotal++;
    // y-websocket sends back what it hears: an echo of the room's own presence is dropped unread (issue 14).
    if (isAwarenessEcho(payload, peer.clientIds, this.knownPresence)) return;
    let guarded: PresenceEntry[];
    try {
      guarded = guardPresence(payload, {
        identity: peer.identity,
        owned: peer.clientIds,
        ownedByOther: (id) => [...this.peers].some((p) => p !== peer && p.clientIds.has(id)),
      });
    } catch (err) {
      throw new MalformedMessage(`bad awareness update: ${String(err)}`);
    }
    if (guarded.length) this.presence.offer(guarded);
  }

  private async handle(peer: Peer, data: Uint8Array): Promise<void> {
    const msg = parseClientMessage(data);
    switch (msg.kind) {
      case 'syncStep1': {
        const shared = () => this.opts.metrics.syncAnswersSharedTotal++;
        const encode = () => [new WireFrame(encodeSyncStep2(this.doc, msg.payload))];
        for (const frame of this.answers.answer(msg.payload, encode, shared)) peer.send(frame);
        return;
      }
      case 'update':
        return this.acceptUpdate(peer, msg.payload, data);
      case 'awareness':
        return this.offerAwareness(peer, msg.payload);
      case 'queryAwareness': {
        const states = [...this.awareness.getStates().keys()];
        if (states.length) peer.send(encodeAwareness(this.awareness, states));
        return;
      }
    }
  }

  private refuse(peer: Peer, reason: RefusalReason): void {
    this.opts.metrics.refusedUpdatesTotal++;
    peer.send(encodeRefusal(reason));
  }

  /**
   * Limits, rules, tentative apply and checks; then store, then broadcast. `frame` is the
   * client's whole message: an update message that holds only what the doc lacked goes to
   * the others as it came (issue 14).
   */
  private async acceptUpdate(peer: Peer, update: Uint8Array, frame: Uint8Array): Promise<void> {
    const checked = scanWithinLimits(update, this.opts.updateLimits ?? CLIENT_UPDATE_LIMITS);
    if (!checked.ok) {
      if (checked.malformed) throw new MalformedMessage(checked.reason);
      this.opts.log.warn({ room: this.name.name, peer: peer.identity.id, reason: checked.reason }, 'update refused');
      return this.refuse(peer, RefusalReason.invalidUpdate);
    }
    // A sync step 2 with nothing new (every client sends one on connect) is no write.
    if (!changesDoc(this.doc, checked.summary)) return;
    const refusal =
      this.opts.writePolicy(peer) ??
      (this.approxBytes + update.byteLength > this.opts.maxDocBytes ? RefusalReason.docTooLarge : null);
    if (refusal) return this.refuse(peer, refusal);

    // An update of nothing but structs the doc lacks integrates as it is: the others get the
    // client's bytes, and Yjs need not encode what it applied again (no 'update' listener).
    const forward = onlyNewStructs(this.doc, checked.summary) ? updateFrameOf(frame, update) : null;
    const verdict = this.applyAndCheck(peer, update, forward !== null);
    if (verdict) {
      this.refuse(peer, verdict);
      await this.restore();
      return this.countRestore(peer);
    }
    let seq: number | null;
    const started = performance.now();
    try {
      seq = await this.opts.store.append(this.name.name, update);
    } catch (err) {
      this.opts.log.error({ err, room: this.name.name }, 'could not store an update; the room reloads from the store');
      this.refuse(peer, RefusalReason.serverError);
      return this.restore();
    }
    this.opts.metrics.observeStoreWrite((performance.now() - started) / 1000);
    const frames = this.held ?? [];
    this.held = null;
    if (seq === null) return this.markDeleted();
    this.opts.channel?.publishUpdate(update); // stored: now the other instances may have it
    if (forward) this.broadcastFrame(forward, peer);
    for (const held of frames) this.broadcast(held, peer);
    await this.afterStored(seq, update, peer);
  }

  /**
   * Applies a client's update with the broadcast held (`quiet`: with the doc's update
   * listener off, the caller sends the update itself); why it is refused, or `null`.
   */
  private applyAndCheck(peer: Peer, update: Uint8Array, quiet: boolean): RefusalReason | null {
    this.held = [];
    const doc = this.doc;
    if (quiet) doc.off('update', this.onDocUpdate);
    let result: ReturnType<typeof applyTentatively>;
    try {
      result = applyTentatively(doc, update, peer);
    } finally {
      if (quiet) {
        doc.on('update', this.onDocUpdate);
        this.answers.clear();
      }
    }
    if (!result.ok) {
      const err = result.err === undefined ? undefined : String(result.err);
      this.opts.log.warn({ room: this.name.name, peer: peer.identity.id, why: result.why, err }, 'update refused');
      return RefusalReason.invalidUpdate;
    }
    try {
      return this.opts.checkChanges?.(peer, this.doc, result.changes) ?? null;
    } catch (err) {
      this.opts.log.error({ err, room: this.name.name }, 'checking an update failed');
      return RefusalReason.serverError; // the doc is reloaded: nothing unchecked stays
    }
  }

  /** A peer whose refusals keep making the room reload is closed (it could do it forever). */
  private countRestore(peer: Peer): void {
    const now = this.now();
    const recent = (this.restoresBy.get(peer) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    this.restoresBy.set(peer, recent);
    if (recent.length < MAX_RESTORES_PER_MINUTE) return;
    this.opts.log.warn({ room: this.name.name, peer: peer.identity.id }, 'closed after too many refused updates');
    this.leave(peer);
    peer.close(CloseCode.tooManyRefusals, 'too many refused updates');
  }

  /** Bookkeeping after an update is stored and applied: the hook, compaction, snapshots. */
  private async afterStored(seq: number, update: Uint8Array, origin: Peer | null): Promise<void> {
    this.seqs.push(seq);
    this.approxBytes += update.byteLength;
    this.changedSinceSnapshot = true;
    this.opts.metrics.countUpdate();
    try {
      await this.opts.onAccepted?.(update, origin);
    } catch (err) {
      this.opts.log.error({ err, room: this.name.name }, 'onAccepted failed');
    }
    try {
      if (this.seqs.length >= this.opts.compactAfterUpdates) await this.compact();
      if (this.now() - this.lastSnapshotAt >= this.opts.snapshotIntervalMs) await this.snapshot('interval');
    } catch (err) {
      // Housekeeping: the update itself is stored; the next one tries again.
      this.opts.log.error({ err, room: this.name.name }, 'compaction or snapshot failed');
    }
  }

  /**
   * A change made by the server itself (revealing votes, a summary for everyone):
   * `change` runs on a copy of the doc, and the resulting update is stored before the
   * room's doc applies and broadcasts it (no write rules). Resolves false when nothing
   * changed or the session is gone; rejects when it could not be made or stored.
   */
  applyServerChange(change: (doc: Y.Doc) => void): Promise<boolean> {
    return new Promise((resolve, reject) => {
      void this.enqueue(async () => {
        try {
          resolve(await this.serverChange(change));
        } catch (err) {
          this.opts.log.error({ err, room: this.name.name }, 'server change failed');
          reject(err instanceof Error ? err : new Error(String(err)));
        }
      });
    });
  }

  private async serverChange(change: (doc: Y.Doc) => void): Promise<boolean> {
    if (this.dead) return false;
    const update = buildServerUpdate(this.doc, this.serverClientId, change);
    if (!changesDoc(this.doc, Y.decodeUpdate(update))) return false;
    const seq = await this.opts.store.append(this.name.name, update);
    if (seq === null) {
      this.markDeleted();
      return false;
    }
    this.opts.channel?.publishUpdate(update);
    try {
      Y.applyUpdate(this.doc, update, null); // broadcasts through onDocUpdate
    } catch (err) {
      await this.restore(); // the stored row is quarantined by the reload if it cannot apply
      throw err;
    }
    await this.afterStored(seq, update, null);
    return true;
  }

  private broadcast(update: Uint8Array, origin: unknown): void {
    this.broadcastFrame(new WireFrame(encodeUpdate(update)), origin);
  }

  /** Sends an update frame to every peer but `origin`, with the presence that waits. */
  private broadcastFrame(frame: WireFrame, origin: unknown): void {
    for (const p of this.peers) if (p !== origin) p.send(frame);
    this.presence.flushPending(); // presence waiting to go out rides in the same write (issue 14)
  }

  /**
   * An update another instance stored (issue 13): applied as stored (not stored again,
   * not checked, not published again) and sent to this instance's clients as it came, even
   * when the doc had it already (a reload from the store may have brought it first).
   */
  private async applyRemote(update: Uint8Array): Promise<void> {
    if (this.dead) return;
    try {
      Y.applyUpdate(this.doc, update, REMOTE);
    } catch (err) {
      this.opts.log.error({ err, room: this.name.name }, 'an update from another instance does not apply');
      return this.restore();
    }
    this.approxBytes += update.byteLength;
    this.opts.metrics.remoteUpdatesTotal++;
    this.broadcast(update, null);
    this.opts.onRemoteUpdate?.(update);
  }

  private applyRemoteAwareness(update: Uint8Array): void {
    if (this.dead) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch (err) {
      this.opts.log.warn({ err: String(err), room: this.name.name }, 'bad awareness update from another instance');
    }
  }

  /** Sends the presence of this instance's clients to the other instances (they asked). */
  private publishLocalAwareness(): void {
    if (this.dead || !this.opts.channel) return;
    const states = this.awareness.getStates();
    const ids = [...this.peers].flatMap((p) => [...p.clientIds].filter((id) => states.has(id)));
    if (ids.length) this.opts.channel.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /** Applies what the store holds and the doc lacks (issue 13). Call inside the queue. */
  async catchUp(): Promise<void> {
    if (this.dead) return;
    this.lastReadAt = performance.now();
    const stored = await loadStoredDoc(this.name.name, this.opts);
    try {
      const missing = Y.encodeStateAsUpdate(stored.doc, Y.encodeStateVector(this.doc));
      if (changesDoc(this.doc, Y.decodeUpdate(missing))) {
        this.opts.metrics.fanoutCatchUpsTotal++;
        await this.applyRemote(missing);
      }
    } finally {
      stored.doc.destroy();
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.answers.clear();
    if (origin === REMOTE) return; // applyRemote sends it
    if (this.held) this.held.push(update);
    else this.broadcast(update, origin);
  };

  private readonly onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed];
    if (!changed.length) return;
    // The clients' presence comes encoded already, from the JSON the guard wrote (awarenessApply.ts).
    const coalesced = origin instanceof CoalescedPresence ? origin : null;
    const frame = new WireFrame(coalesced ? coalesced.message : encodeAwareness(this.awareness, changed));
    // What its clients sent, a connection has (at that clock or newer): it is not sent back.
    const sentBy = coalesced && changed.length === 1 ? changed[0]! : null;
    for (const p of this.peers) if (sentBy === null || !p.clientIds.has(sentBy)) p.send(frame);
    // This instance's own clients' presence goes to the others. Not what came from them,
    // and not a state timed out here: each instance times out what it stops hearing.
    if (this.opts.channel && origin !== REMOTE && origin !== 'timeout') {
      const update = coalesced ? coalesced.update : awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.opts.channel.publishAwareness(update);
    }
  };

  /** Merges the stored rows this doc holds into one (never a row it did not read). Call inside the queue. */
  async compact(): Promise<void> {
    if (this.dead || this.seqs.length <= 1) return;
    const merged = Y.encodeStateAsUpdate(this.doc);
    const seq = await this.opts.store.compact(this.name.name, merged, this.seqs);
    if (seq === null) return this.markDeleted();
    this.seqs = [seq];
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
    clearTimeout(this.buildTimer);
    this.unbuilt = null;
    this.opts.channel?.close();
    this.doc.off('update', this.onDocUpdate);
    this.presence.destroy();
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private markDeleted(): void {
    this.dead = true;
    this.closeAll(CloseCode.sessionDeleted, 'session deleted');
  }
}

/** The client's message as an update frame for the others: as it came when it is one (`0, 2`), else wrapped. */
function updateFrameOf(frame: Uint8Array, update: Uint8Array): WireFrame {
  const isUpdateMessage = frame[0] === MessageType.sync && frame[1] === MESSAGE_YJS_UPDATE;
  return new WireFrame(isUpdateMessage ? frame : encodeUpdate(update));
}
