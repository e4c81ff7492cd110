/**
 * Sync-step-2 answers shared between peers (issue 11): the encoded answer for a state
 * vector is kept until the doc changes, so a crowd joining at once (every new client
 * asks with the same, empty state vector) costs one encode instead of one each. The room
 * keeps {@link WireFrame}s: framed once for all the peers it answers (issue 14).
 */

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
