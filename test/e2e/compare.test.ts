/**
 * The comparison screen (issue 5): two group boards with the same actors in different
 * places, set up through real y-websocket clients; the facilitator's "Vergelijken"
 * screen shows both groups on one krachtenveld, the most disputed actor first, merges
 * "Huisarts" into "Huisartsen" (and undoes it), follows a group's change live; then
 * starts a follow-up meeting from the screen, where a moved and a new actor show up
 * in "Vorige bijeenkomst". Real server, real Chromium, the built client.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addActor, readMethods, updateActor } from '../../shared/model/board/actors.ts';
import { readLive } from '../../shared/model/meeting/live.ts';
import { boardRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { brokenWords } from '../helpers/brokenWords.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { api, createSessionWith } from '../helpers/server.ts';
import { connectClient, type TestClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };

interface Group {
  id: string;
  name: string;
  boardId: string;
}

/** Page object: the facilitator's comparison screen. */
const compare = {
  async open(page: Page) {
    await page.getByTestId('screen-compare').click();
    await page.getByTestId('compare-screen').waitFor();
  },
  points: (page: Page) =>
    page
      .getByTestId('compare-points')
      .locator('li')
      .evaluateAll((els) =>
        els.map((el) => ({
          key: el.getAttribute('data-key'),
          name: el.getAttribute('data-name'),
          group: el.getAttribute('data-group'),
          houding: Number(el.getAttribute('data-houding')),
          invloed: Number(el.getAttribute('data-invloed')),
        })),
      ),
  disputed: (page: Page) =>
    page.getByTestId('disagree-item').evaluateAll((els) => els.map((el) => el.getAttribute('data-name'))),
  carry: (page: Page) =>
    page
      .getByTestId('carry-points')
      .locator('li')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-name')}:${el.getAttribute('data-status')}`)),
};

async function openSession(page: Page, baseUrl: string, sessionId: string, token: string) {
  await page.goto(`${baseUrl}/s/${sessionId}#token=${token}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
}

describe('comparing the groups and the previous meeting', () => {
  const harness = useMeetingHarness();
  const clients: TestClient[] = [];
  afterAll(() => {
    for (const c of clients) c.destroy();
  });

  async function client(room: string, token: string): Promise<TestClient> {
    const c = connectClient(harness.server.wsUrl, room, token);
    clients.push(c);
    await c.synced;
    return c;
  }

  const actorId = (c: TestClient, name: string) => readMethods(c.doc).actors.find((a) => a.name === name)!.id;

  it('overlays the groups, lists the largest spread first, merges near-duplicates and carries forward', async () => {
    const url = harness.server.url;
    const session = await createSessionWith(url, 'Netwerkbijeenkomst Gezonde Wijk');
    const token = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    const made = await api<{ groups: Group[] }>(
      url,
      'POST',
      `/api/sessions/${session.sessionId}/groups`,
      { count: 2 },
      token,
    );
    expect(made.status).toBe(201);
    const [g1, g2] = made.body.groups as [Group, Group];

    const board1 = await client(boardRoomName(session.sessionId, g1.boardId), token);
    const board2 = await client(boardRoomName(session.sessionId, g2.boardId), token);
    const place = (c: TestClient, name: string, houding: number, invloed: number, betrokkenheid = 0.5) =>
      expect(addActor(c.doc, { name, houding, invloed, betrokkenheid })).toBeTruthy();
    place(board1, 'Huisartsen', -0.6, 0.9, 0.8);
    place(board1, 'GGD', 0.7, 0.6);
    place(board1, 'Wethouder', -0.8, 0.95, 0.9);
    place(board1, 'Supermarkt', -0.3, 0.2, 0.2);
    place(board2, 'Huisarts', 0.5, 0.3);
    place(board2, 'G.G.D', 0.6, 0.55);
    place(board2, 'wethouder', 0.8, 0.1, 0.3);

    const fien = await harness.person();
    await openSession(fien.page, url, session.sessionId, token);
    await compare.open(fien.page);

    // Both groups in the legend and on the one field.
    await expect
      .poll(
        () =>
          fien.page
            .getByTestId('compare-legend-group')
            .evaluateAll((els) => els.map((e) => e.getAttribute('data-group'))),
        WAIT,
      )
      .toEqual([g1.name, g2.name]);
    await expect.poll(async () => (await compare.points(fien.page)).length, WAIT).toBe(7);
    const wethouder = (await compare.points(fien.page)).filter((p) => p.key === 'wethouder');
    expect(wethouder.map((p) => [p.group, p.houding, p.invloed])).toEqual([
      [g1.name, -0.8, 0.95],
      [g2.name, 0.8, 0.1],
    ]);

    // Most disputed first, with the differences in words; "Supermarkt" only in group 1.
    await expect.poll(() => compare.disputed(fien.page), WAIT).toEqual(['Wethouder']);
    const first = fien.page.getByTestId('disagree-item').first();
    // The spread in words with the number, as the verslag says it (issue 15).
    expect(await first.locator('.cmp-size').textContent()).toMatch(/^groot verschil \(1,\d\d\)$/);
    expect(await first.getByTestId('disagree-axes').textContent()).toContain(
      `Invloed: ${g1.name} hoog, ${g2.name} laag`,
    );
    expect(await first.getByTestId('disagree-axes').textContent()).toContain(
      `Houding: ${g2.name} voor, ${g1.name} tegen`,
    );
    expect(
      await fien.page.getByTestId('single-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))),
    ).toEqual(expect.arrayContaining(['supermarkt', 'huisartsen', 'huisarts']));
    // "GGD" and "G.G.D" are suggested as one, like "Huisarts" and "Huisartsen".
    const suggestion = fien.page.locator(
      '[data-testid="merge-suggestion"][data-alias="Huisarts"][data-canonical="Huisartsen"]',
    );
    await suggestion.waitFor(WAIT);
    expect(await fien.page.locator('[data-testid="merge-suggestion"][data-alias="G.G.D"]').count()).toBe(1);
    await fien.page.screenshot({ path: '/tmp/compare-groups-1280.png' });

    // Merging makes them one actor, for everyone (written to the session doc).
    await suggestion.getByTestId('merge-accept').click();
    await expect.poll(() => compare.disputed(fien.page), WAIT).toEqual(['Wethouder', 'Huisartsen']);
    const merged = (await compare.points(fien.page)).filter((p) => p.key === 'huisartsen');
    expect(merged.map((p) => [p.name, p.group])).toEqual([
      ['Huisartsen', g1.name],
      ['Huisartsen', g2.name],
    ]);
    await fien.page.locator('[data-testid="merge-item"][data-alias="huisarts"]').waitFor(WAIT);
    const sessionDoc = await client(sessionRoomName(session.sessionId), token);
    await expect.poll(() => readLive(sessionDoc.doc).merges, WAIT).toEqual({ huisarts: 'huisartsen' });

    // Undo, and merge again.
    await fien.page.getByTestId('merge-undo').click();
    await expect.poll(() => compare.disputed(fien.page), WAIT).toEqual(['Wethouder']);
    await expect.poll(() => readLive(sessionDoc.doc).merges, WAIT).toEqual({});
    await suggestion.getByTestId('merge-accept').click();
    await expect.poll(() => compare.disputed(fien.page), WAIT).toEqual(['Wethouder', 'Huisartsen']);

    // Live: group 2 moves the GGD to the other side; it becomes the most disputed.
    updateActor(board2.doc, actorId(board2, 'G.G.D'), { houding: -1, invloed: 0 });
    await fien.page
      .locator('[data-testid="merge-suggestion"][data-alias="G.G.D"] [data-testid="merge-accept"]')
      .click();
    await expect.poll(() => compare.disputed(fien.page), WAIT).toEqual(['Wethouder', 'GGD', 'Huisartsen']);
    await fien.page.getByTestId('disagree-item').first().hover();
    await fien.page.screenshot({ path: '/tmp/compare-groups-merged-1280.png' });
    // At 1280 px beside the open sidebar the names wrap at spaces, never inside a word.
    expect(await brokenWords(fien.page, '.cmp-item-name, .cmp-merge-text')).toEqual([]);

    // The projector's size.
    const beamer = await harness.person({ viewport: { width: 1920, height: 1080 } });
    await openSession(beamer.page, url, session.sessionId, token);
    await compare.open(beamer.page);
    await expect.poll(() => compare.disputed(beamer.page), WAIT).toEqual(['Wethouder', 'GGD', 'Huisartsen']);
    await beamer.page.screenshot({ path: '/tmp/compare-groups-1920.png' });

    // No previous meeting yet: start a follow-up from the screen and open it.
    await fien.page.getByTestId('compare-tab-previous').click();
    await fien.page.getByTestId('prev-none').waitFor();
    await fien.page.screenshot({ path: '/tmp/compare-prev-none-1280.png' });
    await fien.page.getByTestId('followup-start').click();
    const created = fien.page.getByTestId('followup-created');
    await created.waitFor(WAIT);
    const nextId = (await created.getAttribute('data-session-id'))!;
    await fien.page.getByTestId('followup-open').click();
    await fien.page.waitForURL(new RegExp(`/s/${nextId}$`));
    const nextToken = await fien.page.evaluate(
      (id) => (JSON.parse(localStorage.getItem(`veldwerk:identity:${id}`) ?? '{}') as { token?: string }).token ?? '',
      nextId,
    );
    expect(nextToken).not.toBe('');
    await fien.page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
    await compare.open(fien.page);
    await fien.page.getByTestId('compare-tab-previous').click();
    // The copied field: nothing moved yet.
    await expect.poll(() => compare.carry(fien.page), WAIT).toContain('Wethouder:same');

    // In the follow-up, group 1 moves the alderman and adds the residents.
    const next1 = await client(boardRoomName(nextId, g1.boardId), nextToken);
    updateActor(next1.doc, actorId(next1, 'Wethouder'), { houding: 0.7, invloed: 0.9 });
    place(next1, 'Bewoners', 0.4, 0.3);
    await expect
      .poll(() => compare.carry(fien.page), WAIT)
      .toEqual(expect.arrayContaining(['Wethouder:moved', 'Bewoners:new']));
    await fien.page.locator('[data-testid="moved-item"][data-name="Wethouder"]').waitFor();
    await fien.page.locator('[data-testid="appeared-item"][data-name="Bewoners"]').waitFor();
    expect(await fien.page.locator('[data-testid="prev-board"][aria-pressed="true"]').textContent()).toContain(
      '1 verschoven · 1 nieuw · 0 weg',
    );
    expect(await fien.page.locator('[data-testid="moved-item"][data-name="Wethouder"]').textContent()).toContain(
      'Houding meer voor',
    );
    await fien.page.screenshot({ path: '/tmp/compare-prev-1280.png' });

    await openSession(beamer.page, url, nextId, nextToken);
    await compare.open(beamer.page);
    await beamer.page.getByTestId('compare-tab-previous').click();
    await expect
      .poll(() => compare.carry(beamer.page), WAIT)
      .toEqual(expect.arrayContaining(['Wethouder:moved', 'Bewoners:new']));
    await beamer.page.screenshot({ path: '/tmp/compare-prev-1920.png' });
    await beamer.page.setViewportSize({ width: 390, height: 844 });
    await beamer.page.getByTestId('compare-tab-groups').click();
    await beamer.page.getByTestId('compare-field').waitFor();
    await beamer.page.screenshot({ path: '/tmp/compare-groups-390.png', fullPage: true });

    expect(fien.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(beamer.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('says so when the earlier meeting is not known on this device', async () => {
    const url = harness.server.url;
    const session = await createSessionWith(url, 'Eerste bijeenkomst');
    const token = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    const next = await api<{ sessionId: string; facilitatorToken: string }>(
      url,
      'POST',
      `/api/sessions/${session.sessionId}/copy`,
      { mode: 'followUp' },
      token,
    );
    expect(next.status).toBe(201);
    const p = await harness.person();
    await openSession(p.page, url, next.body.sessionId, next.body.facilitatorToken);
    await compare.open(p.page);
    await p.page.getByTestId('compare-tab-previous').click();
    await p.page.getByTestId('prev-no-identity').waitFor(WAIT);
    // The groups tab without groups explains what to do.
    await p.page.getByTestId('compare-tab-groups').click();
    await p.page.getByTestId('compare-no-groups').waitFor();
  });
});
