/**
 * The REST contract holds at run time (issue 16): every main route of a real server,
 * called as the app calls it, answers exactly its response schema of shared/api.ts, the
 * schema the client parses it with. An answer with a field missing, of another type or
 * with a field the schema does not know fails here (the compiler checks the server's
 * side through `send`, this checks what goes over the wire).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  ApiError,
  type CreateSessionRequest,
  ChooseGroupResponse,
  CreateSessionResponse,
  EvaluationSummary,
  GroupsResponse,
  ImportPreview,
  ImportResult,
  JoinResponse,
  JoinState,
  MyEvaluation,
  MyEvaluationAnswer,
  MyVotes,
  Participant,
  RemoveParticipantResponse,
  SessionInfo,
  SharedEvaluation,
  SnapshotContent,
  SnapshotList,
  SnapshotsTaken,
  TimeResponse,
  VoteResults,
  VoteTally,
} from '../../shared/api.ts';
import { setGroupMode } from '../../shared/model/meeting/groups.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

/**
 * Calls a route and checks its answer: the status, and a body that the schema takes
 * as it is (parsing drops unknown fields, so the parsed body must equal the sent one).
 */
async function call<S extends z.ZodType>(
  server: TestServer,
  schema: S,
  expected: { method: string; path: string; status: number; body?: unknown; token?: string },
): Promise<z.infer<S>> {
  const res = await api<unknown>(server.url, expected.method, expected.path, expected.body, expected.token);
  const label = `${expected.method} ${expected.path}`;
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(expected.status);
  const parsed = schema.safeParse(res.body);
  expect(parsed.error?.issues, label).toBeUndefined();
  expect(parsed.data, `${label} answers fields its schema does not have`).toEqual(res.body);
  return parsed.data as z.infer<S>;
}

/** The same for a raw upload (the actors' import takes the file itself as its body). */
async function upload<S extends z.ZodType>(
  server: TestServer,
  schema: S,
  path: string,
  csv: string,
  token: string,
  status: number,
): Promise<z.infer<S>> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues, path).toBeUndefined();
  expect(parsed.data).toEqual(body);
  return parsed.data as z.infer<S>;
}

/** Creates a session through the route under test; `join` joins one person through theirs. */
async function newSession(server: TestServer, body: CreateSessionRequest) {
  const s = await call(server, CreateSessionResponse, { method: 'POST', path: '/api/sessions', status: 201, body });
  const join = (name: string) =>
    call(server, JoinResponse, {
      method: 'POST',
      path: '/api/join',
      status: 201,
      body: { joinCode: s.joinCode, name },
    });
  return { ...s, base: `/api/sessions/${s.sessionId}`, join };
}

describe('every route answers its shared schema', () => {
  it('sessions, joining, participants, snapshots, copy and errors', async () => {
    const server = await h.server();
    await call(server, TimeResponse, { method: 'GET', path: '/api/time', status: 200 });
    const s = await newSession(server, { title: 'Gezonde wijk', facilitatorName: 'Fee', template: 'krachtenveld' });
    const { base, facilitatorToken: fac } = s;
    const ana = await s.join('Ana');
    const bram = await s.join('Bram');

    const info = await call(server, SessionInfo, { method: 'GET', path: base, status: 200, token: fac });
    expect(info.participants?.map((p) => p.name)).toEqual(expect.arrayContaining(['Fee', 'Ana', 'Bram']));
    await call(server, SessionInfo, { method: 'GET', path: base, status: 200, token: ana.token });

    await call(server, JoinState, { method: 'GET', path: `${base}/joining`, status: 200, token: fac });
    const closed = await call(server, JoinState, {
      method: 'PUT',
      path: `${base}/joining`,
      status: 200,
      body: { open: false },
      token: fac,
    });
    expect(closed.joinOpen).toBe(false);
    await call(server, JoinState, {
      method: 'PUT',
      path: `${base}/joining`,
      body: { open: true },
      status: 200,
      token: fac,
    });
    await call(server, JoinState, { method: 'POST', path: `${base}/joining/code`, status: 200, token: fac });

    const renamed = await call(server, Participant, {
      method: 'PATCH',
      path: `${base}/participants/${ana.participantId}`,
      status: 200,
      body: { name: 'Anna' },
      token: fac,
    });
    expect(renamed).toEqual({ id: ana.participantId, name: 'Anna', role: 'participant' });
    await call(server, RemoveParticipantResponse, {
      method: 'DELETE',
      path: `${base}/participants/${bram.participantId}?anonymise=true&rejoin=false`,
      status: 200,
      token: fac,
    });

    const taken = await call(server, SnapshotsTaken, {
      method: 'POST',
      path: `${base}/snapshots`,
      status: 201,
      token: fac,
    });
    expect(taken.taken).toBeGreaterThan(0);
    const list = await call(server, SnapshotList, {
      method: 'GET',
      path: `${base}/snapshots`,
      status: 200,
      token: fac,
    });
    await call(server, SnapshotContent, {
      method: 'GET',
      path: `${base}/snapshots/${list.snapshots[0]!.id}?format=json`,
      status: 200,
      token: fac,
    });

    await call(server, CreateSessionResponse, {
      method: 'POST',
      path: `${base}/copy`,
      status: 201,
      body: { mode: 'followUp' },
      token: fac,
    });

    // Refusals have one shape too.
    await call(server, ApiError, { method: 'GET', path: base, status: 401 });
    await call(server, ApiError, { method: 'POST', path: '/api/join', status: 400, body: { joinCode: 'x' } });
    await call(server, ApiError, { method: 'GET', path: '/api/nothing-here', status: 404 });
  });

  it('groups, votes and the evaluation', async () => {
    const server = await h.server();
    const s = await newSession(server, { title: 'Wijk', template: 'krachtenveld' });
    const { base, facilitatorToken: fac } = s;
    const ana = await s.join('Ana');

    const { groups } = await call(server, GroupsResponse, {
      method: 'POST',
      path: `${base}/groups`,
      status: 201,
      body: { count: 2 },
      token: fac,
    });
    expect(groups).toHaveLength(2);
    const facDoc = h.client(server.wsUrl, sessionRoomName(s.sessionId), fac);
    const anaDoc = h.client(server.wsUrl, sessionRoomName(s.sessionId), ana.token);
    await Promise.all([facDoc.synced, anaDoc.synced]);
    setGroupMode(facDoc.doc, 'choose');
    openVoteRound(facDoc.doc, {
      id: 'tips',
      title: 'Tips',
      boardId: PLENARY_BOARD_ID,
      votesPerPerson: 3,
      createdAt: 1,
    });
    await waitFor(() => anaDoc.doc.getMap('voteRounds').size === 1, 'the round reaches the server and Ana');
    await waitFor(() => anaDoc.doc.getMap('groupSettings').get('mode') === 'choose', 'choosing is open');
    await call(server, ChooseGroupResponse, {
      method: 'POST',
      path: `${base}/groups/choose`,
      status: 200,
      body: { groupId: groups[1]!.id },
      token: ana.token,
    });

    const votes = `${base}/votes/tips`;
    const mine = await call(server, MyVotes, {
      method: 'PUT',
      path: votes,
      status: 200,
      body: { targetId: 'note1', count: 2 },
      token: ana.token,
    });
    expect(mine).toEqual({ votes: { note1: 2 }, used: 2, left: 1 });
    await call(server, MyVotes, { method: 'GET', path: votes, status: 200, token: ana.token });
    await call(server, VoteTally, { method: 'GET', path: votes, status: 200, token: fac });
    await call(server, VoteResults, { method: 'POST', path: `${votes}/reveal`, status: 200, token: fac });

    const evaluation = `${base}/evaluation`;
    await call(server, MyEvaluationAnswer, { method: 'GET', path: evaluation, status: 200, token: ana.token });
    await call(server, MyEvaluation, {
      method: 'PUT',
      path: evaluation,
      status: 200,
      body: { grade: 8, quote: 'Goed gesprek' },
      token: ana.token,
    });
    const answer = await call(server, MyEvaluationAnswer, {
      method: 'GET',
      path: evaluation,
      status: 200,
      token: ana.token,
    });
    expect(answer.mine).toEqual({ grade: 8, quote: 'Goed gesprek', anonymous: true });
    await call(server, EvaluationSummary, { method: 'GET', path: evaluation, status: 200, token: fac });
    await call(server, SharedEvaluation, { method: 'POST', path: `${evaluation}/show`, status: 200, token: fac });
  });

  it('the actors import and the session file', async () => {
    const server = await h.server();
    const { base, facilitatorToken } = await newSession(server, { title: 'Wijk' });
    const csv = 'Naam,Organisatie\nGGD,Gemeente\n,Zonder naam\n';
    const importPath = `${base}/boards/${PLENARY_BOARD_ID}/actors/import`;
    await upload(server, ImportPreview, `${importPath}?step=preview`, csv, facilitatorToken, 200);
    const result = await upload(server, ImportResult, `${importPath}?step=commit`, csv, facilitatorToken, 201);
    expect(result.imported).toBe(1);

    const exported = await api<unknown>(server.url, 'GET', `${base}/export`, undefined, facilitatorToken);
    expect(exported.status).toBe(200);
    await call(server, CreateSessionResponse, {
      method: 'POST',
      path: '/api/sessions/import',
      status: 201,
      body: exported.body,
    });
  });
});
