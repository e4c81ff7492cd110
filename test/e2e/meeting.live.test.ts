/**
 * The live meeting (issue 5), one facilitator and two participants in their own browser
 * contexts, on a session made from the "krachtenveld" template: the phase switch with
 * its questions reaches everyone, a group phase takes a group member to the group's
 * board, the timer runs the same for all (pause holds it, "Tijd is om" at the end),
 * "Iedereen hierheen", spotlight (banner, the board, and back), presenter mode, private
 * mode, and the programme editor on a blank session. Real server, real Chromium.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateSessionResponse } from '../../shared/api.ts';
import { setGroupMode } from '../../shared/model/meeting/groups.ts';
import { sessionRoomName } from '../../shared/protocol.ts';
import { ui, type Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { api } from '../helpers/server.ts';
import { connectClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** The meeting bar, as everyone sees it. */
const bar = {
  title: (p: Page) => p.getByTestId('meeting-phase-title').textContent(),
  step: (p: Page) => p.getByTestId('meeting-step').textContent(),
  questions: (p: Page) => p.getByTestId('meeting-question').allTextContents(),
  timerState: (p: Page) => p.getByTestId('timer').getAttribute('data-state'),
  timerSeconds: async (p: Page) => Number(await p.getByTestId('timer').getAttribute('data-seconds')),
  /** The open board (`?b=`; the plenary board has none) and view (`?v=`). */
  board: (p: Page) => new URL(p.url()).searchParams.get('b'),
  view: (p: Page) => new URL(p.url()).searchParams.get('v') ?? 'canvas',
  async openTimer(p: Page) {
    if ((await p.getByTestId('timer-menu').getAttribute('aria-expanded')) !== 'true')
      await p.getByTestId('timer-menu').click();
  },
  async openLive(p: Page) {
    if ((await p.getByTestId('live-menu').getAttribute('aria-expanded')) !== 'true')
      await p.getByTestId('live-menu').click();
  },
};

async function createSession(baseUrl: string, template: 'krachtenveld' | 'blank') {
  const res = await api<CreateSessionResponse>(baseUrl, 'POST', '/api/sessions', {
    title: 'Netwerkbijeenkomst Gezonde Wijk',
    facilitatorName: 'Fien',
    template,
  });
  expect(res.status).toBe(201);
  return { ...res.body, token: new URL(res.body.facilitatorUrl).hash.replace('#token=', '') };
}

async function openAsFacilitator(p: Person, baseUrl: string, sessionId: string, token: string) {
  await p.page.goto(`${baseUrl}/s/${sessionId}?debug#token=${token}`);
  await p.page.getByTestId('meeting-bar').waitFor();
}

/** Joins with the code, then reopens with `?debug` (the board's test hook); the identity stays. */
async function joinAs(p: Person, baseUrl: string, joinCode: string, name: string) {
  await ui.join(p.page, baseUrl, joinCode, name);
  await p.page.waitForURL(/\/s\/[A-Za-z0-9_-]+/);
  const address = new URL(p.page.url());
  address.searchParams.set('debug', '1');
  await p.page.goto(address.href);
  await p.page
    .getByTestId('meeting-bar')
    .waitFor()
    .catch(async (err: unknown) => {
      await p.page.screenshot({ path: `${SHOTS}/meeting-live-join-failed.png` });
      throw new Error(`${String(err)}\n${p.page.url()}\n${p.errors.join('\n')}`);
    });
  await expect.poll(() => ui.connectionState(p.page), WAIT).toBe('connected');
}

/** The world point in the middle of this person's board, and the zoom. */
function viewCentre(p: Page): Promise<{ x: number; y: number; scale: number }> {
  return p.evaluate(() => {
    const hook = window.__veldwerkBoard;
    if (!hook) return { x: NaN, y: NaN, scale: NaN };
    const v = hook.getViewport();
    return {
      x: (hook.stage.width() / 2 - v.x) / v.scale,
      y: (hook.stage.height() / 2 - v.y) / v.scale,
      scale: v.scale,
    };
  });
}

function participantToken(p: Page, sessionId: string): Promise<string> {
  return p.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token: string }).token,
    `veldwerk:identity:${sessionId}`,
  );
}

describe('the live meeting', () => {
  const harness = useMeetingHarness();

  it('moves everyone through the phases, with the timer, bring-everyone-here, spotlight and presenter mode', async () => {
    const { url, wsUrl } = harness.server;
    const s = await createSession(url, 'krachtenveld');
    const fien = await harness.person();
    const anna = await harness.person();
    const bram = await harness.person();
    await openAsFacilitator(fien, url, s.sessionId, s.token);
    await joinAs(anna, url, s.joinCode, 'Anna (wijkverpleging)');
    await joinAs(bram, url, s.joinCode, 'Bram (gemeente)');

    // Nothing current yet: participants wait, the facilitator is asked to start.
    for (const p of [anna, bram])
      await p.page.getByTestId('meeting-waiting').filter({ hasText: 'De bijeenkomst begint zo' }).waitFor();
    await fien.page.getByTestId('meeting-start').filter({ hasText: 'Theorie' }).waitFor();
    expect(await anna.page.getByTestId('meeting-controls').count()).toBe(0);

    // Two groups; Anna chooses Groep 1, Bram stays without a group.
    const created = await api<{ groups: { id: string; name: string; boardId: string }[] }>(
      url,
      'POST',
      `/api/sessions/${s.sessionId}/groups`,
      { count: 2 },
      s.token,
    );
    expect(created.status).toBe(201);
    const [g1, g2] = created.body.groups;
    if (!g1 || !g2) throw new Error('two groups expected');
    const fac = connectClient(wsUrl, sessionRoomName(s.sessionId), s.token);
    await fac.synced;
    setGroupMode(fac.doc, 'choose');
    await expect
      .poll(async () => {
        const r = await api(
          url,
          'POST',
          `/api/sessions/${s.sessionId}/groups/choose`,
          { groupId: g1.id },
          await participantToken(anna.page, s.sessionId),
        );
        return r.status;
      }, WAIT)
      .toBe(200);
    fac.destroy();

    // Phase 1: everyone sees it; participants open the phase's view (krachtenveld) on the plenary board.
    await fien.page.getByTestId('meeting-start').click();
    for (const p of [fien, anna, bram]) {
      await expect.poll(() => bar.title(p.page), WAIT).toBe('Theorie');
      expect(await bar.step(p.page)).toBe('Fase 1 van 6');
    }
    for (const p of [anna, bram]) {
      await expect.poll(() => bar.view(p.page), WAIT).toBe('krachtenveld');
      expect(bar.board(p.page)).toBeNull();
    }
    expect(bar.view(fien.page)).toBe('canvas'); // the facilitator is not moved

    // Phase 3 ("in de groepen") through the phase menu: Anna lands on her group's board, Bram (no group) on the plenary one.
    await fien.page.getByTestId('phase-menu').click();
    await fien.page.getByTestId('phase-menu-item').filter({ hasText: 'kleine groepen' }).click();
    const groupQuestions = [
      'Wat speelt er in het krachtenveld van samenwerkende partners?',
      'Hoe stellen partners zich op?',
      'Waarom stellen ze zich zo op?',
    ];
    for (const p of [anna, bram]) {
      await expect.poll(() => bar.title(p.page), WAIT).toBe('Uitwisseling in kleine groepen');
      expect(await bar.step(p.page)).toBe('Fase 3 van 6');
      await expect.poll(() => bar.questions(p.page), WAIT).toEqual(groupQuestions);
    }
    await expect.poll(() => bar.board(anna.page), WAIT).toBe(g1.boardId);
    expect(bar.board(bram.page)).toBeNull();
    await anna.page.getByTestId('meeting-notice').filter({ hasText: 'Groep 1' }).waitFor();
    await anna.page.screenshot({ path: `${SHOTS}/meeting-live-participant-groups.png` });

    // Next phase (plenary): Anna back to the plenary board; the previous button goes back.
    await fien.page.getByTestId('phase-next').click();
    await expect.poll(() => bar.title(anna.page), WAIT).toBe('Plenaire nabespreking');
    await expect.poll(() => bar.board(anna.page), WAIT).toBeNull();
    await expect.poll(() => bar.questions(bram.page), WAIT).toHaveLength(2);

    // Timer: the planned 30 minutes for this phase, seen by both, counting down.
    await bar.openTimer(fien.page);
    await fien.page.getByTestId('timer-start-phase').filter({ hasText: '30 min' }).click();
    for (const p of [anna, bram]) {
      await expect.poll(() => bar.timerState(p.page), WAIT).toBe('running');
      const first = await bar.timerSeconds(p.page);
      expect(first).toBeGreaterThan(29 * 60 - 5);
      expect(first).toBeLessThanOrEqual(30 * 60);
    }
    const before = await bar.timerSeconds(anna.page);
    await expect.poll(() => bar.timerSeconds(anna.page), WAIT).toBeLessThan(before);
    // Both devices show the same second (within one tick).
    expect(Math.abs((await bar.timerSeconds(anna.page)) - (await bar.timerSeconds(bram.page)))).toBeLessThanOrEqual(1);

    // Pause holds it.
    await fien.page.getByTestId('timer-pause').click();
    await expect.poll(() => bar.timerState(bram.page), WAIT).toBe('paused');
    const held = await bar.timerSeconds(bram.page);
    await bram.page.waitForTimeout(1600);
    expect(await bar.timerSeconds(bram.page)).toBe(held);
    expect(await bram.page.getByTestId('timer').textContent()).toContain('Gepauzeerd');
    await fien.page.getByTestId('timer-resume').click();
    await expect.poll(() => bar.timerState(bram.page), WAIT).toBe('running');
    // +1 minuut.
    const beforeAdd = await bar.timerSeconds(bram.page);
    await fien.page.getByTestId('timer-add').click();
    await expect.poll(() => bar.timerSeconds(bram.page), WAIT).toBeGreaterThan(beforeAdd + 50);

    // A short timer of 3 seconds: "Tijd is om", red, for both.
    await fien.page.getByTestId('timer-custom').fill('0:03');
    await fien.page.getByTestId('timer-start').click();
    for (const p of [anna, bram]) {
      await expect.poll(() => bar.timerSeconds(p.page), WAIT).toBeLessThanOrEqual(3);
      await p.page.getByTestId('timer-up').filter({ hasText: 'Tijd is om' }).waitFor({ timeout: 8000 });
      expect(await p.page.getByTestId('timer').getAttribute('class')).toContain('is-up');
      const bg = await p.page.getByTestId('timer').evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(bg).toBe('rgb(179, 38, 30)');
    }
    await fien.page.keyboard.press('Escape');
    await bram.page.screenshot({ path: `${SHOTS}/meeting-live-timer-up.png` });
    await fien.page.screenshot({ path: `${SHOTS}/meeting-live-facilitator.png` });

    // "Iedereen hierheen": Bram wanders to Groep 2's board, the facilitator calls everyone to the plenary board.
    await bram.page.getByTestId('view-tab-canvas').click();
    await bram.page.locator(`[data-testid="board-tab"][data-board-id="${g2.boardId}"]`).click();
    await expect.poll(() => bar.board(bram.page), WAIT).toBe(g2.boardId);
    await bar.openLive(fien.page);
    await fien.page.getByTestId('live-summon').click();
    await expect.poll(() => bar.board(bram.page), WAIT).toBeNull();
    await bram.page.getByTestId('meeting-notice').filter({ hasText: 'heeft je naar' }).waitFor();

    // Dewi joins on a phone (the phone view): the live banners float over it.
    const dewi = await harness.person({ viewport: { width: 390, height: 844 } });
    await ui.join(dewi.page, url, s.joinCode, 'Dewi (sociaal wijkteam)');
    await dewi.page.waitForURL(/\/s\/[A-Za-z0-9_-]+/);
    await dewi.page.getByTestId('phone-view').waitFor();

    // Spotlight on Groep 1: a banner for everyone, their screen shows that board, and back after.
    await bar.openLive(fien.page);
    await fien.page.locator(`[data-testid="live-spotlight"][data-board-id="${g1.boardId}"]`).click();
    for (const p of [anna, bram]) {
      await p.page.getByTestId('spotlight-banner').filter({ hasText: 'Iedereen kijkt naar Groep 1' }).waitFor();
      await expect.poll(() => bar.board(p.page), WAIT).toBe(g1.boardId);
    }
    await bram.page.screenshot({ path: `${SHOTS}/meeting-live-spotlight.png` });
    await dewi.page.getByTestId('spotlight-banner').filter({ hasText: 'Iedereen kijkt naar Groep 1' }).waitFor();
    await dewi.page.screenshot({ path: `${SHOTS}/meeting-live-spotlight-phone.png` });
    await fien.page.getByTestId('live-spotlight-off').click();
    for (const p of [anna, bram]) {
      await expect.poll(() => bar.board(p.page), WAIT).toBeNull();
      await expect.poll(() => p.page.getByTestId('spotlight-banner').count(), WAIT).toBe(0);
    }

    // Private mode: an indicator for everyone, "Onthullen" ends it.
    await bar.openLive(fien.page);
    await fien.page.getByTestId('live-private').click();
    await anna.page.getByTestId('private-banner').filter({ hasText: 'Privémodus' }).waitFor();
    await fien.page.keyboard.press('Escape');
    await fien.page.getByTestId('private-reveal').click();
    await expect.poll(() => anna.page.getByTestId('private-banner').count(), WAIT).toBe(0);

    // Presenter mode: on the free board, Anna's view follows the facilitator's.
    await bram.page.getByTestId('view-tab-canvas').click();
    await bar.openLive(fien.page);
    await fien.page.getByTestId('live-presenter').click();
    await fien.page.keyboard.press('Escape');
    await anna.page.getByTestId('presenter-banner').waitFor();
    await expect.poll(() => bar.view(anna.page), WAIT).toBe('canvas');
    await fien.page.waitForFunction(() => Boolean(window.__veldwerkBoard));
    for (const v of [
      { x: -1400, y: -900, scale: 1.5 },
      { x: -200, y: -100, scale: 0.75 },
    ]) {
      await fien.page.evaluate((vp) => window.__veldwerkBoard!.setViewport(vp), v);
      const theirs = await viewCentre(fien.page);
      // Anna sees the centre of the facilitator's view, at about the same zoom (screens differ a little).
      await expect
        .poll(async () => {
          const mine = await viewCentre(anna.page);
          return Math.hypot(mine.x - theirs.x, mine.y - theirs.y) < 2 && Math.abs(mine.scale / v.scale - 1) < 0.2;
        }, WAIT)
        .toBe(true);
    }
    await anna.page.screenshot({ path: `${SHOTS}/meeting-live-presenter.png` });
    await fien.page.getByTestId('presenter-banner').getByRole('button', { name: 'Beëindigen' }).click();
    await expect.poll(() => anna.page.getByTestId('presenter-banner').count(), WAIT).toBe(0);

    // A reload does not move anyone; someone arriving now lands where the phase is.
    await anna.page.getByTestId('view-tab-canvas').click();
    await anna.page.locator(`[data-testid="board-tab"][data-board-id="${g2.boardId}"]`).click();
    await expect.poll(() => bar.board(anna.page), WAIT).toBe(g2.boardId);
    await anna.page.reload();
    await expect.poll(() => bar.title(anna.page), WAIT).toBe('Plenaire nabespreking');
    await anna.page.waitForTimeout(1000);
    expect(bar.board(anna.page)).toBe(g2.boardId);

    const cas = await harness.person();
    await joinAs(cas, url, s.joinCode, 'Cas (huisarts)');
    await expect.poll(() => bar.view(cas.page), WAIT).toBe('krachtenveld');
    expect(bar.board(cas.page)).toBeNull();

    for (const p of [fien, anna, bram, cas, dewi]) expect(p.errors).toEqual([]);
  }, 180_000);

  it('lets the facilitator build the programme of a blank session, checked before it is saved', async () => {
    const { url } = harness.server;
    const s = await createSession(url, 'blank');
    const fien = await harness.person();
    await openAsFacilitator(fien, url, s.sessionId, s.token);
    const page = fien.page;
    await page.getByTestId('meeting-start-prompt').filter({ hasText: 'Nog geen programma' }).waitFor();
    await page.getByTestId('program-edit').click();
    const editor = page.getByTestId('program-editor');
    await editor.getByText('Nog geen fasen').waitFor();

    await editor.getByTestId('program-add-phase').click();
    await editor.getByTestId('program-add-phase').click();
    const [first, second] = [editor.getByTestId('program-phase').nth(0), editor.getByTestId('program-phase').nth(1)];
    await first.getByTestId('program-phase-title').fill('Kennismaking');
    await first.getByTestId('program-phase-minutes').fill('abc');
    await second.getByTestId('program-phase-title').fill('');
    await second.getByTestId('program-add-question').click();
    await editor.getByTestId('program-save').click();
    // Not saved: the errors are named at their fields.
    await editor.getByRole('alert').filter({ hasText: 'Nog niet opgeslagen' }).waitFor();
    await editor.getByText('Een heel getal van 0 tot 600.').waitFor();
    await editor.getByText('Geef de fase een titel.').waitFor();
    await editor.getByText('Vul de vraag in of verwijder haar.').waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: `${SHOTS}/meeting-live-editor-errors.png` });

    await first.getByTestId('program-phase-minutes').fill('10');
    await second.getByTestId('program-phase-title').fill('Groepsgesprek');
    await second.getByTestId('program-question').fill('Wie ontbreekt er nog aan tafel?');
    await second.getByTestId('program-phase-where').selectOption('groups');
    await second.getByTestId('program-phase-view').selectOption('netwerk');
    // Reorder: the group talk first.
    await second.getByRole('button', { name: 'Omhoog' }).click();
    await editor.getByTestId('program-save').click();
    await expect.poll(() => editor.isVisible(), WAIT).toBe(false);

    await page.getByTestId('meeting-start').filter({ hasText: 'Groepsgesprek' }).click();
    await expect.poll(() => bar.title(page), WAIT).toBe('Groepsgesprek');
    expect(await bar.step(page)).toBe('Fase 1 van 2');
    expect(await bar.questions(page)).toEqual(['Wie ontbreekt er nog aan tafel?']);
    await page.getByTestId('phase-menu').click();
    expect(await page.getByTestId('phase-menu-item').allTextContents()).toEqual([
      '1GroepsgesprekIn de groepen · 10 min',
      '2KennismakingPlenair · 10 min',
    ]);
    await page.keyboard.press('Escape');

    // Remove a phase: the rest stays.
    await page.getByTestId('program-edit').click();
    await editor.getByTestId('program-phase').nth(1).getByTestId('program-remove-phase').click();
    await editor.getByTestId('program-save').click();
    await expect.poll(() => bar.step(page), WAIT).toBe('Fase 1 van 1');

    // On a phone-sized screen the bar wraps; the details stay readable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/meeting-live-facilitator-phone.png`, fullPage: false });
    expect(fien.errors).toEqual([]);
  }, 90_000);
});
