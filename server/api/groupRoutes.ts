/**
 * Small groups (issue: facilitation). The facilitator creates N groups at once: the
 * server adds a board per group, cloned from the template board (the goal, a first
 * list of actors, whatever the facilitator prepared), and the group records, in one
 * change of the session doc. Participants may choose a group themselves when the
 * facilitator allows it; the server writes their choice (they cannot write the
 * session doc).
 */
import express from 'express';
import { ChooseGroupRequest, ChooseGroupResponse, CreateGroupsRequest, GroupsResponse } from '../../shared/api.ts';
import { appName } from '../../shared/i18n/appNames.ts';
import { createDoc, encodeDoc, Origin } from '../../shared/model/doc.ts';
import { newItemId } from '../../shared/model/board/ids.ts';
import { addGroups, assignMember, MAX_GROUPS, readGroups } from '../../shared/model/meeting/groups.ts';
import { addBoard, readBoard } from '../../shared/model/sessionDoc.ts';
import { TEMPLATE_BOARD_ID } from '../../shared/model/templates/meetingTemplates.ts';
import { boardRoomName } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { RoutesContext } from './context.ts';
import { HttpError, parseBody, send } from './http.ts';
import { boardRoom, sessionRoom, withRoom } from './rooms.ts';

export function groupRoutes(ctx: RoutesContext): express.Router {
  const router = express.Router({ mergeParams: true });

  router.post(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const body = parseBody(CreateGroupsRequest, req.body);
      const sessionName = sessionRoom(t.sid);
      await withRoom(ctx.registry, sessionName, async (session) => {
        const existing = readGroups(session.doc).groups;
        if (existing.length + body.count > MAX_GROUPS) {
          throw new HttpError(400, 'too_many_groups', `A session has at most ${MAX_GROUPS} groups.`);
        }
        const sourceId = body.fromBoardId ?? TEMPLATE_BOARD_ID;
        const source = readBoard(session.doc, sourceId);
        if (body.fromBoardId && !source) throw new HttpError(404, 'not_found', 'No such board to clone.');
        // The state every new group board starts from: a copy of the source board.
        let state: Uint8Array;
        if (source) {
          state = await withRoom(ctx.registry, boardRoom(t.sid, source.id), (room) => encodeDoc(room.doc));
        } else {
          const empty = createDoc();
          state = encodeDoc(empty);
          empty.destroy();
        }
        const maxOrder = Math.max(0, ...existing.map((g) => g.order));
        const created = Array.from({ length: body.count }, (_, i) => {
          const n = existing.length + i + 1;
          return {
            id: newItemId(),
            boardId: newItemId(),
            name: body.names?.[i] || appName('group', { n }), // already clean (GroupName)
            order: maxOrder + i + 1,
          };
        });
        // Boards first (nobody can have opened these new rooms), then one session change.
        for (const g of created) await ctx.store.docs.append(boardRoomName(t.sid, g.boardId), state);
        await ctx.registry.change(sessionName, (doc) => {
          doc.transact(() => {
            for (const g of created) addBoard(doc, { id: g.boardId, title: g.name, kind: 'group' }, Origin.server);
            addGroups(doc, created, Origin.server);
          }, Origin.server);
        });
        send(res, GroupsResponse, { groups: readGroups(session.doc).groups }, 201);
      });
    }),
  );

  router.post(
    '/choose',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.participant]);
      const { groupId } = parseBody(ChooseGroupRequest, req.body);
      const sessionName = sessionRoom(t.sid);
      await withRoom(ctx.registry, sessionName, async (session) => {
        const groups = readGroups(session.doc);
        if (groups.mode !== 'choose') {
          throw new HttpError(403, 'forbidden', 'The facilitator assigns the groups in this meeting.');
        }
        if (!groups.groups.some((g) => g.id === groupId)) throw new HttpError(404, 'not_found', 'No such group.');
        await ctx.registry.change(sessionName, (doc) => assignMember(doc, t.pid, groupId, Origin.server));
        send(res, ChooseGroupResponse, { groupId });
      });
    }),
  );
  return router;
}
