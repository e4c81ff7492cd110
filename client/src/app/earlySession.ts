/**
 * First paint (issue 3): the session's access check and its first two rooms, started
 * as soon as this small module is loaded (earlyStart.ts, its own entry that the page
 * loads beside the app's; main.tsx too, for the dev server), while the app and the
 * session page's code (React, Konva, the views) are still loading and starting. Its
 * static imports are only what a room needs (Yjs, y-websocket, the room registry):
 * the API client (zod, the schemas) comes by a dynamic import after the rooms are
 * open (issue 14). With a token (from the link or kept on this device) it opens the
 * session room and the plenary board room, so the server sends the board while the
 * page starts up, and starts the access check. `useSessionAccess` takes the check
 * over; `SessionView` finds the rooms open (rooms.ts shares one per name and token).
 * Should access be refused, the server closes those connections and the unused rooms
 * close themselves after a few seconds (rooms.ts, UNCLAIMED_DELAY_MS).
 */
import type { SessionInfo } from '../../../shared/api.ts';
import { PLENARY_BOARD_ID, sessionRoomName } from '../../../shared/protocol.ts';
import { Role } from '../../../shared/roles.ts';
import { loadIdentity, takeTokenFromHash } from '../base/identity.ts';
import { boardConnectionRoom, lastPrivateMode } from '../base/sync/boardRoom.ts';
import { getRoomEntry } from '../base/sync/rooms.ts';
import { parseRoute } from '../base/router.ts';

/** The access check, with the API client loaded on first use. */
const getSession = (sessionId: string, token: string): Promise<SessionInfo> =>
  import('../base/api/sessions.ts').then((api) => api.getSession(sessionId, token));

/** The access check started by {@link openSessionEarly}, taken over by the hook's first run. */
let early: { sessionId: string; token: string; info: Promise<SessionInfo> } | null = null;
/** Sessions whose hook has run: opening them "early" would be late. */
const checked = new Set<string>();

export function openSessionEarly(sessionId: string): void {
  if (checked.has(sessionId) || early?.sessionId === sessionId) return;
  const kept = loadIdentity(sessionId);
  const token = takeTokenFromHash() ?? kept?.token;
  if (!token) return;
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
  const info = getSession(sessionId, token);
  info.catch(() => undefined); // Reported by the hook when it takes the request over.
  early = { sessionId, token, info };
}

/** Opens early the session of this page's address, if it is a session's page. */
export function openFromAddress(): void {
  const route = parseRoute(location.pathname);
  if (route.page === 'session' || route.page === 'methods') openSessionEarly(route.sessionId);
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
