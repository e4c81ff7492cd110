/**
 * The session doc (room `s/<sessionId>`): title and boards (with their locks). Written
 * by the facilitator and the server only; the sync server refuses anyone else's
 * updates to it. Later issues add phases, groups and the timer here.
 *
 * Layout (schema version 1):
 *   meta:   Y.Map { schemaVersion: number, title: string, createdAt: number }
 *   boards: Y.Map<boardId, BoardRecord>   (plain JSON values, replaced whole; `open`
 *           since issue 10, read as false when missing)
 */
import { z } from 'zod';
import { appName } from '../i18n/appNames.ts';
import { cleanTitle } from '../names.ts';
import { BOARD_ID_RE, PLENARY_BOARD_ID } from '../protocol.ts';
import { Origin, type Doc } from './doc.ts';
import { readRecord, readRecords } from './records.ts';

export const SESSION_SCHEMA_VERSION = 1;

/** `template`: the board group boards are cloned from; only the facilitator sees it. */
export const BoardKind = z.enum(['plenary', 'group', 'template']);
export type BoardKind = z.infer<typeof BoardKind>;
export const BoardRecord = z.object({
  id: z.string().regex(BOARD_ID_RE),
  title: z.string().max(120),
  kind: BoardKind,
  locked: z.boolean().default(false),
  /**
   * A group board the facilitator opened to everyone: every participant may write it,
   * not only its group's members (issue 10; see `writeRules.ts`).
   */
  open: z.boolean().default(false),
  order: z.number().default(0),
});
export type BoardRecord = z.infer<typeof BoardRecord>;

export interface SessionSnapshot {
  schemaVersion: number;
  title: string;
  createdAt: number;
  /** Boards in display order. Invalid records are skipped, never thrown. */
  boards: BoardRecord[];
}

const metaOf = (doc: Doc) => doc.getMap<unknown>('meta');
const boardsOf = (doc: Doc) => doc.getMap<unknown>('boards');

/** Fills a new session doc: title and the plenary board. */
export function initSessionDoc(doc: Doc, init: { title: string; createdAt: number }): void {
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('schemaVersion', SESSION_SCHEMA_VERSION);
    meta.set('title', init.title);
    meta.set('createdAt', init.createdAt);
    const plenary: BoardRecord = {
      id: PLENARY_BOARD_ID,
      title: appName('plenary'),
      kind: 'plenary',
      locked: false,
      open: false,
      order: 0,
    };
    boardsOf(doc).set(PLENARY_BOARD_ID, plenary);
  }, Origin.server);
}

export function readBoards(doc: Doc): BoardRecord[] {
  return readRecords(boardsOf(doc), BoardRecord).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

export function readBoard(doc: Doc, boardId: string): BoardRecord | null {
  return readRecord(boardsOf(doc), BoardRecord, boardId);
}

/** Is the board locked? An unknown or invalid record counts as unlocked-but-absent: see {@link readBoard}. */
export function isBoardLocked(doc: Doc, boardId: string): boolean {
  return readBoard(doc, boardId)?.locked ?? false;
}

export function readSession(doc: Doc): SessionSnapshot {
  const meta = metaOf(doc);
  const title = meta.get('title');
  const createdAt = meta.get('createdAt');
  const version = meta.get('schemaVersion');
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: typeof title === 'string' ? title : '',
    createdAt: typeof createdAt === 'number' ? createdAt : 0,
    boards: readBoards(doc),
  };
}

/** Adds a board (facilitator). Returns false if the id is taken or invalid. */
export function addBoard(
  doc: Doc,
  board: { id: string; title: string; kind: BoardKind },
  origin: unknown = Origin.local,
): boolean {
  if (readBoard(doc, board.id)) return false;
  const order = Math.max(0, ...readBoards(doc).map((b) => b.order)) + 1;
  const parsed = BoardRecord.safeParse({ ...board, locked: false, open: false, order });
  if (!parsed.success) return false;
  doc.transact(() => boardsOf(doc).set(board.id, parsed.data), origin);
  return true;
}

/** Renames a board (facilitator). */
export function renameBoard(doc: Doc, boardId: string, title: string, origin: unknown = Origin.local): void {
  const board = readBoard(doc, boardId);
  const clean = cleanTitle(title); // the rule of every title (shared/names.ts)
  if (!board || !clean || board.title === clean) return;
  doc.transact(() => boardsOf(doc).set(boardId, { ...board, title: clean }), origin);
}

/** Locks or unlocks a board (facilitator). No-op for an unknown board. */
export function setBoardLocked(doc: Doc, boardId: string, locked: boolean, origin: unknown = Origin.local): void {
  const board = readBoard(doc, boardId);
  if (!board || board.locked === locked) return;
  doc.transact(() => boardsOf(doc).set(boardId, { ...board, locked }), origin);
}

/**
 * Opens a group board to every participant, or back to its group only (facilitator).
 * No-op for an unknown board or one that is not a group board.
 */
export function setBoardOpen(doc: Doc, boardId: string, open: boolean, origin: unknown = Origin.local): void {
  const board = readBoard(doc, boardId);
  if (!board || board.kind !== 'group' || board.open === open) return;
  doc.transact(() => boardsOf(doc).set(boardId, { ...board, open }), origin);
}

/** What the facilitator chose to show everyone of the evaluation (written by the server). */
export const SharedEvaluation = z.object({
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  distribution: z.array(z.number().int().min(0)).length(10),
  quotes: z.array(z.object({ text: z.string().max(1000), name: z.string().max(80).nullable() })).max(500),
  shownAt: z.number(),
});
export type SharedEvaluation = z.infer<typeof SharedEvaluation>;

const resultsOf = (doc: Doc) => doc.getMap<unknown>('results');

export function setSharedEvaluation(doc: Doc, value: SharedEvaluation, origin: unknown = Origin.server): void {
  const parsed = SharedEvaluation.parse(value);
  doc.transact(() => resultsOf(doc).set('evaluation', parsed), origin);
}

/** The evaluation as shown to everyone; `null` until the facilitator shows it. */
export function readSharedEvaluation(doc: Doc): SharedEvaluation | null {
  const parsed = SharedEvaluation.safeParse(resultsOf(doc).get('evaluation'));
  return parsed.success ? parsed.data : null;
}

/** The kinds of things a vote round lets people put dots on. */
export const VOTE_TARGETS = ['notes', 'answers', 'actors'] as const;
export const VoteTarget = z.enum(VOTE_TARGETS);
export type VoteTarget = z.infer<typeof VoteTarget>;

/**
 * Dot voting: the facilitator opens a round on a board; each participant has
 * `votesPerPerson` dots to put on notes, answers or actors. Votes go to the server,
 * not into any doc, so they stay secret until the facilitator reveals the totals.
 */
export const VoteRound = z.object({
  id: z.string().regex(BOARD_ID_RE),
  title: z.string().max(200).catch(''),
  boardId: z.string().regex(BOARD_ID_RE),
  votesPerPerson: z.number().int().min(1).max(20),
  /** What can get dots: the board's notes, answers, actors (all three when missing). */
  targets: z
    .array(VoteTarget)
    .min(1)
    .max(3)
    .catch([...VOTE_TARGETS]),
  status: z.enum(['open', 'closed']).catch('closed'),
  createdAt: z.number().catch(0),
});
export type VoteRound = z.infer<typeof VoteRound>;

const roundsOf = (doc: Doc) => doc.getMap<unknown>('voteRounds');

export function readVoteRounds(doc: Doc): VoteRound[] {
  return readRecords(roundsOf(doc), VoteRound).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export function readVoteRound(doc: Doc, id: string): VoteRound | null {
  return readRecord(roundsOf(doc), VoteRound, id);
}

/** Opens a vote round (facilitator). */
export function openVoteRound(
  doc: Doc,
  round: Omit<VoteRound, 'status' | 'targets'> & { targets?: VoteTarget[] },
  origin: unknown = Origin.local,
): boolean {
  const parsed = VoteRound.safeParse({ ...round, status: 'open' });
  if (!parsed.success || readVoteRound(doc, round.id)) return false;
  doc.transact(() => roundsOf(doc).set(round.id, parsed.data), origin);
  return true;
}

/** Closes a vote round (facilitator): no more votes are taken. */
export function closeVoteRound(doc: Doc, id: string, origin: unknown = Origin.local): void {
  const round = readVoteRound(doc, id);
  if (!round || round.status === 'closed') return;
  doc.transact(() => roundsOf(doc).set(id, { ...round, status: 'closed' }), origin);
}

export const VoteResults = z.object({
  /** Votes per target id. */
  totals: z.record(z.string(), z.number().int().min(0)),
  voters: z.number().int().min(0),
  revealedAt: z.number(),
});
export type VoteResults = z.infer<typeof VoteResults>;

/** Written by the server when the facilitator reveals a round. */
export function setVoteResults(doc: Doc, roundId: string, results: VoteResults, origin: unknown = Origin.server): void {
  const parsed = VoteResults.parse(results);
  doc.transact(() => {
    const all = resultsOf(doc).get('votes');
    const current = typeof all === 'object' && all !== null ? (all as Record<string, unknown>) : {};
    resultsOf(doc).set('votes', { ...current, [roundId]: parsed });
  }, origin);
}

/** Revealed totals of a round; `null` while secret. */
export function readVoteResults(doc: Doc, roundId: string): VoteResults | null {
  const all = resultsOf(doc).get('votes');
  if (typeof all !== 'object' || all === null) return null;
  const parsed = VoteResults.safeParse((all as Record<string, unknown>)[roundId]);
  return parsed.success ? parsed.data : null;
}

/**
 * How many people have voted in each round so far (issue 12: the facilitator's count
 * refreshes live). Written by the server when a vote changes the count: a number, never
 * who voted or for what (server/results.ts), so it may sit in the doc everyone reads.
 */
export function setVoterCount(doc: Doc, roundId: string, voters: number, origin: unknown = Origin.server): void {
  const n = z.number().int().min(0).parse(voters);
  doc.transact(() => {
    const all = resultsOf(doc).get('voters');
    const current = typeof all === 'object' && all !== null ? (all as Record<string, unknown>) : {};
    if (current[roundId] === n) return;
    resultsOf(doc).set('voters', { ...current, [roundId]: n });
  }, origin);
}

/** The live counts of voters per round (a round the server has not counted yet is missing). */
export function readVoterCounts(doc: Doc): Record<string, number> {
  const all = resultsOf(doc).get('voters');
  if (typeof all !== 'object' || all === null || Array.isArray(all)) return {};
  const out: Record<string, number> = {};
  for (const [id, n] of Object.entries(all as Record<string, unknown>)) {
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out[id] = n;
  }
  return out;
}

/**
 * How many grades the evaluation has so far (issue 12: the facilitator's count follows
 * live). Written by the server after a grade is saved: a number, never whose grade or
 * which (server/results.ts), so it may sit in the doc everyone reads.
 */
export function setGradeCount(doc: Doc, grades: number, origin: unknown = Origin.server): void {
  const n = z.number().int().min(0).parse(grades);
  doc.transact(() => {
    if (resultsOf(doc).get('grades') !== n) resultsOf(doc).set('grades', n);
  }, origin);
}

/** The live count of grades; `null` before the server has counted any. */
export function readGradeCount(doc: Doc): number | null {
  const n = resultsOf(doc).get('grades');
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** A follow-up meeting remembers the one it continues (to compare the fields). */
export function setPreviousSession(doc: Doc, sessionId: string, origin: unknown = Origin.server): void {
  doc.transact(() => metaOf(doc).set('previousSessionId', sessionId), origin);
}

export function readPreviousSession(doc: Doc): string | null {
  const v = metaOf(doc).get('previousSessionId');
  return typeof v === 'string' && v.length <= 64 ? v : null;
}

/** Copies the boards (ids, titles, kinds; unlocked) of one session doc into another. */
export function copyBoards(from: Doc, to: Doc, origin: unknown = Origin.server): void {
  to.transact(() => {
    for (const board of readBoards(from)) boardsOf(to).set(board.id, { ...board, locked: false, open: false });
  }, origin);
}
