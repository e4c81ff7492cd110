import { useEffect, useRef } from 'react';
import { applyDocUpdate, encodeDoc } from '../../../../shared/model/doc.ts';
import type { Role } from '../../../../shared/roles.ts';
import { boardConnectionRoom, isForkRoom, isPrivateRoom, rememberPrivateMode } from './boardRoom.ts';
import type { Room, RoomStatus } from './Room.ts';
import { forgetRoom, rememberRoom } from './rooms.ts';
import { useRoom } from './useRoom.ts';

/** Origin of the work carried from one room of a board to the other (not an undo step). */
const CARRIED = 'veldwerk:private-carry';

/**
 * The connection to a board as this person sees it (see {@link boardConnectionRoom}):
 * the board, or in private mode their private copy or the facilitator's overview.
 *
 * When private mode goes on or off, the same board's connection moves to the other
 * room, and what this device has of the board goes with it, so that nothing typed in
 * the moment of the switch (or offline) is lost: the board into the private copy when it
 * goes on, the participant's private copy into the board once revealed (the server has
 * merged it by then; this adds what had not reached it). The overview is not carried
 * back: it holds others' notes, which the server merges itself. A revealed private
 * copy's offline copy on this device is deleted.
 */
export function useBoardRoom(
  sessionId: string,
  boardId: string,
  person: { token: string; role: Role; participantId: string },
  privateOn: boolean,
): { room: Room; status: RoomStatus } {
  const { role, participantId, token } = person;
  const name = boardConnectionRoom({ sessionId, boardId, role, participantId, privateOn });
  const board = useRoom(name, token);
  const previous = useRef<{ boardId: string; name: string; room: Room } | null>(null);

  useEffect(() => rememberPrivateMode(sessionId, privateOn), [sessionId, privateOn]);

  useEffect(() => {
    const before = previous.current;
    previous.current = { boardId, name, room: board.room };
    if (!before || before.boardId !== boardId || before.name === name) return;
    // Same board, other room: private mode went on or off.
    const intoPrivate = isPrivateRoom(name);
    if (intoPrivate) rememberRoom(name);
    if (intoPrivate || isForkRoom(before.name)) applyDocUpdate(board.room.doc, encodeDoc(before.room.doc), CARRIED);
    if (!intoPrivate && isPrivateRoom(before.name)) forgetRoom(before.name);
  }, [board.room, name, boardId]);

  return board;
}
