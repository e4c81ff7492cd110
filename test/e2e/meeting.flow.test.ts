/**
 * The meeting flow as people have it (issue 12), with the real server and Chromium: a
 * phase starts the individual round itself; the timer belongs to a phase; the
 * facilitator's counts of voters and of grades follow live; Ctrl+Z in a 3 B's field and
 * in the single-line fields takes back a word; a drag leaves "Nieuwe actor" in the actors
 * panel; the projector page shows the shared content only (no presence, no instructions),
 * and its link is shown.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { readSettings } from '../../shared/model/board/actors.ts';
import { readRound } from '../../shared/model/board/round.ts';
import { readLive } from '../../shared/model/meeting/live.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { Role } from '../../shared/roles.ts';
import { boardRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { ui, type Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { participate, WAIT } from '../helpers/participatePage.ts';
import { api } from '../helpers/server.ts';
import { connectClient } from '../helpers/yclient.ts';

interface Meeting {
  sessionId: string;
  token: string;
  viewerUrl: string;
  people: JoinResponse[];
}

/** A meeting from the krachtenveld template with participants joined by the API. */
async function meeting(baseUrl: string, names: string[]): Promise<Meeting> {
  const res = await api<CreateSessionResponse>(baseUrl, 'POST', '/api/sessions', {
    title: 'Netwerkbijeenkomst De Horst',
    facilitatorName: 'Fien',
    template: 'krachtenveld',
  });
  expect(res.status).toBe(201);
  const people: JoinResponse[] = [];
  for (const name of names) {
    const joined = await api<JoinResponse>(baseUrl, 'POST', '/api/join', { joinCode: res.body.joinCode, name });
    expect(joined.status).toBe(201);
    people.push(joined.body);
  }
  const token = new URL(res.body.facilitatorUrl).hash.replace('#token=', '');
  return { sessionId: res.body.sessionId, token, viewerUrl: res.body.viewerUrl, people };
}

async function open(p: Person, baseUrl: string, m: Meeting, token: string, path = '') {
  await p.page.goto(`${baseUrl}/s/${m.sessionId}${path}#token=${token}`);
  await p.page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
}

async function goToPhase(page: Page, title: string) {
  await page.getByTestId('phase-menu').click();
  await page.getByTestId('phase-menu-item').filter({ hasText: title }).click();
}

const timerState = async (page: Page) =>
  (await page.getByTestId('timer').count()) === 0 ? 'none' : await page.getByTestId('timer').getAttribute('data-state');

describe('the meeting flow', () => {
  const h = useMeetingHarness();

  it('a phase of the programme starts the individual round: the participant gets the round at once', async () => {
    const { url, wsUrl } = h.server;
    const m = await meeting(url, ['Anna']);
    const fien = await h.person();
    const anna = await h.person();
    await open(fien, url, m, m.token);
    await open(anna, url, m, m.people[0]!.token);
    await fien.page.getByTestId('meeting-start').click();
    await expect.poll(() => anna.page.getByTestId('meeting-phase-title').textContent(), WAIT).toBe('Theorie');
    expect(await anna.page.getByTestId('round-picker').count()).toBe(0);

    // The programme editor shows the option, on for the template's round phase.
    await fien.page.getByTestId('program-edit').click();
    const options = fien.page.getByTestId('program-phase-start-round');
    await expect.poll(() => options.count(), WAIT).toBe(6);
    expect(await Promise.all([0, 1, 2].map((i) => options.nth(i).isChecked()))).toEqual([false, true, false]);
    await fien.page.getByTestId('program-editor').getByRole('button', { name: 'Annuleren' }).click();
    await fien.page.getByTestId('program-editor').waitFor({ state: 'detached', ...WAIT });

    await goToPhase(fien.page, 'Individuele ronde');
    // Anna lands on the 3 B's with her round card (no switch found by the facilitator).
    await anna.page.getByTestId('round-picker').waitFor(WAIT);
    expect(await anna.page.getByTestId('methods-empty').count()).toBe(0);
    const board = connectClient(wsUrl, boardRoomName(m.sessionId, PLENARY_BOARD_ID), m.token);
    await board.synced;
    expect(readSettings(board.doc).individualRound).toBe(true);

    // An actor from her own network, taken at once; her 3 B's card opens.
    await anna.page.getByTestId('round-own-name').fill('Huisartsen De Horst');
    await anna.page.getByTestId('round-own-add').click();
    await anna.page.getByTestId('round-card').filter({ hasText: 'Huisartsen De Horst' }).waitFor(WAIT);
    await anna.page.getByTestId('round-bedoeling').fill('Minder wachttijd');
    const annaId = m.people[0]!.participantId;
    await expect.poll(() => readRound(board.doc).byParticipant.get(annaId)?.name, WAIT).toBe('Anna');
    board.destroy();
    for (const p of [fien, anna]) expect(p.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 120_000);

  it('a phase switch stops the timer of the phase left; the facilitator may keep it running', async () => {
    const { url, wsUrl } = h.server;
    const m = await meeting(url, ['Bram']);
    const fien = await h.person();
    const bram = await h.person();
    await open(fien, url, m, m.token);
    await open(bram, url, m, m.people[0]!.token);
    await fien.page.getByTestId('meeting-start').click();
    await fien.page.getByTestId('timer-menu').click();
    await fien.page.getByTestId('timer-custom').fill('20');
    await fien.page.getByTestId('timer-start').click();
    await fien.page.keyboard.press('Escape');
    await expect.poll(() => timerState(bram.page), WAIT).toBe('running');

    // On to the next phase: the timer of the theory stops for everyone.
    await fien.page.getByTestId('phase-next').click();
    await expect.poll(() => bram.page.getByTestId('meeting-phase-title').textContent(), WAIT).toContain('Individuele');
    await expect.poll(() => timerState(bram.page), WAIT).toBe('none');
    const notice = fien.page.getByTestId('phase-timer-notice');
    await notice.waitFor(WAIT);
    expect(await notice.textContent()).toContain('gestopt');

    // "Laten doorlopen" puts it back, still counting down from where it was.
    await notice.getByTestId('timer-keep').click();
    await expect.poll(() => timerState(bram.page), WAIT).toBe('running');
    expect(Number(await bram.page.getByTestId('timer').getAttribute('data-seconds'))).toBeGreaterThan(15 * 60);

    // The small groups' phase starts its own 45 minutes (the template says so); the next one stops them.
    await fien.page.getByTestId('phase-next').click();
    const session = connectClient(wsUrl, sessionRoomName(m.sessionId), m.token);
    await session.synced;
    await expect
      .poll(() => readLive(session.doc).timer, WAIT)
      .toMatchObject({ status: 'running', durationMs: 45 * 60_000 });
    await fien.page.getByTestId('phase-next').click();
    await expect.poll(() => readLive(session.doc).timer.status, WAIT).toBe('idle');
    await expect.poll(() => timerState(bram.page), WAIT).toBe('none');
    session.destroy();
  }, 120_000);

  it("the facilitator's count of voters follows each vote without a reload", async () => {
    const { url, wsUrl } = h.server;
    const m = await meeting(url, ['Ana', 'Cas']);
    const fien = await h.person();
    await open(fien, url, m, m.token);
    const session = connectClient(wsUrl, sessionRoomName(m.sessionId), m.token);
    await session.synced;
    openVoteRound(session.doc, {
      id: 'tips',
      title: 'Beste tips',
      boardId: PLENARY_BOARD_ID,
      votesPerPerson: 3,
      createdAt: 1,
    });
    await participate.openTab(fien.page, 'vote');
    const voters = fien.page.getByTestId('round-voters');
    await expect.poll(() => voters.getAttribute('data-voters'), WAIT).toBe('0');
    const vote = (i: number, target: string, count: number) =>
      api(url, 'PUT', `/api/sessions/${m.sessionId}/votes/tips`, { targetId: target, count }, m.people[i]!.token);
    expect((await vote(0, 'note1abc', 2)).status).toBe(200);
    await expect.poll(() => voters.getAttribute('data-voters'), WAIT).toBe('1');
    expect((await vote(1, 'note2abc', 1)).status).toBe(200);
    await expect.poll(() => voters.getAttribute('data-voters'), WAIT).toBe('2');
    // Taking all dots back: one voter fewer. Nobody's choice is in the doc, only the count.
    expect((await vote(0, 'note1abc', 0)).status).toBe(200);
    await expect.poll(() => voters.getAttribute('data-voters'), WAIT).toBe('1');
    const results = JSON.stringify(session.doc.getMap('results').toJSON());
    expect(results).not.toContain('note1abc');
    expect(results).not.toContain(m.people[1]!.participantId);
    session.destroy();
  }, 120_000);

  it('Ctrl+Z in a 3 B field takes back the last word, not a letter', async () => {
    const { url } = h.server;
    const m = await meeting(url, []);
    const fien = await h.person();
    await open(fien, url, m, m.token, '/methode/drieB');
    await fien.page.getByTestId('actor-add-name').fill('GGD Hollands Midden');
    await fien.page.getByTestId('actor-add-submit').click();
    const field = fien.page.getByTestId('bees-belang').first();
    await field.click();
    await fien.page.keyboard.type('gezonde wijken');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => field.inputValue(), WAIT).toBe('gezonde');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => field.inputValue(), WAIT).toBe('');
    await fien.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => field.inputValue(), WAIT).toBe('gezonde');
  }, 120_000);

  it('Ctrl+Z in an answer and in a note on the board takes back a word too', async () => {
    const { url } = h.server;
    const m = await meeting(url, ['Anna']);
    const fien = await h.person();
    await open(fien, url, m, m.token);
    await goToPhase(fien.page, 'Plenaire nabespreking');
    const anna = await h.person();
    await open(anna, url, m, m.people[0]!.token, '?debug');
    await participate.openTab(anna.page, 'questions');
    const answer = participate.question(anna.page, 'p1').getByTestId('answer-input');
    await answer.click();
    await anna.page.keyboard.type('ieder eigen domein');
    await anna.page.keyboard.press('Control+z');
    await expect.poll(() => answer.inputValue(), WAIT).toBe('ieder eigen');
    await anna.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => answer.inputValue(), WAIT).toBe('ieder eigen domein');

    // A note on the free board: N, click, type.
    await anna.page.getByTestId('view-tab-canvas').click();
    const canvas = anna.page.locator('.board-canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await anna.page.keyboard.press('n');
    await anna.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const editor = anna.page.getByTestId('note-editor');
    await editor.waitFor(WAIT);
    await anna.page.keyboard.type('hoge werkdruk');
    await anna.page.keyboard.press('Control+z');
    await expect.poll(() => editor.inputValue(), WAIT).toBe('hoge');
  }, 120_000);

  it('after dragging an actor onto the field, "Nieuwe actor" is still in the panel', async () => {
    const { url } = h.server;
    const m = await meeting(url, []);
    const fien = await h.person({ viewport: { width: 1440, height: 900 } });
    await open(fien, url, m, m.token, '/methode/krachtenveld?debug');
    await fien.page.getByTestId('actor-add-name').fill('Woningcorporatie');
    await fien.page.getByTestId('actor-add-submit').click();
    const point = fien.page.locator('[data-testid="field-points"] li[data-name="Woningcorporatie"]');
    await point.waitFor({ state: 'attached', ...WAIT });
    const stage = (await fien.page.getByTestId('field-stage').boundingBox())!;
    const chip = { x: Number(await point.getAttribute('data-x')), y: Number(await point.getAttribute('data-y')) };
    await fien.page.mouse.move(stage.x + chip.x, stage.y + chip.y);
    await fien.page.mouse.down();
    await fien.page.mouse.move(stage.x + stage.width * 0.7, stage.y + stage.height * 0.3, { steps: 12 });
    await fien.page.mouse.up();
    await expect.poll(() => point.getAttribute('data-placed'), WAIT).toBe('true');
    // The panel did not flip to the actor's card: the new-actor field is right there.
    await fien.page.getByTestId('actor-add-name').waitFor({ state: 'visible', ...WAIT });
    expect(await fien.page.getByTestId('actor-card').count()).toBe(0);
    // Choosing the actor in the list still opens its card.
    await fien.page.getByTestId('actor-item').filter({ hasText: 'Woningcorporatie' }).click();
    await fien.page.getByTestId('actor-card').waitFor(WAIT);
  }, 120_000);

  it('the projector page shows the shared content full screen, and its link is shown in text', async () => {
    const { url } = h.server;
    const m = await meeting(url, ['Dewi']);
    const fien = await h.person();
    await open(fien, url, m, m.token);
    const shown = fien.page.getByTestId('projector-url');
    await shown.waitFor(WAIT);
    const link = await shown.inputValue();
    // The read-only link (a viewer's token) on the projector page.
    expect(link.startsWith(`${url}/s/${m.sessionId}/projectie#token=`)).toBe(true);
    const token = new URL(link).hash.slice('#token='.length);
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'))).toMatchObject({
      role: 'viewer',
    });
    expect(await fien.page.getByTestId('copy-viewer-url').isVisible()).toBe(true);

    const beamer = await h.person({ viewport: { width: 1920, height: 1080 } });
    await beamer.page.goto(link);
    await beamer.page.getByTestId('projector').waitFor(WAIT);
    await fien.page.getByTestId('meeting-start').click();
    await expect.poll(() => beamer.page.getByTestId('projector-phase').textContent(), WAIT).toContain('Theorie');
    // Only the shared content: no presence list, sidebars, header or panels.
    for (const chrome of ['presence-name', 'facilitator-panel', 'session-title', 'participate-panel', 'meeting-bar']) {
      expect(await beamer.page.getByTestId(chrome).count()).toBe(0);
    }
    expect(await beamer.page.locator('.sidebar').count()).toBe(0);
    // The board fills the screen below the phase.
    const area = (await beamer.page.locator('.projector-board-area').boundingBox())!;
    expect(area.width).toBe(1920);
    expect(area.height).toBeGreaterThan(700);
    await beamer.page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? '/tmp'}/projector-page.png` });
    expect(beamer.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 120_000);

  it("the facilitator's count of grades follows each grade without a reload; the doc holds the number only", async () => {
    const { url, wsUrl } = h.server;
    const m = await meeting(url, ['Ana', 'Cas']);
    const fien = await h.person();
    const summaryLoads: string[] = [];
    fien.page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === `/api/sessions/${m.sessionId}/evaluation`) {
        summaryLoads.push(r.url());
      }
    });
    await open(fien, url, m, m.token);
    await participate.openTab(fien.page, 'evaluation');
    const live = fien.page.getByTestId('eval-live-summary');
    await expect.poll(() => live.getAttribute('data-n'), WAIT).toBe('0');
    const grade = (i: number, value: number, quote = '') =>
      api(url, 'PUT', `/api/sessions/${m.sessionId}/evaluation`, { grade: value, quote }, m.people[i]!.token);
    expect((await grade(0, 6, 'Leerzaam')).status).toBe(200);
    await expect.poll(() => live.getAttribute('data-n'), WAIT).toBe('1');
    expect(await live.getByTestId('eval-mean').textContent()).toBe('6,0');
    expect((await grade(1, 9)).status).toBe(200);
    await expect.poll(() => live.getAttribute('data-n'), WAIT).toBe('2');
    expect(await live.getByTestId('eval-mean').textContent()).toBe('7,5');
    // Loaded when the screen opened and at each new count: no polling in between.
    expect(summaryLoads).toHaveLength(3);
    // The session doc holds how many, never whose grade, which grade or the quote.
    const session = connectClient(wsUrl, sessionRoomName(m.sessionId), m.token);
    await session.synced;
    expect(session.doc.getMap('results').toJSON()).toEqual({ grades: 2 });
    session.destroy();
  }, 120_000);

  it("a projector opened with the facilitator's own link publishes no presence and gives no instructions", async () => {
    const { url, wsUrl } = h.server;
    const m = await meeting(url, []);
    const fien = await h.person();
    await open(fien, url, m, m.token);
    await fien.page.getByTestId('meeting-start').click();
    // Not the viewer link: the facilitator's own token on the projector page.
    const beamer = await h.person({ viewport: { width: 1920, height: 1080 } });
    await beamer.page.goto(`${url}/s/${m.sessionId}/projectie#token=${m.token}`);
    await beamer.page.getByTestId('projector').waitFor(WAIT);
    await expect.poll(() => beamer.page.getByTestId('projector-phase').textContent(), WAIT).toContain('Theorie');
    // An empty krachtenveld: a neutral state, no "add the partners" (the projector is read-only).
    const empty = beamer.page.getByTestId('methods-empty');
    await empty.waitFor(WAIT);
    expect(await empty.textContent()).toBe('Nog geen actoren');
    expect(await beamer.page.getByText('Voeg de partners toe', { exact: false }).count()).toBe(0);
    // A pointer moving over the projected board.
    const area = (await beamer.page.locator('.projector-board-area').boundingBox())!;
    for (const f of [0.3, 0.5, 0.7]) await beamer.page.mouse.move(area.x + area.width * f, area.y + area.height * f);

    // Whoever is in the session and on the board: the facilitator's own page, once; nothing of the projector.
    for (const room of [sessionRoomName(m.sessionId), boardRoomName(m.sessionId, PLENARY_BOARD_ID)]) {
      const watcher = connectClient(wsUrl, room, m.token);
      await watcher.synced;
      const others = () =>
        [...watcher.provider.awareness.getStates()]
          .filter(([id]) => id !== watcher.doc.clientID)
          .map(([, state]) => state);
      await expect.poll(() => others().length, WAIT).toBeGreaterThan(0);
      const states = others();
      expect(states.map((s) => (s.user as { role?: string } | undefined)?.role)).toEqual([Role.facilitator]);
      watcher.destroy();
    }
    expect(await ui.presenceNames(fien.page)).toEqual(['Fien']);
    expect(beamer.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 120_000);

  it("Ctrl+Z takes back a word in the single-line fields too: actors' names, a programme question, a board's name", async () => {
    const { url } = h.server;
    const m = await meeting(url, []);
    const fien = await h.person({ viewport: { width: 1440, height: 900 } });
    await open(fien, url, m, m.token, '/methode/krachtenveld');
    const add = fien.page.getByTestId('actor-add-name');
    await add.click();
    await fien.page.keyboard.type('GGD Hollands Midden');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => add.inputValue(), WAIT).toBe('GGD Hollands');
    await fien.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => add.inputValue(), WAIT).toBe('GGD Hollands Midden');
    await fien.page.getByTestId('actor-add-submit').click();

    await fien.page.getByTestId('actor-item').filter({ hasText: 'GGD Hollands Midden' }).click();
    const name = fien.page.getByTestId('actor-card').getByTestId('actor-name');
    await name.waitFor(WAIT);
    await name.click();
    await fien.page.keyboard.press('End');
    await fien.page.keyboard.type(' en omstreken');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue(), WAIT).toBe('GGD Hollands Midden en');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => name.inputValue(), WAIT).toBe('GGD Hollands Midden');

    // A question in the programme editor, and a board's new name.
    await open(fien, url, m, m.token);
    await fien.page.getByTestId('program-edit').click();
    const question = fien.page.getByTestId('program-question').first();
    await question.waitFor(WAIT);
    const before = await question.inputValue();
    await question.click();
    await fien.page.keyboard.press('End');
    await fien.page.keyboard.type(' in de wijk');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => question.inputValue(), WAIT).toBe(`${before} in de`);
    await fien.page.getByTestId('program-editor').getByRole('button', { name: 'Annuleren' }).click();
    await fien.page.getByTestId('program-editor').waitFor({ state: 'detached', ...WAIT });
    await fien.page.locator('.board-tab').first().dblclick();
    const rename = fien.page.getByTestId('board-tab-rename');
    await rename.waitFor(WAIT);
    await fien.page.keyboard.press('End');
    await fien.page.keyboard.type(' De Horst');
    await fien.page.keyboard.press('Control+z');
    await expect.poll(() => rename.inputValue(), WAIT).toBe('Plenair De');
  }, 120_000);
});
