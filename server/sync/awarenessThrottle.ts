/**
 * Presence coalesced per room (issue 11): guarded awareness updates are merged (the
 * newest clock per client id wins; a removal wins a tie) and applied to the room's
 * awareness, which fans them out, at most once per interval. A peer that sends its
 * cursor a thousand times a second costs the others a few frames a second.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';

/** How often a room's presence changes go out, at most. */
export const AWARENESS_INTERVAL_MS = 150;

/** The origin of the presence the throttle applies: what clients sent, guarded and coalesced. */
export const COALESCED = Symbol('coalesced presence');

interface Entry {
  clock: number;
  json: string;
}

export class AwarenessThrottle {
  private readonly pending = new Map<number, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly intervalMs = AWARENESS_INTERVAL_MS,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Takes an awareness update that passed the guard; applies it now or with the next flush. */
  offer(update: Uint8Array): void {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const json = decoding.readVarString(d);
      const kept = this.pending.get(clientId);
      if (!kept || clock > kept.clock || (clock === kept.clock && json === 'null')) {
        this.pending.set(clientId, { clock, json });
      }
    }
    if (this.timer) return;
    const wait = this.lastFlush + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /**
   * Sends what is waiting now, with a frame the room is sending anyway (issue 14: the
   * presence that came with an update goes in the same write as the update).
   */
  flushPending(): void {
    if (!this.pending.size) return;
    if (this.timer) clearTimeout(this.timer);
    this.flush();
  }

  /** Drops what is waiting for these client ids (their connection left; the room removes them). */
  forget(clientIds: Iterable<number>): void {
    for (const id of clientIds) this.pending.delete(id);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }

  private flush(): void {
    this.timer = null;
    this.lastFlush = this.now();
    if (!this.pending.size) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, this.pending.size);
    for (const [clientId, { clock, json }] of this.pending) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
    this.pending.clear();
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(e), COALESCED);
  }
}
