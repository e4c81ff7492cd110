// Issue 10: the write rules inside a board, kept by the server against clients that do
// not behave. Real server, real SQLite, real y-websocket clients: every refused write
// reaches nobody and is not there after a restart; the allowed ones still work.
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { updateSettings, readSettings } from '../../shared/model/board/actors.ts';
import { addAnswer, readAnswers } from '../../shared/model/board/answers.ts';
import { addItems, updateItem } from '../../shared/model/board/commands.ts';
import { readBoard as readBoardItems } from '../../shared/model/board/read.ts';
import { assignMember, readGroups, type GroupRecord } from '../../shared/model/meeting/groups.ts';
import { TEMPLATE_BOARD_ID } from '../../shared/model/templates/meetingTemplates.ts';
import { setBoardLocked, setBoardOpen } from '../../shared/model/sessionDoc.ts';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID, RefusalReason, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, type TestServer } from '../helpers/server.ts';
import { sleep, waitFor, type TestClient } from '../helpers/yclient.ts';

const h = useHarness();

interface Meeting {
  sessionId: string;
  facilitatorToken: string;
  viewerToken: string;
  anna: JoinResponse;
  bram: JoinResponse;
  /** Anna's group (and board), Bram's group. */
  g1: GroupRecord;
  g2: GroupRecord;
}

/** A krachtenveld meeting (with its template board), two groups: Anna in the first, Bram in the second. */
async function meeting(server: TestServer): Promise<Meeting> {
  const created = await api<CreateSessionResponse>(server.url, 'POST', '/api/sessions', {
    title: 'Schrijfregels',
    template: 'krachtenveld',
  });
  expect(created.status).toBe(201);
  const { sessionId, facilitatorToken, joinCode } = created.body;
  const join = async (name: string) => {
    const joined = await api<JoinResponse>(server.url, 'POST', '/api/join', { joinCode, name });
    expect(joined.status).toBe(201);
    return joined.body;
  };
  const anna = await join('Anna');
  const bram = await join('Bram');
  const groups = await api<{ groups: GroupRecord[] }>(
    server.url,
    'POST',
    `/api/sessions/${sessionId}/groups`,
    { count: 2 },
    facilitatorToken,
  );
  expect(groups.status).toBe(201);
  const [g1, g2] = groups.body.groups as [GroupRecord, GroupRecord];
  const session = h.client(server.wsUrl, sessionRoomName(sessionId), facilitatorToken);
  await session.synced;
  assignMember(session.doc, anna.participantId, g1.id);
  assignMember(session.doc, bram.participantId, g2.id);
  await waitFor(() => {
    const doc = server.server.registry.peek(sessionRoomName(sessionId))?.doc;
    return !!doc && Object.keys(readGroups(doc).members).length === 2;
  }, 'the server has both members');
  session.destroy();
  const viewerToken = new URL(created.body.viewerUrl).hash.replace('#token=', '');
  return { sessionId, facilitatorToken, viewerToken, anna, bram, g1, g2 };
}

async function connect(server: TestServer, m: Meeting, boardId: string, token: string): Promise<TestClient> {
  const c = h.client(server.wsUrl, boardRoomName(m.sessionId, boardId), token);
  await c.synced;
  return c;
}

/**
 * Runs `edit` on the writer's doc and expects the server to refuse it with `reason`:
 * the witness (another client on the same board) receives nothing, and the server's doc
 * does not have it (`present` says whether a doc has the edit).
 */
async function expectRefused(
  server: TestServer,
  room: string,
  writer: TestClient,
  witness: TestClient,
  reason: string,
  edit: (doc: Y.Doc) => void,
  present: (doc: Y.Doc) => boolean,
): Promise<void> {
  let received = 0;
  const count = () => received++;
  witness.doc.on('update', count);
  const before = writer.refusals.length;
  edit(writer.doc);
  expect(present(writer.doc), 'the edit happened on the writer’s side').toBe(true);
  await waitFor(() => writer.refusals.length > before, `a refusal (${reason})`);
  expect(writer.refusals.at(-1)).toBe(reason);
  await sleep(150);
  witness.doc.off('update', count);
  expect(received, 'the witness received nothing').toBe(0);
  expect(present(witness.doc)).toBe(false);
  const serverDoc = server.server.registry.peek(room)?.doc;
  expect(serverDoc && present(serverDoc)).toBe(false);
}

/** Runs `edit` and waits until the witness has it. */
async function expectAccepted(
  writer: TestClient,
  witness: TestClient,
  edit: (doc: Y.Doc) => void,
  present: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  const before = writer.refusals.length;
  edit(writer.doc);
  await waitFor(() => present(witness.doc), what);
  expect(writer.refusals.length).toBe(before);
}

const note = (id: string, author: string, authorId: string, text = 'Huisartsen doen mee') => ({
  kind: 'note' as const,
  id,
  x: 40,
  y: 40,
  w: 180,
  h: 120,
  text,
  color: '#fff3a3' as const,
  author,
  authorId,
});

const hasItem = (id: string) => (doc: Y.Doc) => readBoardItems(doc).byId.has(id);
const authorOf = (doc: Y.Doc, id: string) => readBoardItems(doc).byId.get(id)?.author;

describe('write rules inside a board, kept by the server', () => {
  it('refuses forged and foreign writes, invisibly to others and after a restart; allows the rest', async () => {
    const first = await h.server();
    const m = await meeting(first);
    const { anna, bram } = m;
    const g1 = m.g1.boardId;
    const g2 = m.g2.boardId;

    // Allowed: Anna's own note on her group's board and on the plenary board.
    const facG1 = await connect(first, m, g1, m.facilitatorToken);
    const annaG1 = await connect(first, m, g1, anna.token);
    await expectAccepted(
      annaG1,
      facG1,
      (d) => addItems(d, [note('eigen', 'Anna', anna.participantId)]),
      hasItem('eigen'),
      'Anna’s note on her group board',
    );
    const facPlenary = await connect(first, m, PLENARY_BOARD_ID, m.facilitatorToken);
    const annaPlenary = await connect(first, m, PLENARY_BOARD_ID, anna.token);
    await expectAccepted(
      annaPlenary,
      facPlenary,
      (d) => addItems(d, [note('plenair-anna', 'Anna', anna.participantId)]),
      hasItem('plenair-anna'),
      'Anna’s note on the plenary board',
    );

    // Refused: a new note under Bram's name.
    await expectRefused(
      first,
      boardRoomName(m.sessionId, g1),
      annaG1,
      facG1,
      RefusalReason.notAllowed,
      (d) => addItems(d, [note('vals', 'Bram', bram.participantId, 'Bram vindt de GGD traag')]),
      hasItem('vals'),
    );

    // Refused: an answer under Bram's name.
    const annaAnswers = await connect(first, m, g1, anna.token);
    await expectRefused(
      first,
      boardRoomName(m.sessionId, g1),
      annaAnswers,
      facG1,
      RefusalReason.notAllowed,
      (d) =>
        addAnswer(d, {
          id: 'antw-vals',
          questionId: 'q1',
          text: 'Ik ben tegen',
          author: 'Bram',
          authorId: bram.participantId,
        }),
      (d) => readAnswers(d).some((a) => a.id === 'antw-vals'),
    );

    // Refused: Bram makes Anna's plenary note his (each refused client is left behind:
    // its doc holds what the server refused).
    const bramPlenary = await connect(first, m, PLENARY_BOARD_ID, bram.token);
    await expectRefused(
      first,
      boardRoomName(m.sessionId, PLENARY_BOARD_ID),
      bramPlenary,
      facPlenary,
      RefusalReason.notAllowed,
      (d) => updateItem(d, 'plenair-anna', { author: 'Bram', authorId: bram.participantId }),
      (d) => authorOf(d, 'plenair-anna') === 'Bram',
    );
    // ...but moving it is fine.
    const bramPlenary2 = await connect(first, m, PLENARY_BOARD_ID, bram.token);
    await expectAccepted(
      bramPlenary2,
      facPlenary,
      (d) => updateItem(d, 'plenair-anna', { x: 400 }),
      (d) =>
        readBoardItems(d).byId.get('plenair-anna')?.kind === 'note' &&
        (readBoardItems(d).byId.get('plenair-anna') as { x: number }).x === 400,
      'Bram moved Anna’s note',
    );

    // Refused: a facilitator-only setting from a participant.
    const annaSettings = await connect(first, m, g1, anna.token);
    await expectRefused(
      first,
      boardRoomName(m.sessionId, g1),
      annaSettings,
      facG1,
      RefusalReason.notAllowed,
      (d) => updateSettings(d, { goal: 'Anna’s eigen doel', individualRound: true }),
      (d) => readSettings(d).goal === 'Anna’s eigen doel',
    );

    // Refused: Anna writes Bram's group board (she is not in his group).
    const facG2 = await connect(first, m, g2, m.facilitatorToken);
    const annaG2 = await connect(first, m, g2, anna.token);
    await expectRefused(
      first,
      boardRoomName(m.sessionId, g2),
      annaG2,
      facG2,
      RefusalReason.notAllowed,
      (d) => addItems(d, [note('indringer', 'Anna', anna.participantId)]),
      hasItem('indringer'),
    );

    // Refused: reading the template board.
    const annaTemplate = h.client(first.wsUrl, boardRoomName(m.sessionId, TEMPLATE_BOARD_ID), anna.token);
    expect((await annaTemplate.closed).code).toBe(CloseCode.forbidden);
    expect(annaTemplate.doc.share.size).toBe(0);
    expect(annaTemplate.provider.synced).toBe(false);

    // Allowed: once the facilitator opens Bram's board to everyone, Anna writes it.
    const session = h.client(first.wsUrl, sessionRoomName(m.sessionId), m.facilitatorToken);
    await session.synced;
    setBoardOpen(session.doc, g2, true);
    await waitFor(() => {
      const doc = first.server.registry.peek(sessionRoomName(m.sessionId))?.doc;
      return !!doc && readGroups(doc).groups.length === 2 && doc.getMap('boards').toJSON()[g2]?.open === true;
    }, 'board opened on the server');
    const annaG2Open = await connect(first, m, g2, anna.token);
    await expectAccepted(
      annaG2Open,
      facG2,
      (d) => addItems(d, [note('open-anna', 'Anna', anna.participantId)]),
      hasItem('open-anna'),
      'Anna’s note on the opened board',
    );

    // Allowed: the facilitator writes everything: settings, authorship (anonymising), the template.
    await expectAccepted(
      facG1,
      annaG1,
      (d) => updateSettings(d, { goal: 'Samen gezond' }),
      (d) => readSettings(d).goal === 'Samen gezond',
      'the facilitator’s goal',
    );
    await expectAccepted(
      facG1,
      annaG1,
      (d) => updateItem(d, 'eigen', { author: '' }),
      (d) => authorOf(d, 'eigen') === '',
      'the facilitator anonymised Anna’s note',
    );
    const facTemplate = await connect(first, m, TEMPLATE_BOARD_ID, m.facilitatorToken);
    const facTemplate2 = await connect(first, m, TEMPLATE_BOARD_ID, m.facilitatorToken);
    await expectAccepted(
      facTemplate,
      facTemplate2,
      (d) => addItems(d, [note('sjabloon-noot', '', '')]),
      hasItem('sjabloon-noot'),
      'a note on the template',
    );

    // After a restart on the same data: none of the refused writes, all of the allowed ones.
    await h.stop(first);
    const second = await h.server({ dataDir: first.dataDir });
    const again = (boardId: string) => connect(second, m, boardId, m.facilitatorToken);
    const g1Doc = (await again(g1)).doc;
    expect(hasItem('eigen')(g1Doc)).toBe(true);
    expect(authorOf(g1Doc, 'eigen')).toBe('');
    expect(hasItem('vals')(g1Doc)).toBe(false);
    expect(readAnswers(g1Doc).some((a) => a.id === 'antw-vals')).toBe(false);
    expect(readSettings(g1Doc).goal).toBe('Samen gezond');
    expect(readSettings(g1Doc).individualRound).toBe(false);
    const plenaryDoc = (await again(PLENARY_BOARD_ID)).doc;
    expect(authorOf(plenaryDoc, 'plenair-anna')).toBe('Anna');
    const g2Doc = (await again(g2)).doc;
    expect(hasItem('indringer')(g2Doc)).toBe(false);
    expect(hasItem('open-anna')(g2Doc)).toBe(true);
    expect(hasItem('sjabloon-noot')((await again(TEMPLATE_BOARD_ID)).doc)).toBe(true);
    const annaTemplateAgain = h.client(second.wsUrl, boardRoomName(m.sessionId, TEMPLATE_BOARD_ID), anna.token);
    expect((await annaTemplateAgain.closed).code).toBe(CloseCode.forbidden);
  });

  it('viewers, locked boards and the session doc stay read-only for everyone but the facilitator', async () => {
    const server = await h.server();
    const m = await meeting(server);
    const session = h.client(server.wsUrl, sessionRoomName(m.sessionId), m.facilitatorToken);
    await session.synced;

    // A participant cannot open a board for herself through the session doc.
    const annaSession = h.client(server.wsUrl, sessionRoomName(m.sessionId), m.anna.token);
    await annaSession.synced;
    await expectRefused(
      server,
      sessionRoomName(m.sessionId),
      annaSession,
      session,
      RefusalReason.notAllowed,
      (d) => setBoardOpen(d, m.g2.boardId, true),
      (d) => (d.getMap('boards').toJSON()[m.g2.boardId] as { open?: boolean } | undefined)?.open === true,
    );

    // A locked board refuses its own group's member; the facilitator still writes it.
    const fac = await connect(server, m, m.g1.boardId, m.facilitatorToken);
    setBoardLocked(session.doc, m.g1.boardId, true);
    await waitFor(() => {
      const doc = server.server.registry.peek(sessionRoomName(m.sessionId))?.doc;
      return !!doc && doc.getMap('boards').toJSON()[m.g1.boardId]?.locked === true;
    }, 'board locked on the server');
    const anna = await connect(server, m, m.g1.boardId, m.anna.token);
    await expectRefused(
      server,
      boardRoomName(m.sessionId, m.g1.boardId),
      anna,
      fac,
      RefusalReason.boardLocked,
      (d) => addItems(d, [note('dicht', 'Anna', m.anna.participantId)]),
      hasItem('dicht'),
    );
    const fac2 = await connect(server, m, m.g1.boardId, m.facilitatorToken);
    await expectAccepted(
      fac,
      fac2,
      (d) => addItems(d, [note('fac', 'Fenna', '')]),
      hasItem('fac'),
      'the facilitator writes the locked board',
    );

    // After a rename, Bram's new notes carry the name the server knows now.
    const renamed = await api(
      server.url,
      'PATCH',
      `/api/sessions/${m.sessionId}/participants/${m.bram.participantId}`,
      { name: 'Bram (GGD)' },
      m.facilitatorToken,
    );
    expect(renamed.status).toBe(200);
    const facG2 = await connect(server, m, m.g2.boardId, m.facilitatorToken);
    const bramOld = await connect(server, m, m.g2.boardId, m.bram.token);
    await expectRefused(
      server,
      boardRoomName(m.sessionId, m.g2.boardId),
      bramOld,
      facG2,
      RefusalReason.notAllowed,
      (d) => addItems(d, [note('oude-naam', 'Bram', m.bram.participantId)]),
      hasItem('oude-naam'),
    );
    const bramNew = await connect(server, m, m.g2.boardId, m.bram.token);
    await expectAccepted(
      bramNew,
      facG2,
      (d) => addItems(d, [note('nieuwe-naam', 'Bram (GGD)', m.bram.participantId)]),
      hasItem('nieuwe-naam'),
      'Bram’s note under his new name',
    );

    // The viewer link writes nothing.
    const viewer = await connect(server, m, PLENARY_BOARD_ID, m.viewerToken);
    const witness = await connect(server, m, PLENARY_BOARD_ID, m.facilitatorToken);
    await expectRefused(
      server,
      boardRoomName(m.sessionId, PLENARY_BOARD_ID),
      viewer,
      witness,
      RefusalReason.readOnly,
      (d) => addItems(d, [note('kijker', '', '')]),
      hasItem('kijker'),
    );
  });

  it('removing a person can keep what they wrote without their name, on every board, after a restart too', async () => {
    const first = await h.server();
    const m = await meeting(first);
    const { anna, bram } = m;
    const g1 = m.g1.boardId;
    const annaG1 = await connect(first, m, g1, anna.token);
    const facG1 = await connect(first, m, g1, m.facilitatorToken);
    await expectAccepted(
      annaG1,
      facG1,
      (d) => {
        addItems(d, [note('anna-g1', 'Anna', anna.participantId)]);
        addAnswer(d, {
          id: 'anna-antw',
          questionId: 'q1',
          text: 'Samen',
          author: 'Anna',
          authorId: anna.participantId,
        });
      },
      (d) => hasItem('anna-g1')(d) && readAnswers(d).length === 1,
      'Anna’s note and answer',
    );
    const annaPlenary = await connect(first, m, PLENARY_BOARD_ID, anna.token);
    const bramPlenary = await connect(first, m, PLENARY_BOARD_ID, bram.token);
    const facPlenary = await connect(first, m, PLENARY_BOARD_ID, m.facilitatorToken);
    await expectAccepted(
      annaPlenary,
      facPlenary,
      (d) => addItems(d, [note('anna-p', 'Anna', anna.participantId)]),
      hasItem('anna-p'),
      'Anna’s plenary note',
    );
    await expectAccepted(
      bramPlenary,
      facPlenary,
      (d) => addItems(d, [note('bram-p', 'Bram', bram.participantId)]),
      hasItem('bram-p'),
      'Bram’s plenary note',
    );

    const removed = await api(
      first.url,
      'DELETE',
      `/api/sessions/${m.sessionId}/participants/${anna.participantId}?anonymise=true`,
      undefined,
      m.facilitatorToken,
    );
    expect(removed.status).toBe(204);
    // Everyone connected sees it at once; the content stays.
    await waitFor(() => authorOf(facPlenary.doc, 'anna-p') === '', 'Anna’s plenary note without her name');
    await waitFor(() => authorOf(facG1.doc, 'anna-g1') === '', 'Anna’s group note without her name');
    await waitFor(() => readAnswers(facG1.doc)[0]?.author === '', 'Anna’s answer without her name');
    expect(readAnswers(facG1.doc)[0]?.text).toBe('Samen');
    expect(authorOf(facPlenary.doc, 'bram-p')).toBe('Bram');

    // Removing without the choice keeps the name.
    const plain = await api(
      first.url,
      'DELETE',
      `/api/sessions/${m.sessionId}/participants/${bram.participantId}`,
      undefined,
      m.facilitatorToken,
    );
    expect(plain.status).toBe(204);
    await sleep(100);
    expect(authorOf(facPlenary.doc, 'bram-p')).toBe('Bram');

    await h.stop(first);
    const second = await h.server({ dataDir: first.dataDir });
    const plenary = (await connect(second, m, PLENARY_BOARD_ID, m.facilitatorToken)).doc;
    expect(authorOf(plenary, 'anna-p')).toBe('');
    expect(readBoardItems(plenary).byId.get('anna-p')?.kind).toBe('note');
    expect(authorOf(plenary, 'bram-p')).toBe('Bram');
    const group = (await connect(second, m, g1, m.facilitatorToken)).doc;
    expect(authorOf(group, 'anna-g1')).toBe('');
    expect(readAnswers(group).map((a) => [a.text, a.author])).toEqual([['Samen', '']]);
  });
});
