/**
 * Phones of 360 px (issue 12): on every page a participant sees on a phone (the start
 * page, the join link, the phone view in each phase and each of its sections) nothing
 * scrolls sideways (the page is no wider than the screen), every control is at least
 * 44×44 px to tap (WCAG 2.5.5; inline links in running text excepted) and no text is
 * smaller than 14 px. Real server, real Chromium with touch and a mobile viewport.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActor } from '../../shared/model/board/actors.ts';
import { setCurrentPhase } from '../../shared/model/meeting/program.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { brokenWords } from '../helpers/brokenWords.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, openSession, WAIT, type Meeting } from '../helpers/participatePage.ts';
import type { TestClient } from '../helpers/yclient.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const MIN_TARGET = 44;
const MIN_TEXT = 14;
/** The tab bar's labels under their icons: the platforms' 12 px for a navigation label. */
const MIN_TAB_TEXT = 12;

interface PageProblems {
  /** The page's width beyond the screen's. */
  sideways: number;
  /** Controls smaller than 44×44 px: "label (w×h)". */
  smallTargets: string[];
  /** Texts under 14 px (12 px in the tab bar): "text (size)". */
  smallTexts: string[];
  /** Controls whose text runs out of their box (into a neighbour, or cut): "label (text×box)". */
  overflowing: string[];
  /** Words broken between two letters ("Huisart|sen"): names wrap at spaces. */
  broken: string[];
}

/** What on the page breaks the phone rules (measured in the page, for every visible element). */
function problems(page: Page): Promise<Omit<PageProblems, 'broken'>> {
  return page.evaluate(
    ({ minTarget, minText, minTabText }) => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0';
      };
      const label = (el: Element) =>
        (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName)
          .trim()
          .replace(/\s+/g, ' ')
          .slice(0, 40);
      const smallTargets: string[] = [];
      const overflowing: string[] = [];
      const controls = document.querySelectorAll(
        'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="tab"], summary',
      );
      for (const el of controls) {
        if (!visible(el) || el.closest('.visually-hidden')) continue;
        // Visually hidden (a file input behind its button): the button is the target.
        const own = el.getBoundingClientRect();
        if (own.width <= 2 && own.height <= 2) continue;
        // A link inside a sentence is exempt (WCAG 2.5.5 "inline").
        if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
        // A checkbox or radio with its label: the label is the target.
        const target = el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el;
        const r = target.getBoundingClientRect();
        if (r.width < minTarget - 0.5 || r.height < minTarget - 0.5) {
          smallTargets.push(`${label(el)} (${Math.round(r.width)}×${Math.round(r.height)})`);
        }
        // Its text within its own box: a wider label would lie over the next control.
        if (el.matches('button, a[href], [role="tab"]')) {
          const range = document.createRange();
          range.selectNodeContents(el);
          const content = range.getBoundingClientRect();
          if (content.width > 0 && (content.left < own.left - 0.5 || content.right > own.right + 0.5)) {
            overflowing.push(`${label(el)} (${Math.round(content.width)}×${Math.round(own.width)})`);
          }
        }
      }
      const smallTexts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent?.trim() ?? '';
        const el = n.parentElement;
        if (!text || !el || !visible(el) || el.closest('.visually-hidden, svg, [aria-hidden="true"]')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const min = el.closest('.ph-tab') ? minTabText : minText;
        if (size < min - 0.01) smallTexts.push(`${text.slice(0, 30)} (${size}px)`);
      }
      return {
        sideways: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
        smallTargets: [...new Set(smallTargets)],
        smallTexts: [...new Set(smallTexts)],
        overflowing: [...new Set(overflowing)],
      };
    },
    { minTarget: MIN_TARGET, minText: MIN_TEXT, minTabText: MIN_TAB_TEXT },
  );
}

/** Every state's problems, by page name: all are listed in one failure. */
async function check(page: Page, name: string, found: Record<string, Partial<PageProblems>>) {
  await page.screenshot({ path: `${SHOTS}/phone360-${name}.png`, fullPage: true });
  const p = { ...(await problems(page)), broken: await brokenWords(page, 'body') };
  const bad: Partial<PageProblems> = {};
  if (p.sideways > 0) bad.sideways = p.sideways;
  if (p.smallTargets.length) bad.smallTargets = p.smallTargets;
  if (p.smallTexts.length) bad.smallTexts = p.smallTexts;
  if (p.overflowing.length) bad.overflowing = p.overflowing;
  if (p.broken.length) bad.broken = p.broken;
  if (Object.keys(bad).length) found[name] = bad;
}

describe('phone pages at 360 px', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  let fac: TestClient;
  let board: TestClient;
  let phone: Person;
  let joinCode: string;

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, 'Netwerkbijeenkomst De Horst', ['Anna']);
    fac = await facilitatorClient(harness.server.wsUrl, meeting);
    board = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    const info = await fetch(`${harness.server.url}/api/sessions/${meeting.sessionId}`, {
      headers: { authorization: `Bearer ${meeting.facilitatorToken}` },
    }).then((r) => r.json() as Promise<{ joinCode?: string }>);
    joinCode = info.joinCode ?? '';
    phone = await harness.person(PHONE);
  });

  afterAll(() => {
    board?.destroy();
    fac?.destroy();
  });

  it('the start page and the join link fit', async () => {
    const found: Record<string, Partial<PageProblems>> = {};
    await phone.page.goto(`${harness.server.url}/`);
    await phone.page.getByTestId('join-code').waitFor(WAIT);
    await check(phone.page, 'start', found);
    expect(joinCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    await phone.page.goto(`${harness.server.url}/join/${joinCode}`);
    await phone.page.getByTestId('join-name').waitFor(WAIT);
    await check(phone.page, 'join', found);
    if (Object.keys(found).length) console.log(JSON.stringify(found, null, 1));
    expect(found).toEqual({});
  });

  it('the phone view fits in every phase and section', { timeout: 120_000 }, async () => {
    await openSession(phone.page, harness.server.url, meeting.sessionId, meeting.participants[0]!.token);
    await phone.page.getByTestId('phone-view').waitFor(WAIT);
    const found: Record<string, Partial<PageProblems>> = {};
    await check(phone.page, 'waiting', found);

    addActor(board.doc, { name: 'Huisartsen De Horst', organisation: 'Huisartsenpraktijk De Horst' });
    openVoteRound(fac.doc, {
      id: 'tips',
      title: 'Welke tips wegen het zwaarst?',
      boardId: PLENARY_BOARD_ID,
      votesPerPerson: 3,
      targets: ['notes', 'actors'],
      createdAt: Date.now(),
    });
    for (const phase of ['theorie', 'ronde', 'plenair', 'tips', 'evaluatie']) {
      setCurrentPhase(fac.doc, phase);
      await expect.poll(() => phone.page.getByTestId('phone-phase').getAttribute('data-phase-id'), WAIT).toBe(phase);
      for (const card of ['questions', 'notes', 'bees', 'vote', 'evaluation']) {
        const tab = phone.page.getByTestId(`phone-tab-${card}`);
        if ((await tab.count()) === 0) continue;
        await tab.click();
        await phone.page.locator(`[data-testid="phone-view"][data-card="${card}"]`).waitFor(WAIT);
        await check(phone.page, `${phase}-${card}`, found);
      }
    }
    // In English (longer words) the tab bar and every card fit too.
    await phone.page.getByTestId('lang-en').click();
    await expect.poll(() => phone.page.evaluate(() => document.documentElement.lang), WAIT).toBe('en');
    for (const card of ['questions', 'notes', 'bees', 'vote', 'evaluation']) {
      await phone.page.getByTestId(`phone-tab-${card}`).click();
      await phone.page.locator(`[data-testid="phone-view"][data-card="${card}"]`).waitFor(WAIT);
      await check(phone.page, `en-${card}`, found);
    }
    await phone.page.getByTestId('lang-nl').click();
    if (Object.keys(found).length) console.log(JSON.stringify(found, null, 1));
    expect(found).toEqual({});
    expect(phone.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });
});
