import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '../../shared/api.ts';
import { addItems, readBoard } from '../../shared/model/board/index.ts';
import { addActor, readMethods } from '../../shared/model/board/actors.ts';
import { addBoard, readBoards, readPreviousSession } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, createSessionWith } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

describe('a new session from an earlier one', () => {
  it('a follow-up keeps the boards and the field, not the notes; a copy keeps everything', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Netwerkbijeenkomst maart', ['Anna']);
    const fac = h.client(server.wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
    await fac.synced;
    addBoard(fac.doc, { id: 'groep1', title: 'Groep 1', kind: 'group' });
    await waitFor(() => server.server.metrics.updatesTotal >= 1, 'board added');
    const board = h.client(server.wsUrl, boardRoomName(s.sessionId, 'groep1'), s.participants[0]!.token);
    await board.synced;
    addActor(board.doc, { name: 'Huisartsen', houding: 0.2, invloed: 0.8, belang: 'Minder zorgvraag' });
    addItems(board.doc, [
      // A participant's note carries her own name and id (the server's write rules).
      {
        kind: 'note',
        x: 0,
        y: 0,
        w: 180,
        h: 120,
        text: 'Tip: elkaar vaker zien',
        color: '#fff3a3',
        author: 'Anna',
        authorId: s.participants[0]!.participantId,
      },
    ]);
    await waitFor(() => server.server.metrics.updatesTotal >= 3, 'stored');

    expect(
      (
        await api(
          server.url,
          'POST',
          `/api/sessions/${s.sessionId}/copy`,
          { mode: 'followUp' },
          s.participants[0]!.token,
        )
      ).status,
    ).toBe(403);
    expect(
      (await api(server.url, 'POST', `/api/sessions/${s.sessionId}/copy`, { mode: 'clone' }, s.facilitatorToken))
        .status,
    ).toBe(400);

    const follow = await api<CreateSessionResponse>(
      server.url,
      'POST',
      `/api/sessions/${s.sessionId}/copy`,
      { mode: 'followUp' },
      s.facilitatorToken,
    );
    expect(follow.status).toBe(201);
    expect(follow.body.sessionId).not.toBe(s.sessionId);
    const f2 = h.client(server.wsUrl, sessionRoomName(follow.body.sessionId), follow.body.facilitatorToken);
    await f2.synced;
    expect(f2.doc.getMap('meta').get('title')).toBe('Netwerkbijeenkomst maart (vervolg)');
    expect(readBoards(f2.doc).map((b) => b.id)).toEqual([PLENARY_BOARD_ID, 'groep1']);
    expect(readPreviousSession(f2.doc)).toBe(s.sessionId);
    const b2 = h.client(server.wsUrl, boardRoomName(follow.body.sessionId, 'groep1'), follow.body.facilitatorToken);
    await b2.synced;
    expect(readMethods(b2.doc).actors.map((a) => [a.name, a.houding, a.invloed, a.belang])).toEqual([
      ['Huisartsen', 0.2, 0.8, 'Minder zorgvraag'],
    ]);
    expect(readBoard(b2.doc).items).toEqual([]);

    const copy = await api<CreateSessionResponse>(
      server.url,
      'POST',
      `/api/sessions/${s.sessionId}/copy`,
      { mode: 'copy', title: 'Oefenronde' },
      s.facilitatorToken,
    );
    const b3 = h.client(server.wsUrl, boardRoomName(copy.body.sessionId, 'groep1'), copy.body.facilitatorToken);
    await b3.synced;
    expect(readBoard(b3.doc).items.map((i) => i.kind === 'note' && i.text)).toEqual(['Tip: elkaar vaker zien']);
    expect(readMethods(b3.doc).actors).toHaveLength(1);
    // The copy is its own session: editing it leaves the original alone.
    addActor(b3.doc, { name: 'Alleen in de kopie' });
    await new Promise((r) => setTimeout(r, 100));
    expect(readMethods(board.doc).actors).toHaveLength(1);
  });
});
