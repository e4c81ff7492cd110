/**
 * What the session page gives the meeting UI (see features/meeting/MeetingContext.tsx):
 * the session room and its meeting store, who I am, the open board and view with the
 * board's room, and the facilitator's screen. Each part is memoised on its own, so one
 * changing does not re-render the readers of the others.
 */
import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { SessionInfo } from '../../../shared/api.ts';
import type { BoardRecord } from '../../../shared/model/sessionDoc.ts';
import { sessionRoomName } from '../../../shared/protocol.ts';
import { Role } from '../../../shared/roles.ts';
import { createBoardStore } from '../base/board/boardState.ts';
import type { Identity } from '../base/identity.ts';
import { useBoardRoom } from '../base/sync/useBoardRoom.ts';
import { useRoom } from '../base/sync/useRoom.ts';
import { useBoardView, type BoardView } from '../base/useBoardView.ts';
import {
  createMeetingStore,
  type BoardSelection,
  type MeetingIdentity,
  type ScreenSelection,
  type SessionScreen,
} from '../features/meeting/index.ts';
import { useCurrentBoard } from './useCurrentBoard.ts';

/** The boards this person sees: the template (group boards are cloned from it) is the facilitator's only. */
export function visibleBoards(boards: BoardRecord[], isFacilitator: boolean): BoardRecord[] {
  return isFacilitator ? boards : boards.filter((b) => b.kind !== 'template');
}

export interface MeetingFrameOptions {
  sessionId: string;
  identity: Identity;
  info: SessionInfo | null;
  initialView?: BoardView;
  /** The projector screen follows the meeting as a participant's does, and writes nothing. */
  projector?: boolean;
}

export function useMeetingFrame({ sessionId, identity, info, initialView, projector = false }: MeetingFrameOptions) {
  const session = useRoom(sessionRoomName(sessionId), identity.token);
  const store = useMemo(() => createMeetingStore(session.room), [session.room]);
  useEffect(() => store.connect(), [store]);

  const isFacilitator = identity.role === Role.facilitator;
  const boards = useStore(store, (s) => s.session.boards);
  const visible = useMemo(() => visibleBoards(boards, isFacilitator), [boards, isFacilitator]);
  const { boardId, select } = useCurrentBoard(visible);
  const { view, setView } = useBoardView(initialView);
  const [screen, setScreen] = useState<SessionScreen>('board');

  // The name the server knows us by (a rename by the facilitator reaches our own presence
  // state): what we add carries it, as the server's write rules require.
  const ownName = useStore(store, (s) => s.present.find((p) => p.isSelf && p.id === identity.participantId)?.name);
  const writerName = ownName && ownName !== '?' ? ownName : identity.name;
  const writerIdentity = useMemo(
    () => (writerName === identity.name ? identity : { ...identity, name: writerName }),
    [identity, writerName],
  );

  // The board, or in private mode my private copy of it (the facilitator: the overview).
  // The projector shows the board as everyone has it: never the facilitator's overview of hidden notes.
  const privateOn = useStore(store, (s) => s.live.privateMode.on);
  const board = useBoardRoom(sessionId, boardId, identity, privateOn && !projector);
  // One UI state per open board: selection, viewport and pointer (presence reads them too).
  const boardState = useMemo(() => createBoardStore(), [board.room]);

  const facilitating = isFacilitator && !projector;
  const meetingIdentity: MeetingIdentity = useMemo(
    () => ({
      sessionId,
      identity: writerIdentity,
      info,
      isFacilitator: facilitating,
      sessionRoom: session.room,
      sessionDoc: session.room.doc,
    }),
    [sessionId, writerIdentity, info, facilitating, session.room],
  );
  const selection: BoardSelection = useMemo(
    () => ({ boardId, selectBoard: select, view, setView, boardRoom: board.room }),
    [boardId, select, view, setView, board.room],
  );
  const screenSelection: ScreenSelection = useMemo(
    () => ({ screen: facilitating ? screen : 'board', setScreen }),
    [facilitating, screen],
  );

  return {
    session,
    board,
    boardState,
    writerName,
    meeting: { store, identity: meetingIdentity, board: selection, screen: screenSelection },
  };
}
