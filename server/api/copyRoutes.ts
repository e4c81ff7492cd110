/**
 * A new session from an earlier one (facilitator of the earlier one):
 *  - `copy`: the same boards with everything on them (a template, a rerun);
 *  - `followUp`: the same boards with their actors, places, 3 B's, relations and
 *    settings, but no notes, forces or votes, remembering the earlier session so the
 *    fields can be compared (seed 003: repeat the krachtenveld over time).
 */
import express from 'express';
import { CopyRequest, CreateSessionResponse } from '../../shared/api.ts';
import { createDoc, encodeDoc } from '../../shared/model/doc.ts';
import { copyMethodData } from '../../shared/model/board/actors.ts';
import { copyBoards, readBoards, setPreviousSession } from '../../shared/model/sessionDoc.ts';
import { copyGroups } from '../../shared/model/meeting/groups.ts';
import { copyProgram } from '../../shared/model/meeting/program.ts';
import { Role } from '../../shared/roles.ts';
import type { SessionService } from '../sessions.ts';
import type { RoutesContext } from './context.ts';
import { parseBody, send } from './http.ts';
import { boardRoom, sessionRoom, withRoom } from './rooms.ts';

export function copyRoutes(ctx: RoutesContext, sessions: SessionService, baseUrl: (req: express.Request) => string) {
  const router = express.Router({ mergeParams: true });
  router.post(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { mode, title } = parseBody(CopyRequest, req.body);
      const source = await ctx.store.sessions.getSession(t.sid);
      const me = await ctx.store.sessions.getParticipant(t.sid, t.pid);
      await withRoom(ctx.registry, sessionRoom(t.sid), async (session) => {
        const boards = [];
        for (const board of readBoards(session.doc)) {
          const state = await withRoom(ctx.registry, boardRoom(t.sid, board.id), (room) => {
            if (mode === 'copy') return encodeDoc(room.doc);
            const fresh = createDoc();
            copyMethodData(room.doc, fresh);
            const copied = encodeDoc(fresh);
            fresh.destroy();
            return copied;
          });
          boards.push({ id: board.id, state });
        }
        const suffix = mode === 'copy' ? ' (kopie)' : ' (vervolg)';
        const created = await sessions.create(
          { title: title ?? `${source?.title ?? ''}${suffix}`.slice(0, 120), facilitatorName: me?.name },
          baseUrl(req),
          {
            sessionDoc: (doc) => {
              copyBoards(session.doc, doc);
              copyProgram(session.doc, doc);
              copyGroups(session.doc, doc);
              if (mode === 'followUp') setPreviousSession(doc, t.sid);
            },
            boards,
          },
        );
        send(res, CreateSessionResponse, created, 201);
      });
    }),
  );
  return router;
}
