/**
 * A whole meeting (issue 5), as a facilitator runs it: one facilitator and four
 * participants in their own browser contexts (Dewi on a phone-sized screen), two small
 * groups. Everyone joins by code; the facilitator forms the groups, switches phases
 * (seen by all), starts the timer (seen by all); the groups fill their boards; a locked
 * board refuses a participant; the tips are voted on and revealed; the meeting is
 * graded and the mean and spread shown to all. Real server, real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ui, type Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { participate, WAIT } from '../helpers/participatePage.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

const phaseTitle = async (p: Page, phone: boolean) =>
  phone
    ? ((await p.getByTestId('phone-phase').textContent()) ?? '')
    : ((await p.getByTestId('meeting-phase-title').textContent()) ?? '');

describe('a whole meeting', () => {
  const h = useMeetingHarness();

  it('runs from joining by code to the evaluation, with a facilitator, three laptops and a phone', async () => {
    // The facilitator starts the meeting from the start page (the krachtenveld programme).
    const fac = await h.person();
    const code = await ui.startSession(fac.page, h.server.url, 'Netwerkbijeenkomst De Horst', 'Fien');
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);

    // Everyone joins with the code and a name only.
    const people: Record<string, Person> = {};
    for (const name of ['Ana', 'Bram', 'Cas']) {
      people[name] = await h.person();
      await ui.join(people[name]!.page, h.server.url, code, name);
    }
    const dewi = await h.person({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await ui.join(dewi.page, h.server.url, code, 'Dewi');
    people.Dewi = dewi;
    for (const p of Object.values(people)) await p.page.waitForURL(/\/s\/[A-Za-z0-9_-]+/);
    await dewi.page.getByTestId('phone-view').waitFor();
    await expect.poll(async () => (await ui.presenceNames(fac.page)).length, WAIT).toBe(5);
    const desktops = ['Ana', 'Bram', 'Cas'].map((n) => people[n]!);
    const everyone = [...desktops, dewi];

    // Two groups, divided automatically (2 + 2).
    await fac.page.getByTestId('groups-count').fill('2');
    await fac.page.getByTestId('groups-create').click();
    await expect.poll(() => fac.page.getByTestId('group-card').count(), WAIT).toBe(2);
    await fac.page.getByTestId('groups-mode-auto').check();
    const membersOf = (group: string) =>
      fac.page
        .locator(`[data-testid="group-card"][data-name="${group}"] [data-testid="group-member"]`)
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? '').sort());
    await expect.poll(async () => (await membersOf('Groep 1')).length, WAIT).toBe(2);
    const groupOne = await membersOf('Groep 1');
    expect([...groupOne, ...(await membersOf('Groep 2'))].sort()).toEqual(['Ana', 'Bram', 'Cas', 'Dewi']);

    // Phase switch seen by all: start the programme, then on to the small groups.
    await fac.page.getByTestId('meeting-start').click();
    for (const p of everyone) await expect.poll(() => phaseTitle(p.page, p === dewi), WAIT).toContain('Theorie');
    await fac.page.getByTestId('phase-next').click();
    await fac.page.getByTestId('phase-next').click();
    for (const p of everyone) {
      await expect.poll(() => phaseTitle(p.page, p === dewi), WAIT).toContain('Uitwisseling in kleine groepen');
    }
    // Laptops land on their group's board, with the three questions in the bar.
    for (const p of desktops) {
      await expect.poll(() => new URL(p.page.url()).searchParams.get('b'), WAIT).not.toBeNull();
      expect(await p.page.getByTestId('meeting-question').count()).toBe(3);
    }

    // The timer, started by the facilitator, runs for everyone.
    await fac.page.getByTestId('timer-menu').click();
    await fac.page.getByTestId('timer-start-phase').click();
    for (const p of [fac, ...everyone]) {
      await expect.poll(() => p.page.getByTestId('timer').first().getAttribute('data-state'), WAIT).toBe('running');
      expect(Number(await p.page.getByTestId('timer').first().getAttribute('data-seconds'))).toBeGreaterThan(40 * 60);
    }
    await fac.page.keyboard.press('Escape');

    // The groups fill their boards: an answer from each laptop, a note from the phone.
    const answers: Record<string, string> = {
      Ana: 'Rolonduidelijkheid: wie voert de regie?',
      Bram: 'Ieder blijft in het eigen domein',
      Cas: 'Concurrentie om financiering',
    };
    for (const [name, text] of Object.entries(answers)) {
      await participate.openTab(people[name]!.page, 'questions');
      await participate.answer(people[name]!.page, 'g1', text);
    }
    await dewi.page.getByTestId('phone-tab-notes').click();
    await dewi.page.getByTestId('phone-note-input').fill('Hoge werkdruk bij partners');
    await dewi.page.getByTestId('phone-note-add').click();
    await dewi.page.getByTestId('phone-note-added').waitFor(WAIT);
    // Group members see each other's answers; the other group does not.
    const firstOfOne = people[groupOne[0]!]!;
    const secondOfOne = people[groupOne[1]!]!;
    if (firstOfOne !== dewi && secondOfOne !== dewi) {
      await expect.poll(async () => (await participate.answerTexts(firstOfOne.page, 'g1')).length, WAIT).toBe(2);
    }
    // The control room shows both groups with their answered questions.
    await fac.page.getByTestId('screen-control').click();
    await expect.poll(() => fac.page.getByTestId('control-card').count(), WAIT).toBeGreaterThanOrEqual(2);
    await fac.page.screenshot({ path: `${SHOTS}/whole-meeting-control.png` });

    // A locked board refuses a participant's edit: lock group 1's board from its card.
    const cardOne = fac.page.locator('[data-testid="control-card"][data-name="Groep 1"]');
    await cardOne.getByTestId('control-lock').click();
    await expect.poll(() => cardOne.getByTestId('control-lock').getAttribute('aria-pressed'), WAIT).toBe('true');
    const lockedOne = groupOne.map((n) => people[n]!).find((p) => p !== dewi)!;
    await participate
      .question(lockedOne.page, 'g1')
      .getByTestId('answer-input')
      .waitFor({ state: 'detached', ...WAIT });
    expect(await lockedOne.page.getByTestId('answers-readonly').textContent()).toContain('op slot');
    await fac.page.getByTestId('screen-board').click();

    // On to the plenary and the tips: everyone is back on the plenary board.
    await fac.page.getByTestId('phase-next').click();
    await fac.page.getByTestId('phase-next').click();
    for (const p of everyone) {
      await expect.poll(() => phaseTitle(p.page, p === dewi), WAIT).toContain('Tips en aandachtspunten');
    }
    for (const p of desktops) await expect.poll(() => new URL(p.page.url()).searchParams.get('b'), WAIT).toBeNull();
    await participate.answer(people.Ana!.page, 't1', 'Ken je netwerk');
    await participate.answer(people.Cas!.page, 't1', 'Zorg voor één trekker');

    // Dot voting on the tips: secret until the facilitator reveals the totals.
    await participate.openTab(fac.page, 'vote');
    await fac.page.getByTestId('vote-title').fill('Welke tips wegen het zwaarst?');
    await fac.page.getByTestId('vote-open').click();
    for (const p of everyone) await p.page.getByTestId('ballot').waitFor(WAIT);
    for (const p of everyone) {
      await p.page.getByTestId('candidate').filter({ hasText: 'Zorg voor één trekker' }).waitFor(WAIT);
    }
    const netwerk = await participate.dots(people.Ana!.page, 'Ken je netwerk', 2);
    await participate.dots(people.Bram!.page, 'Ken je netwerk', 1);
    const trekker = await participate.dots(people.Bram!.page, 'Zorg voor één trekker', 1);
    await participate.dots(people.Cas!.page, 'Ken je netwerk', 1);
    await participate.dots(dewi.page, 'Zorg voor één trekker', 1);
    await expect.poll(() => fac.page.getByTestId('round-voters').getAttribute('data-voters'), WAIT).toBe('4');
    for (const p of [fac, ...everyone]) expect(await p.page.getByTestId('vote-result').count()).toBe(0);
    await fac.page.getByTestId('round-reveal').click();
    for (const p of [fac, ...everyone]) {
      await expect
        .poll(async () => (await participate.results(p.page)).map((r) => [r.id, r.votes]), WAIT)
        .toEqual([
          [netwerk, 4],
          [trekker, 2],
        ]);
    }

    // The evaluation: 6, 8, 9 and 8 make 7,8 with spread 6 – 9 (as in the seed's report).
    await fac.page.getByTestId('phase-next').click();
    for (const p of everyone) {
      await expect.poll(() => phaseTitle(p.page, p === dewi), WAIT).toContain('Evaluatie');
      await p.page.locator('[data-testid="grade-submit"]').waitFor(WAIT);
    }
    await participate.grade(people.Ana!.page, 6, 'Interessant en afwisselend');
    await participate.grade(people.Bram!.page, 8);
    await participate.grade(people.Cas!.page, 9);
    await participate.grade(dewi.page, 8);
    await fac.page.getByTestId('screen-results').click();
    const screen = fac.page.getByTestId('results-screen');
    await expect.poll(() => screen.getByTestId('eval-n').textContent(), WAIT).toBe('4 cijfers');
    expect(await screen.getByTestId('eval-mean').textContent()).toBe('7,8');
    expect(await screen.getByTestId('eval-spread').textContent()).toBe('spreiding 6 – 9');
    await screen.getByTestId('eval-show').click();
    for (const p of everyone) {
      const shared = p.page.getByTestId('eval-shared');
      await shared.waitFor(WAIT);
      expect(await shared.getByTestId('eval-mean').textContent()).toBe('7,8');
      expect(await shared.getByTestId('eval-spread').textContent()).toBe('spreiding 6 – 9');
    }
    await dewi.page.screenshot({ path: `${SHOTS}/whole-meeting-phone-evaluation.png` });
    await fac.page.screenshot({ path: `${SHOTS}/whole-meeting-results.png` });
    for (const p of [fac, ...everyone]) expect(p.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  }, 240_000);
});
