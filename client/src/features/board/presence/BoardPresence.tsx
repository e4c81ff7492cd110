/**
 * Presence wired to the board canvas (issue 3): two components for BoardCanvas's
 * `layers` and `overlay` slots, so SessionView mounts presence in two lines:
 *
 *   <BoardCanvas ...
 *     layers={<BoardPresenceLayer room={board.room} store={boardState} />}
 *     overlay={<BoardPresenceOverlay room={board.room} store={boardState} me={me} />}
 *   />
 *
 * The overlay publishes my pointer, selection and viewport (read from the board store)
 * and lists who is on the board with "Volgen"; following drives the store's viewport
 * with `setViewport(v, 'follow')` and ends when the person pans or zooms ('user').
 * Each part subscribes to what it needs, so a peer's cursor never re-renders the canvas.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Follow } from '../../../base/presence/useFollow.ts';
import type { PeerPresence } from '../../../base/presence/presenceState.ts';
import { boardReaderFor, useBoardSnapshot } from '../../../base/board/boardModel.ts';
import { useBoardState, type BoardStore } from '../../../base/board/boardState.ts';
import { useElementSize } from '../../../base/board/useElementSize.ts';
import { clampScale } from '../../../base/board/viewport.ts';
import { peerStoreFor } from '../../../base/presence/PeerStore.ts';
import { useBoardPresence } from '../../../base/presence/useBoardPresence.ts';
import { useFollow } from '../../../base/presence/useFollow.ts';
import type { AwarenessUser, Room } from '../../../base/sync/Room.ts';
import { BoardPeople } from './BoardPeople.tsx';
import { CursorLayer } from './CursorLayer.tsx';
import './BoardPresence.css';

export interface BoardPresenceLayerProps {
  /** The BOARD room (`useRoom(boardRoomName(sessionId, boardId), token).room`). */
  room: Room;
  /** The board's UI store (the `state` given to BoardCanvas). */
  store: BoardStore;
}

/** Others' pointers and selections, for BoardCanvas's `layers` slot (inside the Stage). */
export function BoardPresenceLayer({ room, store }: BoardPresenceLayerProps) {
  const peers = peerStoreFor(room.awareness);
  const list = useSyncExternalStore(peers.subscribe, peers.getPeers);
  const snapshot = useBoardSnapshot(boardReaderFor(room.doc));
  const scale = useBoardState(store, (s) => s.viewport.scale);
  return <CursorLayer peers={list} items={snapshot.byId} scale={scale} />;
}

export interface BoardPresenceOverlayProps extends BoardPresenceLayerProps {
  /** Me, as SessionView sets `user` on the rooms ({ id, name, role, color: personColor(personKey) }). */
  me: AwarenessUser | null;
}

/** Publishing, who is on this board and following, for BoardCanvas's `overlay` slot (inside `.board-canvas`). */
export function BoardPresenceOverlay({ room, store, me }: BoardPresenceOverlayProps) {
  // The overlay fills the canvas element, so its size is the stage's.
  const frame = useRef<HTMLDivElement>(null);
  const size = useElementSize(frame);
  const selection = useBoardState(store, (s) => s.selection);
  const viewport = useBoardState(store, (s) => s.viewport);
  const viewportBy = useBoardState(store, (s) => s.viewportBy);
  const hasSize = size.width > 0 && size.height > 0;
  const presence = useBoardPresence(room, me, {
    selection,
    viewport: hasSize ? { ...viewport, width: size.width, height: size.height } : null,
  });
  // The pointer goes straight from the store to awareness: no React render per mouse move.
  const { setCursor } = presence;
  useEffect(() => {
    let last = store.getState().pointer;
    setCursor(last);
    return store.subscribe(() => {
      const p = store.getState().pointer;
      if (p === last) return;
      last = p;
      setCursor(p);
    });
  }, [store, setCursor]);

  const follow = useFollow(presence.peers, size, { viewportBy, clampScale });
  useEffect(() => {
    if (follow.viewport) store.setViewport(follow.viewport, 'follow');
  }, [store, follow.viewport]);
  useFollowRequest(presence.peers, follow);

  return (
    <div ref={frame} className="presence-overlay">
      <BoardPeople peers={presence.peers} follow={follow} me={me} className="presence-overlay-people" />
    </div>
  );
}

// ---- Presenter mode (issue 5): the meeting asks this screen to follow one person ----

let followRequest = { userId: '', on: false, seq: 0 };
const followRequestListeners = new Set<() => void>();
const subscribeFollowRequest = (l: () => void) => {
  followRequestListeners.add(l);
  return () => followRequestListeners.delete(l);
};

/**
 * Asks the open board to follow a person (by participant id) as soon as they show a view
 * on it, or (`on` false) to stop following them. Each request is handled once per board
 * overlay, so panning yourself still ends it, as with "Volgen".
 */
export function requestFollow(userId: string, on = true): void {
  followRequest = { userId, on, seq: followRequest.seq + 1 };
  for (const l of followRequestListeners) l();
}

function useFollowRequest(peers: readonly PeerPresence[], follow: Follow): void {
  const request = useSyncExternalStore(subscribeFollowRequest, () => followRequest);
  const handled = useRef(0);
  useEffect(() => {
    if (request.seq === handled.current || !request.userId) return;
    if (!request.on) {
      handled.current = request.seq;
      if (follow.following?.user.id === request.userId) follow.stop();
      return;
    }
    const peer = peers.find((p) => p.user.id === request.userId && p.viewport);
    if (!peer) return; // not on this board (yet)
    handled.current = request.seq;
    follow.start(peer.clientId);
  }, [request, peers, follow]);
}
