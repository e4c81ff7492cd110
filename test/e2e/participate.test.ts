/**
 * Taking part beside the board (issue 5), with a facilitator and three participants in
 * their own browser contexts: answers to the plenary questions seen by each other and
 * hidden in private mode; a dot-voting round that stays secret until the facilitator
 * reveals ranked totals; the evaluation graded 6, 8 and 9, shown as n = 3, 7,7 and
 * "spreiding 6 – 9". Real server, real Chromium, the built client (`npx vite build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPrivateMode } from '../../shared/model/meeting/live.ts';
import { setCurrentPhase } from '../../shared/model/meeting/program.ts';
import { addItems } from '../../shared/model/board/commands.ts';
import { setBoardLocked } from '../../shared/model/sessionDoc.ts';
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

describe('taking part: answers, dot voting, evaluation', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  let fac: TestClient;
  let f: Person;
  let a: Person;
  let b: Person;

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, 'Netwerkbijeenkomst gezonde wijk', ['Anna', 'Bram', 'Cas']);
    fac = await facilitatorClient(harness.server.wsUrl, meeting);
    // The plenary phase: two questions, on the plenary board.
    setCurrentPhase(fac.doc, 'plenair');
    f = await harness.person();
    a = await harness.person();
    b = await harness.person();
    await openSession(f.page, harness.server.url, meeting.sessionId, meeting.facilitatorToken);
    await openSession(a.page, harness.server.url, meeting.sessionId, meeting.participants[0]!.token);
    await openSession(b.page, harness.server.url, meeting.sessionId, meeting.participants[1]!.token);
  });

  afterAll(() => fac?.destroy());

  it('two participants answer a question and see each other; private mode hides others from participants only', async () => {
    // The phase has questions: the panel is open on "Vragen".
    await a.page.locator('[data-testid="participate-panel"][data-tab="questions"]').waitFor(WAIT);
    expect(await participate.question(a.page, 'p1').textContent()).toContain('lastigste aspecten');

    await participate.answer(a.page, 'p1', 'Rolonduidelijkheid: wie voert de regie?');
    await participate.answer(b.page, 'p1', 'Verschillende belangen van partners');
    const both = ['Rolonduidelijkheid: wie voert de regie?', 'Verschillende belangen van partners'];
    await expect.poll(() => participate.answerTexts(a.page, 'p1'), WAIT).toEqual(both);
    await expect.poll(() => participate.answerTexts(b.page, 'p1'), WAIT).toEqual(both);
    expect(await participate.question(a.page, 'p1').getByTestId('answer-author').allTextContents()).toEqual([
      'Anna (jij)',
      'Bram',
    ]);
    // The composer emptied after sending; the other question has no answers.
    expect(await participate.question(a.page, 'p1').getByTestId('answer-input').inputValue()).toBe('');
    expect(await participate.answerTexts(a.page, 'p2')).toEqual([]);
    // Only your own answer can be edited.
    expect(await participate.question(a.page, 'p1').getByTestId('answer-edit').count()).toBe(1);
    await a.page.screenshot({ path: `${SHOTS}/participate-questions.png` });

    setPrivateMode(fac.doc, true);
    await expect.poll(() => participate.answerTexts(a.page, 'p1'), WAIT).toEqual([both[0]]);
    await expect.poll(() => participate.hiddenCount(a.page, 'p1'), WAIT).toBe(1);
    expect(await participate.question(a.page, 'p1').getByTestId('answers-hidden').textContent()).toBe(
      '1 verborgen antwoord van een ander',
    );
    await expect.poll(() => participate.answerTexts(b.page, 'p1'), WAIT).toEqual([both[1]]);
    // The facilitator sees everything.
    await participate.openTab(f.page, 'questions');
    await expect.poll(() => participate.answerTexts(f.page, 'p1'), WAIT).toEqual(both);
    expect(await participate.hiddenCount(f.page, 'p1')).toBe(0);
    await a.page.screenshot({ path: `${SHOTS}/participate-private.png` });

    setPrivateMode(fac.doc, false);
    await expect.poll(() => participate.answerTexts(a.page, 'p1'), WAIT).toEqual(both);

    // Your own answer can be edited (Enter saves); the facilitator may delete any answer.
    await participate.answer(a.page, 'p2', 'Zorg voor een trekker');
    const own = participate.question(a.page, 'p2');
    await own.getByTestId('answer-edit').click();
    await own.getByTestId('answer-edit-input').fill('Zorg voor één trekker');
    await own.getByTestId('answer-edit-input').press('Enter');
    await expect.poll(() => participate.answerTexts(b.page, 'p2'), WAIT).toEqual(['Zorg voor één trekker']);
    expect(await participate.question(b.page, 'p2').getByTestId('answer-delete').count()).toBe(0);
    await expect.poll(() => participate.answerTexts(f.page, 'p2'), WAIT).toEqual(['Zorg voor één trekker']);
    await participate.question(f.page, 'p2').getByTestId('answer-delete').click();
    await participate.question(f.page, 'p2').getByTestId('answer-delete-confirm').click();
    await expect.poll(() => participate.answerTexts(a.page, 'p2'), WAIT).toEqual([]);

    // A locked board: participants read, and are told why.
    setBoardLocked(fac.doc, PLENARY_BOARD_ID, true);
    await participate
      .question(a.page, 'p1')
      .getByTestId('answer-input')
      .waitFor({ state: 'detached', ...WAIT });
    expect(await a.page.getByTestId('answers-readonly').textContent()).toContain('op slot');
    expect(await participate.question(a.page, 'p1').getByTestId('answer-edit').count()).toBe(0);
    setBoardLocked(fac.doc, PLENARY_BOARD_ID, false);
    await participate.question(a.page, 'p1').getByTestId('answer-input').waitFor(WAIT);

    // Folded away, the panel is a slim strip of tabs; a tab opens it again.
    await f.page.getByTestId('panel-toggle').click();
    await f.page.locator('[data-testid="participate-panel"][data-open="false"]').waitFor();
    expect((await participate.panel(f.page).boundingBox())!.width).toBeLessThan(60);
    await f.page.screenshot({ path: `${SHOTS}/participate-collapsed.png` });
  }, 90_000);

  it('a vote round: dots within the budget, secret until the facilitator reveals ranked totals', async () => {
    const board = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    addItems(board.doc, [
      { kind: 'note', x: 0, y: 0, w: 180, h: 120, text: 'Zorg voor één trekker', color: '#fff3a3' },
      { kind: 'note', x: 220, y: 0, w: 180, h: 120, text: 'Start met 3-5 organisaties', color: '#caffbf' },
    ]);

    await participate.openTab(f.page, 'vote');
    await f.page.getByTestId('vote-title').fill('Welke tips wegen het zwaarst?');
    expect(await f.page.getByTestId('vote-per-person').inputValue()).toBe('3');
    await f.page.getByTestId('vote-open').click();
    await f.page.locator('[data-testid="round-admin"][data-status="open"]').waitFor();

    // Participants' panels switch to "Stemmen" by themselves.
    for (const p of [a, b]) {
      await p.page.locator('[data-testid="participate-panel"][data-tab="vote"]').waitFor(WAIT);
      await p.page.getByTestId('ballot').waitFor();
      await expect.poll(() => p.page.getByTestId('votes-left').textContent(), WAIT).toBe('Nog 3 stippen');
      await p.page.getByTestId('candidate').filter({ hasText: 'Start met 3-5 organisaties' }).waitFor(WAIT);
    }

    const trekker = await participate.dots(a.page, 'Zorg voor één trekker', 2);
    const answer = await participate.dots(a.page, 'Rolonduidelijkheid', 1);
    expect(await a.page.getByTestId('votes-left').textContent()).toBe('Al je stippen zijn verdeeld');
    // A fourth dot: the server refuses and the page says why.
    await participate.candidate(a.page, trekker).getByTestId('dot-add').click();
    await expect
      .poll(() => a.page.getByTestId('vote-error').textContent(), WAIT)
      .toContain('Je stippen zijn op: je hebt er 3 in deze ronde');
    expect(await participate.candidate(a.page, trekker).getAttribute('data-mine')).toBe('2');

    await participate.dots(b.page, 'Zorg voor één trekker', 1);
    const start = await participate.dots(b.page, 'Start met 3-5 organisaties', 2);
    // B takes one back and puts it again: still within the budget.
    await participate.candidate(b.page, start).getByTestId('dot-remove').click();
    await b.page.locator(`[data-testid="candidate"][data-target-id="${start}"][data-mine="1"]`).waitFor(WAIT);
    await participate.dots(b.page, 'Start met 3-5 organisaties', 1);
    await b.page.screenshot({ path: `${SHOTS}/participate-ballot.png` });

    // Secret: each sees only their own dots; the facilitator sees how many voted, no totals.
    expect(await participate.candidate(b.page, trekker).getAttribute('data-mine')).toBe('1');
    await expect.poll(() => f.page.getByTestId('round-voters').getAttribute('data-voters'), WAIT).toBe('2');
    expect(await f.page.getByTestId('round-voters').textContent()).toBe('2 mensen hebben gestemd');
    for (const p of [f, a, b]) expect(await p.page.getByTestId('vote-result').count()).toBe(0);

    await f.page.getByTestId('round-reveal').click();
    const expected = [
      { id: trekker, votes: 3, label: 'Zorg voor één trekker' },
      { id: start, votes: 2, label: 'Start met 3-5 organisaties' },
      { id: answer, votes: 1, label: 'Rolonduidelijkheid: wie voert de regie?' },
    ];
    for (const p of [f, a, b]) await expect.poll(() => participate.results(p.page), WAIT).toEqual(expected);
    expect(await f.page.locator('[data-testid="round-admin"]').getAttribute('data-status')).toBe('revealed');
    await a.page.screenshot({ path: `${SHOTS}/participate-vote-results.png` });
    board.destroy();
  }, 90_000);

  it('evaluation: grades 6, 8 and 9 give n = 3, 7,7 and spread 6 – 9; shown to everyone', async () => {
    setCurrentPhase(fac.doc, 'evaluatie');
    const c = await harness.person();
    await openSession(c.page, harness.server.url, meeting.sessionId, meeting.participants[2]!.token);
    for (const p of [a, b, c]) {
      await p.page.locator('[data-testid="participate-panel"][data-tab="evaluation"]').waitFor(WAIT);
    }
    // Anonymous by default.
    expect(await a.page.getByTestId('grade-anonymous').getAttribute('aria-checked')).toBe('true');
    await participate.grade(a.page, 6, 'Interessant en afwisselend, de theorie geeft goede handvatten');
    await participate.grade(b.page, 8, 'Een praktijkvoorbeeld zou een nuttige aanvulling zijn', false);
    await participate.grade(c.page, 9);

    // The facilitator sees it live beside the board and on the results screen.
    await f.page.locator('[data-testid="participate-panel"][data-tab="evaluation"]').waitFor(WAIT);
    const live = f.page.getByTestId('eval-live-summary');
    await expect.poll(() => live.getAttribute('data-n'), WAIT).toBe('3');
    await f.page.getByTestId('screen-results').click();
    const screen = f.page.getByTestId('results-screen');
    await screen.waitFor();
    const summary = screen.getByTestId('eval-live-summary');
    await expect.poll(() => summary.getByTestId('eval-n').textContent(), WAIT).toBe('3 cijfers');
    expect(await summary.getByTestId('eval-mean').textContent()).toBe('7,7');
    expect(await summary.getByTestId('eval-spread').textContent()).toBe('spreiding 6 – 9');
    const counts = await summary
      .locator('[data-testid^="eval-dist-"]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-count'))));
    expect(counts).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 1, 0]);
    const quotes = await summary.getByTestId('eval-quote').allTextContents();
    expect(quotes).toHaveLength(2);
    expect(quotes.find((q) => q.includes('praktijkvoorbeeld'))).toContain('— Bram');
    expect(quotes.find((q) => q.includes('Interessant'))).not.toContain('Anna');
    // The vote round is listed there too, with its result.
    expect(await screen.getByTestId('vote-result').count()).toBe(3);
    // Participants see nothing before it is shown.
    expect(await a.page.getByTestId('eval-shared').count()).toBe(0);
    await f.page.screenshot({ path: `${SHOTS}/participate-results-screen.png` });

    await screen.getByTestId('eval-show').click();
    for (const p of [a, b, c]) {
      const shared = p.page.getByTestId('eval-shared');
      await shared.waitFor(WAIT);
      expect(await shared.getByTestId('eval-mean').textContent()).toBe('7,7');
      expect(await shared.getByTestId('eval-spread').textContent()).toBe('spreiding 6 – 9');
      expect(await shared.getByTestId('eval-n').textContent()).toBe('3 cijfers');
    }
    await a.page.screenshot({ path: `${SHOTS}/participate-evaluation.png` });

    // A reload gives my own grade back.
    await a.page.reload();
    await a.page.locator('[data-testid="grade-saved"][data-grade="6"]').waitFor(WAIT);
    expect(await a.page.getByTestId('grade-quote').inputValue()).toContain('Interessant');

    for (const p of [f, a, b, c]) expect(p.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 90_000);
});
