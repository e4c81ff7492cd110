/**
 * WCAG 2.1 AA in the states between the pages (issue 12): axe-core finds no serious or
 * critical violation with the invitation shown full screen, the annotation layer on,
 * the board's and the actors' lists in words open, the projector's read-only link, and
 * the board in English. Real server, real Chromium, the built client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addItems } from '../../shared/model/board/commands.ts';
import { seedGezondeWijk } from '../../shared/model/templates/gezondeWijk.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { axeBlocking, describeViolations } from '../helpers/axe.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, WAIT, type Meeting } from '../helpers/participatePage.ts';
import { api } from '../helpers/server.ts';
import type { TestClient } from '../helpers/yclient.ts';
import type { CreateSessionResponse } from '../../shared/api.ts';

async function expectClean(page: Page, label: string) {
  const found = await axeBlocking(page, label);
  expect(found, `${label}\n${describeViolations(found)}`).toEqual([]);
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
}

describe('axe in the states between the pages', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  let plenary: TestClient;
  let fien: Person;

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, 'Gezonde wijk West', ['Anna']);
    plenary = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    seedGezondeWijk(plenary.doc);
    addItems(plenary.doc, [
      { kind: 'note', x: 0, y: 0, w: 180, h: 140, text: 'Wie is de trekker?', color: '#fff3a3', author: 'Anna' },
      { kind: 'frame', x: -40, y: -60, w: 480, h: 320, title: 'Vragen' },
    ]);
    fien = await harness.person({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(() => plenary?.destroy());

  const base = () => `${harness.server.url}/s/${meeting.sessionId}`;

  it('the invitation full screen', async () => {
    await open(fien.page, `${base()}#token=${meeting.facilitatorToken}`);
    await fien.page.getByTestId('invite-project').click();
    await fien.page.getByTestId('projection-overlay').waitFor(WAIT);
    await expectClean(fien.page, 'invitation full screen');
    await fien.page.keyboard.press('Escape');
  });

  it('the board in words, open, and the canvas with the focus', async () => {
    await open(fien.page, `${base()}?b=${PLENARY_BOARD_ID}#token=${meeting.facilitatorToken}`);
    const mirror = fien.page.getByTestId('board-mirror');
    await mirror.locator('summary').focus();
    await fien.page.keyboard.press('Enter');
    await mirror.getByTestId('mirror-item').first().waitFor(WAIT);
    await expectClean(fien.page, 'board mirror open');
  });

  it('the krachtenveld with the actors in words open and the annotation layer on', async () => {
    await open(fien.page, `${base()}?b=${PLENARY_BOARD_ID}&v=krachtenveld#token=${meeting.facilitatorToken}`);
    await fien.page.getByTestId('view-krachtenveld').waitFor(WAIT);
    const mirror = fien.page.getByTestId('actors-mirror');
    await mirror.locator('summary').focus();
    await fien.page.keyboard.press('Enter');
    await mirror.getByTestId('mirror-item').first().waitFor(WAIT);
    await fien.page.getByTestId('annotations-toggle').click();
    await fien.page.locator('[data-testid="annotations"][data-active="true"]').waitFor(WAIT);
    await expectClean(fien.page, 'krachtenveld mirror open, annotations on');
  });

  it('the menus and dialogs of the board: Live, Programma, Gegevens, Exporteren', async () => {
    await open(fien.page, `${base()}?b=${PLENARY_BOARD_ID}#token=${meeting.facilitatorToken}`);
    await fien.page.getByTestId('board').waitFor(WAIT);
    for (const [button, shown] of [
      ['live-menu', 'live-summon'],
      ['io-button', 'io-csv'],
      ['export-button', 'export-png'],
    ] as const) {
      await fien.page.getByTestId(button).click();
      await fien.page.getByTestId(shown).waitFor(WAIT);
      await expectClean(fien.page, `menu ${button}`);
      // Escape closes a menu; where it does not, its button does.
      await fien.page.keyboard.press('Escape');
      if (await fien.page.getByTestId(shown).count()) await fien.page.getByTestId(button).click();
      await fien.page.getByTestId(shown).waitFor({ ...WAIT, state: 'detached' });
    }
    await fien.page.getByTestId('program-edit').click();
    await fien.page.getByTestId('program-editor').waitFor(WAIT);
    await expectClean(fien.page, 'programme editor');
    await fien.page.keyboard.press('Escape');
  });

  it('an actor’s card, the actors table and the delete question', async () => {
    await open(fien.page, `${base()}?b=${PLENARY_BOARD_ID}&v=krachtenveld#token=${meeting.facilitatorToken}`);
    await fien.page.getByTestId('actor-item').first().click();
    await fien.page.getByTestId('actor-card').waitFor(WAIT);
    await expectClean(fien.page, 'actor card');
    await fien.page.getByTestId('actor-delete').click();
    await fien.page.getByTestId('confirm-dialog').waitFor(WAIT);
    await expectClean(fien.page, 'delete question');
    await fien.page.getByTestId('confirm-dialog').getByRole('button').first().click();
    await fien.page.getByTestId('actors-mode-table').click();
    await fien.page.getByTestId('actor-row').first().waitFor(WAIT);
    await expectClean(fien.page, 'actors table');
  });

  it('the projector’s read-only link', async () => {
    const created = await api<CreateSessionResponse>(harness.server.url, 'POST', '/api/sessions', {
      title: 'Projector',
    });
    const viewer = await harness.person({ viewport: { width: 1920, height: 1080 } });
    await open(viewer.page, created.body.viewerUrl);
    await viewer.page.getByTestId('board').waitFor(WAIT);
    await expectClean(viewer.page, 'projector link');
  });

  it('the board and the krachtenveld in English', async () => {
    await open(fien.page, `${base()}?b=${PLENARY_BOARD_ID}#token=${meeting.facilitatorToken}`);
    await fien.page.getByTestId('lang-en').click();
    await fien.page.locator('html[lang="en"]').waitFor({ ...WAIT, state: 'attached' });
    await expectClean(fien.page, 'board in English');
    await fien.page.getByTestId('method-tab-krachtenveld').click();
    await fien.page.getByTestId('view-krachtenveld').waitFor(WAIT);
    await expectClean(fien.page, 'krachtenveld in English');
  });
});
