/**
 * Votes and the evaluation as they may leave the server (issue 10: anonymous means
 * anonymous). The store keeps each participant's id beside their dots and grade only to
 * allow one ballot per person; everything here answers with totals, counts and sorted
 * lists, never with who. The API, the verslag and the session export all read through
 * these functions, so there is one place that decides what is revealed.
 */
import type { AnonymousResults, EvaluationRecord, Store, VoteRecord } from './store/SessionStore.ts';

/** One vote round's dots per target id and the number of people who voted. */
export interface VoteTotals {
  totals: Record<string, number>;
  voters: number;
}

/** The evaluation without persons: grades sorted, quotes sorted by text (signed ones keep their name). */
export interface EvaluationResults {
  grades: number[];
  quotes: { text: string; name: string | null }[];
}

const byText = (a: { text: string; name: string | null }, b: { text: string; name: string | null }) =>
  a.text < b.text ? -1 : a.text > b.text ? 1 : (a.name ?? '').localeCompare(b.name ?? '');

/** Dots per target of live votes (records) plus what an import brought (anonymous). */
export function sumVotes(records: readonly VoteRecord[], imported?: AnonymousResults['votes'][number]): VoteTotals {
  const totals: Record<string, number> = {};
  for (const [target, n] of Object.entries(imported?.totals ?? {})) totals[target] = (totals[target] ?? 0) + n;
  for (const v of records) totals[v.targetId] = (totals[v.targetId] ?? 0) + v.count;
  const sorted = Object.fromEntries(Object.entries(totals).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { totals: sorted, voters: (imported?.voters ?? 0) + new Set(records.map((v) => v.participantId)).size };
}

/** The evaluation of records (names only of signed quotes) plus imported results. */
export function evaluationOf(
  records: readonly EvaluationRecord[],
  names: ReadonlyMap<string, string>,
  imported?: AnonymousResults | null,
): EvaluationResults {
  const grades = [...(imported?.grades ?? []), ...records.map((e) => e.grade)].sort((a, b) => a - b);
  const quotes = [
    ...(imported?.quotes ?? []),
    ...records
      .filter((e) => e.quote.trim())
      .map((e) => ({ text: e.quote.trim(), name: e.anonymous ? null : (names.get(e.participantId) ?? null) })),
  ].sort(byText);
  return { grades, quotes };
}

/** Totals of one vote round. */
export async function voteTotals(store: Store, sessionId: string, roundId: string): Promise<VoteTotals> {
  const imported = (await store.sessions.getAnonymousResults(sessionId))?.votes.find((r) => r.roundId === roundId);
  return sumVotes(await store.sessions.listVotes(sessionId, roundId), imported);
}

/** The session's evaluation without persons. */
export async function evaluationResults(store: Store, sessionId: string): Promise<EvaluationResults> {
  const names = new Map((await store.sessions.listParticipants(sessionId)).map((p) => [p.id, p.name]));
  return evaluationOf(
    await store.sessions.listEvaluations(sessionId),
    names,
    await store.sessions.getAnonymousResults(sessionId),
  );
}

/** Everything about votes and the evaluation, without persons: what a session file keeps. */
export async function anonymousResults(
  store: Store,
  sessionId: string,
  roundIds: readonly string[],
): Promise<AnonymousResults> {
  const { grades, quotes } = await evaluationResults(store, sessionId);
  const votes: AnonymousResults['votes'] = [];
  for (const roundId of [...new Set(roundIds)].sort()) {
    const round = await voteTotals(store, sessionId, roundId);
    if (round.voters > 0 || Object.keys(round.totals).length > 0) votes.push({ roundId, ...round });
  }
  return { grades, quotes, votes };
}
