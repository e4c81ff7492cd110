/**
 * Names are clean (issue 10) through the real server and real SQLite: join, rename,
 * create, groups and the session file's import store the clean form of a name or title
 * (shared/names.ts), read back through the API and the session doc.
 */
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinResponse, SessionInfo } from '../../shared/api.ts';
import type { SessionFile } from '../../shared/io/sessionFile.ts';
import { readGroups } from '../../shared/model/meeting/groups.ts';
import { readSession } from '../../shared/model/sessionDoc.ts';
import { sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

const FAMILY = '👨\u200D👩\u200D👧';

async function info(server: TestServer, sessionId: string, token: string) {
  const res = await api<SessionInfo>(server.url, 'GET', `/api/sessions/${sessionId}`, undefined, token);
  expect(res.status).toBe(200);
  return res.body;
}

async function join(server: TestServer, joinCode: string, name: string) {
  return api<JoinResponse>(server.url, 'POST', '/api/join', { joinCode, name });
}

describe('names and titles are stored clean', () => {
  it('create, join and rename store the clean form; what is invisible or too long is refused', async () => {
    const server = await h.server();
    const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', {
      title: ' Gezonde\u0000 wijk\u202E\t\tNoord\u2069 ',
      facilitatorName: 'Jo\u0308rg\u001B[31m\u200F',
      template: 'krachtenveld',
    });
    expect(created.status).toBe(201);
    const s = created.body;

    const cases: [string, string][] = [
      ['\u202EAnna\u0000 \u2066de\u2069  Vries\u001B', 'Anna de Vries'],
      [`Gijs ${FAMILY}`, `Gijs ${FAMILY}`],
      ['Re\u0301ne\u0301e\uFEFF\u00AD', 'R\u00E9n\u00E9e'], // composed to NFC, invisible ones gone
      ['😀'.repeat(60), '😀'.repeat(60)],
    ];
    const joined: JoinResponse[] = [];
    for (const [raw] of cases) {
      const r = await join(server, s.joinCode, raw);
      expect([raw, r.status]).toEqual([raw, 201]);
      joined.push(r.body);
    }
    // Nothing visible, or one code point too many: refused, nothing stored.
    for (const raw of ['\u200B\u202E\u0000 \u3164', '😀'.repeat(61), 'x'.repeat(61)]) {
      const r = await join(server, s.joinCode, raw);
      expect([raw.slice(0, 10), r.status]).toEqual([raw.slice(0, 10), 400]);
    }

    const me = await info(server, s.sessionId, s.facilitatorToken);
    expect(me.title).toBe('Gezonde wijk Noord');
    expect(me.you.name).toBe('Jörg[31m');
    const byId = new Map(me.participants!.map((p) => [p.id, p.name]));
    for (const [i, [, clean]] of cases.entries()) expect(byId.get(joined[i]!.participantId)).toBe(clean);
    expect(me.participants!.filter((p) => p.role === 'participant')).toHaveLength(cases.length);
    for (const p of me.participants!) {
      expect(p.name).toBe(p.name.normalize('NFC'));
      // eslint-disable-next-line no-control-regex -- looking for control characters is the point
      expect(p.name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/);
    }

    // Rename by the facilitator.
    const anna = joined[0]!.participantId;
    const renamed = await api<{ name: string }>(
      server.url,
      'PATCH',
      `/api/sessions/${s.sessionId}/participants/${anna}`,
      { name: 'Bram\u0000\u001B \u202Ede   Wit\n' },
      s.facilitatorToken,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Bram de Wit');
    expect((await info(server, s.sessionId, joined[0]!.token)).you.name).toBe('Bram de Wit');
    const invisible = await api(
      server.url,
      'PATCH',
      `/api/sessions/${s.sessionId}/participants/${anna}`,
      { name: '\u202E\u0000' },
      s.facilitatorToken,
    );
    expect(invisible.status).toBe(400);
    expect((await info(server, s.sessionId, joined[0]!.token)).you.name).toBe('Bram de Wit');

    // Group names (and their boards' titles) through the API.
    const groups = await api<{ groups: { name: string; boardId: string }[] }>(
      server.url,
      'POST',
      `/api/sessions/${s.sessionId}/groups`,
      { count: 2, names: ['Groep\u0000 Noord\u202E', ` ${FAMILY}\u200F  Zuid `] },
      s.facilitatorToken,
    );
    expect(groups.status).toBe(201);
    expect(groups.body.groups.map((g) => g.name)).toEqual(['Groep Noord', `${FAMILY} Zuid`]);

    // The session doc, as every client reads it.
    const client = h.client(server.wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
    await client.synced;
    await waitFor(() => readGroups(client.doc).groups.length === 2, 'groups in the session doc');
    const doc = readSession(client.doc);
    expect(doc.title).toBe('Gezonde wijk Noord');
    const titles = doc.boards.filter((b) => b.kind === 'group').map((b) => b.title);
    expect(titles.sort()).toEqual(['Groep Noord', `${FAMILY} Zuid`].sort());
  });

  it('the session file import cleans the names and titles it brings', async () => {
    const server = await h.server();
    const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', { title: 'Wijk West' });
    const s = created.body;
    expect((await join(server, s.joinCode, 'Eva')).status).toBe(201);
    const res = await fetch(`${server.url}/api/sessions/${s.sessionId}/export`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    const file = (await res.json()) as SessionFile;
    // A file edited by hand (or by another tool): control and bidi characters in names and title.
    file.session.title = 'Wijk\u001B[2J West\u202E';
    for (const p of file.participants) {
      if (p.name === 'Eva') p.name = '\u202EEva\u0000  Smit\u2066';
      if (p.role === 'facilitator') p.name = '\u0000\u200B'; // nothing visible: the default name
    }
    const imported = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions/import', file);
    expect(imported.status).toBe(201);
    const me = await info(server, imported.body.sessionId, imported.body.facilitatorToken);
    expect(me.title).toBe('Wijk[2J West');
    expect(me.you.name).toBe('Procesbegeleider');
    expect(me.participants!.map((p) => p.name)).toContain('Eva Smit');
  });
});
