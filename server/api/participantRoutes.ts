/**
 * The facilitator manages participants: rename (the presence list follows at once)
 * and remove (their connections close and their token stops working; with
 * `?anonymise=true` their notes and answers stay but no longer carry their name).
 */
import express from 'express';
import { RenameParticipantRequest as RenameRequest } from '../../shared/api.ts';
import { CloseCode } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { RoutesContext } from './context.ts';
import { HttpError, parseBody } from './http.ts';
import { unattributeEverywhere } from './unattribute.ts';

export function participantRoutes(ctx: RoutesContext): express.Router {
  const router = express.Router({ mergeParams: true });

  router.patch(
    '/:pid',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { name } = parseBody(RenameRequest, req.body);
      const pid = String(req.params.pid);
      if (!(await ctx.store.sessions.renameParticipant(t.sid, pid, name))) {
        throw new HttpError(404, 'not_found', 'No such participant.');
      }
      for (const room of ctx.registry.sessionRooms(t.sid)) room.renameParticipant(pid, name);
      const p = await ctx.store.sessions.getParticipant(t.sid, pid);
      res.json({ id: pid, name, role: p?.role });
    }),
  );

  router.delete(
    '/:pid',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const pid = String(req.params.pid);
      const p = await ctx.store.sessions.getParticipant(t.sid, pid);
      if (!p) throw new HttpError(404, 'not_found', 'No such participant.');
      if (p.role !== Role.participant) throw new HttpError(400, 'invalid_request', 'Only participants can be removed.');
      await ctx.store.sessions.removeParticipant(t.sid, pid);
      for (const room of ctx.registry.sessionRooms(t.sid)) {
        room.closeParticipant(pid, CloseCode.participantRemoved, 'removed by the facilitator');
      }
      // `?anonymise=true`: their content stays, without their name (issue 10).
      if (req.query.anonymise === 'true') {
        await unattributeEverywhere(ctx.registry, t.sid, { participantId: pid, name: p.name });
      }
      res.status(204).end();
    }),
  );
  return router;
}
