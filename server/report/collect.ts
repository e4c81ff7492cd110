/**
 * Gathers the report's source (shared/report/source.ts) for one session: the session
 * doc (programme, groups, merges, report settings, revealed votes), every board doc
 * (items, actors, forces, relations, answers) and the stores (facilitator, number of
 * participants, evaluation). Docs come through a `DocSource`: the live rooms in the
 * server, the stored updates in the CLI.
 */
import { summarizeGrades } from '../../shared/methods/evaluation.ts';
import { readAnswers } from '../../shared/model/board/answers.ts';
import { readMethods } from '../../shared/model/board/actors.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { docFromState, type Doc } from '../../shared/model/doc.ts';
import { readGroups } from '../../shared/model/meeting/groups.ts';
import { readLive } from '../../shared/model/meeting/live.ts';
import { readProgram } from '../../shared/model/meeting/program.ts';
import { readReportSettings } from '../../shared/model/meeting/reportSettings.ts';
import { readSession, readVoteResults, readVoteRounds } from '../../shared/model/sessionDoc.ts';
import type { ReportBoardSource, ReportSource } from '../../shared/report/source.ts';
import { boardRoomName, parseRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import { evaluationResults } from '../results.ts';
import type { Logger } from '../log.ts';
import type { DocStore } from '../store/DocStore.ts';
import { loadStoredDoc } from '../sync/loadStored.ts';
import type { Store } from '../store/SessionStore.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

export interface DocSource {
  /** The doc of a room, and a function to call when done with it. */
  open(room: string): Promise<{ doc: Doc; release(): void }>;
}

/** Docs of the live rooms (loaded on demand, released after). */
export function registryDocs(registry: RoomRegistry): DocSource {
  return {
    async open(room) {
      const name = parseRoomName(room);
      if (!name) throw new Error(`bad room name ${room}`);
      const r = await registry.acquire(name);
      return { doc: r.doc, release: () => registry.release(r) };
    },
  };
}

/**
 * Docs built from the stored updates (the CLI), the way a room loads them: a row that
 * cannot load is moved to the quarantine and logged, the rest of the doc counts.
 */
export function storedDocs(docs: DocStore, log: Logger): DocSource {
  return {
    async open(room) {
      const { doc } = await loadStoredDoc(room, { store: docs, log });
      return { doc, release: () => doc.destroy() };
    },
  };
}

export class SessionNotFound extends Error {}

/** The actors of a board in one history snapshot (undefined without one, or when it cannot be read). */
async function startActors(store: Store, sessionId: string, id: number | undefined) {
  if (id === undefined) return undefined;
  const snap = await store.docs.getSnapshot(sessionId, id);
  if (!snap) return undefined;
  try {
    const doc = docFromState(snap.state);
    const actors = [...readMethods(doc).actors];
    doc.destroy();
    return actors;
  } catch {
    return undefined; // a damaged snapshot: the verslag goes without the movement
  }
}

export async function collectReportSource(sessionId: string, store: Store, docs: DocSource): Promise<ReportSource> {
  const session = await store.sessions.getSession(sessionId);
  if (!session) throw new SessionNotFound(`no session ${sessionId}`);
  const people = await store.sessions.listParticipants(sessionId);
  const facilitator = people.find((p) => p.role === Role.facilitator);
  // Grades and quotes without persons, sorted (server/results.ts): the verslag never links anyone to a grade.
  const evaluation = await evaluationResults(store, sessionId);

  const sessionDoc = await docs.open(sessionRoomName(sessionId));
  try {
    const doc = sessionDoc.doc;
    const snapshot = readSession(doc);
    const groups = readGroups(doc);
    const groupByBoard = new Map(groups.groups.map((g) => [g.boardId, g.name]));
    const boards: ReportBoardSource[] = [];
    // The oldest history snapshot of each board: where the actors stood at the start (issue 15).
    const oldest = new Map<string, number>();
    for (const s of await store.docs.listSnapshots(sessionId)) oldest.set(s.room, s.id); // newest first: the last wins
    for (const board of snapshot.boards) {
      if (board.kind === 'template') continue;
      const opened = await docs.open(boardRoomName(sessionId, board.id));
      try {
        const methods = readMethods(opened.doc);
        boards.push({
          id: board.id,
          title: board.title,
          kind: board.kind,
          groupName: groupByBoard.get(board.id) ?? null,
          items: [...readBoard(opened.doc).items],
          actors: [...methods.actors],
          relations: [...methods.relations],
          forces: [...methods.forces],
          settings: methods.settings,
          answers: readAnswers(opened.doc),
          startActors: await startActors(store, sessionId, oldest.get(boardRoomName(sessionId, board.id))),
        });
      } finally {
        opened.release();
      }
    }
    const votes = readVoteRounds(doc).flatMap((round) => {
      const results = readVoteResults(doc, round.id);
      return results ? [{ round, totals: results.totals, voters: results.voters }] : [];
    });
    return {
      session: {
        id: sessionId,
        title: snapshot.title || session.title,
        createdAt: session.createdAt,
        facilitator: facilitator?.name ?? '',
        participantCount: people.filter((p) => p.role === Role.participant).length,
      },
      program: readProgram(doc),
      boards,
      merges: readLive(doc).merges,
      votes,
      evaluation: { ...summarizeGrades(evaluation.grades), quotes: evaluation.quotes },
      settings: readReportSettings(doc),
    };
  } finally {
    sessionDoc.release();
  }
}
