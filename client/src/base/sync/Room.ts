/**
 * One synced document: a doc, its websocket connection (standard y-websocket) and its
 * offline copy in IndexedDB, plus a small status store for the UI. No React here.
 */
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence, clearDocument, storeState } from 'y-indexeddb';
import { readAuthMessage } from 'y-protocols/auth';
import { messageYjsSyncStep2, writeSyncStep1 } from 'y-protocols/sync';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { createDoc, type Doc } from '../../../../shared/model/doc.ts';
import { CloseCode, MessageType, isFinalCloseCode } from '../../../../shared/protocol.ts';
import type { Role } from '../../../../shared/roles.ts';

/** What the connection indicator shows. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export interface RoomStatus {
  connection: ConnectionState;
  /** Local changes were made while not connected and have not reached the server yet. */
  unsaved: boolean;
  /** The final close code (see isFinalCloseCode) the server ended the connection with. */
  closeCode: number | null;
}

/** Something the user should hear about: the server did not keep a change. */
export type RoomEvent = { type: 'refused'; reason: string } | { type: 'too-large' };

/** The `user` field of an awareness state. The server rewrites id, name and role from the token. */
export interface AwarenessUser {
  id: string;
  name: string;
  role: Role;
  color: string;
}

/** A refusal this soon after a local change is about that change. */
const REFUSAL_WINDOW_MS = 10_000;
/** Failed attempts without ever connecting before we call it "offline" rather than "connecting". */
const OFFLINE_AFTER_ATTEMPTS = 3;
/** A server answer at least this big is applied without the doc's update listeners (see applyServerState). */
const QUIET_APPLY_BYTES = 64 * 1024;
/** The offline copy of such an answer is saved when the browser is idle, at the latest after this. */
const STORE_LATER_MS = 2000;

/** Close codes after which resending the same change cannot succeed. */
const TOO_LARGE_CODES: ReadonlySet<number> = new Set<number>([CloseCode.docTooLarge, CloseCode.messageTooBig]);

export function syncServerUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

export class Room {
  readonly doc: Doc;
  readonly provider: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  private status: RoomStatus = { connection: 'connecting', unsaved: false, closeCode: null };
  private everConnected = false;
  private lastLocalChangeAt = 0;
  private destroyed = false;
  /** No offline copy for this room any more (a revealed private copy): see {@link forgetLocalCopy}. */
  private localCopyOff = false;
  private readonly listeners = new Set<() => void>();
  private caughtUpWaiters: (() => void)[] = [];
  private serverStateApplied = false;
  private readonly sendOwnPresence: WebsocketProvider['_awarenessUpdateHandler'];

  /**
   * @param clearLocalCopy drop the IndexedDB copy first (after the server refused our changes).
   * @param keepLocalCopy keep an offline copy in IndexedDB (not for a revealed private copy)
   */
  constructor(
    readonly name: string,
    token: string,
    private readonly onEvent: (event: RoomEvent) => void,
    clearLocalCopy = false,
    keepLocalCopy = true,
  ) {
    this.localCopyOff = !keepLocalCopy;
    this.doc = createDoc();
    this.provider = new WebsocketProvider(syncServerUrl(), name, this.doc, {
      connect: false,
      params: { token },
      // Tabs do not share edits directly: each tab speaks for its own token and role.
      disableBc: true,
      // Also stop after "too big": resending the same change cannot succeed. A private copy
      // or overview refused as "private mode is off" is tried again: the page may have
      // seen private mode go on before the server did (the facilitator's own switch), and
      // once it is really off the page leaves this room (sync/boardRoom.ts).
      shouldReconnect: (event) =>
        event.code === CloseCode.privateEnded || (!isFinalCloseCode(event.code) && !TOO_LARGE_CODES.has(event.code)),
    });
    // Presence (issue 14): the provider sends every change of the awareness on, also the
    // states it has just received from the server, so every move of one person came back
    // to the server from each of the others (n × n frames the server reads and drops as
    // echoes). Only this device's own changes go out: its state, its leaving, timeouts.
    const { provider } = this;
    const sendChanges = provider._awarenessUpdateHandler;
    this.sendOwnPresence = (changes, origin) => {
      if (origin !== provider) sendChanges(changes, origin);
    };
    provider.awareness.off('update', sendChanges);
    provider.awareness.on('update', this.sendOwnPresence);
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      readAuthMessage(decoder, this.doc, (_doc, reason) => this.onRefused(reason));
    };
    const handleSync = this.provider.messageHandlers[MessageType.sync];
    this.provider.messageHandlers[MessageType.sync] = (encoder, decoder, provider, emitSynced, type) => {
      const kind = decoding.peekVarUint(decoder);
      const big = decoder.arr.length - decoder.pos >= QUIET_APPLY_BYTES;
      const apply = () => handleSync?.(encoder, decoder, provider, emitSynced, type);
      if (kind === messageYjsSyncStep2 && !this.serverStateApplied && big) this.applyServerState(apply);
      else apply();
      if (kind !== messageYjsSyncStep2) return;
      this.serverStateApplied = true;
      for (const done of this.caughtUpWaiters.splice(0)) done();
    };
    this.provider.on('status', () => this.update());
    this.provider.on('sync', (synced) => {
      if (!synced) return this.update();
      // Changes made offline are sent now: a refusal in the next moments is about them.
      if (this.status.unsaved) this.lastLocalChangeAt = Date.now();
      this.update({ unsaved: false });
    });
    this.provider.on('connection-close', () => this.update());
    this.provider.on('closed', ({ code }) => {
      this.provider.disconnect();
      // Too large: start over from the server's copy (see rooms.ts); anything else is final.
      if (TOO_LARGE_CODES.has(code)) this.onEvent({ type: 'too-large' });
      else this.update({ closeCode: code });
    });
    this.doc.on('update', this.onDocUpdate);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    void this.start(clearLocalCopy || !keepLocalCopy);
  }

  private async start(clearLocalCopy: boolean): Promise<void> {
    const dbName = `veldwerk:${this.name}`;
    if (clearLocalCopy) await clearDocument(dbName).catch(() => undefined);
    if (this.destroyed) return;
    if (!this.localCopyOff) this.persistence = new IndexeddbPersistence(dbName, this.doc);
    this.provider.connect();
  }

  /**
   * Stops keeping this room on the device and deletes its offline copy now (a private
   * copy the facilitator revealed: its content is in the board). The connection stays.
   */
  async forgetLocalCopy(): Promise<void> {
    this.localCopyOff = true;
    const persistence = this.persistence;
    this.persistence = null;
    await persistence?.destroy();
    await clearDocument(`veldwerk:${this.name}`).catch(() => undefined);
  }

  /**
   * First paint (issue 3): the server's first answer can hold a whole board (about 1 MB
   * for 5,000 items). For the doc's 'update' listeners Yjs encodes every transaction
   * once more, and of ours only the offline copy wants this one: the provider does not
   * send the server's own state back and onDocUpdate skips it. So the listeners are off
   * while it is applied, and the offline copy saves the whole doc once the browser is
   * idle instead of in the middle of the first paint.
   */
  private applyServerState(apply: () => void): void {
    const persistence = this.persistence;
    const listeners = [
      this.provider._updateHandler,
      this.onDocUpdate,
      ...(persistence ? [persistence._storeUpdate] : []),
    ];
    for (const l of listeners) this.doc.off('update', l);
    try {
      apply();
    } finally {
      for (const l of listeners) this.doc.on('update', l);
    }
    if (!persistence) return;
    const store = () => {
      if (this.destroyed || this.persistence !== persistence) return;
      void persistence.whenSynced
        .then(() => (this.destroyed || this.persistence !== persistence ? undefined : storeState(persistence, true)))
        .catch(() => undefined);
    };
    if ('requestIdleCallback' in window) requestIdleCallback(store, { timeout: STORE_LATER_MS });
    else setTimeout(store, STORE_LATER_MS);
  }

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    const fromElsewhere = origin === this.provider || (this.persistence !== null && origin === this.persistence);
    if (fromElsewhere) return;
    this.lastLocalChangeAt = Date.now();
    if (!(this.provider.wsconnected && this.provider.synced) && !this.status.unsaved) this.update({ unsaved: true });
  };

  /**
   * The server did not keep an update of ours. Only reported when we did change
   * something (recently, or while offline): a reconnect's sync message also carries the
   * doc's deletions, which a read-only connection may see refused without having written.
   */
  private onRefused(reason: string): void {
    const changed = this.status.unsaved || Date.now() - this.lastLocalChangeAt < REFUSAL_WINDOW_MS;
    if (changed) this.onEvent({ type: 'refused', reason });
  }

  private readonly onOnline = () => {
    if (this.status.closeCode === null && !this.destroyed) this.provider.connect();
    this.update();
  };

  // A lost network can leave the websocket open but silent; close it so the indicator
  // says offline and local edits count as unsent. `onOnline` reconnects.
  private readonly onOffline = () => {
    this.provider.disconnect();
    this.update();
  };

  private update(patch: Partial<RoomStatus> = {}): void {
    if (this.destroyed) return;
    const merged = { ...this.status, ...patch };
    const p = this.provider;
    let connection: ConnectionState;
    if (merged.closeCode !== null) connection = 'closed';
    else if (p.wsconnected && p.synced) connection = 'connected';
    else if (!navigator.onLine || (!this.everConnected && p.wsUnsuccessfulReconnects >= OFFLINE_AFTER_ATTEMPTS))
      connection = 'offline';
    else connection = this.everConnected ? 'reconnecting' : 'connecting';
    if (connection === 'connected') this.everConnected = true;
    const next = { ...merged, connection };
    const s = this.status;
    if (s.connection === next.connection && s.unsaved === next.unsaved && s.closeCode === next.closeCode) return;
    this.status = next;
    for (const l of this.listeners) l();
  }

  /**
   * Resolves `true` once the server has applied every change this client sent so far
   * (the server handles a room's messages in order, so its answer to a sync request sent
   * now comes after them), `false` when not connected or after `timeoutMs`. Used before
   * opening a board the facilitator just added: its room exists only once the server
   * has the session doc's change.
   */
  whenServerCaughtUp(timeoutMs = 4000): Promise<boolean> {
    const ws = this.provider.ws;
    if (!ws || !this.provider.wsconnected || this.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.caughtUpWaiters = this.caughtUpWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.caughtUpWaiters.push(done);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      writeSyncStep1(encoder, this.doc);
      ws.send(encoding.toUint8Array(encoder));
    });
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  /** Presence: what others see of us. `null` removes us (leaving the page). */
  setUser(user: AwarenessUser | null): void {
    if (user === null) this.awareness.setLocalState(null);
    else this.awareness.setLocalStateField('user', user);
  }

  /** Sets another field of my awareness state (the session room's `where`, say). */
  setAwarenessField(name: string, value: unknown): void {
    this.awareness.setLocalStateField(name, value);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getStatus = (): RoomStatus => this.status;

  /** Closes the connection and the local copy; `clearLocalCopy` also deletes the copy. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.doc.off('update', this.onDocUpdate);
    this.awareness.setLocalState(null);
    this.awareness.off('update', this.sendOwnPresence);
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}
