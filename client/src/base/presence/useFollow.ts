/**
 * "Volgen": following another person's view. While I follow someone, `viewport` is
 * their view adapted to my screen (see follow.ts); the canvas applies it. Following
 * ends when I press Escape, when the canvas calls `stop()` (I pan or zoom myself), or
 * when the person leaves the board.
 *
 *   const viewportBy = useBoardState(store, (s) => s.viewportBy);
 *   const follow = useFollow(presence.peers, size, { viewportBy, clampScale });
 *   useEffect(() => { if (follow.viewport) store.setViewport(follow.viewport, 'follow'); }, [follow.viewport]);
 *
 * (Without a `viewportBy`, call `follow.stop()` from the canvas's own pan/zoom handlers.)
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { followViewport, sameViewport, type ScreenSize, type StageViewport } from './follow.ts';
import type { PeerPresence } from './presenceState.ts';

export interface Follow {
  /** The tab I follow, or `null`. */
  following: PeerPresence | null;
  /** Starts following this tab (by awareness client id). */
  start(clientId: number): void;
  /** Follows this tab, or stops when I already follow it. */
  toggle(clientId: number): void;
  stop(): void;
  /** The viewport to apply while following; `null` when not following (or they share no view yet). Same object while it does not change. */
  viewport: StageViewport | null;
}

interface Target {
  clientId: number;
  userId: string;
}

export interface FollowOptions {
  /** The canvas's zoom limits (default 0.05 to 8). */
  clampScale?: (scale: number) => number;
  /**
   * Who set the canvas's viewport last (the board store's `viewportBy`): when it turns
   * to 'user' while following, I moved the view myself and following stops. Without
   * it, the canvas calls `stop()` from its pan and zoom handlers.
   */
  viewportBy?: string;
}

/** @param size my canvas size in CSS pixels. */
export function useFollow(peers: readonly PeerPresence[], size: ScreenSize, opts: FollowOptions = {}): Follow {
  const [target, setTarget] = useState<Target | null>(null);

  // The same tab, or after a reload the same person in a new tab.
  const following = useMemo(() => {
    if (!target) return null;
    return (
      peers.find((p) => p.clientId === target.clientId) ??
      (target.userId ? peers.find((p) => p.user.id === target.userId) : undefined) ??
      null
    );
  }, [peers, target]);

  useEffect(() => {
    if (target && !following) setTarget(null);
    else if (target && following && following.clientId !== target.clientId)
      setTarget({ clientId: following.clientId, userId: following.user.id });
  }, [target, following]);

  const stop = useCallback(() => setTarget(null), []);
  const peersRef = useRef(peers);
  peersRef.current = peers;
  const start = useCallback((clientId: number) => {
    const peer = peersRef.current.find((p) => p.clientId === clientId);
    if (peer) setTarget({ clientId, userId: peer.user.id });
  }, []);
  const toggle = useCallback(
    (clientId: number) =>
      setTarget((t) => {
        if (t?.clientId === clientId) return null;
        const peer = peersRef.current.find((p) => p.clientId === clientId);
        return peer ? { clientId, userId: peer.user.id } : t;
      }),
    [],
  );

  const isFollowing = target !== null;
  useEffect(() => {
    if (!isFollowing) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setTarget(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isFollowing]);

  // I pan or zoom myself: the source of the viewport turns (back) to 'user'.
  const viewportBy = opts.viewportBy;
  const lastBy = useRef(viewportBy);
  useEffect(() => {
    const before = lastBy.current;
    lastBy.current = viewportBy;
    if (viewportBy === 'user' && before !== undefined && before !== 'user') setTarget(null);
  }, [viewportBy]);

  const clampScale = opts.clampScale;
  // Stable while the result does not change; a new start (even of the same person) gives a new object.
  const last = useRef<{ target: Target | null; viewport: StageViewport | null }>({ target: null, viewport: null });
  const theirs = following?.viewport;
  const viewport = useMemo(() => {
    const next = theirs ? followViewport(theirs, size, clampScale) : null;
    const prev = last.current;
    if (prev.target === target && sameViewport(next, prev.viewport)) return prev.viewport;
    last.current = { target, viewport: next };
    return next;
  }, [theirs, size, clampScale, target]);

  return useMemo(() => ({ following, start, toggle, stop, viewport }), [following, start, toggle, stop, viewport]);
}
