/**
 * The facilitator manages participants: rename (the presence list follows at once)
 * and remove (their connections close and their token stops working; with
 * `?anonymise=true` their notes and answers stay but no longer carry their name; with
 * `?rejoin=false` the join code changes too, so they cannot come back with it: issue 11).
 */
import express from 'express';
import {
  Participant,
  RemoveParticipantQuery,
  RemoveParticipantResponse,
  RenameParticipantRequest,
} from '../../shared/api.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { SessionService } from '../sessions.ts';
import type { RoutesContext } from './context.ts';
import { HttpError, parseBody, parseQuery, send } from './http.ts';
import { unattributeEverywhere } from './unattribute.ts';

export function participantRoutes(
  ctx: RoutesContext,
  sessions: SessionService,
  baseUrl: (req: express.Request) => string,
): express.Router {
  const router = express.Router({ mergeParams: true });

  router.patch(
    '/:pid',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { name } = parseBody(RenameParticipantRequest, req.body);
      const pid = String(req.params.pid);
      if (!(await ctx.store.sessions.renameParticipant(t.sid, pid, name))) {
        throw new HttpError(404, 'not_found', 'No such participant.');
      }
      ctx.registry.renameParticipant(t.sid, pid, name); // on every instance (issue 13)
      const p = await ctx.store.sessions.getParticipant(t.sid, pid);
      if (!p) throw new HttpError(404, 'not_found', 'No such participant.'); // removed meanwhile
      send(res, Participant, { id: pid, name, role: p.role });
    }),
  );

  router.delete(
    '/:pid',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { anonymise, rejoin } = parseQuery(RemoveParticipantQuery, req.query, 'anonymise=true and rejoin=false.');
      const pid = String(req.params.pid);
      const p = await ctx.store.sessions.getParticipant(t.sid, pid);
      if (!p) throw new HttpError(404, 'not_found', 'No such participant.');
      if (p.role !== Role.participant) throw new HttpError(400, 'invalid_request', 'Only participants can be removed.');
      // "May not rejoin until the code is changed": the code changes first, so there is no
      // moment in which the removed person could join again with the old one.
      if (!rejoin) await sessions.rotateJoinCode(t.sid);
      await ctx.store.sessions.removeParticipant(t.sid, pid);
      ctx.registry.closeParticipant(t.sid, pid, CloseCode.participantRemoved, 'removed by the facilitator');
      // `?anonymise=true`: their content stays, without their name (issue 10).
      if (anonymise) {
        await unattributeEverywhere(ctx.registry, t.sid, { participantId: pid, name: p.name });
      }
      if (rejoin) {
        res.status(204).end();
      } else {
        send(res, RemoveParticipantResponse, { join: await sessions.joinState(t.sid, baseUrl(req)) });
      }
    }),
  );
  return router;
}
