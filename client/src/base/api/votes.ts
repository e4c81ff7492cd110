/**
 * Dot voting (shared/api/votes.ts): votes stay on the server until the facilitator
 * reveals them.
 */
import { MyVotes, VoteResults, VoteTally, type VoteRequest } from '../../../../shared/api.ts';
import { request, sessionPath } from './client.ts';

const votePath = (sessionId: string, roundId: string, ...rest: string[]) =>
  sessionPath(sessionId, 'votes', roundId, ...rest);

/** Sets my dots on one target to `count` (0 takes them back); the server keeps the budget. */
export function castVote(
  sessionId: string,
  token: string,
  roundId: string,
  targetId: string,
  count: number,
): Promise<MyVotes> {
  const body: VoteRequest = { targetId, count };
  return request(MyVotes, votePath(sessionId, roundId), { method: 'PUT', body, token });
}

export function loadMyVotes(sessionId: string, token: string, roundId: string): Promise<MyVotes> {
  return request(MyVotes, votePath(sessionId, roundId), { token });
}

/** The facilitator's view of a round: totals and the number of voters. */
export function loadVoteTally(sessionId: string, token: string, roundId: string): Promise<VoteTally> {
  return request(VoteTally, votePath(sessionId, roundId), { token });
}

export function revealVotes(sessionId: string, token: string, roundId: string): Promise<VoteResults> {
  return request(VoteResults, votePath(sessionId, roundId, 'reveal'), { method: 'POST', token });
}
