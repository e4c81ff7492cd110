/**
 * Which room a person's connection to a board uses (issue 10: private mode kept by the
 * server). While private mode is on, a participant works on their own private copy of
 * the board (only they can open it) and the facilitator on the board's overview (the
 * board plus every private copy); viewers, and everyone when it is off, on the board.
 */
import { boardRoomName, forkRoomName, overviewRoomName, parseRoomName } from '../../../../shared/protocol.ts';
import { Role } from '../../../../shared/roles.ts';

export interface BoardConnection {
  sessionId: string;
  boardId: string;
  role: Role;
  /** Empty for a facilitator who has not been told theirs yet. */
  participantId: string;
  privateOn: boolean;
}

/** The room to open for this person's view of a board. */
export function boardConnectionRoom({ sessionId, boardId, role, participantId, privateOn }: BoardConnection): string {
  if (privateOn && role === Role.participant && participantId) return forkRoomName(sessionId, boardId, participantId);
  if (privateOn && role === Role.facilitator) return overviewRoomName(sessionId, boardId);
  return boardRoomName(sessionId, boardId);
}

/** Is this a private copy (a participant's fork), as opposed to a board or an overview? */
export function isForkRoom(name: string): boolean {
  return parseRoomName(name)?.kind === 'fork';
}

/** Is this a room that exists only in private mode (a fork or an overview)? */
export function isPrivateRoom(name: string): boolean {
  const kind = parseRoomName(name)?.kind;
  return kind === 'fork' || kind === 'overview';
}

const privateKey = (sessionId: string) => `veldwerk:private:${sessionId}`;

/**
 * Remembers on this device that private mode was on in a session, so the page's early
 * start (earlySession.ts) opens the same room before the session doc has arrived.
 */
export function rememberPrivateMode(sessionId: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(privateKey(sessionId), '1');
    else localStorage.removeItem(privateKey(sessionId));
  } catch {
    // Storage disabled: the early start opens the board room, and the page switches.
  }
}

export function lastPrivateMode(sessionId: string): boolean {
  try {
    return localStorage.getItem(privateKey(sessionId)) === '1';
  } catch {
    return false;
  }
}
