/**
 * Joining under control (issue 11), facilitator only:
 *  - `GET /api/sessions/:id/joining`: the code, its link, open or closed, until when it works;
 *  - `PUT /api/sessions/:id/joining` `{open}`: closes or reopens joining by code (people
 *    already in keep working);
 *  - `POST /api/sessions/:id/joining/code`: a new code; the old code and its links stop
 *    working at once.
 * Each answers the new {@link JoinState}.
 */
import express from 'express';
import { JoinState, SetJoiningRequest } from '../../shared/api.ts';
import { Role } from '../../shared/roles.ts';
import type { SessionService } from '../sessions.ts';
import type { RoutesContext } from './context.ts';
import { parseBody, send } from './http.ts';

export function joiningRoutes(
  ctx: RoutesContext,
  sessions: SessionService,
  baseUrl: (req: express.Request) => string,
): express.Router {
  const router = express.Router({ mergeParams: true });
  const answer = async (req: express.Request, res: express.Response, sid: string) =>
    send(res, JoinState, await sessions.joinState(sid, baseUrl(req)));

  router.get(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      await answer(req, res, t.sid);
    }),
  );

  router.put(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { open } = parseBody(SetJoiningRequest, req.body);
      await sessions.setJoinOpen(t.sid, open);
      await answer(req, res, t.sid);
    }),
  );

  router.post(
    '/code',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      await sessions.rotateJoinCode(t.sid);
      await answer(req, res, t.sid);
    }),
  );
  return router;
}
