/**
 * WCAG 2.1 AA on the session page (issue 12): axe-core finds no serious or critical
 * violation on the free board and each method view, for the facilitator and for a
 * participant, nor on the facilitator's Regiekamer, Vergelijken and Resultaten, the
 * shortcut help and the verslag dialog. The boards hold the worked example (actors on
 * the field, relations, forces, 3 B's) and a note, so the rules have something to check.
 * Real server, real Chromium, the built client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addItems } from '../../shared/model/board/commands.ts';
import { addActor } from '../../shared/model/board/actors.ts';
import { seedGezondeWijk } from '../../shared/model/templates/gezondeWijk.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { axeBlocking, describeViolations } from '../helpers/axe.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, WAIT, type Meeting } from '../helpers/participatePage.ts';
import { api } from '../helpers/server.ts';
import type { TestClient } from '../helpers/yclient.ts';

const VIEWS = ['canvas', 'krachtenveld', 'krachten', 'drieB', 'netwerk', 'typologie'] as const;

async function openView(page: Page, baseUrl: string, meeting: Meeting, token: string, view: string) {
  const v = view === 'canvas' ? '' : `&v=${view}`;
  await page.goto(`${baseUrl}/s/${meeting.sessionId}?b=${PLENARY_BOARD_ID}${v}#token=${token}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
  if (view === 'canvas') await page.getByTestId('board').waitFor(WAIT);
  else await page.getByTestId('methods').waitFor(WAIT);
  // The worked example has arrived (its actors are listed in the actors panel or the canvas is drawn).
  if (view !== 'canvas') await page.getByText('GGD Regio').first().waitFor(WAIT);
}

async function expectClean(page: Page, label: string) {
  const found = await axeBlocking(page, label);
  expect(found, `${label}\n${describeViolations(found)}`).toEqual([]);
}

describe('axe on the session page', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  const clients: TestClient[] = [];
  let fien: Person;
  let anna: Person;

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, 'Gezonde wijk De Horst', ['Anna', 'Bram']);
    const made = await api<{ groups: { boardId: string }[] }>(
      harness.server.url,
      'POST',
      `/api/sessions/${meeting.sessionId}/groups`,
      { count: 2 },
      meeting.facilitatorToken,
    );
    if (made.status !== 201) throw new Error('groups were not made');
    const plenary = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    clients.push(plenary);
    seedGezondeWijk(plenary.doc);
    addItems(plenary.doc, [
      { kind: 'note', x: 80, y: 80, w: 200, h: 140, text: 'Zorg voor één trekker', color: '#fff3a3' },
    ]);
    for (const [i, g] of made.body.groups.entries()) {
      const c = await facilitatorClient(harness.server.wsUrl, meeting, g.boardId);
      clients.push(c);
      if (i === 0) seedGezondeWijk(c.doc);
      else addActor(c.doc, { name: 'GGD Regio', houding: 0.4, invloed: 0.3, betrokkenheid: 0.6 });
    }
    fien = await harness.person({ viewport: { width: 1366, height: 768 } });
    anna = await harness.person({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  for (const view of VIEWS) {
    it(`facilitator, ${view}`, async () => {
      await openView(fien.page, harness.server.url, meeting, meeting.facilitatorToken, view);
      await expectClean(fien.page, `facilitator ${view}`);
    });
  }

  for (const view of VIEWS) {
    it(`participant, ${view}`, async () => {
      await openView(anna.page, harness.server.url, meeting, meeting.participants[0]!.token, view);
      await expectClean(anna.page, `participant ${view}`);
    });
  }

  it('participant, the panel beside the board: questions, voting, evaluation', async () => {
    await openView(anna.page, harness.server.url, meeting, meeting.participants[0]!.token, 'canvas');
    for (const tab of ['questions', 'vote', 'evaluation'] as const) {
      await anna.page.getByTestId(`panel-tab-${tab}`).click();
      await anna.page.locator(`[data-testid="participate-panel"][data-tab="${tab}"]`).waitFor(WAIT);
      await expectClean(anna.page, `participant panel ${tab}`);
    }
  });

  it('facilitator, the shortcut help and the verslag dialog', async () => {
    await openView(fien.page, harness.server.url, meeting, meeting.facilitatorToken, 'canvas');
    await fien.page.locator('[data-testid="board"] canvas').first().waitFor(WAIT);
    await fien.page.getByTestId('help-button').click();
    await fien.page.getByTestId('help-overlay').waitFor(WAIT);
    await expectClean(fien.page, 'facilitator shortcut help');
    await fien.page.keyboard.press('Escape');
    await fien.page.getByTestId('report-open').click();
    await fien.page.getByTestId('report-dialog').waitFor(WAIT);
    await expectClean(fien.page, 'facilitator verslag dialog');
    await fien.page.getByTestId('report-close').click();
  });

  for (const screen of ['control', 'compare', 'results'] as const) {
    it(`facilitator, screen ${screen}`, async () => {
      // The screen is remembered across a reload: come back to the board first.
      await fien.page.goto(`${harness.server.url}/s/${meeting.sessionId}#token=${meeting.facilitatorToken}`);
      await fien.page.getByTestId('screen-board').click();
      await fien.page.getByTestId(`screen-${screen}`).click();
      await fien.page.locator(`[data-testid="screen-${screen}"][aria-current="page"]`).waitFor(WAIT);
      if (screen === 'control') await fien.page.getByTestId('control-room').waitFor(WAIT);
      if (screen === 'compare')
        await fien.page
          .getByTestId('compare-points')
          .locator('li')
          .first()
          .waitFor({ ...WAIT, state: 'attached' });
      await expectClean(fien.page, `facilitator ${screen}`);
    });
  }
});
