/**
 * What a vote round lets people put dots on, read from the round's board: its notes (by
 * text), the answers to the questions, the actors (by name). Pure, plus one hook that
 * opens the round's board (often the open board: the room is shared then).
 */
import { useMemo } from 'react';
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { readMethods } from '../../../../shared/model/board/actors.ts';
import { visibleAnswers, type AnswerRecord } from '../../../../shared/model/board/answers.ts';
import type { BoardItem } from '../../../../shared/model/board/schema.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { allQuestions } from '../../../../shared/model/meeting/program.ts';
import type { VoteRound, VoteTarget } from '../../../../shared/model/sessionDoc.ts';
import { boardReaderFor, useBoardSnapshot } from '../../base/board/boardModel.ts';
import { useIdentity, useMeeting, useProgram } from '../meeting/index.ts';
import { boardConnectionRoom } from '../../base/sync/boardRoom.ts';
import { useDocSnapshot } from '../../base/sync/useDocSnapshot.ts';
import { useRoom } from '../../base/sync/useRoom.ts';
import { useT } from '../../base/i18n/useT.ts';
import { readAnswersStable } from './access.ts';

export interface Candidate {
  id: string;
  kind: VoteTarget;
  label: string;
  /** A second line: the note's or answer's author, the question, the organisation. */
  detail: string;
}

export interface CandidateSources {
  items: readonly BoardItem[];
  answers: readonly AnswerRecord[];
  actors: readonly Pick<Actor, 'id' | 'name' | 'organisation'>[];
  /** Question id -> text (answers say which question they answer). */
  questions: ReadonlyMap<string, string>;
}

const LABEL_MAX = 160;
const clip = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > LABEL_MAX ? `${one.slice(0, LABEL_MAX - 1)}…` : one;
};

/**
 * The candidates of a round, in board order per kind. In private mode (`seesAll`
 * false) a participant gets only their own notes and answers, as on the board.
 */
export function voteCandidates(
  src: CandidateSources,
  targets: readonly VoteTarget[],
  viewer: { participantId: string; seesAll: boolean },
): Candidate[] {
  const out: Candidate[] = [];
  if (targets.includes('notes')) {
    for (const item of src.items) {
      if (item.kind !== 'note' || !item.text.trim()) continue;
      if (!viewer.seesAll && item.authorId !== viewer.participantId) continue;
      out.push({ id: item.id, kind: 'notes', label: clip(item.text), detail: item.author });
    }
  }
  if (targets.includes('answers')) {
    for (const a of visibleAnswers(src.answers, viewer)) {
      out.push({ id: a.id, kind: 'answers', label: clip(a.text), detail: src.questions.get(a.questionId) ?? '' });
    }
  }
  if (targets.includes('actors')) {
    for (const actor of src.actors) {
      const label = actor.name.trim() || actor.organisation.trim();
      if (!label) continue;
      out.push({ id: actor.id, kind: 'actors', label: clip(label), detail: actor.name ? actor.organisation : '' });
    }
  }
  return out;
}

/** Targets ranked by votes, most first; ties keep board order. Targets without a candidate are kept (deleted since). */
export function rankTotals(
  totals: Readonly<Record<string, number>>,
  candidates: readonly Candidate[],
): { id: string; votes: number; candidate: Candidate | null }[] {
  const byId = new Map(candidates.map((c, i) => [c.id, { c, i }]));
  return Object.entries(totals)
    .filter(([, votes]) => votes > 0)
    .map(([id, votes]) => ({ id, votes, candidate: byId.get(id)?.c ?? null, order: byId.get(id)?.i ?? 1e9 }))
    .sort((a, b) => b.votes - a.votes || a.order - b.order || a.id.localeCompare(b.id))
    .map(({ id, votes, candidate }) => ({ id, votes, candidate }));
}

type ActorName = Pick<Actor, 'id' | 'name' | 'organisation'>;
const lastActors = new WeakMap<Doc, ActorName[]>();

/** Actors' names, the same array while they have not changed (a drag changes the doc every frame). */
function readActorList(doc: Doc): readonly ActorName[] {
  const next = readMethods(doc).actors.map(({ id, name, organisation }) => ({ id, name, organisation }));
  const prev = lastActors.get(doc);
  const same = (a: ActorName, i: number) =>
    a.id === next[i]!.id && a.name === next[i]!.name && a.organisation === next[i]!.organisation;
  if (prev && prev.length === next.length && prev.every(same)) return prev;
  lastActors.set(doc, next);
  return next;
}

/** The candidates of a round, live from its board. */
export function useRoundCandidates(round: VoteRound, seesAllOverride?: boolean): Candidate[] {
  const { sessionId, identity, isFacilitator } = useIdentity();
  const program = useProgram();
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  // The round's board as I see it (in private mode my own copy, or the overview).
  const { room } = useRoom(
    boardConnectionRoom({ ...identity, sessionId, boardId: round.boardId, privateOn }),
    identity.token,
  );
  const board = useBoardSnapshot(boardReaderFor(room.doc));
  const answers = useDocSnapshot(room.doc, readAnswersStable);
  const actors = useDocSnapshot(room.doc, readActorList);
  const seesAll = seesAllOverride ?? (isFacilitator || !privateOn);
  const t = useT();
  const questions = useMemo(
    () => new Map(allQuestions(program).map(({ question }) => [question.id, t.name(question.text)])),
    [program, t],
  );
  return useMemo(
    () =>
      voteCandidates({ items: board.items, answers, actors, questions }, round.targets, {
        participantId: identity.participantId,
        seesAll,
      }),
    [board.items, answers, actors, questions, round.targets, identity.participantId, seesAll],
  );
}
