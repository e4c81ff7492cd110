/**
 * Removing a person "keeping their content, without their name" (issue 10): the server
 * blanks the author of their items and answers on every board of the session, through
 * the rooms' own write path (stored, then sent to everyone connected).
 */
import { unattributeAuthor } from '../../shared/model/board/authorship.ts';
import { readBoards } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, parseRoomName, sessionRoomName } from '../../shared/protocol.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

/** Returns the number of boards that changed. */
export async function unattributeEverywhere(
  registry: RoomRegistry,
  sessionId: string,
  person: { participantId: string; name: string },
): Promise<number> {
  const session = await registry.acquire(parseRoomName(sessionRoomName(sessionId))!);
  try {
    let boards = 0;
    for (const board of readBoards(session.doc)) {
      const room = parseRoomName(boardRoomName(sessionId, board.id));
      if (room && (await registry.change(room, (doc) => void unattributeAuthor(doc, person)))) boards++;
    }
    return boards;
  } finally {
    registry.release(session);
  }
}
