/**
 * The facilitator's preparation (issue 5): start a meeting from the krachtenveld template,
 * find it again under "Mijn bijeenkomsten", duplicate it, start a follow-up meeting,
 * delete one after confirming, and invite participants with the code, the join link and
 * its QR code, also shown large for the beamer. Real server, real Chromium.
 *
 * `VELDWERK_SHOTS=/tmp/shots` saves screenshots of the home, the form and the overlay.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readProgram } from '../../shared/model/meeting/program.ts';
import { readBoards, readPreviousSession } from '../../shared/model/sessionDoc.ts';
import { sessionRoomName } from '../../shared/protocol.ts';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { api } from '../helpers/server.ts';
import { connectClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.VELDWERK_SHOTS;

/** A screenshot to look at; the whole page, or only the screen (an overlay stays put). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

const sessionIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2] ?? '';

/** The facilitator token this browser keeps for a session (client/src/base/identity.ts). */
function storedToken(page: Page, sessionId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const raw = localStorage.getItem(`veldwerk:identity:${id}`);
    return raw === null ? null : (JSON.parse(raw) as { token: string }).token;
  }, sessionId);
}

/** Reads the session doc the way any client sees it, through the real sync server. */
async function readSessionDoc(wsUrl: string, sessionId: string, token: string) {
  const client = connectClient(wsUrl, sessionRoomName(sessionId), token);
  try {
    await client.synced;
    return {
      program: readProgram(client.doc),
      boards: readBoards(client.doc),
      previous: readPreviousSession(client.doc),
    };
  } finally {
    client.destroy();
  }
}

describe('the facilitator prepares a meeting', () => {
  const harness = useMeetingHarness();

  it('starts from the krachtenveld template, finds it at home, duplicates, follows up and deletes', async () => {
    const anna = await harness.person();
    const { url, wsUrl } = harness.server;
    await anna.page.goto(`${url}/`);
    // A browser that never facilitated has no "Mijn bijeenkomsten".
    expect(await anna.page.getByTestId('my-sessions').count()).toBe(0);
    expect(await anna.page.getByTestId('create-template-krachtenveld').isChecked()).toBe(true);
    await shot(anna.page, 'create-form-1280');

    const title = 'Netwerkbijeenkomst Gezonde Wijk Noord';
    await ui.startSession(anna.page, url, title, 'Anna de Vries');
    const sessionId = sessionIdOf(anna.page);
    const token = await storedToken(anna.page, sessionId);
    expect(token).toBeTruthy();

    // The session doc holds the programme of seed 003 and the template board.
    const doc = await readSessionDoc(wsUrl, sessionId, token!);
    expect(doc.program.phases.map((p) => p.kind)).toEqual([
      'theory',
      'round',
      'groups',
      'plenary',
      'tips',
      'evaluation',
    ]);
    expect(doc.program.phases.find((p) => p.kind === 'groups')?.questions).toHaveLength(3);
    expect(doc.boards.map((b) => b.kind)).toContain('template');

    // Back home: the meeting is listed with its title.
    await anna.page.goto(`${url}/`);
    const items = anna.page.getByTestId('home-session');
    const original = anna.page.locator(`[data-testid="home-session"][data-session-id="${sessionId}"]`);
    await expect.poll(() => original.getAttribute('data-state'), WAIT).toBe('ready');
    expect(await original.getByTestId('home-session-title').textContent()).toBe(title);
    expect(await items.count()).toBe(1);

    // Dupliceren: a second entry that opens as its own meeting.
    await original.getByTestId('home-duplicate').click();
    const copy = items.filter({ hasText: `${title} (kopie)` });
    await copy.waitFor(WAIT);
    expect(await items.count()).toBe(2);
    expect(await copy.getByTestId('home-session-fresh').textContent()).toBe('Nieuw: kopie');
    await expect.poll(() => anna.page.getByTestId('home-status').textContent(), WAIT).toContain('Kopie gemaakt');
    const copyId = (await copy.getAttribute('data-session-id')) ?? '';
    expect(copyId).not.toBe(sessionId);
    await shot(anna.page, 'home-1280');

    await copy.getByTestId('home-open').click();
    await anna.page.waitForURL(new RegExp(`/s/${copyId}$`));
    await expect.poll(() => anna.page.getByTestId('session-title').textContent(), WAIT).toBe(`${title} (kopie)`);
    await anna.page
      .getByTestId('join-code-display')
      .filter({ hasText: /^[A-Z0-9]{3}-[A-Z0-9]{3}$/ })
      .waitFor(WAIT);
    await anna.page.goBack();
    await expect.poll(() => items.count(), WAIT).toBe(2);

    // Vervolgbijeenkomst: a new meeting that remembers the earlier one.
    await original.getByTestId('home-follow-up').click();
    const followUp = items.filter({ hasText: `${title} (vervolg)` });
    await followUp.waitFor(WAIT);
    const followUpId = (await followUp.getAttribute('data-session-id')) ?? '';
    const followUpToken = await storedToken(anna.page, followUpId);
    const followUpDoc = await readSessionDoc(wsUrl, followUpId, followUpToken!);
    expect(followUpDoc.previous).toBe(sessionId);
    expect(followUpDoc.program.phases).toHaveLength(6);

    // Verwijderen asks first, naming the meeting; "Annuleren" keeps it.
    const copyToken = await storedToken(anna.page, copyId);
    await copy.getByTestId('home-delete').click();
    const dialog = anna.page.getByTestId('delete-dialog');
    await dialog.waitFor(WAIT);
    expect(await dialog.getByRole('heading').textContent()).toContain(`${title} (kopie)`);
    await shot(anna.page, 'home-delete-dialog-1280', false);
    await dialog.getByTestId('confirm-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await items.count()).toBe(3);
    expect((await api(url, 'GET', `/api/sessions/${copyId}`, undefined, copyToken!)).status).toBe(200);

    await copy.getByTestId('home-delete').click();
    await dialog.getByTestId('confirm-ok').click();
    await copy.waitFor({ state: 'detached', ...WAIT });
    expect(await items.count()).toBe(2);
    await expect.poll(() => anna.page.getByTestId('home-status').textContent(), WAIT).toContain('is verwijderd');
    expect([404, 410]).toContain((await api(url, 'GET', `/api/sessions/${copyId}`, undefined, copyToken!)).status);
    expect(await storedToken(anna.page, copyId)).toBeNull();

    // Deleted elsewhere: the home says so, and "Vergeten" takes it off the list.
    expect((await api(url, 'DELETE', `/api/sessions/${followUpId}`, undefined, followUpToken!)).status).toBe(204);
    await anna.page.reload();
    const gone = anna.page.locator(`[data-testid="home-session"][data-session-id="${followUpId}"]`);
    await expect.poll(() => gone.getAttribute('data-state'), WAIT).toBe('gone');
    expect(await gone.getByTestId('home-session-gone').textContent()).toContain('verwijderd');
    await gone.getByTestId('home-forget').click();
    await gone.waitFor({ state: 'detached' });
    expect(await items.count()).toBe(1);
    expect(await storedToken(anna.page, followUpId)).toBeNull();

    expect(anna.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('invites with a QR code, shows it large for the beamer, and the join link works', async () => {
    const anna = await harness.person();
    const { url, wsUrl } = harness.server;
    await anna.page.goto(`${url}/`);
    const title = 'Krachtenveld Sport en Bewegen';
    // "Leeg" instead of the default programme (ui.startSession would reload the form).
    await anna.page.getByTestId('create-title').fill(title);
    await anna.page.getByTestId('create-name').fill('Anna');
    await anna.page.getByTestId('create-template-blank').check();
    await anna.page.getByTestId('create-submit').click();
    await anna.page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    const codeShown = anna.page.getByTestId('join-code-display').filter({ hasText: /^[A-Z0-9]{3}-[A-Z0-9]{3}$/ });
    await codeShown.waitFor(WAIT);
    const code = (await codeShown.textContent()) ?? '';
    const sessionId = sessionIdOf(anna.page);
    const doc = await readSessionDoc(wsUrl, sessionId, (await storedToken(anna.page, sessionId))!);
    expect(doc.program.phases).toEqual([]);

    // The QR code in the panel encodes the join link and is a real, decoded image.
    const qr = anna.page.getByTestId('invite-qr');
    await qr.waitFor(WAIT);
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;/);
    const joinUrl = (await qr.getAttribute('data-url')) ?? '';
    expect(joinUrl).toBe(`${url}/join/${code}`);
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth), WAIT).toBeGreaterThan(0);

    if (SHOTS)
      await anna.page.getByTestId('facilitator-panel').screenshot({ path: path.join(SHOTS, 'invite-panel.png') });

    // "Toon groot": code, QR code, title and address over the whole screen.
    await anna.page.getByTestId('invite-project').click();
    const overlay = anna.page.getByTestId('projection-overlay');
    await overlay.waitFor(WAIT);
    expect(await overlay.getByTestId('projection-code').textContent()).toBe(code);
    expect(await overlay.getByTestId('projection-title').textContent()).toBe(title);
    expect(await overlay.getByTestId('projection-url').textContent()).toBe(
      `Ga naar ${new URL(url).host}/join en vul de code in`,
    );
    await overlay.getByTestId('projection-qr').waitFor(WAIT);
    const box = await overlay.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
    const codeSize = await overlay
      .getByTestId('projection-code')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(codeSize).toBeGreaterThanOrEqual(100);
    expect((await overlay.getByTestId('projection-qr').boundingBox())?.width).toBeGreaterThanOrEqual(400);
    await shot(anna.page, 'projection-1280', false);
    await anna.page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached', timeout: 5000 });
    await anna.page.getByTestId('invite-project').click();
    await overlay.getByTestId('projection-close').click();
    await overlay.waitFor({ state: 'detached', timeout: 5000 });
    expect(await anna.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('invite-project');

    // A participant on a phone follows the join link: the code is filled in.
    const piet = await harness.person({ viewport: PHONE });
    await piet.page.goto(joinUrl);
    expect(await piet.page.getByTestId('join-code').inputValue()).toBe(code);
    expect(await piet.page.getByTestId('my-sessions').count()).toBe(0);
    await piet.page.getByTestId('join-name').fill('Piet');
    await piet.page.getByTestId('join-submit').click();
    await piet.page.waitForURL(new RegExp(`/s/${sessionId}$`), { timeout: 10_000 });

    expect(anna.errors).toEqual([]);
  });

  it('fits a phone: the home, the form and the overlay', async () => {
    const anna = await harness.person({ viewport: PHONE });
    const { url } = harness.server;
    await ui.startSession(anna.page, url, 'Wijkaanpak Oost: partners en draagvlak in de wijk', 'Anna');
    const code = (await anna.page.getByTestId('join-code-display').textContent()) ?? '';
    await anna.page.getByTestId('invite-project').click();
    const overlay = anna.page.getByTestId('projection-overlay');
    await overlay.getByTestId('projection-qr').waitFor(WAIT);
    expect(await overlay.getByTestId('projection-code').textContent()).toBe(code);
    // Nothing sticks out sideways on a phone.
    const wide = await overlay.evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(wide).toBe(true);
    await shot(anna.page, 'projection-phone', false);
    await anna.page.keyboard.press('Escape');

    await anna.page.goto(`${url}/`);
    await anna.page.getByTestId('home-session').first().getByTestId('home-duplicate').click();
    await expect.poll(() => anna.page.getByTestId('home-session').count(), WAIT).toBe(2);
    const fits = await anna.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits).toBe(true);
    await shot(anna.page, 'home-phone');
    expect(anna.errors).toEqual([]);
  });
});
