/**
 * Fan-out through Redis pub/sub (issue 13), loaded only when `REDIS_URL` is set. One
 * channel per loaded room (`veldwerk:room:<room name>`) and one for session-wide events
 * (`veldwerk:control`). Two connections: one subscribes, one publishes (a subscribed
 * Redis connection takes no other commands).
 *
 * Pub/sub keeps nothing: what is published while an instance is cut off from Redis is
 * lost to it. When its connection comes back, every loaded room catches up from the
 * store (`onReconnected`), which holds every update before it was published.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../../log.ts';
import { BusUnavailableError, type ControlEvent, type Fanout, type RemoteHandler, type RoomChannel } from './Fanout.ts';
import {
  decodeControl,
  decodeEnvelope,
  encodeControl,
  encodeEnvelope,
  EnvelopeKind,
  newInstanceId,
  type Envelope,
} from './envelope.ts';

import { redactUrl } from '../../redactUrl.ts';

const PREFIX = 'veldwerk:';
const CONTROL_CHANNEL = `${PREFIX}control`;
const roomChannel = (room: string) => `${PREFIX}room:${room}`;

/** How long the start waits for Redis before it gives up with a clear message. */
const CONNECT_TIMEOUT_MS = 10_000;

class Handle implements RoomChannel {
  private handler: RemoteHandler | null = null;
  private readonly early: Envelope[] = [];
  closed = false;

  constructor(
    private readonly fanout: RedisFanout,
    readonly channel: string,
  ) {}

  deliver(envelope: Envelope): void {
    if (this.closed) return;
    if (!this.handler) {
      this.early.push(envelope);
      return;
    }
    if (envelope.kind === EnvelopeKind.update) this.handler.update(envelope.payload);
    else if (envelope.kind === EnvelopeKind.awareness) this.handler.awareness(envelope.payload);
    else if (envelope.kind === EnvelopeKind.queryAwareness) this.handler.queryAwareness();
  }

  attach(handler: RemoteHandler): void {
    this.handler = handler;
    for (const envelope of this.early.splice(0)) this.deliver(envelope);
  }

  publishUpdate(update: Uint8Array): void {
    if (!this.closed) this.fanout.publish(this.channel, EnvelopeKind.update, update);
  }

  publishAwareness(update: Uint8Array): void {
    if (!this.closed) this.fanout.publish(this.channel, EnvelopeKind.awareness, update);
  }

  queryAwareness(): void {
    if (!this.closed) this.fanout.publish(this.channel, EnvelopeKind.queryAwareness, new Uint8Array(0));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.handler = null;
    this.early.length = 0;
    this.fanout.release(this);
  }
}

export class RedisFanout implements Fanout {
  readonly instanceId = newInstanceId();
  private readonly handles = new Map<string, Set<Handle>>();
  private readonly subscriptions = new Map<string, Promise<unknown>>();
  private readonly controlHandlers: ((event: ControlEvent) => void)[] = [];
  private readonly reconnectHandlers: (() => void)[] = [];
  private connectedOnce = false;
  private closing = false;

  get redis(): Redis {
    return this.pub;
  }

  get instanceName(): string {
    return this.instanceId.toString('hex');
  }

  private constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    private readonly log: Logger,
  ) {
    sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.received(channel.toString(), message));
    for (const [name, conn] of [
      ['publisher', pub],
      ['subscriber', sub],
    ] as const) {
      conn.on('error', (err: Error) => log.warn({ err: String(err), connection: name }, 'redis error'));
      conn.on('end', () => {
        if (!this.closing) log.warn({ connection: name }, 'redis connection ended');
      });
    }
    sub.on('ready', () => {
      if (!this.connectedOnce) {
        this.connectedOnce = true;
        return;
      }
      // ioredis subscribed again before 'ready'; a PING answered means those are in place.
      log.warn('redis connection is back: loaded rooms catch up from the store');
      sub.ping().then(
        () => {
          for (const handler of this.reconnectHandlers) handler();
        },
        (err: unknown) => log.warn({ err: String(err) }, 'redis ping after reconnect failed'),
      );
    });
  }

  /** Connects both connections; rejects with a clear message when Redis does not answer in time. */
  static async connect(url: string, log: Logger): Promise<RedisFanout> {
    const options = { lazyConnect: true, maxRetriesPerRequest: null, connectionName: 'veldwerk' };
    const pub = new Redis(url, options);
    const sub = new Redis(url, options);
    const fanout = new RedisFanout(pub, sub, log);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([pub.connect(), sub.connect()]),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`Redis at REDIS_URL did not answer within ${CONNECT_TIMEOUT_MS / 1000} s`)),
            CONNECT_TIMEOUT_MS,
          );
        }),
      ]);
      await sub.subscribe(CONTROL_CHANNEL);
    } catch (err) {
      pub.disconnect();
      sub.disconnect();
      const where = redactUrl(url);
      throw new BusUnavailableError(
        `Cannot use Redis at REDIS_URL (${where}): ${(err instanceof Error ? err.message : String(err)).replace(/\.$/, '')}. ` +
          'Check that Redis runs there and the address, port and password are right.',
      );
    } finally {
      clearTimeout(timer);
    }
    return fanout;
  }

  async open(room: string): Promise<RoomChannel> {
    const channel = roomChannel(room);
    const handle = new Handle(this, channel);
    let set = this.handles.get(channel);
    if (!set) {
      set = new Set();
      this.handles.set(channel, set);
      this.subscriptions.set(channel, this.sub.subscribe(channel));
    }
    set.add(handle);
    try {
      await this.subscriptions.get(channel);
    } catch (err) {
      handle.close();
      throw err;
    }
    return handle;
  }

  /** A handle closed: the last one of a channel unsubscribes. */
  release(handle: Handle): void {
    const set = this.handles.get(handle.channel);
    if (!set?.delete(handle) || set.size) return;
    this.handles.delete(handle.channel);
    this.subscriptions.delete(handle.channel);
    this.sub.unsubscribe(handle.channel).catch((err: unknown) => {
      this.log.warn({ err: String(err), channel: handle.channel }, 'redis unsubscribe failed');
    });
  }

  publish(channel: string, kind: EnvelopeKind, payload: Uint8Array): void {
    // Not awaited: the caller has stored the update; a lost message is caught up from the store.
    this.pub.publish(channel, encodeEnvelope(kind, this.instanceId, payload)).catch((err: unknown) => {
      this.log.warn({ err: String(err), channel }, 'redis publish failed');
    });
  }

  publishControl(event: ControlEvent): void {
    this.publish(CONTROL_CHANNEL, EnvelopeKind.control, encodeControl(event));
  }

  onControl(handler: (event: ControlEvent) => void): void {
    this.controlHandlers.push(handler);
  }

  onReconnected(handler: () => void): void {
    this.reconnectHandlers.push(handler);
  }

  ready(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const set of this.handles.values()) for (const handle of set) handle.closed = true;
    this.handles.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private received(channel: string, message: Buffer): void {
    const envelope = decodeEnvelope(message);
    if (!envelope || envelope.from.equals(this.instanceId)) return;
    if (channel === CONTROL_CHANNEL) {
      const event = envelope.kind === EnvelopeKind.control ? decodeControl(envelope.payload) : null;
      if (!event) return;
      for (const handler of this.controlHandlers) {
        try {
          handler(event);
        } catch (err) {
          this.log.error({ err, event: event.type }, 'session event failed');
        }
      }
      return;
    }
    for (const handle of this.handles.get(channel) ?? []) {
      try {
        handle.deliver(envelope);
      } catch (err) {
        this.log.error({ err, channel }, 'fan-out message failed');
      }
    }
  }
}
