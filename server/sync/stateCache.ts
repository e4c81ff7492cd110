/**
 * Sync-step-2 answers shared between peers (issue 11): the encoded answer for a state
 * vector is kept until the doc changes, so a crowd joining at once (every new client
 * asks with the same, empty state vector) costs one encode instead of one each. The room
 * keeps {@link WireFrame}s: framed once for all the peers it answers (issue 14).
 */
import { encodeSyncStep2Of, encodeUpdate } from './messages.ts';
import { WireFrame } from './wireFrame.ts';

/** State vectors longer than this are not worth a cache entry (they are rarely repeated). */
const MAX_KEY_BYTES = 64;
/** Different state vectors kept at once. */
const MAX_ENTRIES = 4;

export class SyncAnswerCache<T = Uint8Array> {
  private readonly entries = new Map<string, T>();

  /**
   * The answer for `stateVector`: from the cache, else `encode()` (kept for the next
   * peer). `onShared` is called when a kept answer is served again.
   */
  answer(stateVector: Uint8Array, encode: () => T, onShared?: () => void): T {
    if (stateVector.byteLength > MAX_KEY_BYTES) return encode();
    const key = Buffer.from(stateVector).toString('base64');
    const kept = this.entries.get(key);
    if (kept) {
      onShared?.();
      return kept;
    }
    const frame = encode();
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, frame);
    return frame;
  }

  /**
   * Keeps an answer made elsewhere for `stateVector` (a stored row that is the doc's whole
   * state, for the empty state vector: no encode for the first clients after a restart).
   */
  prime(stateVector: Uint8Array, frame: T): void {
    this.entries.set(Buffer.from(stateVector).toString('base64'), frame);
  }

  /** The doc changed: every kept answer is stale. */
  clear(): void {
    this.entries.clear();
  }
}

/**
 * The answer to a client that has nothing, from stored rows that together are the doc's
 * whole state, before the doc is built (issue 14): each row but the last as an update
 * message, the last as the sync step 2. The client applies them in order and fires its
 * `sync` at the last, with everything.
 */
export function storedRowsAnswer(updates: readonly Uint8Array[]): WireFrame[] {
  return updates.map((u, i) => new WireFrame(i === updates.length - 1 ? encodeSyncStep2Of(u) : encodeUpdate(u)));
}
