/**
 * Fan-out between server instances (issue 13): the small interface the rooms use. With
 * one process (no `REDIS_URL`) there is nothing to fan out to and no implementation is
 * loaded at all (`RoomRegistry` then passes no channel). With `REDIS_URL`,
 * `RedisFanout.ts` carries a room's stored updates and its presence to every other
 * instance that has the room loaded, and a few session-wide events (a session deleted, a
 * participant removed or renamed).
 *
 * The rule stays: an update is published only after the store took it, so no client
 * anywhere receives what is not stored. A receiving instance applies it as already
 * stored (not stored again, not checked by the write rules, not published again).
 */
import type { Redis } from 'ioredis';

/** Redis could not be reached at the start: one line for the operator (server/startupErrors.ts). */
export class BusUnavailableError extends Error {}

/** What a room does with what another instance sends on its channel. */
export interface RemoteHandler {
  /** An update another instance stored (a client's or a server change). */
  update(update: Uint8Array): void;
  /** An awareness update (y-protocols encoding) of the other instance's clients. */
  awareness(update: Uint8Array): void;
  /** Another instance loaded the room and asks for the presence of everyone here. */
  queryAwareness(): void;
}

/** One room's channel on this instance. Subscribed before the room loads from the store. */
export interface RoomChannel {
  /**
   * Hands over what arrives on the channel; what arrived since the subscription (while
   * the room loaded) is handed over at once, in order. Updates are idempotent, so one
   * that is both in the load and on the channel does no harm.
   */
  attach(handler: RemoteHandler): void;
  /** Sends a stored update to the other instances. Call only after the store resolved. */
  publishUpdate(update: Uint8Array): void;
  /** Sends this instance's clients' awareness changes to the other instances. */
  publishAwareness(update: Uint8Array): void;
  /** Asks the other instances for their clients' presence (the room just loaded here). */
  queryAwareness(): void;
  /** Unsubscribes (the room unloaded). */
  close(): void;
}

/** Events about a whole session, for every instance. */
export type ControlEvent =
  | { type: 'sessionDeleted'; sessionId: string; closeCode: number }
  | { type: 'participantRemoved'; sessionId: string; participantId: string; closeCode: number; reason: string }
  | { type: 'participantRenamed'; sessionId: string; participantId: string; name: string };

export interface Fanout {
  /** Subscribes to a room's channel; resolves once the subscription is in place. */
  open(room: string): Promise<RoomChannel>;
  /** Sends a session-wide event to the other instances (this one acts on it itself). */
  publishControl(event: ControlEvent): void;
  /** Called with every session-wide event from another instance. */
  onControl(handler: (event: ControlEvent) => void): void;
  /**
   * Called after the connection to the bus came back: messages sent meanwhile are lost
   * (pub/sub keeps nothing), so every loaded room catches up from the store.
   */
  onReconnected(handler: () => void): void;
  /** Connected now (for `/readyz`). */
  ready(): boolean;
  /** A Redis connection for commands (the shared limits), when the bus is Redis. */
  readonly redis?: Redis;
  /** This instance's id on the bus (hex). */
  readonly instanceName: string;
  close(): Promise<void>;
}
