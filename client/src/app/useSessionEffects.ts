/**
 * What the session page does besides showing the meeting: tell the rooms who I am and
 * where, name the browser tab, fetch the session info once online, and, when the server
 * closes the session to me, say why and forget what this device kept of it.
 */
import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../../shared/api.ts';
import { CloseCode } from '../../../shared/protocol.ts';
import { personColor } from '../base/colors.ts';
import { forgetIdentity, type Identity } from '../base/identity.ts';
import type { Room, RoomStatus } from '../base/sync/Room.ts';
import { forgetLocalCopies } from '../base/sync/rooms.ts';
import type { BoardView } from '../base/useBoardView.ts';
import type { DeniedReason } from './useSessionAccess.ts';

const CLOSE_REASON: Record<number, DeniedReason> = {
  [CloseCode.unauthorized]: 'unauthorized',
  [CloseCode.forbidden]: 'forbidden',
  [CloseCode.notFound]: 'notFound',
  [CloseCode.sessionDeleted]: 'sessionDeleted',
  // Issue 11: say so, instead of "an error" (whether they may come back is the facilitator's word).
  [CloseCode.participantRemoved]: 'removed',
};

/** My presence in both rooms (name, role, colour) and, in the session room, my open board and view. */
export function usePublishedSelf(opts: {
  sessionRoom: Room;
  boardRoom: Room;
  identity: Identity;
  writerName: string;
  boardId: string;
  view: BoardView;
  projector: boolean;
}): void {
  const { sessionRoom, boardRoom, identity, writerName, boardId, view, projector } = opts;
  const personKey = identity.participantId || identity.name;
  useEffect(() => {
    // The projector screen is nobody: it publishes no presence, cursor or place (issue 12),
    // whoever's identity opened it.
    if (projector) {
      sessionRoom.setUser(null);
      boardRoom.setUser(null);
      return;
    }
    const user = { id: identity.participantId, name: writerName, role: identity.role, color: personColor(personKey) };
    sessionRoom.setUser(user);
    boardRoom.setUser(user);
  }, [projector, sessionRoom, boardRoom, identity.participantId, writerName, identity.role, personKey]);

  // Who is where (the control room shows it): my open board and view, in the session room.
  useEffect(() => {
    if (!projector) sessionRoom.setAwarenessField('where', { boardId, view });
  }, [projector, sessionRoom, boardId, view]);
}

/** The browser tab's title; and, opened offline from a kept identity, the session info once connected. */
export function useSessionPage(title: string, info: SessionInfo | null, connected: boolean, onNeedInfo: () => void) {
  useEffect(() => {
    document.title = title ? `${title} · Veldwerk` : 'Veldwerk';
  }, [title]);
  const needInfo = useRef(onNeedInfo);
  needInfo.current = onNeedInfo;
  useEffect(() => {
    if (info === null && connected) needInfo.current();
  }, [info, connected]);
}

/**
 * Why the server closed the session or board to me (`null` while open). Refused for good,
 * this device forgets the identity, and a deleted session's offline copies too.
 */
export function useClosedReason(opts: {
  sessionId: string;
  token: string;
  sessionStatus: RoomStatus;
  boardStatus: RoomStatus;
  boardIds: string;
}): DeniedReason | null {
  const { sessionId, token, sessionStatus, boardStatus, boardIds } = opts;
  // A revealed private copy closes with privateEnded: the page is moving to the board room.
  const boardClose = boardStatus.closeCode === CloseCode.privateEnded ? null : boardStatus.closeCode;
  const closeCode = sessionStatus.closeCode ?? boardClose;
  const closedReason = closeCode === null ? null : (CLOSE_REASON[closeCode] ?? 'error');
  useEffect(() => {
    if (closedReason === null || closedReason === 'error') return;
    forgetIdentity(sessionId, token);
    if (closedReason === 'sessionDeleted') void forgetLocalCopies(sessionId, boardIds.split(' '));
  }, [closedReason, sessionId, token, boardIds]);
  return closedReason;
}
