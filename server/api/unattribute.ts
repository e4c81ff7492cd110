/**
 * Removing a person "keeping their content, without their name" (issue 10): the server
 * blanks the author of their items and answers on every board of the session, through
 * the rooms' own write path (stored, then sent to everyone connected).
 */
import { unattributeAuthor } from '../../shared/model/board/authorship.ts';
import { readBoards } from '../../shared/model/sessionDoc.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import { boardRoom, sessionRoom, withRoom } from './rooms.ts';

/** Returns the number of boards that changed. */
export async function unattributeEverywhere(
  registry: RoomRegistry,
  sessionId: string,
  person: { participantId: string; name: string },
): Promise<number> {
  return withRoom(registry, sessionRoom(sessionId), async (session) => {
    let boards = 0;
    for (const board of readBoards(session.doc)) {
      if (await registry.change(boardRoom(sessionId, board.id), (doc) => void unattributeAuthor(doc, person))) boards++;
    }
    return boards;
  });
}
