/**
 * The groups API against the real server (SQLite in a temp folder, real y-websocket
 * clients): creating groups clones the template board into each group's board; only
 * the facilitator creates groups; participants choose only in 'choose' mode and only
 * an existing group.
 */
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { addActor, readMethods } from '../../shared/model/board/actors.ts';
import { readGroups, setGroupMode, type GroupRecord } from '../../shared/model/meeting/groups.ts';
import { readBoards } from '../../shared/model/sessionDoc.ts';
import { TEMPLATE_BOARD_ID } from '../../shared/model/templates/meetingTemplates.ts';
import { boardRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

async function meeting(server: TestServer, template: 'krachtenveld' | 'blank', names: string[]) {
  const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', {
    title: 'Gezonde wijk',
    template,
  });
  expect(created.status).toBe(201);
  const token = new URL(created.body.facilitatorUrl).hash.replace('#token=', '');
  const participants: JoinResponse[] = [];
  for (const name of names) {
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', { joinCode: created.body.joinCode, name });
    participants.push(joined.body);
  }
  return { sessionId: created.body.sessionId, token, participants };
}

const createGroups = (server: TestServer, sessionId: string, body: unknown, token: string) =>
  api<{ groups: GroupRecord[] }>(server.url, 'POST', `/api/sessions/${sessionId}/groups`, body, token);

const choose = (server: TestServer, sessionId: string, groupId: string, token: string) =>
  api<{ groupId: string }>(server.url, 'POST', `/api/sessions/${sessionId}/groups/choose`, { groupId }, token);

describe('creating groups', () => {
  it("clones the template board's content into every new group board", async () => {
    const server = await h.server();
    const s = await meeting(server, 'krachtenveld', []);
    // The facilitator prepares the template: the goal's first actor.
    const template = h.client(server.wsUrl, boardRoomName(s.sessionId, TEMPLATE_BOARD_ID), s.token);
    await template.synced;
    addActor(template.doc, { name: 'Wethouder gezondheid', houding: 0.5, invloed: 0.9 });
    const check = h.client(server.wsUrl, boardRoomName(s.sessionId, TEMPLATE_BOARD_ID), s.token);
    await waitFor(() => readMethods(check.doc).actors.length === 1, 'the server has the template');

    const res = await createGroups(server, s.sessionId, { count: 2 }, s.token);
    expect(res.status).toBe(201);
    expect(res.body.groups.map((g) => g.name)).toEqual(['Groep 1', 'Groep 2']);

    const session = h.client(server.wsUrl, sessionRoomName(s.sessionId), s.token);
    await session.synced;
    const groups = readGroups(session.doc).groups;
    expect(groups.map((g) => g.boardId).sort()).toEqual(res.body.groups.map((g) => g.boardId).sort());
    const boards = readBoards(session.doc);
    for (const g of groups) {
      expect(boards.find((b) => b.id === g.boardId)).toMatchObject({ kind: 'group', title: g.name });
      const board = h.client(server.wsUrl, boardRoomName(s.sessionId, g.boardId), s.token);
      await board.synced;
      const actors = readMethods(board.doc).actors;
      expect(actors.map((a) => [a.name, a.houding, a.invloed])).toEqual([['Wethouder gezondheid', 0.5, 0.9]]);
    }

    // Boards are copies, not shared: a change in one group stays there.
    const one = h.client(server.wsUrl, boardRoomName(s.sessionId, groups[0]!.boardId), s.token);
    await one.synced;
    addActor(one.doc, { name: 'Huisartsen' });
    const two = h.client(server.wsUrl, boardRoomName(s.sessionId, groups[1]!.boardId), s.token);
    await two.synced;
    await waitFor(() => readMethods(one.doc).actors.length === 2, 'own change');
    expect(readMethods(two.doc).actors).toHaveLength(1);

    // More groups later continue the numbering.
    const more = await createGroups(server, s.sessionId, { count: 1 }, s.token);
    expect(more.body.groups.map((g) => g.name)).toEqual(['Groep 1', 'Groep 2', 'Groep 3']);
  });

  it('gives empty boards without a template, and refuses participants and too many groups', async () => {
    const server = await h.server();
    const s = await meeting(server, 'blank', ['Ana']);
    const denied = await createGroups(server, s.sessionId, { count: 2 }, s.participants[0]!.token);
    expect(denied.status).toBe(403);
    expect((await createGroups(server, s.sessionId, { count: 0 }, s.token)).status).toBe(400);
    expect((await createGroups(server, s.sessionId, { count: 'drie' }, s.token)).status).toBe(400);

    const res = await createGroups(server, s.sessionId, { count: 2, names: ['Noord'] }, s.token);
    expect(res.status).toBe(201);
    expect(res.body.groups.map((g) => g.name)).toEqual(['Noord', 'Groep 2']);
    const board = h.client(server.wsUrl, boardRoomName(s.sessionId, res.body.groups[0]!.boardId), s.token);
    await board.synced;
    expect(readMethods(board.doc).actors).toEqual([]);

    expect((await createGroups(server, s.sessionId, { count: 23 }, s.token)).status).toBe(400);
    expect((await createGroups(server, s.sessionId, { count: 22 }, s.token)).status).toBe(201);
  });
});

describe('participants choosing a group', () => {
  it("only in 'choose' mode, only an existing group, and the choice lands in the session doc", async () => {
    const server = await h.server();
    const s = await meeting(server, 'krachtenveld', ['Ana', 'Bram']);
    const [ana, bram] = s.participants as [JoinResponse, JoinResponse];
    const { groups } = (await createGroups(server, s.sessionId, { count: 2 }, s.token)).body;
    const [g1, g2] = groups as [GroupRecord, GroupRecord];

    // The facilitator assigns (the default): choosing is refused.
    expect((await choose(server, s.sessionId, g1.id, ana.token)).status).toBe(403);

    const session = h.client(server.wsUrl, sessionRoomName(s.sessionId), s.token);
    await session.synced;
    setGroupMode(session.doc, 'choose');
    await waitFor(() => readGroups(session.doc).mode === 'choose', 'mode set');
    const watcher = h.client(server.wsUrl, sessionRoomName(s.sessionId), bram.token);
    await waitFor(() => readGroups(watcher.doc).mode === 'choose', 'the server has the mode');

    const ok = await choose(server, s.sessionId, g2.id, ana.token);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ groupId: g2.id });
    await waitFor(() => readGroups(watcher.doc).members[ana.participantId] === g2.id, 'everyone sees the choice');

    // Switching while choosing is allowed; an unknown group is not.
    expect((await choose(server, s.sessionId, g1.id, ana.token)).status).toBe(200);
    expect((await choose(server, s.sessionId, 'nope', bram.token)).status).toBe(404);
    // Only participants choose (the facilitator assigns in the doc).
    expect((await choose(server, s.sessionId, g1.id, s.token)).status).toBe(403);
    await waitFor(() => readGroups(watcher.doc).members[ana.participantId] === g1.id, 'switched');
    expect(readGroups(watcher.doc).members[bram.participantId]).toBeUndefined();

    // Back to assigning: choosing is closed again.
    setGroupMode(session.doc, 'hand');
    await waitFor(() => readGroups(watcher.doc).mode === 'hand', 'closed');
    expect((await choose(server, s.sessionId, g2.id, bram.token)).status).toBe(403);
  });
});
