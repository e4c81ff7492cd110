/**
 * First paint (issue 3): the session's access check and its first two rooms, started
 * by the entry script (main.tsx) as soon as this small module is loaded, while the
 * session page's code (Konva, React views) is still loading and starting. With a token
 * (from the link or kept on this device) it starts the access check and opens the
 * session room and the plenary board room, so the server sends the board while the
 * page starts up. `useSessionAccess` takes the check over; `SessionView` finds the
 * rooms open (rooms.ts shares one per name and token). Should access be refused, the
 * server closes those connections and the unused rooms close themselves after a few
 * seconds (rooms.ts, UNCLAIMED_DELAY_MS).
 */
import type { SessionInfo } from '../../../shared/api.ts';
import { PLENARY_BOARD_ID, sessionRoomName } from '../../../shared/protocol.ts';
import { Role } from '../../../shared/roles.ts';
import { getSession } from '../base/api/index.ts';
import { loadIdentity, takeTokenFromHash } from '../base/identity.ts';
import { boardConnectionRoom, lastPrivateMode } from '../base/sync/boardRoom.ts';
import { getRoomEntry } from '../base/sync/rooms.ts';

/** The access check started by {@link openSessionEarly}, taken over by the hook's first run. */
let early: { sessionId: string; token: string; info: Promise<SessionInfo> } | null = null;
/** Sessions whose hook has run: opening them "early" would be late. */
const checked = new Set<string>();

export function openSessionEarly(sessionId: string): void {
  if (checked.has(sessionId) || early?.sessionId === sessionId) return;
  const kept = loadIdentity(sessionId);
  const token = takeTokenFromHash() ?? kept?.token;
  if (!token) return;
  const info = getSession(sessionId, token);
  info.catch(() => undefined); // Reported by the hook when it takes the request over.
  early = { sessionId, token, info };
  getRoomEntry(sessionRoomName(sessionId), token);
  // The board SessionView opens first (before the session doc lists the others): in
  // private mode, as last seen on this device, my private copy or the overview of it.
  const me = kept?.token === token ? kept : null;
  const board = boardConnectionRoom({
    sessionId,
    boardId: PLENARY_BOARD_ID,
    role: me?.role ?? Role.viewer,
    participantId: me?.participantId ?? '',
    privateOn: lastPrivateMode(sessionId),
  });
  getRoomEntry(board, token);
}

/** The hook has run for this session. */
export function markChecked(sessionId: string): void {
  checked.add(sessionId);
}

/** The early check for this session and token, once; otherwise a new request. */
export function sessionInfo(sessionId: string, token: string): Promise<SessionInfo> {
  const started = early?.sessionId === sessionId && early.token === token ? early.info : null;
  early = null;
  return started ?? getSession(sessionId, token);
}
