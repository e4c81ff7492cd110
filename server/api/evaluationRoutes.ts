/**
 * The evaluation of the meeting: each participant grades 1-10 and may leave a quote
 * (anonymous by default; a person may sign their quote, never their grade). Grades stay
 * on the server, linked to nobody in any answer: the facilitator sees the summary (n,
 * mean, spread, counts per grade) and the quotes, and can show them to everyone, which
 * the server writes into the session doc. A participant reads back only their own.
 */
import express from 'express';
import {
  EvaluationRequest,
  EvaluationSummary,
  MyEvaluation,
  MyEvaluationAnswer,
  SharedEvaluation,
} from '../../shared/api.ts';
import { summarizeGrades } from '../../shared/methods/evaluation.ts';
import { setGradeCount, setSharedEvaluation } from '../../shared/model/sessionDoc.ts';
import { Role } from '../../shared/roles.ts';
import { evaluationResults } from '../results.ts';
import type { RoutesContext } from './context.ts';
import { parseBody, send } from './http.ts';
import { perSessionQueue } from './liveCounts.ts';
import { sessionRoom } from './rooms.ts';

export function evaluationRoutes(ctx: RoutesContext): express.Router {
  const router = express.Router({ mergeParams: true });

  /**
   * Summary and quotes as the facilitator may show them: grades only as counts, quotes
   * sorted by text, a name only beside a quote its author signed (server/results.ts).
   */
  const summary = async (sid: string): Promise<EvaluationSummary> => {
    const { grades, quotes } = await evaluationResults(ctx.store, sid);
    return { ...summarizeGrades(grades), quotes };
  };

  /**
   * The facilitator's count of grades follows live through the session doc (issue 12): the
   * number only, counted and written one after the other per session (liveCounts.ts).
   */
  const inTurn = perSessionQueue();
  const pushGradeCount = (sid: string): Promise<void> =>
    inTurn(sid, async () => {
      const { grades } = await evaluationResults(ctx.store, sid);
      await ctx.registry.change(sessionRoom(sid), (doc) => setGradeCount(doc, grades.length));
    });

  router.put(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.participant]);
      const body = parseBody(EvaluationRequest, req.body);
      await ctx.store.sessions.saveEvaluation({
        sessionId: t.sid,
        participantId: t.pid,
        ...body,
        createdAt: Date.now(),
      });
      // The grade is kept whatever happens to the count: it catches up at the next grade,
      // and the facilitator's screen asks the API when it opens.
      await pushGradeCount(t.sid).catch(() => undefined);
      send(res, MyEvaluation, body);
    }),
  );

  router.get(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator, Role.participant]);
      if (t.role === Role.facilitator) {
        send(res, EvaluationSummary, await summary(t.sid));
        return;
      }
      const mine = (await ctx.store.sessions.listEvaluations(t.sid)).find((e) => e.participantId === t.pid);
      send(res, MyEvaluationAnswer, {
        mine: mine ? { grade: mine.grade, quote: mine.quote, anonymous: mine.anonymous } : null,
      });
    }),
  );

  router.post(
    '/show',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const shown: SharedEvaluation = { ...(await summary(t.sid)), shownAt: Date.now() };
      await ctx.registry.change(sessionRoom(t.sid), (doc) => setSharedEvaluation(doc, shown));
      send(res, SharedEvaluation, shown);
    }),
  );
  return router;
}
