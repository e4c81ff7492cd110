/**
 * Presence coalesced per room (issue 11): guarded presence entries are merged (the newest
 * clock per client id wins; a removal wins a tie) and applied to the room's awareness,
 * which fans them out. A peer that sends its cursor a thousand times a second costs the
 * others a few frames a second.
 *
 * When it goes out (issue 14): at once in a room where nothing went out for an interval
 * (someone arrives, leaves or moves in a quiet room); otherwise with the room's next update
 * (`flushPending`: the same write to each socket as the update, no write of its own) or an
 * interval after it came in, whichever is first. A client that moves a note and its cursor
 * sends two frames, and the server often reads them apart: the update goes out at once, and
 * its presence now rides with the next update instead of costing every socket a write.
 */
import type * as awarenessProtocol from 'y-protocols/awareness';
import { applyPresence } from './awarenessApply.ts';
import type { PresenceEntry } from './awarenessGuard.ts';

/** How long presence waits for an update to ride with, at most; and the quiet spell after which it goes at once. */
export const AWARENESS_INTERVAL_MS = 150;

export class AwarenessThrottle {
  private readonly pending = new Map<number, PresenceEntry>();
  private timer: NodeJS.Timeout | null = null;
  /** When the room last sent anything: presence, or an update (see {@link flushPending}). */
  private lastOut = -Infinity;

  constructor(
    private readonly awareness: awarenessProtocol.Awareness,
    private readonly intervalMs = AWARENESS_INTERVAL_MS,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Takes presence entries that passed the guard; applies them now or later (see the module's comment). */
  offer(entries: readonly PresenceEntry[]): void {
    for (const entry of entries) {
      const kept = this.pending.get(entry.clientId);
      if (!kept || entry.clock > kept.clock || (entry.clock === kept.clock && entry.state === null)) {
        this.pending.set(entry.clientId, entry);
      }
    }
    if (this.timer || !this.pending.size) return;
    if (this.now() - this.lastOut >= this.intervalMs) this.flush();
    else this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  /**
   * The room sends an update: what waits goes with it, in the same write to each socket
   * (issue 14). Call after the update's frames were handed to the peers.
   */
  flushPending(): void {
    if (this.pending.size) this.flush();
    else this.lastOut = this.now();
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
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastOut = this.now();
    if (!this.pending.size) return;
    const entries = [...this.pending.values()];
    this.pending.clear();
    applyPresence(this.awareness, entries);
  }
}
