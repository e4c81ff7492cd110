/**
 * A room the API reads or changes is loaded for the time it is used and released after,
 * whatever happens in between: the acquire/release pair written once.
 */
import { boardRoomName, parseRoomName, sessionRoomName, type Room as RoomName } from '../../shared/protocol.ts';
import type { Room } from '../sync/Room.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

/** Runs `use` with the room loaded (from memory or the store); releases it when `use` is done or throws. */
export async function withRoom<T>(
  registry: Pick<RoomRegistry, 'acquire' | 'release'>,
  name: RoomName,
  use: (room: Room) => Promise<T> | T,
): Promise<T> {
  const room = await registry.acquire(name);
  try {
    return await use(room);
  } finally {
    registry.release(room);
  }
}

/** The session doc's room. */
export const sessionRoom = (sessionId: string): RoomName => parseRoomName(sessionRoomName(sessionId))!;

/** A board's room (the id checked by the caller against the session doc or BOARD_ID_RE). */
export const boardRoom = (sessionId: string, boardId: string): RoomName =>
  parseRoomName(boardRoomName(sessionId, boardId))!;
