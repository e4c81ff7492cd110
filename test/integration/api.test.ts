import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiError, CreateSessionResponse, SessionInfo } from '../../shared/api.ts';
import { addItems, readBoard } from '../../shared/model/board/index.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { api, createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, waitFor } from '../helpers/yclient.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { PUBLIC_URL: 'https://veldwerk.example.nl' } });
});
afterAll(() => server.close());

describe('REST API', () => {
  it('creates a session with links, a typable join code and tokens', async () => {
    const res = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', {
      title: '  Gezonde wijk\u0000 ',
      facilitatorName: 'Fien',
    });
    expect(res.status).toBe(201);
    const b = res.body;
    expect(b.joinCode).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    expect(b.facilitatorUrl).toBe(`https://veldwerk.example.nl/s/${b.sessionId}#token=${b.facilitatorToken}`);
    expect(b.joinUrl).toBe(`https://veldwerk.example.nl/join/${b.joinCode.replace('-', '')}`);
    expect(b.viewerUrl).toMatch(new RegExp(`^https://veldwerk.example.nl/s/${b.sessionId}#token=`));
    const info = await api<SessionInfo>(
      server.url,
      'GET',
      `/api/sessions/${b.sessionId}`,
      undefined,
      b.facilitatorToken,
    );
    expect(info.body).toMatchObject({
      title: 'Gezonde wijk',
      joinCode: b.joinCode,
      you: { name: 'Fien', role: 'facilitator' },
    });
  });

  it('joins by code (any case, with or without dash) and shows participants to the facilitator only', async () => {
    const s = await createSessionWith(server.url, 'Wijk');
    const join = await api<{ token: string; sessionId: string }>(server.url, 'POST', '/api/join', {
      joinCode: s.joinCode.toLowerCase().replace('-', ' '),
      name: 'Anna <script>alert(1)</script>',
    });
    expect(join.status).toBe(201);
    expect(join.body.sessionId).toBe(s.sessionId);
    const mine = await api<SessionInfo>(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, join.body.token);
    expect(mine.body.you).toMatchObject({ role: 'participant', name: 'Anna <script>alert(1)</script>' });
    expect(mine.body.joinCode).toBeUndefined();
    expect(mine.body.participants).toBeUndefined();
    expect(mine.body.viewerUrl).toBeUndefined();
    const fac = await api<SessionInfo>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}`,
      undefined,
      s.facilitatorToken,
    );
    expect(fac.body.participants?.map((p) => p.role).sort()).toEqual(['facilitator', 'participant', 'viewer']);
  });

  it('answers bad requests with clear 4xx errors', async () => {
    const s = await createSessionWith(server.url, 'Wijk', ['Anna']);
    const other = await createSessionWith(server.url, 'Ander');
    const cases: [string, string, unknown, string | undefined, number, string][] = [
      ['POST', '/api/sessions', { title: '' }, undefined, 400, 'invalid_request'],
      ['POST', '/api/sessions', { title: 'x'.repeat(121) }, undefined, 400, 'invalid_request'],
      ['POST', '/api/sessions', '{not json', undefined, 400, 'invalid_json'],
      ['POST', '/api/join', { joinCode: 'ZZZ-ZZZ', name: 'Anna' }, undefined, 404, 'unknown_join_code'],
      ['POST', '/api/join', { joinCode: s.joinCode, name: '   ' }, undefined, 400, 'invalid_request'],
      ['GET', `/api/sessions/${s.sessionId}`, undefined, undefined, 401, 'unauthorized'],
      ['GET', `/api/sessions/${s.sessionId}`, undefined, 'forged.token', 401, 'unauthorized'],
      ['GET', `/api/sessions/${s.sessionId}`, undefined, other.facilitatorToken, 403, 'forbidden'],
      ['DELETE', `/api/sessions/${s.sessionId}`, undefined, s.participants[0]!.token, 403, 'forbidden'],
      ['DELETE', `/api/sessions/${s.sessionId}`, undefined, s.viewerToken, 403, 'forbidden'],
      ['GET', '/api/sessions/..%2F..%2Fetc', undefined, s.facilitatorToken, 404, 'not_found'],
      ['GET', '/api/nothing', undefined, undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, token, status, code] of cases) {
      const res = await api<ApiError>(server.url, method, path, body, token);
      expect([res.status, res.body.error?.code], `${method} ${path}`).toEqual([status, code]);
      expect(res.body.error.message.length).toBeGreaterThan(5);
    }
    const invalid = await api<ApiError>(server.url, 'POST', '/api/sessions', { title: 5 });
    expect(invalid.body.error.details).toEqual([{ field: 'title', message: expect.any(String) }]);
  });

  it('keeps history snapshots that the facilitator can list and fetch', async () => {
    const s = await createSessionWith(server.url, 'Historie', ['Anna']);
    const c = connectClient(server.wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), s.participants[0]!.token);
    await c.synced;
    // A participant's note carries her own name and id (the server's write rules).
    const anna = { author: 'Anna', authorId: s.participants[0]!.participantId };
    addItems(c.doc, [
      { id: 'n1', kind: 'note', x: 1, y: 2, w: 180, h: 120, text: 'Huisarts', color: '#fff3a3', ...anna },
    ]);
    await waitFor(() => server.server.metrics.updatesTotal > 0, 'stored');
    const taken = await api<{ taken: number; snapshots: { id: number; room: string }[] }>(
      server.url,
      'POST',
      `/api/sessions/${s.sessionId}/snapshots`,
      undefined,
      s.facilitatorToken,
    );
    expect(taken.status).toBe(201);
    expect(taken.body.taken).toBe(2); // the session doc and the board
    const boardSnap = taken.body.snapshots.find((x) => x.room.endsWith('/b/plenair'))!;
    const bin = await fetch(`${server.url}/api/sessions/${s.sessionId}/snapshots/${boardSnap.id}`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(await bin.arrayBuffer()));
    expect(readBoard(doc).byId.get('n1')).toMatchObject({ text: 'Huisarts' });
    const json = await api<{ content: { schemaVersion: number; items: { text: string }[] } }>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}/snapshots/${boardSnap.id}?format=json`,
      undefined,
      s.facilitatorToken,
    );
    expect(json.body.content.items.map((n) => n.text)).toEqual(['Huisarts']);
    expect(json.body.content.schemaVersion).toBe(2);
    const denied = await api(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}/snapshots`,
      undefined,
      s.participants[0]!.token,
    );
    expect(denied.status).toBe(403);
    c.destroy();
  });

  it('serves health and Prometheus metrics', async () => {
    const health = await api<{ status: string }>(server.url, 'GET', '/healthz');
    expect(health.body.status).toBe('ok');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const name of [
      'veldwerk_connections',
      'veldwerk_rooms_loaded',
      'veldwerk_updates_per_second',
      'veldwerk_store_write_seconds_count',
    ]) {
      expect(metrics).toContain(`# TYPE ${name.replace(/_count$/, '')}`);
    }
  });
});
