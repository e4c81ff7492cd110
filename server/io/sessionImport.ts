/**
 * POST /api/sessions/import: a session file (shared/io/sessionFile.ts) becomes a NEW
 * session on this server: new id, join code and tokens; the same boards, actors,
 * answers, participants' names (cleaned by shared/names.ts), history when the file has
 * it, and the votes' totals and the evaluation's grades and quotes WITHOUT persons
 * (issue 10): they are stored as the session's anonymous results, linked to nobody. A
 * version 1 file, which still named the person of each grade and vote, loses those
 * identities here.
 *
 * Everything is checked before anything is stored: the schema, every doc state (it must
 * decode, and its content must match the file's `content`), and (version 1) that
 * evaluations and votes name participants of the file. If storing fails half-way, the
 * new session is deleted again, so an import creates the whole session or nothing.
 */
import type { CreateSessionResponse } from '../../shared/api.ts';
import {
  AnySessionFile,
  boardIdOfKey,
  contentMatches,
  docContent,
  resultsOfV1,
  SESSION_DOC_KEY,
  type SessionResults,
} from '../../shared/io/sessionFile.ts';
import { cleanPersonName, cleanTitle } from '../../shared/names.ts';
import { docFromState, encodeDoc, Origin, type Doc } from '../../shared/model/doc.ts';
import { readGroups, renameGroup } from '../../shared/model/meeting/groups.ts';
import { readBoards, readSession, renameBoard } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { SessionService } from '../sessions.ts';
import type { Store } from '../store/SessionStore.ts';

/** A file that cannot be imported; nothing was stored. */
export class SessionImportError extends Error {
  constructor(
    readonly code: 'invalid_file' | 'broken_doc',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const fromBase64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

/** Decodes a doc state; a state that does not decode is a broken file. */
function rebuild(key: string, base64: string): Uint8Array {
  const bytes = fromBase64(base64);
  try {
    if (bytes.length === 0) throw new Error('empty');
    const doc = docFromState(bytes);
    const state = encodeDoc(doc);
    doc.destroy();
    return state;
  } catch {
    throw new SessionImportError(
      'broken_doc',
      `The file is damaged: the data of “${key}” cannot be read. / Het bestand is beschadigd: de gegevens van “${key}” kunnen niet worden gelezen.`,
      [{ field: `docs.${key}`, message: 'not a valid document state' }],
    );
  }
}

export interface CheckedSessionFile {
  file: AnySessionFile;
  states: Map<string, Uint8Array>;
  /** Votes and evaluation without persons (a version 1 file's converted). */
  results: SessionResults;
}

/** Parses and checks a session file; throws {@link SessionImportError}. */
export function checkSessionFile(body: unknown): CheckedSessionFile {
  const parsed = AnySessionFile.safeParse(body);
  if (!parsed.success) {
    throw new SessionImportError(
      'invalid_file',
      'This is not a Veldwerk session file (format veldwerk-session, version 1 or 2). / Dit is geen Veldwerk-sessiebestand.',
      parsed.error.issues.slice(0, 20).map((i) => ({ field: i.path.join('.'), message: i.message })),
    );
  }
  const file = parsed.data;
  const states = new Map<string, Uint8Array>();
  for (const [key, base64] of Object.entries(file.docs)) {
    const state = rebuild(key, base64);
    const doc = docFromState(state);
    const content = docContent(key, doc);
    const sessionOk = key !== SESSION_DOC_KEY || readSession(doc).schemaVersion >= 1;
    doc.destroy();
    if (!sessionOk || !contentMatches(file.content[key], content)) {
      throw new SessionImportError(
        'broken_doc',
        `The file is damaged: the data of “${key}” do not match its content. / Het bestand is beschadigd: de gegevens van “${key}” passen niet bij de inhoud.`,
        [{ field: `docs.${key}`, message: 'does not match content' }],
      );
    }
    states.set(key, state);
  }
  for (const h of file.history ?? []) rebuild(`history ${h.room}`, h.state);
  const ids = new Set(file.participants.map((p) => p.id));
  if (ids.size !== file.participants.length) throw invalid('participants', 'a participant id appears twice');
  if (!file.participants.some((p) => p.role === Role.facilitator)) throw invalid('participants', 'no facilitator');
  if (file.version === 1) {
    for (const e of file.evaluations)
      if (!ids.has(e.participantId)) throw invalid('evaluations', 'unknown participant');
    for (const v of file.votes) if (!ids.has(v.participantId)) throw invalid('votes', 'unknown participant');
  }
  return { file, states, results: file.version === 1 ? resultsOfV1(file) : file.results };
}

function invalid(field: string, message: string): SessionImportError {
  return new SessionImportError(
    'invalid_file',
    'This session file is not consistent. / Dit sessiebestand klopt niet.',
    [{ field, message }],
  );
}

/** A name from the file by the rule of every name; an empty one becomes `fallback`. */
const nameOr = (name: string, fallback: string) => cleanPersonName(name) || fallback;

/** Board titles and group names of an imported session doc by the rule of every title (renames are no-ops when clean). */
function cleanTitles(doc: Doc): void {
  for (const b of readBoards(doc)) renameBoard(doc, b.id, b.title, Origin.server);
  for (const g of readGroups(doc).groups) renameGroup(doc, g.id, g.name, Origin.server);
}

/** Creates the new session from a checked file; on a failure half-way deletes it again. */
export async function importSession(
  checked: CheckedSessionFile,
  deps: { store: Store; sessions: SessionService; baseUrl: string },
): Promise<CreateSessionResponse> {
  const { file, states, results } = checked;
  const facilitator = file.participants.find((p) => p.role === Role.facilitator)!;

  const boards = [...states.entries()].flatMap(([key, state]) => {
    const id = boardIdOfKey(key);
    return id ? [{ id, state }] : [];
  });
  const created = await deps.sessions.create(
    {
      title: cleanTitle(file.session.title) || 'Bijeenkomst',
      facilitatorName: nameOr(facilitator.name, 'Procesbegeleider'),
    },
    deps.baseUrl,
    { sessionDoc: cleanTitles, boards, sessionState: states.get(SESSION_DOC_KEY)!, facilitatorId: facilitator.id },
  );
  const sid = created.sessionId;
  const { store } = deps;
  try {
    for (const p of file.participants) {
      if (p.id === facilitator.id || p.role === Role.viewer) continue;
      await store.sessions.addParticipant({
        id: p.id,
        sessionId: sid,
        name: nameOr(p.name, p.role === Role.facilitator ? 'Procesbegeleider' : 'Deelnemer'),
        role: p.role,
        createdAt: p.createdAt,
      });
    }
    const clean: SessionResults = {
      ...results,
      quotes: results.quotes.map((q) => ({
        text: q.text,
        name: q.name === null ? null : cleanPersonName(q.name) || null,
      })),
    };
    await store.sessions.saveAnonymousResults(sid, clean);
    for (const h of file.history ?? []) {
      const boardId = boardIdOfKey(h.room);
      const room = boardId ? boardRoomName(sid, boardId) : sessionRoomName(sid);
      await store.docs.saveSnapshot(room, fromBase64(h.state), h.reason, h.createdAt);
    }
  } catch (err) {
    await store.sessions.deleteSession(sid);
    throw err;
  }
  return created;
}
