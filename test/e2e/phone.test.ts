/**
 * The participant's phone view (issue 5) at 390x844 with touch, beside a facilitator at
 * a laptop: the view follows the phase (questions, the 3 B's, voting, evaluation),
 * shows the timer, and everything is done without the canvas: an answer the
 * facilitator reads, notes that land in free spots on the facilitator's board, the 3 B's
 * of one actor, dots, a grade. "Volledig bord openen" leads to the normal page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActor, readMethods } from '../../shared/model/board/actors.ts';
import { startTimer } from '../../shared/model/meeting/live.ts';
import { setCurrentPhase } from '../../shared/model/meeting/program.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import {
  createMeeting,
  facilitatorClient,
  openSession,
  participate,
  WAIT,
  type Meeting,
} from '../helpers/participatePage.ts';
import type { TestClient } from '../helpers/yclient.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

interface NoteView {
  id: string;
  kind: string;
  text: string;
  author: string;
  authorId?: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The notes on the facilitator's canvas, through the board test hook (`?debug`). */
function boardNotes(page: Person['page']): Promise<NoteView[]> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __veldwerkBoard?: { snapshot(): { items: NoteView[] } } }).__veldwerkBoard;
    return hook ? hook.snapshot().items.filter((i) => i.kind === 'note') : [];
  });
}

describe('the phone view', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  let fac: TestClient;
  let board: TestClient;
  let f: Person;
  let phone: Person;

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, 'Gezonde wijk Noord', ['Anna']);
    fac = await facilitatorClient(harness.server.wsUrl, meeting);
    board = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    setCurrentPhase(fac.doc, 'plenair');
    f = await harness.person();
    phone = await harness.person(PHONE);
    await f.page.goto(`${harness.server.url}/s/${meeting.sessionId}?debug#token=${meeting.facilitatorToken}`);
    await f.page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor(WAIT);
    await openSession(phone.page, harness.server.url, meeting.sessionId, meeting.participants[0]!.token);
  });

  afterAll(() => {
    board?.destroy();
    fac?.destroy();
  });

  it('follows the phase with its questions and the timer; an answer reaches the facilitator', async () => {
    const view = phone.page.getByTestId('phone-view');
    await view.waitFor();
    // The whole page is not there: no canvas, no sidebar.
    expect(await phone.page.locator('.page-session').count()).toBe(0);
    expect(await phone.page.locator('canvas').count()).toBe(0);
    expect(await view.getAttribute('data-card')).toBe('questions');
    expect(await phone.page.getByTestId('phone-phase').textContent()).toContain('Plenaire nabespreking');
    expect(await phone.page.getByTestId('session-title').textContent()).toBe('Gezonde wijk Noord');

    startTimer(fac.doc, 5 * 60_000);
    await phone.page.getByTestId('timer').waitFor(WAIT);
    expect(await phone.page.getByTestId('timer').getAttribute('data-state')).toBe('running');

    await participate.answer(phone.page, 'p1', 'Hoge werkdruk bij partners');
    await expect.poll(() => participate.answerTexts(phone.page, 'p1'), WAIT).toEqual(['Hoge werkdruk bij partners']);
    await participate.openTab(f.page, 'questions');
    await expect.poll(() => participate.answerTexts(f.page, 'p1'), WAIT).toEqual(['Hoge werkdruk bij partners']);
    await phone.page.screenshot({ path: `${SHOTS}/phone-questions.png`, fullPage: true });
  });

  it('adds notes that the facilitator sees on the board, in free spots', async () => {
    await phone.page.getByTestId('phone-tab-notes').click();
    await phone.page.getByTestId('phone-notes').waitFor();
    await phone.page.getByTestId('phone-note-input').fill('Zorg voor één trekker');
    await phone.page.getByTestId('phone-note-add').click();
    await phone.page.getByTestId('phone-note-added').waitFor();
    await phone.page.getByTestId('phone-note-input').fill('Bespreek de krachtenveldanalyse met anderen');
    await phone.page.getByTestId('phone-note-add').click();
    await expect.poll(() => phone.page.getByTestId('phone-my-note').count(), WAIT).toBe(2);

    await expect.poll(async () => (await boardNotes(f.page)).length, WAIT).toBe(2);
    const notes = await boardNotes(f.page);
    const pid = meeting.participants[0]!.participantId;
    expect(notes.map((n) => n.text).sort()).toEqual([
      'Bespreek de krachtenveldanalyse met anderen',
      'Zorg voor één trekker',
    ]);
    for (const n of notes) expect([n.author, n.authorId]).toEqual(['Anna', pid]);
    const [n1, n2] = notes as [NoteView, NoteView];
    const overlap = n1.x < n2.x + n2.w && n2.x < n1.x + n1.w && n1.y < n2.y + n2.h && n2.y < n1.y + n1.h;
    expect(overlap).toBe(false);
    await phone.page.screenshot({ path: `${SHOTS}/phone-notes.png`, fullPage: true });
  });

  it("fills in the 3 B's of one actor when the individual round starts", async () => {
    addActor(board.doc, { name: 'Huisartsen De Horst', organisation: 'Huisartsenpraktijk' });
    setCurrentPhase(fac.doc, 'ronde');
    await phone.page.locator('[data-testid="phone-view"][data-card="bees"]').waitFor(WAIT);
    await phone.page.getByTestId('round-pick').filter({ hasText: 'Huisartsen De Horst' }).click();
    await phone.page.getByTestId('round-card').waitFor();
    await phone.page.getByTestId('round-bedoeling').fill('Minder druk op de praktijk');
    await phone.page.getByTestId('round-belang').fill('Gezonde patiënten');
    await expect
      .poll(() => {
        const actor = readMethods(board.doc).actors.find((a) => a.name === 'Huisartsen De Horst');
        return actor && [actor.bedoeling, actor.belang];
      }, WAIT)
      .toEqual(['Minder druk op de praktijk', 'Gezonde patiënten']);
    await phone.page.screenshot({ path: `${SHOTS}/phone-bees.png`, fullPage: true });
  });

  it('votes with dots when a round opens, and grades the meeting', async () => {
    openVoteRound(fac.doc, {
      id: 'tips',
      title: 'Welke tips wegen het zwaarst?',
      boardId: PLENARY_BOARD_ID,
      votesPerPerson: 3,
      targets: ['notes'],
      createdAt: Date.now(),
    });
    await phone.page.locator('[data-testid="phone-view"][data-card="vote"]').waitFor(WAIT);
    await phone.page.getByTestId('ballot').waitFor();
    await phone.page.getByTestId('candidate').filter({ hasText: 'Zorg voor één trekker' }).waitFor(WAIT);
    // Only notes in this round.
    expect(await phone.page.getByTestId('candidate').count()).toBe(2);
    await participate.dots(phone.page, 'Zorg voor één trekker', 2);
    expect(await phone.page.getByTestId('votes-left').textContent()).toBe('Nog 1 stip');
    await phone.page.screenshot({ path: `${SHOTS}/phone-vote.png`, fullPage: true });

    setCurrentPhase(fac.doc, 'evaluatie');
    await phone.page.locator('[data-testid="phone-view"][data-card="evaluation"]').waitFor(WAIT);
    await participate.grade(phone.page, 8, 'Leerzaam, graag een praktijkvoorbeeld');
    await participate.openTab(f.page, 'evaluation');
    await expect
      .poll(() => f.page.getByTestId('eval-live-summary').getByTestId('eval-mean').textContent(), WAIT)
      .toBe('8,0');
    await phone.page.screenshot({ path: `${SHOTS}/phone-evaluation.png`, fullPage: true });

    // The full board is one tap away.
    await phone.page.getByTestId('phone-full-board').click();
    await phone.page.locator('.page-session').waitFor();
    expect(await phone.page.getByTestId('phone-view').count()).toBe(0);
    expect(phone.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
