import { describe, expect, it } from 'vitest';
import { readSharedEvaluation } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, createSessionWith } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

describe('managing participants', () => {
  it("a rename shows in everyone's presence at once", async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk', ['Ana', 'Bram']);
    const room = sessionRoomName(s.sessionId);
    const ana = h.client(server.wsUrl, room, s.participants[0]!.token);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([ana.synced, bram.synced]);
    ana.provider.awareness.setLocalStateField('user', { color: '#123456' });
    const nameOfAna = () =>
      (bram.provider.awareness.getStates().get(ana.doc.clientID) as { user?: { name?: string } } | undefined)?.user
        ?.name;
    await waitFor(() => nameOfAna() === 'Ana', 'bram sees ana');
    const res = await api(
      server.url,
      'PATCH',
      `/api/sessions/${s.sessionId}/participants/${s.participants[0]!.participantId}`,
      { name: 'Anna (GGD)' },
      s.facilitatorToken,
    );
    expect(res.status).toBe(200);
    await waitFor(() => nameOfAna() === 'Anna (GGD)', 'bram sees the new name');
    const denied = await api(
      server.url,
      'PATCH',
      `/api/sessions/${s.sessionId}/participants/${s.participants[1]!.participantId}`,
      { name: 'X' },
      s.participants[0]!.token,
    );
    expect(denied.status).toBe(403);
  });

  it('a removed participant is disconnected and cannot come back with the old token', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk', ['Ana', 'Bram']);
    const board = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const bram = h.client(server.wsUrl, board, s.participants[1]!.token);
    await bram.synced;
    const res = await api(
      server.url,
      'DELETE',
      `/api/sessions/${s.sessionId}/participants/${s.participants[1]!.participantId}`,
      undefined,
      s.facilitatorToken,
    );
    expect(res.status).toBe(204);
    expect((await bram.closed).code).toBe(CloseCode.participantRemoved);
    const again = h.client(server.wsUrl, board, s.participants[1]!.token);
    expect((await again.closed).code).toBe(CloseCode.notFound);
    expect(
      (await api(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, s.participants[1]!.token)).status,
    ).toBe(404);
    const self = await api(server.url, 'GET', `/api/sessions/${s.sessionId}`, undefined, s.facilitatorToken);
    const removeFacilitator = await api(
      server.url,
      'DELETE',
      `/api/sessions/${s.sessionId}/participants/${(self.body as { you: { id: string } }).you.id}`,
      undefined,
      s.facilitatorToken,
    );
    expect(removeFacilitator.status).toBe(400);
  });
});

describe('evaluation', () => {
  it('grades stay private until the facilitator shows the summary to everyone', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk', ['A', 'B', 'C', 'D']);
    const grades = [8, 9, 6, 8];
    for (const [i, grade] of grades.entries()) {
      const r = await api(
        server.url,
        'PUT',
        `/api/sessions/${s.sessionId}/evaluation`,
        { grade, quote: i === 0 ? 'Leerzaam <b>!</b>' : '', anonymous: i !== 1 },
        s.participants[i]!.token,
      );
      expect(r.status).toBe(200);
    }
    // Changing one's mind replaces the grade.
    await api(
      server.url,
      'PUT',
      `/api/sessions/${s.sessionId}/evaluation`,
      { grade: 7, quote: 'Goed gesprek', anonymous: false },
      s.participants[1]!.token,
    );
    const bad = await api(
      server.url,
      'PUT',
      `/api/sessions/${s.sessionId}/evaluation`,
      { grade: 11 },
      s.participants[2]!.token,
    );
    expect(bad.status).toBe(400);
    expect(
      (await api(server.url, 'PUT', `/api/sessions/${s.sessionId}/evaluation`, { grade: 5 }, s.viewerToken)).status,
    ).toBe(403);

    const mine = await api<{ mine: { grade: number } }>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}/evaluation`,
      undefined,
      s.participants[0]!.token,
    );
    expect(mine.body).toEqual({ mine: { grade: 8, quote: 'Leerzaam <b>!</b>', anonymous: true } });
    const summary = await api<{ n: number; mean: number; min: number; max: number; quotes: unknown[] }>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}/evaluation`,
      undefined,
      s.facilitatorToken,
    );
    expect(summary.body).toMatchObject({ n: 4, mean: 7.3, min: 6, max: 8 });
    // Sorted by text, not in the order given (issue 10: the order must not tell who wrote what).
    expect(summary.body.quotes).toEqual([
      { text: 'Goed gesprek', name: 'B' },
      { text: 'Leerzaam <b>!</b>', name: null },
    ]);

    const participant = h.client(server.wsUrl, sessionRoomName(s.sessionId), s.participants[2]!.token);
    await participant.synced;
    expect(readSharedEvaluation(participant.doc)).toBeNull();
    const shown = await api(
      server.url,
      'POST',
      `/api/sessions/${s.sessionId}/evaluation/show`,
      undefined,
      s.facilitatorToken,
    );
    expect(shown.status).toBe(200);
    await waitFor(() => readSharedEvaluation(participant.doc) !== null, 'the summary reaches the participant');
    expect(readSharedEvaluation(participant.doc)).toMatchObject({
      n: 4,
      mean: 7.3,
      min: 6,
      max: 8,
      distribution: [0, 0, 0, 0, 0, 1, 1, 2, 0, 0],
    });
    expect(
      (
        await api(
          server.url,
          'POST',
          `/api/sessions/${s.sessionId}/evaluation/show`,
          undefined,
          s.participants[0]!.token,
        )
      ).status,
    ).toBe(403);
  });
});

describe('dot voting', () => {
  it('votes are secret, limited per person, and revealed to everyone by the facilitator', async () => {
    const { openVoteRound, closeVoteRound, readVoteResults } = await import('../../shared/model/sessionDoc.ts');
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Wijk', ['A', 'B']);
    const room = sessionRoomName(s.sessionId);
    const fac = h.client(server.wsUrl, room, s.facilitatorToken);
    const a = h.client(server.wsUrl, room, s.participants[0]!.token);
    await Promise.all([fac.synced, a.synced]);
    const vote = (i: number, targetId: string, count: number, round = 'tips') =>
      api<{ used: number; left: number; error?: { code: string } }>(
        server.url,
        'PUT',
        `/api/sessions/${s.sessionId}/votes/${round}`,
        { targetId, count },
        s.participants[i]!.token,
      );

    expect((await vote(0, 'note1', 1)).status).toBe(404); // no round yet
    openVoteRound(fac.doc, { id: 'tips', title: 'Beste tips', boardId: 'plenair', votesPerPerson: 3, createdAt: 1 });
    await waitFor(() => a.doc.getMap('voteRounds').size === 1, 'round arrives');
    expect((await vote(0, 'note1', 2)).body).toMatchObject({ used: 2, left: 1 });
    const over = await vote(0, 'note2', 2);
    expect([over.status, over.body.error?.code]).toEqual([409, 'no_votes_left']);
    expect((await vote(0, 'note2', 1)).body).toMatchObject({ used: 3, left: 0 });
    expect((await vote(0, 'note1', 0)).body).toMatchObject({ used: 1, left: 2 }); // taking dots back
    await vote(1, 'note1', 3);
    expect((await vote(1, 'bad id!', 1)).status).toBe(400);

    // A participant sees only their own votes; the doc holds no votes at all yet.
    const mineB = await api<{ votes: Record<string, number> }>(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}/votes/tips`,
      undefined,
      s.participants[1]!.token,
    );
    expect(mineB.body.votes).toEqual({ note1: 3 });
    expect(readVoteResults(a.doc, 'tips')).toBeNull();
    const totals = await api(
      server.url,
      'GET',
      `/api/sessions/${s.sessionId}/votes/tips`,
      undefined,
      s.facilitatorToken,
    );
    expect(totals.body).toEqual({ totals: { note1: 3, note2: 1 }, voters: 2 });

    closeVoteRound(fac.doc, 'tips');
    await waitFor(() => (a.doc.getMap('voteRounds').get('tips') as { status: string }).status === 'closed', 'closed');
    await new Promise((r) => setTimeout(r, 100)); // the close reaches the server
    expect((await vote(0, 'note2', 2)).status).toBe(409);
    expect(
      (
        await api(
          server.url,
          'POST',
          `/api/sessions/${s.sessionId}/votes/tips/reveal`,
          undefined,
          s.participants[0]!.token,
        )
      ).status,
    ).toBe(403);
    expect(
      (await api(server.url, 'POST', `/api/sessions/${s.sessionId}/votes/tips/reveal`, undefined, s.facilitatorToken))
        .status,
    ).toBe(200);
    await waitFor(() => readVoteResults(a.doc, 'tips') !== null, 'results reach the participant');
    expect(readVoteResults(a.doc, 'tips')).toMatchObject({ totals: { note1: 3, note2: 1 }, voters: 2 });
  });
});
