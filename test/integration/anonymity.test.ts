/**
 * Anonymous means anonymous (issue 10), against the real server and real SQLite: named
 * participants put secret dots and anonymous grades and quotes (one signs his quote);
 * then nothing that leaves the server links a person to a grade, quote or vote: not the
 * vote and evaluation API (as facilitator and as participant), the session JSON export,
 * the verslag in every format, the actors CSV/XLSX, nor the log. The totals and the
 * distribution stay right, and an import of the export (and of an old version 1 file,
 * which still named the persons) restores the same totals and distribution.
 */
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createVeldwerkServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import type { SessionFile, SessionFileV1 } from '../../shared/io/sessionFile.ts';
import { addActor } from '../../shared/model/board/actors.ts';
import { Origin } from '../../shared/model/doc.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, parseRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { docxParts, pdfText } from '../helpers/readBack.ts';
import { api, tempDir, type TestServer } from '../helpers/server.ts';

const h = useHarness();

const NAMES = ['Annabel Zwart', 'Bram Okafor', 'Cas Vermeulen', 'Dirk de Wit'] as const;
const SIGNER = 'Cas Vermeulen';
const SIGNED_QUOTE = 'Mooie werkvorm';
// Each person's dots on the plenary's tips (secret) and grade and quote (anonymous unless signed).
const BALLOTS: { votes: Record<string, number>; grade: number; quote: string; anonymous: boolean }[] = [
  { votes: { note1abc: 2, note2abc: 1 }, grade: 8, quote: 'Zeer leerzaam', anonymous: true },
  { votes: { note2abc: 3 }, grade: 6, quote: 'Te kort', anonymous: true },
  { votes: { note1abc: 1 }, grade: 9, quote: SIGNED_QUOTE, anonymous: false },
  { votes: {}, grade: 7, quote: '', anonymous: true },
];
const TOTALS = { totals: { note1abc: 3, note2abc: 4 }, voters: 3 };
const SUMMARY = {
  n: 4,
  mean: 7.5,
  min: 6,
  max: 9,
  distribution: [0, 0, 0, 0, 0, 1, 1, 1, 1, 0],
  // Sorted by text: not the order in which they were given.
  quotes: [
    { text: SIGNED_QUOTE, name: SIGNER },
    { text: 'Te kort', name: null },
    { text: 'Zeer leerzaam', name: null },
  ],
};

/** The real server with its log captured (every level) instead of discarded. */
async function serverWithLog(): Promise<{ server: TestServer; log: () => string }> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const dataDir = tempDir();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'trace', NODE_ENV: 'test' });
  const server = await createVeldwerkServer(config, pino({ level: 'trace' }, sink));
  const port = await server.listen();
  return {
    server: {
      url: `http://127.0.0.1:${port}`,
      wsUrl: `ws://127.0.0.1:${port}/sync`,
      port,
      dataDir,
      server,
      close: () => server.close(),
    },
    log: () => lines.join(''),
  };
}

async function download(server: TestServer, path: string, token: string): Promise<Buffer> {
  const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  expect([path, res.status]).toEqual([path, 200]);
  return Buffer.from(await res.arrayBuffer());
}

/** Every text file inside a zip (DOCX, XLSX), joined. */
async function zipText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
      .map((f) => f.async('string')),
  );
  return parts.join('\n');
}

/** A session with four named participants who voted and graded. */
async function meeting(server: TestServer) {
  const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', {
    title: 'Wijkaanpak Noord',
    facilitatorName: 'Fenna Begeleider',
    template: 'krachtenveld',
  });
  expect(created.status).toBe(201);
  const s = created.body;
  const people: JoinResponse[] = [];
  for (const name of NAMES) {
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', { joinCode: s.joinCode, name });
    expect(joined.status).toBe(201);
    people.push(joined.body);
  }
  const change = (room: string, fn: Parameters<TestServer['server']['registry']['change']>[1]) =>
    server.server.registry.change(parseRoomName(room)!, fn);
  await change(sessionRoomName(s.sessionId), (doc) =>
    openVoteRound(
      doc,
      { id: 'tips', title: 'Beste tips', boardId: PLENARY_BOARD_ID, votesPerPerson: 3, createdAt: 5 },
      Origin.server,
    ),
  );
  await change(boardRoomName(s.sessionId, PLENARY_BOARD_ID), (doc) => {
    addActor(doc, { name: 'Huisartsen', organisation: 'HAG Noord', category: 'uitvoerder' }, Origin.server);
  });
  for (const [i, ballot] of BALLOTS.entries()) {
    const token = people[i]!.token;
    for (const [targetId, count] of Object.entries(ballot.votes)) {
      const r = await api(server.url, 'PUT', `/api/sessions/${s.sessionId}/votes/tips`, { targetId, count }, token);
      expect(r.status).toBe(200);
    }
    const { grade, quote, anonymous } = ballot;
    const r = await api(
      server.url,
      'PUT',
      `/api/sessions/${s.sessionId}/evaluation`,
      { grade, quote, anonymous },
      token,
    );
    expect(r.status).toBe(200);
  }
  return { s, people };
}

/** No participant id anywhere in `text`. */
function expectNoIds(what: string, text: string, people: readonly JoinResponse[]) {
  for (const p of people) expect([what, text.includes(p.participantId)], p.participantId).toEqual([what, false]);
}

/**
 * No participant's name in `text`, except the signer's right beside his own quote: every
 * occurrence of his name lies within `near` characters of the quote he signed.
 */
function expectNoNames(what: string, text: string, near = 200) {
  for (const name of NAMES) {
    if (name !== SIGNER) {
      expect([what, name, text.includes(name)]).toEqual([what, name, false]);
      continue;
    }
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const around = text.slice(Math.max(0, i - near), i + name.length + near);
      expect([what, around.includes(SIGNED_QUOTE)], around).toEqual([what, true]);
    }
  }
}

describe('anonymous means anonymous', () => {
  it('no answer, export, verslag, actors file or log links a person to a grade, quote or vote', async () => {
    const { server, log } = await serverWithLog();
    try {
      const { s, people } = await meeting(server);
      const base = `/api/sessions/${s.sessionId}`;

      // The vote API: the facilitator gets totals and a voter count; each participant their own dots.
      const tally = await api<typeof TOTALS>(server.url, 'GET', `${base}/votes/tips`, undefined, s.facilitatorToken);
      expect(tally.body).toEqual(TOTALS);
      const answers: [string, unknown][] = [['facilitator GET votes', tally.body]];
      for (const [i, p] of people.entries()) {
        const mine = await api<{ votes: Record<string, number> }>(
          server.url,
          'GET',
          `${base}/votes/tips`,
          undefined,
          p.token,
        );
        expect(mine.body.votes).toEqual(BALLOTS[i]!.votes);
        answers.push([`participant ${i} GET votes`, mine.body]);
        const ev = await api<{ mine: { grade: number } }>(server.url, 'GET', `${base}/evaluation`, undefined, p.token);
        expect(ev.body.mine.grade).toBe(BALLOTS[i]!.grade);
        answers.push([`participant ${i} GET evaluation`, ev.body]);
      }
      const summary = await api(server.url, 'GET', `${base}/evaluation`, undefined, s.facilitatorToken);
      expect(summary.body).toEqual(SUMMARY);
      answers.push(['facilitator GET evaluation', summary.body]);
      const revealed = await api(server.url, 'POST', `${base}/votes/tips/reveal`, undefined, s.facilitatorToken);
      expect(revealed.body).toMatchObject(TOTALS);
      answers.push(['reveal', revealed.body]);
      const shown = await api(server.url, 'POST', `${base}/evaluation/show`, undefined, s.facilitatorToken);
      expect(shown.body).toMatchObject(SUMMARY);
      answers.push(['show evaluation', shown.body]);
      for (const [what, body] of answers) {
        const text = JSON.stringify(body);
        expectNoIds(what, text, people);
        expectNoNames(what, text, 60);
      }

      // The session JSON: identities only in the participants list, never beside a result.
      const fileText = (await download(server, `${base}/export?history=1`, s.facilitatorToken)).toString('utf8');
      const file = JSON.parse(fileText) as SessionFile;
      expect(file.version).toBe(2);
      expect(file.participants.map((p) => p.name)).toEqual(expect.arrayContaining([...NAMES]));
      expect(file.results).toEqual({
        grades: [6, 7, 8, 9],
        quotes: SUMMARY.quotes,
        votes: [{ roundId: 'tips', ...TOTALS }],
      });
      const { participants: _list, docs, history, ...rest } = file;
      expectNoIds('export', JSON.stringify(rest), people);
      expectNoNames('export', JSON.stringify(rest), 60);
      // The docs' states (and their history) are Yjs binaries with UTF-8 strings: read them as text.
      for (const state of [...Object.values(docs), ...(history ?? []).map((x) => x.state)]) {
        const bytes = Buffer.from(state, 'base64').toString('latin1');
        expectNoIds('export doc state', bytes, people);
        for (const name of NAMES.filter((n) => n !== SIGNER)) expect(bytes.includes(name)).toBe(false);
      }

      // The verslag in every format.
      const report = (format: string) => download(server, `${base}/report?format=${format}`, s.facilitatorToken);
      const texts: [string, string][] = [
        ['md', (await report('md')).toString('utf8')],
        ['html', (await report('html')).toString('utf8')],
        ['docx', (await docxParts(await report('docx'))).documentXml],
        ['pdf', await pdfText(await report('pdf'))],
      ];
      for (const [format, text] of texts) {
        expect([format, text.includes('Zeer leerzaam'), text.includes('Te kort')]).toEqual([format, true, true]);
        expectNoIds(`verslag ${format}`, text, people);
        expectNoNames(`verslag ${format}`, text);
      }
      const md = texts[0]![1];
      expect(md).toContain('7,5');
      expect(md.indexOf(SIGNED_QUOTE)).toBeLessThan(md.indexOf('Te kort'));
      expect(md.indexOf('Te kort')).toBeLessThan(md.indexOf('Zeer leerzaam'));

      // The actors' files.
      const actors = (format: string) =>
        download(server, `${base}/boards/${PLENARY_BOARD_ID}/actors?format=${format}`, s.facilitatorToken);
      const csv = (await actors('csv')).toString('utf8');
      expect(csv).toContain('Huisartsen');
      const xlsx = await zipText(await actors('xlsx'));
      expect(xlsx).toContain('Huisartsen');
      for (const [what, text] of [
        ['csv', csv],
        ['xlsx', xlsx],
      ] as const) {
        expectNoIds(what, text, people);
        expectNoNames(what, text);
      }

      // The log of all of it, at every level: no participant's name.
      const logged = log();
      expect(logged.length).toBeGreaterThan(0);
      for (const name of NAMES) expect(logged.includes(name)).toBe(false);

      // Import into a fresh server: the same totals and distribution, linked to nobody.
      const b = await h.server();
      const imported = await api<CreateSessionResponse>(b.url, 'POST', '/api/sessions/import', file);
      expect(imported.status).toBe(201);
      const nb = `/api/sessions/${imported.body.sessionId}`;
      const token = imported.body.facilitatorToken;
      expect((await api(b.url, 'GET', `${nb}/evaluation`, undefined, token)).body).toEqual(SUMMARY);
      expect((await api(b.url, 'GET', `${nb}/votes/tips`, undefined, token)).body).toEqual(TOTALS);
      expect(await b.server.store.sessions.listEvaluations(imported.body.sessionId)).toEqual([]);
      expect(await b.server.store.sessions.listVotes(imported.body.sessionId, 'tips')).toEqual([]);
      const again = JSON.parse((await download(b, `${nb}/export`, token)).toString('utf8')) as SessionFile;
      expect(again.results).toEqual(file.results);
      // The round goes on after the import: a new voter adds to the imported totals.
      const eva = await api<JoinResponse>(b.url, 'POST', '/api/join', {
        joinCode: imported.body.joinCode,
        name: 'Eva',
      });
      await api(b.url, 'PUT', `${nb}/votes/tips`, { targetId: 'note1abc', count: 2 }, eva.body.token);
      expect((await api(b.url, 'GET', `${nb}/votes/tips`, undefined, token)).body).toEqual({
        totals: { note1abc: 5, note2abc: 4 },
        voters: 4,
      });
    } finally {
      await server.close();
    }
  });

  it('an old (version 1) file that named the persons imports with the same totals, and without them', async () => {
    const { server } = await serverWithLog();
    try {
      const { s, people } = await meeting(server);
      const file = JSON.parse(
        (await download(server, `/api/sessions/${s.sessionId}/export`, s.facilitatorToken)).toString('utf8'),
      ) as SessionFile;
      // The same meeting as version 1 wrote it: each grade and dot with its person's id.
      const { results: _results, ...common } = file;
      const old: SessionFileV1 = {
        ...common,
        version: 1,
        evaluations: BALLOTS.map((b, i) => ({
          participantId: people[i]!.participantId,
          grade: b.grade,
          quote: b.quote,
          anonymous: b.anonymous,
          createdAt: i,
        })),
        votes: BALLOTS.flatMap((b, i) =>
          Object.entries(b.votes).map(([targetId, count]) => ({
            roundId: 'tips',
            participantId: people[i]!.participantId,
            targetId,
            count,
          })),
        ),
      };
      const b = await h.server();
      const imported = await api<CreateSessionResponse>(b.url, 'POST', '/api/sessions/import', old);
      expect(imported.status).toBe(201);
      const sid = imported.body.sessionId;
      const token = imported.body.facilitatorToken;
      expect((await api(b.url, 'GET', `/api/sessions/${sid}/evaluation`, undefined, token)).body).toEqual(SUMMARY);
      expect((await api(b.url, 'GET', `/api/sessions/${sid}/votes/tips`, undefined, token)).body).toEqual(TOTALS);
      // The identities are gone: nothing in the store links them, the new export has none.
      expect(await b.server.store.sessions.listEvaluations(sid)).toEqual([]);
      expect(await b.server.store.sessions.listVotes(sid, 'tips')).toEqual([]);
      const again = JSON.parse(
        (await download(b, `/api/sessions/${sid}/export`, token)).toString('utf8'),
      ) as SessionFile;
      expect(again.version).toBe(2);
      expect(again.results).toEqual(file.results);
      const { participants: _p, docs: _d, ...rest } = again;
      expectNoIds('export after a version 1 import', JSON.stringify(rest), people);
      expectNoNames('export after a version 1 import', JSON.stringify(rest), 60);
    } finally {
      await server.close();
    }
  });
});
