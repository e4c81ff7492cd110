/**
 * The people on a board, read from the board room's awareness: parsed, without me,
 * and recomputed at most once per animation frame however many updates arrive (each
 * peer's cursor sends up to 20 a second). No React here: `subscribe` + `getPeers`
 * fit `useSyncExternalStore`.
 */
import type { Awareness } from 'y-protocols/awareness';
import { readPeers, type PeerPresence } from './presenceState.ts';

/** Called on the next frame, or after 100 ms when frames do not come (a background tab). */
export function onNextFrame(fn: () => void): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(raf);
    clearTimeout(timer);
    fn();
  };
  const raf = requestAnimationFrame(run);
  const timer = setTimeout(run, 100);
  return () => {
    done = true;
    cancelAnimationFrame(raf);
    clearTimeout(timer);
  };
}

export class PeerStore {
  private peers: PeerPresence[] = [];
  private signature = '[]';
  private pending: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly awareness: Awareness) {
    this.read();
  }

  getPeers = (): PeerPresence[] => this.peers;

  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) this.awareness.on('change', this.onChange);
    this.listeners.add(listener);
    this.onChange(); // changes while nobody listened
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.awareness.off('change', this.onChange);
      this.pending?.();
      this.pending = null;
    };
  };

  private readonly onChange = () => {
    this.pending ??= onNextFrame(() => {
      this.pending = null;
      if (this.read()) for (const l of this.listeners) l();
    });
  };

  /** Re-reads the states; true when something visible changed. */
  private read(): boolean {
    const next = readPeers(this.awareness.getStates(), this.awareness.clientID);
    const signature = JSON.stringify(next);
    if (signature === this.signature) return false;
    this.signature = signature;
    this.peers = next;
    return true;
  }
}

const stores = new WeakMap<Awareness, PeerStore>();

/** The one PeerStore of an awareness (every component on a board shares it). */
export function peerStoreFor(awareness: Awareness): PeerStore {
  let store = stores.get(awareness);
  if (!store) {
    store = new PeerStore(awareness);
    stores.set(awareness, store);
  }
  return store;
}
