/**
 * The whole session as one JSON file (issue 6: backup, moving servers), format
 * `veldwerk-session` version 1:
 *
 *   { format: 'veldwerk-session', version: 1, exportedAt,
 *     session: { title, createdAt, previousSessionId },
 *     participants: [{ id, name, role, createdAt }]        names and roles, never tokens
 *     docs: { 'session' | 'b/<boardId>': base64 Yjs state } the source of the import
 *     content: { same keys: readable JSON of each doc }     for people and diffs
 *     evaluations: [{ participantId, grade, quote, anonymous, createdAt }]
 *     votes: [{ roundId, participantId, targetId, count }]
 *     history?: [{ room, createdAt, reason, state }]       only when asked for }
 *
 * Room keys are relative to the session: `session` is `s/<id>`, `b/<boardId>` is
 * `s/<id>/b/<boardId>`. The import rebuilds the docs from `docs`; `content` is checked
 * against them (titles, board, item and actor ids), so a file whose states are broken
 * or do not belong to its content is refused.
 */
import { z } from 'zod';
import type { Doc } from '../model/doc.ts';
import { readMethods } from '../model/board/actors.ts';
import { readAnswers } from '../model/board/answers.ts';
import { readBoard as readBoardItems } from '../model/board/read.ts';
import { readRound } from '../model/board/round.ts';
import { readGroups } from '../model/meeting/groups.ts';
import { readLive } from '../model/meeting/live.ts';
import { readProgram } from '../model/meeting/program.ts';
import { readReportSettings } from '../model/meeting/reportSettings.ts';
import {
  readPreviousSession,
  readSession,
  readSharedEvaluation,
  readVoteResults,
  readVoteRounds,
} from '../model/sessionDoc.ts';
import { BOARD_ID_RE } from '../protocol.ts';
import { ROLES } from '../roles.ts';

export const SESSION_FILE_FORMAT = 'veldwerk-session';
export const SESSION_FILE_VERSION = 1;
export const SESSION_DOC_KEY = 'session';

/** Size of a session file the server accepts (raised for this one route). */
export const SESSION_FILE_MAX_BYTES = 20 * 1024 * 1024;

const DOC_KEY_RE = new RegExp(`^(session|b/${BOARD_ID_RE.source.replace(/^\^|\$$/g, '')})$`);
export const DocKey = z.string().regex(DOC_KEY_RE);

/** Key of a board's doc in the file. */
export const boardDocKey = (boardId: string) => `b/${boardId}`;
/** Board id of a doc key, `null` for the session doc. */
export const boardIdOfKey = (key: string) => (key.startsWith('b/') ? key.slice(2) : null);

const Base64 = z
  .string()
  .max(SESSION_FILE_MAX_BYTES * 2)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
const ParticipantId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const SessionFile = z.object({
  format: z.literal(SESSION_FILE_FORMAT),
  version: z.literal(SESSION_FILE_VERSION),
  exportedAt: z.number(),
  session: z.object({
    title: z.string().min(1).max(120),
    createdAt: z.number(),
    previousSessionId: z.string().max(64).nullable().default(null),
  }),
  participants: z
    .array(
      z.object({
        id: ParticipantId,
        name: z.string().min(1).max(80),
        role: z.enum(ROLES),
        createdAt: z.number(),
      }),
    )
    .max(10_000),
  docs: z.record(DocKey, Base64).refine((d) => SESSION_DOC_KEY in d, 'the session doc is missing'),
  content: z.record(DocKey, z.unknown()),
  evaluations: z
    .array(
      z.object({
        participantId: ParticipantId,
        grade: z.number().int().min(1).max(10),
        quote: z.string().max(2000),
        anonymous: z.boolean(),
        createdAt: z.number(),
      }),
    )
    .max(10_000),
  votes: z
    .array(
      z.object({
        roundId: z.string().regex(BOARD_ID_RE),
        participantId: ParticipantId,
        targetId: z.string().min(1).max(200),
        count: z.number().int().min(1).max(1000),
      }),
    )
    .max(200_000),
  history: z
    .array(
      z.object({
        room: DocKey,
        createdAt: z.number(),
        reason: z.enum(['interval', 'unload', 'manual']),
        state: Base64,
      }),
    )
    .max(10_000)
    .optional(),
});
export type SessionFile = z.infer<typeof SessionFile>;

/** What the session doc holds, as readable JSON. */
export function sessionDocContent(doc: Doc) {
  const session = readSession(doc);
  const voteRounds = readVoteRounds(doc);
  return {
    session,
    previousSessionId: readPreviousSession(doc),
    program: readProgram(doc),
    groups: readGroups(doc),
    live: readLive(doc),
    reportSettings: readReportSettings(doc),
    voteRounds,
    voteResults: Object.fromEntries(voteRounds.map((r) => [r.id, readVoteResults(doc, r.id)])),
    sharedEvaluation: readSharedEvaluation(doc),
  };
}

/** What a board doc holds, as readable JSON. */
export function boardDocContent(doc: Doc) {
  const board = readBoardItems(doc);
  const methods = readMethods(doc);
  return {
    schemaVersion: board.schemaVersion,
    items: board.items,
    actors: methods.actors,
    relations: methods.relations,
    forces: methods.forces,
    settings: methods.settings,
    answers: readAnswers(doc),
    roundAssignments: readRound(doc).assignments,
  };
}

/** Readable JSON of a doc by its key (plain JSON: no Maps, no undefined). */
export function docContent(key: string, doc: Doc): unknown {
  const content = key === SESSION_DOC_KEY ? sessionDocContent(doc) : boardDocContent(doc);
  return JSON.parse(JSON.stringify(content)) as unknown;
}

const Fingerprint = z.union([
  z.object({
    session: z.object({ title: z.string(), boards: z.array(z.object({ id: z.string() })) }),
  }),
  z.object({ items: z.array(z.object({ id: z.string() })), actors: z.array(z.object({ id: z.string() })) }),
]);

/** The parts of a doc's content that must match the rebuilt doc: title, board ids, item and actor ids. */
function fingerprint(content: unknown): string | null {
  const parsed = Fingerprint.safeParse(content);
  if (!parsed.success) return null;
  const c = parsed.data;
  const ids = (list: { id: string }[]) =>
    list
      .map((x) => x.id)
      .sort()
      .join(',');
  return 'session' in c ? `${c.session.title}|${ids(c.session.boards)}` : `${ids(c.items)}|${ids(c.actors)}`;
}

/** Does the content in the file belong to the doc rebuilt from its state? */
export function contentMatches(fileContent: unknown, rebuilt: unknown): boolean {
  const a = fingerprint(fileContent);
  return a !== null && a === fingerprint(rebuilt);
}
