/**
 * The krachtenveld methods (issue 4) with two people in their own browser contexts:
 * the facilitator (A) and a participant (B) on the plenary board. One actor record,
 * every view: added in A's table, dragged by B on the krachtenveld, seen by A there and
 * in the typology; both typing in the same `belang`; forces totals for both. Real
 * server, real Chromium, the built client (`npx vite build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPerson, type Person } from '../helpers/browser.ts';
import { createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const ACTOR = 'Huisartsen De Horst';

/** Page object: the steps people take in the methods workspace. */
const methods = {
  async open(page: Page, baseUrl: string, sessionId: string, token: string, view = 'krachtenveld') {
    await page.goto(`${baseUrl}/s/${sessionId}/methode/${view}#token=${token}`);
    await page.getByTestId('methods').waitFor();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  },
  tab: (page: Page, view: string) => page.getByTestId(`method-tab-${view}`).click(),
  /** The krachtenveld's accessible list entry for an actor (position data for tests and screen readers). */
  point: (page: Page, name: string) => page.locator(`[data-testid="field-points"] li[data-name="${name}"]`),
  async placed(page: Page, name: string) {
    const li = methods.point(page, name);
    if ((await li.count()) === 0) return null;
    return {
      placed: (await li.getAttribute('data-placed')) === 'true',
      houding: Number(await li.getAttribute('data-houding')),
      invloed: Number(await li.getAttribute('data-invloed')),
      x: Number(await li.getAttribute('data-x')),
      y: Number(await li.getAttribute('data-y')),
    };
  },
  forceTotal: (page: Page, side: 'bevorderend' | 'belemmerend') =>
    page.getByTestId(`forces-total-${side}`).textContent(),
};

describe('krachtenveld methods, two people', () => {
  let server: TestServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let session: Awaited<ReturnType<typeof createSessionWith>>;
  let facilitatorToken: string;
  let actorId: string;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    session = await createSessionWith(server.url, 'Netwerkbijeenkomst gezonde wijk', ['Bram']);
    facilitatorToken = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    a = await newPerson(browser);
    b = await newPerson(browser);
    await methods.open(a.page, server.url, session.sessionId, facilitatorToken);
    await methods.open(b.page, server.url, session.sessionId, session.participants[0]!.token);
  });

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('A adds an actor in the table; B drags it onto the krachtenveld; A sees it move and in the typology', async () => {
    await a.page.getByTestId('actors-mode-table').click();
    await a.page.getByTestId('actor-add-name').fill(ACTOR);
    await a.page.getByTestId('actor-add-submit').click();
    const row = a.page.getByTestId('actor-row');
    await expect.poll(() => row.count(), WAIT).toBe(1);
    expect(await row.getByTestId('row-name').inputValue()).toBe(ACTOR);
    actorId = (await row.getAttribute('data-actor-id')) ?? '';

    // B has it in the tray, not placed yet.
    await expect.poll(() => methods.placed(b.page, ACTOR), WAIT).toMatchObject({ placed: false });
    const chip = (await methods.placed(b.page, ACTOR))!;
    const stage = (await b.page.getByTestId('field-stage').boundingBox())!;
    const target = { x: stage.x + stage.width * 0.75, y: stage.y + stage.height * 0.25 };
    await b.page.mouse.move(stage.x + chip.x, stage.y + chip.y);
    await b.page.mouse.down();
    await b.page.mouse.move(target.x - 60, target.y + 40, { steps: 12 });
    // Live: A sees it on the field while B is still dragging.
    await a.page.getByTestId('actors-mode-list').click();
    await expect.poll(async () => (await methods.placed(a.page, ACTOR))?.placed, WAIT).toBe(true);
    await b.page.mouse.move(target.x, target.y, { steps: 6 });
    await b.page.mouse.up();

    await expect.poll(async () => (await methods.placed(b.page, ACTOR))?.placed, WAIT).toBe(true);
    const onB = (await methods.placed(b.page, ACTOR))!;
    expect(onB.houding).toBeGreaterThan(0.2); // right half: in favour
    expect(onB.invloed).toBeGreaterThan(0.5); // upper half: much influence
    await expect
      .poll(async () => {
        const onA = await methods.placed(a.page, ACTOR);
        return onA && [onA.houding, onA.invloed];
      }, WAIT)
      .toEqual([onB.houding, onB.invloed]);

    // The typology shows the same actor; A judges it and B sees the type.
    await methods.tab(a.page, 'typologie');
    const item = a.page.locator(`[data-testid="typology-item"][data-actor-id="${actorId}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(ACTOR);
    await item.getByTestId('slider-inhoud').focus();
    await a.page.keyboard.press('End');
    await item.getByTestId('slider-vertrouwen').focus();
    await a.page.keyboard.press('End');
    await expect.poll(() => item.getByTestId('actor-type').getAttribute('data-type'), WAIT).toBe('bondgenoot');
    await methods.tab(b.page, 'typologie');
    const itemOnB = b.page.locator(`[data-testid="typology-item"][data-actor-id="${actorId}"]`);
    await expect.poll(() => itemOnB.getByTestId('actor-type').getAttribute('data-type'), WAIT).toBe('bondgenoot');
  });

  it('A and B type in the same belang at once and both keep their words', async () => {
    await methods.tab(a.page, 'drieB');
    await methods.tab(b.page, 'drieB');
    const field = (p: Page) =>
      p.locator(`[data-testid="bees-row"][data-actor-id="${actorId}"] [data-testid="bees-belang"]`);
    await field(a.page).fill('Werkdruk');
    await expect.poll(() => field(b.page).inputValue(), WAIT).toBe('Werkdruk');

    await field(a.page).click();
    await a.page.keyboard.press('Control+Home');
    await field(b.page).click();
    await b.page.keyboard.press('Control+End');
    const annaText = 'Anna: minder zorgvraag. ';
    const bramText = '; Bram: tijd voor preventie';
    await Promise.all([a.page.keyboard.type(annaText, { delay: 25 }), b.page.keyboard.type(bramText, { delay: 25 })]);
    const expected = `${annaText}Werkdruk${bramText}`;
    await expect.poll(() => field(a.page).inputValue(), WAIT).toBe(expected);
    await expect.poll(() => field(b.page).inputValue(), WAIT).toBe(expected);
  });

  it('a force added by A updates the totals and the balance for both', async () => {
    await methods.tab(a.page, 'krachten');
    await methods.tab(b.page, 'krachten');
    expect(await methods.forceTotal(b.page, 'bevorderend')).toBe('0');

    await a.page.getByTestId('force-add-bevorderend').fill('Wethouder wil resultaat laten zien');
    await a.page.getByTestId('force-add-bevorderend-submit').click();
    await expect.poll(() => methods.forceTotal(b.page, 'bevorderend'), WAIT).toBe('3');

    await a.page.getByTestId('force-add-belemmerend').fill('Huisartsen hebben weinig tijd');
    await a.page.getByTestId('force-add-belemmerend-submit').click();
    const restraining = a.page.locator('[data-testid="force"].is-belemmerend');
    await restraining.getByRole('radio', { name: 'Sterkte 5 van 5' }).click();
    for (const p of [a.page, b.page]) {
      await expect.poll(() => methods.forceTotal(p, 'belemmerend'), WAIT).toBe('5');
      await expect.poll(() => p.getByTestId('forces-balance').getAttribute('data-balance'), WAIT).toBe('-2');
    }
  });

  it('deleting an actor asks first and can be undone from the toast', async () => {
    await methods.tab(a.page, 'krachtenveld');
    await methods.tab(b.page, 'krachtenveld');
    await a.page.getByTestId('actor-item').filter({ hasText: ACTOR }).click();
    await a.page.getByTestId('actor-delete').click();
    await a.page.getByTestId('confirm-dialog').waitFor();
    await a.page.getByTestId('confirm-yes').click();
    await expect.poll(() => methods.point(b.page, ACTOR).count(), WAIT).toBe(0);

    await a.page.getByTestId('toast-undo').click();
    await expect.poll(async () => (await methods.placed(b.page, ACTOR))?.placed, WAIT).toBe(true);
    // Its 3 B's came back too.
    await methods.tab(b.page, 'drieB');
    const belang = b.page.locator(`[data-testid="bees-row"][data-actor-id="${actorId}"] [data-testid="bees-belang"]`);
    await expect.poll(() => belang.inputValue(), WAIT).toContain('Werkdruk');
  });

  it('the projector link only watches: no adding, no typing, no dragging', async () => {
    const viewer = await newPerson(browser, { viewport: { width: 1920, height: 1080 } });
    try {
      await methods.open(viewer.page, server.url, session.sessionId, session.viewerToken, 'drieB');
      await viewer.page.getByTestId('methods-readonly').waitFor();
      expect(await viewer.page.getByTestId('methods').getAttribute('data-editable')).toBe('false');
      expect(await viewer.page.getByTestId('actor-add-name').count()).toBe(0);
      const belang = viewer.page.locator(
        `[data-testid="bees-row"][data-actor-id="${actorId}"] [data-testid="bees-belang"]`,
      );
      expect(await belang.getAttribute('readonly')).not.toBeNull();

      await methods.tab(viewer.page, 'krachtenveld');
      const before = (await methods.placed(viewer.page, ACTOR))!;
      const stage = (await viewer.page.getByTestId('field-stage').boundingBox())!;
      await viewer.page.mouse.move(stage.x + before.x, stage.y + before.y);
      await viewer.page.mouse.down();
      await viewer.page.mouse.move(stage.x + 50, stage.y + 50, { steps: 5 });
      await viewer.page.mouse.up();
      expect(await methods.placed(viewer.page, ACTOR)).toMatchObject({
        houding: before.houding,
        invloed: before.invloed,
      });
      expect(viewer.errors).toEqual([]);
    } finally {
      await viewer.context.close();
    }
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
