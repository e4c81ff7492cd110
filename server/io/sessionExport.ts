/**
 * GET /api/sessions/:id/export: the whole session as one JSON file (format in
 * shared/io/sessionFile.ts). Docs are read from the store, which holds every accepted
 * update before anyone sees it (server/sync/Room.ts), so the file has all that was seen.
 * Votes and the evaluation are in it without persons (server/results.ts), so the file
 * restores totals and distribution and says nothing of who gave which grade or dot.
 */
import {
  boardDocKey,
  docContent,
  SESSION_DOC_KEY,
  SESSION_FILE_FORMAT,
  SESSION_FILE_VERSION,
  type SessionFile,
} from '../../shared/io/sessionFile.ts';
import { encodeDoc, type Doc } from '../../shared/model/doc.ts';
import { readPreviousSession, readBoards, readVoteRounds } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, parseRoomName, sessionRoomName } from '../../shared/protocol.ts';
import type { DocSource } from '../report/collect.ts';
import { anonymousResults } from '../results.ts';
import type { Store } from '../store/SessionStore.ts';

const toBase64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Doc key in the file of a stored room name, `null` for another session's room or a room that is no board. */
function keyOfRoom(sessionId: string, room: string): string | null {
  const parsed = parseRoomName(room);
  if (!parsed || parsed.sessionId !== sessionId) return null;
  if (parsed.kind === 'session') return SESSION_DOC_KEY;
  // Only the boards themselves: a person's private copy (private mode) or any other room
  // kind is not part of the session file and must never take a board's place in it.
  return parsed.kind === 'board' ? boardDocKey(parsed.boardId) : null;
}

export async function exportSession(
  store: Store,
  sessionId: string,
  opts: { history: boolean; now: number; docs: DocSource },
): Promise<SessionFile | null> {
  const session = await store.sessions.getSession(sessionId);
  if (!session) return null;
  // Through the rooms (server) or the store's loader (CLI): a stored row that cannot load is
  // quarantined and counted there, never a reason for the export to fail (issue 10).
  const sessionRoom = await opts.docs.open(sessionRoomName(sessionId));
  const sessionDoc = sessionRoom.doc;
  const rooms = new Set(await store.docs.listRooms(sessionId));
  for (const b of readBoards(sessionDoc)) rooms.add(boardRoomName(sessionId, b.id));
  rooms.delete(sessionRoomName(sessionId));

  const docs: Record<string, string> = {};
  const content: Record<string, unknown> = {};
  const add = (key: string, doc: Doc) => {
    docs[key] = toBase64(encodeDoc(doc));
    content[key] = docContent(key, doc);
  };
  add(SESSION_DOC_KEY, sessionDoc);
  for (const room of [...rooms].sort()) {
    const key = keyOfRoom(sessionId, room);
    if (!key) continue;
    const opened = await opts.docs.open(room);
    try {
      add(key, opened.doc);
    } finally {
      opened.release();
    }
  }

  const file: SessionFile = {
    format: SESSION_FILE_FORMAT,
    version: SESSION_FILE_VERSION,
    exportedAt: opts.now,
    session: { title: session.title, createdAt: session.createdAt, previousSessionId: readPreviousSession(sessionDoc) },
    participants: (await store.sessions.listParticipants(sessionId)).map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      createdAt: p.createdAt,
    })),
    docs,
    content,
    // Totals, counts and sorted lists only: no participant id or name beside a grade, quote or vote (issue 10).
    results: await anonymousResults(
      store,
      sessionId,
      readVoteRounds(sessionDoc).map((r) => r.id),
    ),
  };
  sessionRoom.release();
  if (opts.history) {
    file.history = [];
    const snapshots = [...(await store.docs.listSnapshots(sessionId))].reverse(); // oldest first
    for (const info of snapshots) {
      const key = keyOfRoom(sessionId, info.room);
      const snap = key ? await store.docs.getSnapshot(sessionId, info.id) : null;
      if (key && snap)
        file.history.push({ room: key, createdAt: info.createdAt, reason: info.reason, state: toBase64(snap.state) });
    }
  }
  return file;
}
