/**
 * Presence on a board (issue 3): publishes my pointer, selection and viewport to the
 * board room's awareness and returns the other people on this board.
 *
 *   const presence = useBoardPresence(board.room, me, { selection, viewport });
 *   // on pointer move over the stage: presence.setCursor(stage.getRelativePointerPosition())
 *   // on pointer leave:               presence.setCursor(null)
 *   <CursorLayer peers={presence.peers} items={snapshot.byId} scale={viewport.scale} />
 *
 * The pointer does not go through React state (it changes on every mouse move); it is
 * handed to `setCursor`, which is stable and cheap. Selection and viewport are
 * published when they change; everything is sent at most every 50 ms.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { AwarenessUser, Room } from '../sync/Room.ts';
import { peerStoreFor } from './PeerStore.ts';
import { PresencePublisher } from './PresencePublisher.ts';
import type { PeerPresence, Point, PresenceViewport } from './presenceState.ts';

export interface BoardPresenceInput {
  /** Ids of the items I have selected (keep the array's identity while it does not change). */
  selection: readonly string[];
  /** My pan/zoom and canvas size; `null` before the canvas has a size. */
  viewport: PresenceViewport | null;
}

export interface BoardPresence {
  /** Everyone else on this board (one entry per browser tab), sorted by name; new array only when something changed. */
  peers: PeerPresence[];
  /** My pointer in world coordinates, or `null` when it leaves the board. Stable function. */
  setCursor: (cursor: Point | null) => void;
}

/**
 * @param room the BOARD room (`useRoom(boardRoomName(...))`), not the session room.
 * @param me my `user` field as SessionView sets it on every room ({ id, name, role,
 *   color: personColor(personKey) }); the server rewrites id, name and role from the
 *   token. `null` leaves `user` as it is.
 */
export function useBoardPresence(room: Room, me: AwarenessUser | null, state: BoardPresenceInput): BoardPresence {
  const awareness = room.awareness;
  const publisher = useMemo(() => new PresencePublisher(awareness), [awareness]);
  const store = peerStoreFor(awareness);

  const { id, name, role, color } = me ?? {};
  useEffect(() => {
    if (id !== undefined && name !== undefined && role !== undefined && color !== undefined)
      room.setUser({ id, name, role, color });
  }, [room, id, name, role, color]);

  useEffect(() => () => publisher.withdraw(), [publisher]);
  useEffect(() => publisher.setSelection(state.selection), [publisher, state.selection]);
  // By value: a canvas may build a new viewport object on every render.
  const v = state.viewport;
  const [vx, vy, vs, vw, vh] = v ? [v.x, v.y, v.scale, v.width, v.height] : [];
  useEffect(() => {
    const has = vx !== undefined && vy !== undefined && vs !== undefined && vw !== undefined && vh !== undefined;
    publisher.setViewport(has ? { x: vx, y: vy, scale: vs, width: vw, height: vh } : null);
  }, [publisher, vx, vy, vs, vw, vh]);

  // A hidden tab's pointer is not where its owner is looking.
  useEffect(() => {
    const onVisibility = () => {
      if (document.hidden) publisher.setCursor(null);
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [publisher]);

  const peers = useSyncExternalStore(store.subscribe, store.getPeers);
  return useMemo(() => ({ peers, setCursor: publisher.setCursor }), [peers, publisher]);
}
