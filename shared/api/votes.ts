/**
 * Dot voting (server/api/voteRoutes.ts). Votes stay on the server: a participant reads
 * only their own dots, the facilitator the totals and the number of voters, never who
 * put which dots.
 *
 *   PUT  /api/sessions/:id/votes/:roundId          VoteRequest → MyVotes (participant)
 *   GET  /api/sessions/:id/votes/:roundId          → MyVotes (participant) or VoteTally (facilitator)
 *   POST /api/sessions/:id/votes/:roundId/reveal   → VoteResults, written into the session doc (facilitator)
 */
import { z } from 'zod';
import { ITEM_ID_RE } from '../model/board/schema.ts';
import { VoteResults } from '../model/sessionDoc.ts';

export const VoteRequest = z.object({
  targetId: z.string().regex(ITEM_ID_RE),
  /** Dots on this target after the vote (0 takes them back). */
  count: z.number().int().min(0).max(20),
});
export type VoteRequest = z.input<typeof VoteRequest>;

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

/** The revealed totals, as the session doc keeps them (shared/model/sessionDoc.ts). */
export { VoteResults };
