/**
 * The write rules on screen (issue 10): the app shows the controls the server accepts.
 * A participant sees another group's board read-only with the reason, cannot edit the
 * board's settings, and writes again once the facilitator opens the board to everyone;
 * removing a person can keep their notes without their name. Real server, real
 * Chromium, the built client.
 */
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { addItems } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { assignMember, readGroups, type GroupRecord } from '../../shared/model/meeting/groups.ts';
import { boardRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { api } from '../helpers/server.ts';
import { connectClient, waitFor } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('write rules in the app', () => {
  const harness = useMeetingHarness();

  it("another group's board is read-only with the reason until the facilitator opens it; settings are the facilitator's", async () => {
    const { url, wsUrl } = harness.server;
    const created = await api<CreateSessionResponse>(url, 'POST', '/api/sessions', {
      title: 'Schrijfregels',
      facilitatorName: 'Fien',
      template: 'krachtenveld',
    });
    const s = created.body;
    const groups = await api<{ groups: GroupRecord[] }>(
      url,
      'POST',
      `/api/sessions/${s.sessionId}/groups`,
      { count: 2 },
      s.facilitatorToken,
    );
    const [g1, g2] = groups.body.groups as [GroupRecord, GroupRecord];

    const fien = await harness.person();
    await fien.page.goto(s.facilitatorUrl);
    const ana = await harness.person();
    await ui.join(ana.page, url, s.joinCode, 'Ana');
    const bram = await harness.person();
    await ui.join(bram.page, url, s.joinCode, 'Bram');
    await expect.poll(() => ui.presenceNames(fien.page), WAIT).toEqual(['Fien', 'Ana', 'Bram']);

    // Ana in the first group, Bram in the second (as the facilitator's groups panel does).
    const session = connectClient(wsUrl, sessionRoomName(s.sessionId), s.facilitatorToken);
    await session.synced;
    const pid = async (name: string) => {
      const info = await api<{ participants: { id: string; name: string }[] }>(
        url,
        'GET',
        `/api/sessions/${s.sessionId}`,
        undefined,
        s.facilitatorToken,
      );
      return info.body.participants.find((p) => p.name === name)!.id;
    };
    const anaId = await pid('Ana');
    const bramId = await pid('Bram');
    assignMember(session.doc, anaId, g1.id);
    assignMember(session.doc, bramId, g2.id);
    await waitFor(() => Object.keys(readGroups(session.doc).members).length === 2, 'members');

    // Ana on Bram's group board: read-only, and why.
    const sessionUrl = new URL(ana.page.url());
    await ana.page.goto(`${sessionUrl.origin}${sessionUrl.pathname}?b=${g2.boardId}`);
    const banner = ana.page.getByTestId('board-readonly');
    await banner.waitFor(WAIT);
    expect(await banner.textContent()).toContain('andere groep');
    // On her own group's board she writes, but the goal (a board setting) is the facilitator's.
    await ana.page.goto(`${sessionUrl.origin}${sessionUrl.pathname}?b=${g1.boardId}&v=krachten`);
    const goal = ana.page.getByTestId('goal');
    await goal.waitFor(WAIT);
    expect(await goal.getAttribute('readonly')).not.toBeNull();
    expect(await ana.page.getByTestId('board-readonly').count()).toBe(0);
    const fienUrl = new URL(fien.page.url());
    await fien.page.goto(`${fienUrl.origin}${fienUrl.pathname}?b=${g1.boardId}&v=krachten`);
    await fien.page.getByTestId('goal').waitFor(WAIT);
    expect(await fien.page.getByTestId('goal').getAttribute('readonly')).toBeNull();

    // Back on Bram's board, the facilitator opens it to everyone: Ana's banner goes at once.
    await ana.page.goto(`${sessionUrl.origin}${sessionUrl.pathname}?b=${g2.boardId}`);
    await ana.page.getByTestId('board-readonly').waitFor(WAIT);
    await fien.page.goto(`${fienUrl.origin}${fienUrl.pathname}?b=${g2.boardId}`);
    await fien.page.getByTestId('open-toggle').click();
    await ana.page.getByTestId('board-readonly').waitFor({ state: 'detached', ...WAIT });
    expect([...fien.errors, ...ana.errors]).toEqual([]);
    session.destroy();
  }, 90_000);

  it('removing a person can keep their notes without their name', async () => {
    const { url, wsUrl } = harness.server;
    const created = await api<CreateSessionResponse>(url, 'POST', '/api/sessions', {
      title: 'Naamloos',
      facilitatorName: 'Fien',
    });
    const s = created.body;
    const cas = await api<JoinResponse>(url, 'POST', '/api/join', { joinCode: s.joinCode, name: 'Cas' });
    const board = connectClient(wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), cas.body.token);
    await board.synced;
    const note = { kind: 'note' as const, x: 0, y: 0, w: 180, h: 120, text: 'Tip', color: '#fff3a3' as const };
    addItems(board.doc, [{ ...note, id: 'cas1', author: 'Cas', authorId: cas.body.participantId }]);
    const check = connectClient(wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), s.facilitatorToken);
    await waitFor(() => readBoard(check.doc).byId.has('cas1'), 'the note is stored');
    board.destroy();

    // The facilitator removes Cas (not connected) and keeps the note without the name.
    const fien = await harness.person();
    const [base, hash] = s.facilitatorUrl.split('#') as [string, string];
    await fien.page.goto(`${base}?debug#${hash}`);
    const absent = fien.page.getByTestId('absent-participant').filter({ hasText: 'Cas' });
    await absent.waitFor(WAIT);
    await absent.getByTestId('participant-manage').click();
    await fien.page.getByTestId('participant-remove').click();
    await fien.page.getByTestId('participant-remove-anonymise').check();
    await fien.page.getByTestId('participant-remove-yes').click();
    await absent.waitFor({ state: 'detached', ...WAIT });
    await waitFor(() => readBoard(check.doc).byId.get('cas1')?.author === '', 'the note without a name', 15_000);
    expect(readBoard(check.doc).byId.get('cas1')).toMatchObject({ kind: 'note', text: 'Tip', author: '' });
    await expect
      .poll(() => fien.page.evaluate(() => window.__veldwerkBoard?.snapshot().byId.get('cas1')?.author), WAIT)
      .toBe('');
    expect(fien.errors).toEqual([]);
    check.destroy();
  }, 90_000);
});
