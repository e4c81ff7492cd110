/**
 * The REST calls of taking part: the evaluation (grades stay on the server) and dot
 * voting (votes stay on the server until the facilitator reveals them). Every answer is
 * parsed, as in client/src/base/api/client.ts; server/api/evaluationRoutes.ts and
 * voteRoutes.ts are the other side.
 */
import { z } from 'zod';
import { SharedEvaluation, VoteResults } from '../../../../shared/model/sessionDoc.ts';
import { ApiRequestError, request } from '../../base/api/client.ts';

const base = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export const MyEvaluation = z.object({
  grade: z.number().int().min(1).max(10),
  quote: z.string(),
  anonymous: z.boolean(),
});
export type MyEvaluation = z.infer<typeof MyEvaluation>;

/** The facilitator's live summary (quotes carry a name where the writer allowed it). */
export const EvaluationSummary = SharedEvaluation.omit({ shownAt: true });
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export function saveEvaluation(sessionId: string, token: string, body: MyEvaluation): Promise<MyEvaluation> {
  return request(MyEvaluation, `${base(sessionId)}/evaluation`, { method: 'PUT', body, token });
}

export async function loadMyEvaluation(sessionId: string, token: string): Promise<MyEvaluation | null> {
  const res = await request(z.object({ mine: MyEvaluation.nullable() }), `${base(sessionId)}/evaluation`, { token });
  return res.mine;
}

export function loadEvaluationSummary(sessionId: string, token: string): Promise<EvaluationSummary> {
  return request(EvaluationSummary, `${base(sessionId)}/evaluation`, { token });
}

export function showEvaluation(sessionId: string, token: string): Promise<SharedEvaluation> {
  return request(SharedEvaluation, `${base(sessionId)}/evaluation/show`, { method: 'POST', token });
}

/** A participant's own dots in a round. */
export const MyVotes = z.object({
  votes: z.record(z.string(), z.number().int().min(0)),
  used: z.number().int().min(0),
  left: z.number().int(),
});
export type MyVotes = z.infer<typeof MyVotes>;

/** The facilitator's view of an unrevealed round (only the voter count is shown). */
export const VoteTally = z.object({
  totals: z.record(z.string(), z.number().int().min(0)),
  voters: z.number().int().min(0),
});
export type VoteTally = z.infer<typeof VoteTally>;

const votePath = (sessionId: string, roundId: string) => `${base(sessionId)}/votes/${encodeURIComponent(roundId)}`;

/** Sets my dots on one target to `count` (0 takes them back); the server keeps the budget. */
export function castVote(
  sessionId: string,
  token: string,
  roundId: string,
  targetId: string,
  count: number,
): Promise<MyVotes> {
  return request(MyVotes, votePath(sessionId, roundId), { method: 'PUT', body: { targetId, count }, token });
}

export function loadMyVotes(sessionId: string, token: string, roundId: string): Promise<MyVotes> {
  return request(MyVotes, votePath(sessionId, roundId), { token });
}

export function loadVoteTally(sessionId: string, token: string, roundId: string): Promise<VoteTally> {
  return request(VoteTally, votePath(sessionId, roundId), { token });
}

export function revealVotes(sessionId: string, token: string, roundId: string): Promise<VoteResults> {
  return request(VoteResults, `${votePath(sessionId, roundId)}/reveal`, { method: 'POST', token });
}

export { ApiRequestError };
