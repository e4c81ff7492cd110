import { describe, expect, it } from 'vitest';
import { runReport } from '../../server/cli/report.ts';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { addActor, addForce } from '../../shared/model/board/actors.ts';
import { createDoc, encodeDoc } from '../../shared/model/doc.ts';
import { addAnswer } from '../../shared/model/board/answers.ts';
import { assignMember, readGroups } from '../../shared/model/meeting/groups.ts';
import { setReportSettings } from '../../shared/model/meeting/reportSettings.ts';
import { openVoteRound, readVoteResults } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { xmlProblems } from '../helpers/xmlCheck.ts';
import { useHarness } from '../helpers/harness.ts';
import { docxParts, pdfText } from '../helpers/readBack.ts';
import { api, type TestServer } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();
const SCRIPT = '<script>alert("x")</script>';

/** A small real meeting: two groups with actors and answers, a revealed vote, three grades. */
async function meeting(server: TestServer) {
  const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', {
    title: 'Gezonde wijk De Horst',
    facilitatorName: 'Fatima',
    template: 'krachtenveld',
  });
  const s = created.body;
  const people: JoinResponse[] = [];
  for (const name of ['Ana', 'Bram', 'Cas']) {
    people.push((await api<JoinResponse>(server.url, 'POST', '/api/join', { joinCode: s.joinCode, name })).body);
  }
  expect(
    (await api(server.url, 'POST', `/api/sessions/${s.sessionId}/groups`, { count: 2 }, s.facilitatorToken)).status,
  ).toBe(201);
  const session = h.client(server.wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
  await session.synced;
  await waitFor(() => readGroups(session.doc).groups.length === 2, 'groups');
  const [g1, g2] = readGroups(session.doc).groups;
  // Ana in the first group, Bram in the second: each writes their own group's board.
  assignMember(session.doc, people[0]!.participantId, g1!.id);
  assignMember(session.doc, people[1]!.participantId, g2!.id);
  await waitFor(() => {
    const doc = server.server.registry.peek(sessionRoomName(s.sessionId))?.doc;
    return !!doc && Object.keys(readGroups(doc).members).length === 2;
  }, 'members on the server');
  const fill = async (boardId: string, person: JoinResponse, author: string, houding: number, name: string) => {
    const token = person.token;
    const c = h.client(server.wsUrl, boardRoomName(s.sessionId, boardId), token);
    await c.synced;
    addActor(c.doc, {
      name,
      organisation: 'GGD',
      category: 'uitvoerder',
      houding,
      invloed: 0.8,
      bedoeling: 'Gezonde wijk',
    });
    addActor(c.doc, { name: 'Woningcorporatie', houding: -0.5, invloed: 0.4, belang: `Betaalbare huur ${SCRIPT}` });
    addForce(c.doc, { side: 'bevorderend', text: 'Bestuurlijk draagvlak', strength: 4 });
    addAnswer(c.doc, {
      id: `a${boardId}`,
      questionId: 'g1',
      text: 'Rolonduidelijkheid over de regie',
      authorId: person.participantId,
      author,
    });
    return c;
  };
  const b1 = await fill(g1!.boardId, people[0]!, 'Ana', 0.9, 'GGD Hollands Midden');
  const b2 = await fill(g2!.boardId, people[1]!, 'Bram', -0.7, 'ggd hollands-midden');
  // Tips on the plenary board, a vote round on them, revealed.
  const plenary = h.client(server.wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), people[2]!.token);
  await plenary.synced;
  const cas = { authorId: people[2]!.participantId, author: 'Cas' };
  addAnswer(plenary.doc, { id: 'tipA', questionId: 'p2', text: 'Zorg voor één trekker', ...cas });
  addAnswer(plenary.doc, { id: 'tipB', questionId: 'p2', text: 'Ken je netwerk', ...cas });
  openVoteRound(session.doc, {
    id: 'ronde1',
    title: 'Tips',
    boardId: PLENARY_BOARD_ID,
    votesPerPerson: 3,
    targets: ['answers'],
    createdAt: 1,
  });
  setReportSettings(session.doc, { place: 'Wijkcentrum De Horst', intro: 'Inleiding van de begeleider.' });
  await new Promise((r) => setTimeout(r, 300));
  for (const p of people) {
    const vote = await api(
      server.url,
      'PUT',
      `/api/sessions/${s.sessionId}/votes/ronde1`,
      { targetId: 'tipB', count: 2 },
      p.token,
    );
    expect(vote.status).toBe(200);
  }
  await api(
    server.url,
    'PUT',
    `/api/sessions/${s.sessionId}/votes/ronde1`,
    { targetId: 'tipA', count: 1 },
    people[0]!.token,
  );
  expect(
    (await api(server.url, 'POST', `/api/sessions/${s.sessionId}/votes/ronde1/reveal`, {}, s.facilitatorToken)).status,
  ).toBe(200);
  await waitFor(() => readVoteResults(session.doc, 'ronde1') !== null, 'revealed');
  for (const [i, grade] of [6, 8, 9].entries()) {
    const quote = i === 0 ? 'Interessant en afwisselend' : '';
    expect(
      (await api(server.url, 'PUT', `/api/sessions/${s.sessionId}/evaluation`, { grade, quote }, people[i]!.token))
        .status,
    ).toBe(200);
  }
  // Let the boards' changes reach the server before asking for the report.
  for (const c of [b1, b2, plenary, session]) await waitFor(() => c.provider.wsconnected, 'connected');
  await new Promise((r) => setTimeout(r, 300));
  return { s, people, boards: [g1!.boardId, g2!.boardId] };
}

async function download(server: TestServer, sessionId: string, token: string, query: string) {
  const res = await fetch(`${server.url}/api/sessions/${sessionId}/report?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { res, body: new Uint8Array(await res.arrayBuffer()) };
}

describe('the verslag', () => {
  it('is made in every format from a real meeting, and each reads back', async () => {
    const server = await h.server();
    const { s } = await meeting(server);

    const docx = await download(server, s.sessionId, s.facilitatorToken, 'format=docx');
    expect(docx.res.status).toBe(200);
    expect(docx.res.headers.get('content-disposition')).toMatch(
      /attachment; filename="verslag-gezonde-wijk-de-horst-\d{4}-\d\d-\d\d\.docx"/,
    );
    const parts = await docxParts(docx.body);
    expect(xmlProblems(parts.documentXml)).toEqual([]);
    for (const text of [
      'Gezonde wijk De Horst',
      'Wijkcentrum De Horst',
      'GGD Hollands Midden',
      'Groep 1',
      'Groep 2',
      'Tips en aandachtspunten',
      'Rolonduidelijkheid over de regie',
      'Interessant en afwisselend',
    ]) {
      expect(parts.documentXml).toContain(text);
    }
    // Typed script is text in Word, escaped in the XML.
    expect(parts.documentXml).toContain('&lt;script&gt;');
    expect(parts.documentXml).not.toContain('<script>');
    expect(parts.files.filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(4);

    const pdf = await download(server, s.sessionId, s.facilitatorToken, 'format=pdf');
    expect(pdf.res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    expect(text).toContain('GGD Hollands Midden');
    expect(text).toContain('Woningcorporatie');
    // Grades 6, 8 and 9: mean 7,7, spread 6 – 9.
    expect(text).toContain('7,7');
    expect(text).toMatch(/spreiding 6\s*–\s*9/);
    // Most votes first: "Ken je netwerk" (6 votes) before "Zorg voor één trekker" (1).
    const tips = text.slice(text.lastIndexOf('Tips en adviezen'));
    expect(tips.indexOf('Ken je netwerk')).toBeGreaterThan(0);
    expect(tips.indexOf('Ken je netwerk')).toBeLessThan(tips.indexOf('Zorg voor'));
    // The plenary comparison matched the two spellings of the GGD across the groups.
    expect(text).toContain('Vergelijking van de groepen');

    const html = new TextDecoder().decode(
      (await download(server, s.sessionId, s.facilitatorToken, 'format=html')).body,
    );
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect((html.match(/<img src="data:image\/svg\+xml;base64,/g) ?? []).length).toBeGreaterThanOrEqual(4);

    const md = new TextDecoder().decode((await download(server, s.sessionId, s.facilitatorToken, 'format=md')).body);
    expect(md.startsWith('# Gezonde wijk De Horst')).toBe(true);
    expect(md).not.toContain('<script');
    expect(md).toContain('## Evaluatie');

    const en = new TextDecoder().decode(
      (await download(server, s.sessionId, s.facilitatorToken, 'format=md&lang=en')).body,
    );
    expect(en).toContain('## Evaluation');
    expect(en).toContain('7\\.7 \\(spread 6 – 9\\)');
  });

  it('names the actors that moved during the meeting, from the boards’ oldest history snapshot', async () => {
    const server = await h.server();
    const { s, boards } = await meeting(server);
    // The board as it stood at the start: the Woningcorporatie with much influence and in favour.
    const start = createDoc();
    addActor(start, { name: 'Woningcorporatie', houding: 0.9, invloed: 0.9 });
    await server.server.store.docs.saveSnapshot(boardRoomName(s.sessionId, boards[0]!), encodeDoc(start), 'manual', 1);
    const md = new TextDecoder().decode((await download(server, s.sessionId, s.facilitatorToken, 'format=md')).body);
    expect(md).toContain('### Beweging tijdens de bijeenkomst');
    expect(md).toContain(
      '- Woningcorporatie: van veel invloed, houding voor, belang middel naar invloed midden, houding tegen, belang middel',
    );
    expect(md.match(/### Beweging tijdens de bijeenkomst/g)).toHaveLength(1);
  });

  it('is for the facilitator only, and refuses unknown formats', async () => {
    const server = await h.server();
    const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', { title: 'Wijk' });
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', {
      joinCode: created.body.joinCode,
      name: 'Ana',
    });
    const id = created.body.sessionId;
    expect((await download(server, id, joined.body.token, 'format=pdf')).res.status).toBe(403);
    expect((await download(server, id, 'nonsense', 'format=pdf')).res.status).toBe(401);
    expect((await download(server, id, created.body.facilitatorToken, 'format=exe')).res.status).toBe(400);
    // An empty session still gives a valid report.
    const empty = await download(server, id, created.body.facilitatorToken, 'format=docx');
    expect(empty.res.status).toBe(200);
    expect(xmlProblems((await docxParts(empty.body)).documentXml)).toEqual([]);
  });

  it('the CLI writes the same report from the data dir', async () => {
    const server = await h.server();
    const { s } = await meeting(server);
    const out = `${server.dataDir}/verslag.pdf`;
    const lines: string[] = [];
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = server.dataDir;
    try {
      expect(await runReport([s.sessionId, '--format', 'pdf', '--out', out], (l) => lines.push(l))).toBe(0);
      expect(await runReport(['nope'], (l) => lines.push(l))).toBe(1);
      expect(await runReport([s.sessionId, '--format', 'exe'], (l) => lines.push(l))).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.DATA_DIR;
      else process.env.DATA_DIR = previous;
    }
    expect(lines[0]).toMatch(/^Wrote .*verslag\.pdf/);
    expect(lines[1]).toMatch(/No session nope/);
    const { readFileSync } = await import('node:fs');
    const text = await pdfText(new Uint8Array(readFileSync(out)));
    expect(text).toContain('GGD Hollands Midden');
    expect(text).toContain('7,7');
  });
});
