/**
 * Wire-level constants shared by the sync server and the client: y-websocket message
 * kinds, typed close codes and room names. See ARCHITECTURE.md ("Documents").
 */

/** Message kinds of the standard y-websocket protocol (first varuint of a frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  /** y-protocols/auth: the server uses "permission denied" to tell a client its update was refused. */
  auth: 2,
  queryAwareness: 3,
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Close codes the server uses. 4000-4999 is the application range of RFC 6455; the
 * last digits follow HTTP where one fits, so logs read naturally. The ranges follow the
 * standard y-websocket client, which stops reconnecting after a 44xx code
 * ({@link isFinalCloseCode}) and backs off and retries after anything else.
 */
export const CloseCode = {
  /** A frame that is not a valid y-websocket message. */
  malformed: 4400,
  /** Missing, forged or expired token. */
  unauthorized: 4401,
  /** Valid token, but not for this room (another session). */
  forbidden: 4403,
  /** Room name is invalid, or the board does not exist in the session. */
  notFound: 4404,
  /**
   * A participant's private copy of a board, or the facilitator's overview, after the
   * facilitator revealed (private mode is off): the client goes back to the board room.
   */
  privateEnded: 4409,
  /** The session was deleted while the connection was open. */
  sessionDeleted: 4410,
  /** The facilitator removed this participant from the session. */
  participantRemoved: 4411,
  /** The document would grow past the server's maximum document size. */
  docTooLarge: 4413,
  /** Too many refused updates that made the room reload its doc, within a minute. */
  tooManyRefusals: 4429,
  /** Too many open connections from this address: retry later (not final). */
  tooManyConnections: 4529,
  /** Internal error while handling the connection. */
  internalError: 4500,
  /**
   * The server is shutting down or draining (SIGTERM): reconnect, behind a load balancer
   * to another instance (issue 13). WebSocket's own "Service Restart".
   */
  shuttingDown: 1012,
  /** The connection did not read what the server sent (over its unread-bytes cap, issue 11): reconnect. */
  tooSlow: 4504,
  /** The server has as many documents loaded as it may (MAX_ROOMS_LOADED): retry later. */
  serverFull: 4507,
  /** WebSocket standard: message bigger than the server accepts (sent by `ws` itself). */
  messageTooBig: 1009,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Is reconnecting after this close code pointless? (4400-4499, as the y-websocket client decides.) */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}

/** Reasons sent with a "permission denied" auth message when an update is refused. */
export const RefusalReason = {
  readOnly: 'read-only',
  boardLocked: 'board-locked',
  docTooLarge: 'doc-too-large',
  /** The update is over the server's limits, does not apply, or lacks what it depends on. */
  invalidUpdate: 'invalid-update',
  /** The server could not store the update (e.g. disk full); nothing changed. */
  serverError: 'server-error',
  /**
   * Private mode: a participant writes to their private copy of the board, not the board
   * itself; and a private copy takes no writes once the facilitator has revealed.
   */
  privateMode: 'private-mode',
  /** The write rules (`shared/model/writeRules.ts`): not this person's to change. */
  notAllowed: 'not-allowed',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

/** Session ids, board ids and participant ids: URL-safe, no dots or slashes. */
const SESSION_ID = '[A-Za-z0-9_-]{8,40}';
const BOARD_ID = '[A-Za-z0-9_-]{1,40}';
const PARTICIPANT_ID = '[A-Za-z0-9_-]{1,64}';
const ROOM_RE = new RegExp(`^s/(${SESSION_ID})(?:/b/(${BOARD_ID})(?:/(o)|/p/(${PARTICIPANT_ID}))?)?$`);
export const SESSION_ID_RE = new RegExp(`^${SESSION_ID}$`);
export const BOARD_ID_RE = new RegExp(`^${BOARD_ID}$`);

/**
 * A room. `fork` and `overview` exist only while private mode is on (issue 10): a
 * participant's private copy of a board, which only they may open, and the
 * facilitator's overview of a board (the board plus every private copy).
 */
export type Room =
  | { kind: 'session'; sessionId: string; name: string }
  | { kind: 'board'; sessionId: string; boardId: string; name: string }
  | { kind: 'fork'; sessionId: string; boardId: string; participantId: string; name: string }
  | { kind: 'overview'; sessionId: string; boardId: string; name: string };

/**
 * Parses a room name: `s/<sessionId>`, `s/<sessionId>/b/<boardId>`, a private copy
 * `s/<sessionId>/b/<boardId>/p/<participantId>` or an overview `s/<sessionId>/b/<boardId>/o`;
 * `null` if invalid.
 */
export function parseRoomName(name: string): Room | null {
  const m = ROOM_RE.exec(name);
  if (!m || m[1] === undefined) return null;
  const [, sessionId, boardId, overview, participantId] = m;
  if (boardId === undefined) return { kind: 'session', sessionId, name };
  if (overview !== undefined) return { kind: 'overview', sessionId, boardId, name };
  if (participantId !== undefined) return { kind: 'fork', sessionId, boardId, participantId, name };
  return { kind: 'board', sessionId, boardId, name };
}

export function sessionRoomName(sessionId: string): string {
  return `s/${sessionId}`;
}

export function boardRoomName(sessionId: string, boardId: string): string {
  return `s/${sessionId}/b/${boardId}`;
}

/** A participant's private copy of a board (private mode). */
export function forkRoomName(sessionId: string, boardId: string, participantId: string): string {
  return `s/${sessionId}/b/${boardId}/p/${participantId}`;
}

/** The facilitator's overview of a board in private mode: the board and every private copy. */
export function overviewRoomName(sessionId: string, boardId: string): string {
  return `s/${sessionId}/b/${boardId}/o`;
}

/** The board every session starts with. */
export const PLENARY_BOARD_ID = 'plenair';

/** The server's close codes after which reconnecting cannot help. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set<number>(
  Object.values(CloseCode).filter(isFinalCloseCode),
);
