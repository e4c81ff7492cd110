import { parseRoomName } from '../../shared/protocol.ts';

/** Sessions of the rooms seen lately: every append asks (issue 14: parsing was ~3 % of a busy room's CPU). */
const known = new Map<string, string>();
const MAX_KNOWN = 10_000;

/** The session a room belongs to (every store keeps rows per session); throws on a name that is not a room's. */
export function sessionOfRoom(room: string): string {
  const kept = known.get(room);
  if (kept !== undefined) return kept;
  const parsed = parseRoomName(room);
  if (!parsed) throw new Error(`invalid room name: ${room}`);
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(room, parsed.sessionId);
  return parsed.sessionId;
}
