import { useEffect, useSyncExternalStore } from 'react';
import type { Room, RoomStatus } from './Room.ts';
import { getRoomEntry, retainRoom } from './rooms.ts';

/**
 * Connects to a room (doc + websocket + offline copy) for as long as the component is
 * mounted. The same room is shared by every component that asks for it. `room` changes
 * identity when the local copy was reset after a refusal; depend on it in effects.
 */
export function useRoom(roomName: string, token: string): { room: Room; status: RoomStatus } {
  const entry = getRoomEntry(roomName, token);
  useEffect(() => retainRoom(entry), [entry]);
  const room = useSyncExternalStore(entry.subscribe, entry.getRoom);
  const status = useSyncExternalStore(room.subscribe, room.getStatus);
  return { room, status };
}
