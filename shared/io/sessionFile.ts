/**
 * The whole session as one JSON file (issue 6: backup, moving servers), format
 * `veldwerk-session` version 2:
 *
 *   { format: 'veldwerk-session', version: 2, exportedAt,
 *     session: { title, createdAt, previousSessionId },
 *     participants: [{ id, name, role, createdAt }]        names and roles, never tokens
 *     docs: { 'session' | 'b/<boardId>': base64 Yjs state } the source of the import
 *     content: { same keys: readable JSON of each doc }     for people and diffs
 *     results: {                                            votes and evaluation WITHOUT persons (issue 10)
 *       grades: [1-10, sorted],
 *       quotes: [{ text, name: string | null }] sorted by text; a name only where its author signed it
 *       votes: [{ roundId, voters, totals: { targetId: dots } }] }
 *     history?: [{ room, createdAt, reason, state }]       only when asked for }
 *
 * Version 1 files (still imported) listed `evaluations: [{ participantId, grade, quote,
 * anonymous, createdAt }]` and `votes: [{ roundId, participantId, targetId, count }]`;
 * {@link resultsOfV1} drops those identities on import, keeping totals and distribution.
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
/** The version written; version 1 is still read. */
export const SESSION_FILE_VERSION = 2;
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

const TargetId = z.string().min(1).max(200);
const Quote = z.object({ text: z.string().max(2000), name: z.string().min(1).max(80).nullable() });

/** Votes and the evaluation without persons (version 2). */
export const SessionResults = z.object({
  grades: z.array(z.number().int().min(1).max(10)).max(10_000),
  quotes: z.array(Quote).max(10_000),
  votes: z
    .array(
      z.object({
        roundId: z.string().regex(BOARD_ID_RE),
        voters: z.number().int().min(0).max(100_000),
        totals: z.record(TargetId, z.number().int().min(0).max(10_000_000)),
      }),
    )
    .max(1000),
});
export type SessionResults = z.infer<typeof SessionResults>;

const common = {
  format: z.literal(SESSION_FILE_FORMAT),
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
};

/** Version 1: votes and evaluations with the person's id (read only, identities dropped on import). */
export const SessionFileV1 = z.object({
  ...common,
  version: z.literal(1),
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
        targetId: TargetId,
        count: z.number().int().min(1).max(1000),
      }),
    )
    .max(200_000),
});
export type SessionFileV1 = z.infer<typeof SessionFileV1>;

/** The file as written now. */
export const SessionFile = z.object({ ...common, version: z.literal(SESSION_FILE_VERSION), results: SessionResults });
export type SessionFile = z.infer<typeof SessionFile>;

/** Any file the import reads. */
export const AnySessionFile = z.discriminatedUnion('version', [SessionFileV1, SessionFile]);
export type AnySessionFile = z.infer<typeof AnySessionFile>;

const byText = (a: z.infer<typeof Quote>, b: z.infer<typeof Quote>) =>
  a.text < b.text ? -1 : a.text > b.text ? 1 : (a.name ?? '').localeCompare(b.name ?? '');

/**
 * The results of a version 1 file without the persons: grades sorted, quotes sorted by
 * text (the name kept only where its author signed), dots per target and the number of
 * voters per round. Entries of viewers, which never vote or grade, are left out.
 */
export function resultsOfV1(file: SessionFileV1): SessionResults {
  const people = new Map(file.participants.map((p) => [p.id, p]));
  const counts = (id: string) => people.has(id) && people.get(id)!.role !== 'viewer';
  const evaluations = file.evaluations.filter((e) => counts(e.participantId));
  const rounds = new Map<string, { voters: Set<string>; totals: Record<string, number> }>();
  for (const v of file.votes) {
    if (!counts(v.participantId)) continue;
    const round = rounds.get(v.roundId) ?? { voters: new Set<string>(), totals: {} };
    round.voters.add(v.participantId);
    round.totals[v.targetId] = (round.totals[v.targetId] ?? 0) + v.count;
    rounds.set(v.roundId, round);
  }
  return {
    grades: evaluations.map((e) => e.grade).sort((a, b) => a - b),
    quotes: evaluations
      .filter((e) => e.quote.trim())
      .map((e) => ({
        text: e.quote.trim(),
        name: e.anonymous ? null : (people.get(e.participantId)?.name ?? null),
      }))
      .sort(byText),
    votes: [...rounds.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([roundId, r]) => ({
        roundId,
        voters: r.voters.size,
        totals: Object.fromEntries(Object.entries(r.totals).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
      })),
  };
}

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
