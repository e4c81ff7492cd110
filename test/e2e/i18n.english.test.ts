/**
 * In English, no Dutch in the app's own words (issue 12). A facilitator switches to
 * English on the start page and walks the app: the start page, the board and each
 * method view, the Regiekamer, Vergelijken and Resultaten; a participant switches on the
 * phone view. On every page the visible text and the labels (aria-label, title,
 * placeholder) are checked against marker words: the Dutch words of the dictionaries
 * that no English text uses. What the people typed (title, names, actors, notes) is
 * taken out first: their content stays as they wrote it. Real server, built client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addItems } from '../../shared/model/board/commands.ts';
import { addActor } from '../../shared/model/board/actors.ts';
import { readProgram, setCurrentPhase } from '../../shared/model/meeting/program.ts';
import { appName } from '../../shared/i18n/appNames.ts';
import { textsOf } from '../../shared/i18n/texts.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { appTexts } from '../../client/src/app/allTexts.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, WAIT, type Meeting } from '../helpers/participatePage.ts';
import { api } from '../helpers/server.ts';
import type { TestClient } from '../helpers/yclient.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const TITLE = 'Gezonde wijk De Horst';
const PEOPLE = ['Anna', 'Bram'];
const ACTORS = ['GGD Regio', 'Huisartsen De Horst', 'Woningcorporatie Thuis'];
const NOTE = 'Zorg voor één trekker';
/** What the people typed: left as it is in every language. */
const CONTENT = [TITLE, 'Fien', ...PEOPLE, ...ACTORS, NOTE];

const words = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/** Dutch words of the dictionaries that no English text has (at least 4 letters). */
function dutchMarkers(): Set<string> {
  const english = new Set(textsOf(appTexts.en).flatMap(words));
  const markers = new Set<string>();
  for (const w of textsOf(appTexts.nl).flatMap(words)) if (w.length >= 4 && !english.has(w)) markers.add(w);
  // The language switch names Dutch in Dutch ("Nederlands"), on purpose, in every language.
  markers.delete('nederlands');
  return markers;
}

/** The page's own words: visible text and the labels people hear, without their content. */
async function pageWords(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of Array.from(document.querySelectorAll('[aria-label],[title],[placeholder],[alt]'))) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) parts.push(v);
      }
    }
    return parts.join('\n');
  });
  return CONTENT.reduce((t, c) => t.split(c).join(' '), text);
}

async function dutchOn(page: Page, markers: Set<string>): Promise<string[]> {
  const text = await pageWords(page);
  const found = new Set<string>();
  for (const line of text.split('\n')) {
    const hit = words(line).find((w) => markers.has(w));
    if (hit) found.add(`${hit}: ${line.trim().slice(0, 120)}`);
  }
  return [...found];
}

describe('the app in English', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  const clients: TestClient[] = [];
  let fien: Person;
  let anna: Person;
  const markers = dutchMarkers();

  async function expectEnglish(page: Page, label: string) {
    await page.screenshot({ path: `${SHOTS}/english-${label.replace(/\W+/g, '-')}.png` });
    const found = await dutchOn(page, markers);
    expect(found, `${label}: ${found.join(' | ')}`).toEqual([]);
  }

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, TITLE, PEOPLE);
    const made = await api<{ groups: { boardId: string }[] }>(
      harness.server.url,
      'POST',
      `/api/sessions/${meeting.sessionId}/groups`,
      { count: 2 },
      meeting.facilitatorToken,
    );
    if (made.status !== 201) throw new Error('groups were not made');
    const session = await facilitatorClient(harness.server.wsUrl, meeting);
    clients.push(session);
    setCurrentPhase(session.doc, 'groepen');
    const plenary = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    clients.push(plenary);
    addItems(plenary.doc, [{ kind: 'note', x: 80, y: 80, w: 200, h: 140, text: NOTE, color: '#fff3a3' }]);
    for (const board of [
      plenary,
      ...(await Promise.all(made.body.groups.map((g) => facilitatorClient(harness.server.wsUrl, meeting, g.boardId)))),
    ]) {
      if (board !== plenary) clients.push(board);
      ACTORS.forEach((name, i) =>
        addActor(board.doc, { name, houding: 0.2 * i - 0.2, invloed: 0.3 * i - 0.3, betrokkenheid: 0.5 }),
      );
    }
    fien = await harness.person({ viewport: { width: 1366, height: 768 } });
    anna = await harness.person({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  it('has Dutch marker words to look for', () => {
    for (const w of ['bijeenkomst', 'deelnemers', 'procesbegeleider', 'actoren']) expect(markers.has(w), w).toBe(true);
  });

  it('start page, after switching to English', async () => {
    await fien.page.goto(`${harness.server.url}/`);
    await fien.page.getByTestId('lang-en').click();
    await fien.page.locator('html[lang="en"]').waitFor(WAIT);
    await expectEnglish(fien.page, 'start');
  });

  for (const view of ['canvas', 'krachtenveld', 'krachten', 'drieB', 'netwerk', 'typologie'] as const) {
    it(`facilitator, board view ${view}`, async () => {
      const v = view === 'canvas' ? '' : `&v=${view}`;
      await fien.page.goto(
        `${harness.server.url}/s/${meeting.sessionId}?b=${PLENARY_BOARD_ID}${v}#token=${meeting.facilitatorToken}`,
      );
      await fien.page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
      await fien.page.getByTestId('screen-board').click();
      if (view === 'canvas') await fien.page.getByTestId('board').waitFor(WAIT);
      else {
        await fien.page.locator(`[data-testid="methods"][data-view="${view}"]`).waitFor(WAIT);
      }
      await expectEnglish(fien.page, `board ${view}`);
    });
  }

  for (const screen of ['control', 'compare', 'results'] as const) {
    it(`facilitator, screen ${screen}`, async () => {
      await fien.page.goto(`${harness.server.url}/s/${meeting.sessionId}#token=${meeting.facilitatorToken}`);
      await fien.page.getByTestId('screen-board').click();
      await fien.page.getByTestId(`screen-${screen}`).click();
      await fien.page.locator(`[data-testid="screen-${screen}"][aria-current="page"]`).waitFor(WAIT);
      const root = { control: 'control-room', compare: 'compare-screen', results: 'results-screen' }[screen];
      await fien.page.getByTestId(root).waitFor(WAIT);
      if (screen === 'control')
        await fien.page
          .getByText(ACTORS[0]!)
          .first()
          .waitFor(WAIT)
          .catch(() => undefined);
      await expectEnglish(fien.page, `screen ${screen}`);
      await fien.page.getByTestId('screen-board').click();
    });
  }

  it('programme editor: the app’s phase names and questions in English, stored defaults kept when untouched', async () => {
    await fien.page.goto(`${harness.server.url}/s/${meeting.sessionId}#token=${meeting.facilitatorToken}`);
    await fien.page.getByTestId('program-edit').click();
    const editor = fien.page.getByTestId('program-editor');
    await editor.waitFor(WAIT);
    const titles = editor.getByTestId('program-phase-title');
    expect(await titles.first().inputValue()).toBe('Theory');
    expect(await editor.getByTestId('program-question').first().inputValue()).toBe(
      'What is going on in the field of forces between the partners?',
    );
    await expectEnglish(fien.page, 'programme editor');
    // One field typed, the rest untouched: the typed text as typed, the defaults still the app's own.
    await titles.nth(1).fill('Round of the 3 B’s');
    await editor.getByTestId('program-save').click();
    await editor.waitFor({ state: 'detached', ...WAIT });
    const session = clients[0]!;
    await expect.poll(() => readProgram(session.doc).phases[1]?.title, WAIT).toBe('Round of the 3 B’s');
    const phases = readProgram(session.doc).phases;
    expect(phases[0]!.title).toBe(appName('theorie.title'));
    expect(phases.find((p) => p.id === 'groepen')!.questions[0]!.text).toBe(appName('groepen.g1'));
  });

  it('participant on a phone, after switching to English on the phone view', async () => {
    await anna.page.goto(`${harness.server.url}/s/${meeting.sessionId}#token=${meeting.participants[0]!.token}`);
    await anna.page.getByTestId('phone-view').waitFor(WAIT);
    await anna.page.getByTestId('lang-en').click();
    await anna.page.locator('html[lang="en"]').waitFor(WAIT);
    for (const card of ['questions', 'notes', 'bees', 'vote', 'evaluation'] as const) {
      await anna.page.getByTestId(`phone-tab-${card}`).click();
      await anna.page.getByTestId(`phone-card-${card}`).waitFor(WAIT);
      await expectEnglish(anna.page, `phone ${card}`);
    }
  });
});
