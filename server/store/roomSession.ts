import { parseRoomName } from '../../shared/protocol.ts';

/** The session a room belongs to (every store keeps rows per session); throws on a name that is not a room's. */
export function sessionOfRoom(room: string): string {
  const parsed = parseRoomName(room);
  if (!parsed) throw new Error(`invalid room name: ${room}`);
  return parsed.sessionId;
}
