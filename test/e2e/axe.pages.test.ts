/**
 * WCAG 2.1 AA outside the board (issue 12): axe-core finds no serious or critical
 * violation on the start page (empty, and with "Mijn bijeenkomsten"), the join link, a
 * phone's start page and each card of the participant's phone view, nor on the verslag
 * as the server sends it (HTML). Real server, real Chromium, the built client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addActor } from '../../shared/model/board/actors.ts';
import { setCurrentPhase } from '../../shared/model/meeting/program.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { seedGezondeWijk } from '../../shared/model/templates/gezondeWijk.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { axeBlocking, describeViolations } from '../helpers/axe.ts';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, openSession, WAIT, type Meeting } from '../helpers/participatePage.ts';
import type { TestClient } from '../helpers/yclient.ts';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function expectClean(page: Page, label: string) {
  const found = await axeBlocking(page, label);
  expect(found, `${label}\n${describeViolations(found)}`).toEqual([]);
}

describe('axe on the start page, the join link, the phone and the verslag', () => {
  const harness = useMeetingHarness();
  let meeting: Meeting;
  let session: TestClient;
  let plenary: TestClient;

  beforeAll(async () => {
    meeting = await createMeeting(harness.server.url, 'Gezonde wijk Noord', ['Anna']);
    session = await facilitatorClient(harness.server.wsUrl, meeting);
    plenary = await facilitatorClient(harness.server.wsUrl, meeting, PLENARY_BOARD_ID);
    seedGezondeWijk(plenary.doc);
  });

  afterAll(() => {
    session?.destroy();
    plenary?.destroy();
  });

  it('the start page, empty and with Mijn bijeenkomsten; the join link', async () => {
    const fien = await harness.person();
    await fien.page.goto(`${harness.server.url}/`);
    await fien.page.getByTestId('create-title').waitFor();
    await expectClean(fien.page, 'start (empty)');
    await ui.startSession(fien.page, harness.server.url, 'Gezonde wijk Zuid', 'Fien');
    await fien.page.goto(`${harness.server.url}/`);
    await fien.page.getByTestId('home-session').first().waitFor(WAIT);
    await expectClean(fien.page, 'start (Mijn bijeenkomsten)');

    const bram = await harness.person();
    await bram.page.goto(`${harness.server.url}/join/ABC-DEF`);
    await bram.page.getByTestId('join-name').waitFor();
    await expectClean(bram.page, 'join link');
  });

  it('the start page on a phone', async () => {
    const phone = await harness.person(PHONE);
    await phone.page.goto(`${harness.server.url}/`);
    await phone.page.getByTestId('create-title').waitFor();
    await expectClean(phone.page, 'phone start');
  });

  it('each card of the phone view', async () => {
    addActor(plenary.doc, { name: 'Wijkverpleging Noord' });
    openVoteRound(session.doc, {
      id: 'tips',
      title: 'Welke tips wegen het zwaarst?',
      boardId: PLENARY_BOARD_ID,
      votesPerPerson: 3,
      targets: ['actors'],
      createdAt: Date.now(),
    });
    const phone = await harness.person(PHONE);
    await openSession(phone.page, harness.server.url, meeting.sessionId, meeting.participants[0]!.token);
    await phone.page.getByTestId('phone-view').waitFor(WAIT);
    const cards = [
      ['plenair', 'questions'],
      ['plenair', 'notes'],
      ['ronde', 'bees'],
      ['plenair', 'vote'],
      ['evaluatie', 'evaluation'],
    ] as const;
    for (const [phase, card] of cards) {
      setCurrentPhase(session.doc, phase);
      await phone.page.getByTestId(`phone-tab-${card}`).click();
      await phone.page.locator(`[data-testid="phone-view"][data-card="${card}"]`).waitFor(WAIT);
      await phone.page.getByTestId(`phone-card-${card}`).waitFor(WAIT);
      await expectClean(phone.page, `phone ${card}`);
    }
  });

  it('the verslag as the server sends it (HTML)', async () => {
    const res = await fetch(`${harness.server.url}/api/sessions/${meeting.sessionId}/report?format=html&lang=nl`, {
      headers: { authorization: `Bearer ${meeting.facilitatorToken}` },
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const reader = await harness.person();
    await reader.page.setContent(html, { waitUntil: 'load' });
    await expectClean(reader.page, 'verslag html');
  });
});
