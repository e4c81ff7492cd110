/**
 * Joining under control (issue 11): the facilitator closes and reopens joining, changes
 * the code (the old code and its links stop at once), a code expires JOIN_CODE_TTL_DAYS
 * after the session's last activity, and removing someone with "may not rejoin" changes
 * the code so they cannot come back with it. Real server, real SQLite.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ApiError, JoinResponse, JoinState, RemoveParticipantResponse, SessionInfo } from '../../shared/api.ts';
import { sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, createSessionWith, type TestServer } from '../helpers/server.ts';

const DAY = 24 * 3600 * 1000;

const join = (server: TestServer, joinCode: string, name: string) =>
  api<JoinResponse & ApiError>(server.url, 'POST', '/api/join', { joinCode, name });

const joining = (server: TestServer, sessionId: string, token: string) =>
  api<JoinState & ApiError>(server.url, 'GET', `/api/sessions/${sessionId}/joining`, undefined, token);

const setOpen = (server: TestServer, sessionId: string, token: string, open: boolean) =>
  api<JoinState & ApiError>(server.url, 'PUT', `/api/sessions/${sessionId}/joining`, { open }, token);

const rotate = (server: TestServer, sessionId: string, token: string) =>
  api<JoinState & ApiError>(server.url, 'POST', `/api/sessions/${sessionId}/joining/code`, undefined, token);

describe('joining under control', () => {
  const h = useHarness();

  it('closed joining refuses the code with a clear answer; people already in keep working; reopening accepts it', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijkoverleg', ['Ana']);
    const ana = s.participants[0]!;

    const closed = await setOpen(server, s.sessionId, s.facilitatorToken, false);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ joinCode: s.joinCode, joinOpen: false });

    const refused = await join(server, s.joinCode, 'Bram');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('joining_closed');
    expect(refused.body.error.message).toMatch(/closed/i);

    // Ana, already in, still gets in: her token works for the API and the sync.
    const anaInfo = await api<SessionInfo>(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, ana.token);
    expect(anaInfo.status).toBe(200);
    const c = h.client(server.wsUrl, sessionRoomName(s.sessionId), ana.token);
    await c.synced;

    const info = await api<SessionInfo>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}`,
      undefined,
      s.facilitatorToken,
    );
    expect(info.body.joinOpen).toBe(false);

    expect((await setOpen(server, s.sessionId, s.facilitatorToken, true)).body.joinOpen).toBe(true);
    const accepted = await join(server, s.joinCode, 'Bram');
    expect(accepted.status).toBe(201);
    expect(accepted.body.sessionId).toBe(s.sessionId);
  });

  it('a new code: the old code and the old join link are refused as unknown, the new one works', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijkoverleg');
    const rotated = await rotate(server, s.sessionId, s.facilitatorToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.joinCode).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    expect(rotated.body.joinCode).not.toBe(s.joinCode);
    expect(rotated.body.joinUrl).toBe(`${server.url}/join/${rotated.body.joinCode.replace('-', '')}`);
    expect(rotated.body.joinOpen).toBe(true);

    const old = await join(server, s.joinCode, 'Ana');
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('unknown_join_code');
    // The old link's code, as the join page takes it from /join/<code>.
    const oldLinkCode = new URL(s.joinUrl).pathname.split('/').pop()!;
    expect((await join(server, oldLinkCode, 'Ana')).status).toBe(404);

    expect((await join(server, rotated.body.joinCode, 'Ana')).status).toBe(201);
    // The session info shows the new code and link too.
    const info = await api<SessionInfo>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}`,
      undefined,
      s.facilitatorToken,
    );
    expect(info.body).toMatchObject({ joinCode: rotated.body.joinCode, joinUrl: rotated.body.joinUrl });
  });

  it('a code expires JOIN_CODE_TTL_DAYS after the last activity; a new code works again', async () => {
    const first = await h.server();
    const s = await createSessionWith(first.url, 'Oude bijeenkomst', ['Ana']);
    const fresh = await joining(first, s.sessionId, s.facilitatorToken);
    // Default 14 days after the last activity (Ana joining just now).
    expect(fresh.body.joinCodeExpiresAt).toBeGreaterThan(Date.now() + 13.9 * DAY);
    expect(fresh.body.joinCodeExpiresAt).toBeLessThanOrEqual(Date.now() + 14 * DAY);
    await h.stop(first);

    // Everything the session did moves three days back.
    const db = new Database(path.join(first.dataDir, 'veldwerk.db'));
    const back = 3 * DAY;
    db.prepare('UPDATE sessions SET created_at = created_at - ?, join_code_at = join_code_at - ? WHERE id = ?').run(
      back,
      back,
      s.sessionId,
    );
    db.prepare('UPDATE participants SET created_at = created_at - ? WHERE session_id = ?').run(back, s.sessionId);
    db.prepare('UPDATE snapshots SET created_at = created_at - ? WHERE session_id = ?').run(back, s.sessionId);
    db.close();

    const second = await h.server({ dataDir: first.dataDir, env: { JOIN_CODE_TTL_DAYS: '2' } });
    const expired = await join(second, s.joinCode, 'Bram');
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('join_code_expired');
    expect(expired.body.error.message).toMatch(/new code/);
    const state = await joining(second, s.sessionId, s.facilitatorToken);
    expect(state.body.joinCodeExpiresAt).toBeLessThan(Date.now());
    expect(state.body.joinCodeExpiresAt).toBeGreaterThan(Date.now() - 1.1 * DAY);

    const rotated = await rotate(second, s.sessionId, s.facilitatorToken);
    expect(rotated.body.joinCodeExpiresAt).toBeGreaterThan(Date.now() + 1.9 * DAY);
    expect((await join(second, rotated.body.joinCode, 'Bram')).status).toBe(201);
    expect((await join(second, s.joinCode, 'Cas')).status).toBe(404);
  });

  it('removal: "may rejoin" keeps the code; "may not rejoin" changes it, so the old code fails and the new one works', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijkoverleg', ['Ana', 'Bram', 'Cas']);
    const [ana, bram, cas] = s.participants as [JoinResponse, JoinResponse, JoinResponse];
    const remove = (pid: string, query: string) =>
      api<RemoveParticipantResponse>(
        server.url,
        'DELETE',
        `/api/sessions/${s.sessionId}/participants/${pid}${query}`,
        undefined,
        s.facilitatorToken,
      );

    // May rejoin: the token stops, the code stays.
    expect((await remove(ana.participantId, '')).status).toBe(204);
    expect((await api(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, ana.token)).status).not.toBe(200);
    expect((await join(server, s.joinCode, 'Ana')).status).toBe(201);

    // May not rejoin until the code is changed: the code changes with the removal.
    const removed = await remove(bram.participantId, '?rejoin=false');
    expect(removed.status).toBe(200);
    const newCode = removed.body.join.joinCode;
    expect(newCode).not.toBe(s.joinCode);
    expect((await api(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, bram.token)).status).toBe(404);
    const again = await join(server, s.joinCode, 'Bram');
    expect(again.status).toBe(404);
    expect((again.body as ApiError).error.code).toBe('unknown_join_code');
    // The others keep their place; new people use the new code.
    expect((await api(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, cas.token)).status).toBe(200);
    const dirk = await join(server, newCode, 'Dirk');
    expect(dirk.status).toBe(201);
    expect(dirk.body.sessionId).toBe(s.sessionId);
  });

  it('only the facilitator controls joining', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijkoverleg', ['Ana']);
    const ana = s.participants[0]!;
    for (const token of [ana.token, s.viewerToken]) {
      const calls = [
        await joining(server, s.sessionId, token),
        await setOpen(server, s.sessionId, token, false),
        await rotate(server, s.sessionId, token),
      ];
      for (const r of calls) {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('forbidden');
      }
    }
    // Nothing changed: the code still lets people in.
    expect((await join(server, s.joinCode, 'Bram')).status).toBe(201);
    // The participant's session info says nothing about joining.
    const info = await api<SessionInfo>(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, ana.token);
    expect(info.body.joinCode).toBeUndefined();
    expect(info.body.joinOpen).toBeUndefined();
    expect(info.body.joinCodeExpiresAt).toBeUndefined();
    // No token, or another session's facilitator: no.
    expect((await api(server.url, 'PUT', `/api/sessions/${s.sessionId}/joining`, { open: false })).status).toBe(401);
    const other = await createSessionWith(server.url, 'Ander overleg');
    expect((await rotate(server, s.sessionId, other.facilitatorToken)).status).toBe(403);
    // A body that is not `{open: boolean}` is refused.
    const bad = await api<ApiError>(
      server.url,
      'PUT',
      `/api/sessions/${s.sessionId}/joining`,
      { open: 'nee' },
      s.facilitatorToken,
    );
    expect(bad.status).toBe(400);
  });
});
