/**
 * Dot voting. The facilitator opens a round in the session doc; participants put
 * their dots through this API, so nobody sees anyone's votes (not even by reading the
 * docs). The facilitator sees the running totals per target and the number of voters,
 * never who voted for what; a participant sees only their own dots. The totals reach
 * everyone when the facilitator reveals them (the server writes them into the session doc).
 */
import express from 'express';
import { MyVotes, VoteRequest, VoteResults, VoteTally } from '../../shared/api.ts';
import { readVoteRound, setVoterCount, setVoteResults, type VoteRound } from '../../shared/model/sessionDoc.ts';
import { Role } from '../../shared/roles.ts';
import { voteTotals } from '../results.ts';
import type { RoutesContext } from './context.ts';
import { HttpError, parseBody, send } from './http.ts';
import { perSessionQueue } from './liveCounts.ts';
import { sessionRoom, withRoom } from './rooms.ts';

export function voteRoutes(ctx: RoutesContext): express.Router {
  const router = express.Router({ mergeParams: true });

  const roundOf = (sid: string, roundId: string): Promise<VoteRound> =>
    withRoom(ctx.registry, sessionRoom(sid), (session) => {
      const round = readVoteRound(session.doc, roundId);
      if (!round) throw new HttpError(404, 'not_found', 'No such vote round.');
      return round;
    });

  // Totals and the number of voters only: who put which dots is never answered (server/results.ts).
  const totals = (sid: string, roundId: string) => voteTotals(ctx.store, sid, roundId);

  /**
   * The facilitator's count of voters follows live through the session doc (issue 12): the
   * number only, counted and written one after the other per session (liveCounts.ts); a
   * count that did not change stores nothing.
   */
  const inTurn = perSessionQueue();
  const pushVoterCount = (sid: string, roundId: string): Promise<void> =>
    inTurn(sid, async () => {
      const { voters } = await totals(sid, roundId);
      await ctx.registry.change(sessionRoom(sid), (doc) => setVoterCount(doc, roundId, voters));
    });

  router.put(
    '/:roundId',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.participant]);
      const body = parseBody(VoteRequest, req.body);
      const round = await roundOf(t.sid, String(req.params.roundId));
      if (round.status !== 'open') throw new HttpError(409, 'round_closed', 'This vote round is closed.');
      const ok = await ctx.store.sessions.castVote(
        { sessionId: t.sid, roundId: round.id, participantId: t.pid, ...body },
        round.votesPerPerson,
      );
      if (!ok) {
        throw new HttpError(409, 'no_votes_left', `You have ${round.votesPerPerson} votes in this round.`);
      }
      // The vote is kept whatever happens to the count: it catches up at the next vote, and
      // the facilitator's screen asks the API when it opens.
      await pushVoterCount(t.sid, round.id).catch(() => undefined);
      send(res, MyVotes, await mine(t.sid, round.id, t.pid, round.votesPerPerson));
    }),
  );

  const mine = async (sid: string, roundId: string, pid: string, budget: number): Promise<MyVotes> => {
    const own = (await ctx.store.sessions.listVotes(sid, roundId)).filter((v) => v.participantId === pid);
    const used = own.reduce((n, v) => n + v.count, 0);
    return { votes: Object.fromEntries(own.map((v) => [v.targetId, v.count])), used, left: budget - used };
  };

  router.get(
    '/:roundId',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator, Role.participant]);
      const round = await roundOf(t.sid, String(req.params.roundId));
      if (t.role === Role.facilitator) send(res, VoteTally, await totals(t.sid, round.id));
      else send(res, MyVotes, await mine(t.sid, round.id, t.pid, round.votesPerPerson));
    }),
  );

  router.post(
    '/:roundId/reveal',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const round = await roundOf(t.sid, String(req.params.roundId));
      const results: VoteResults = { ...(await totals(t.sid, round.id)), revealedAt: Date.now() };
      await ctx.registry.change(sessionRoom(t.sid), (doc) => setVoteResults(doc, round.id, results));
      send(res, VoteResults, results);
    }),
  );
  return router;
}
