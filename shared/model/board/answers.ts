/**
 * Answers to the discussion questions of the programme, kept in the board doc of the
 * group that gives them (so group members can write them). One record per answer, so
 * answers can be voted on and hidden in private mode.
 *
 * Layout in the board doc:
 *   answers: Y.Map<answerId, AnswerRecord>   (plain JSON, replaced whole on edit)
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { Origin } from '../doc.ts';
import { readRecords } from '../records.ts';
import { ITEM_ID_RE } from './schema.ts';

export const ANSWER_MAX = 2000;
export const MAX_ANSWERS = 2000;

export const AnswerRecord = z.object({
  id: z.string().regex(ITEM_ID_RE),
  questionId: z.string().regex(ITEM_ID_RE),
  text: z.string().max(ANSWER_MAX),
  /** Participant id and display name of the writer (for private mode and the report). */
  authorId: z.string().max(64).catch(''),
  author: z.string().max(80).catch(''),
  createdAt: z.number().catch(0),
});
export type AnswerRecord = z.infer<typeof AnswerRecord>;

const answersOf = (doc: Y.Doc) => doc.getMap<unknown>('answers');

/** The root map of the answers, for undo managers and observers. */
export function answersRoot(doc: Y.Doc): Y.AbstractType<unknown> {
  return answersOf(doc) as unknown as Y.AbstractType<unknown>;
}

/** All valid answers, oldest first; invalid records are skipped. */
export function readAnswers(doc: Y.Doc): AnswerRecord[] {
  return readRecords(answersOf(doc), AnswerRecord, MAX_ANSWERS).sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
}

/** Answers grouped by question id. */
export function answersByQuestion(answers: readonly AnswerRecord[]): Map<string, AnswerRecord[]> {
  const map = new Map<string, AnswerRecord[]>();
  for (const a of answers) {
    const list = map.get(a.questionId);
    if (list) list.push(a);
    else map.set(a.questionId, [a]);
  }
  return map;
}

export function addAnswer(
  doc: Y.Doc,
  answer: Omit<AnswerRecord, 'createdAt'> & { createdAt?: number },
  origin: unknown = Origin.local,
): AnswerRecord | null {
  const parsed = AnswerRecord.safeParse({ createdAt: Date.now(), ...answer, text: answer.text.trim() });
  if (!parsed.success || !parsed.data.text || answersOf(doc).has(parsed.data.id)) return null;
  doc.transact(() => answersOf(doc).set(parsed.data.id, parsed.data), origin);
  return parsed.data;
}

export function editAnswer(doc: Y.Doc, id: string, text: string, origin: unknown = Origin.local): void {
  const current = AnswerRecord.safeParse(answersOf(doc).get(id));
  const clean = text.trim().slice(0, ANSWER_MAX);
  if (!current.success || !clean || current.data.text === clean) return;
  doc.transact(() => answersOf(doc).set(id, { ...current.data, text: clean }), origin);
}

export function deleteAnswer(doc: Y.Doc, id: string, origin: unknown = Origin.local): void {
  if (!answersOf(doc).has(id)) return;
  doc.transact(() => answersOf(doc).delete(id), origin);
}

/** Private mode: what a person may see (their own; everything when revealed or facilitating). */
export function visibleAnswers(
  answers: readonly AnswerRecord[],
  viewer: { participantId: string; seesAll: boolean },
): AnswerRecord[] {
  return viewer.seesAll ? [...answers] : answers.filter((a) => a.authorId === viewer.participantId);
}
