/**
 * Annotations on a method view (issue 4: "free canvas items can be added on every
 * view"): A turns on "Aantekeningen" on the krachtenveld and adds a note; B, on the
 * krachtenveld in another browser context, sees it; the note is not on the free canvas
 * (nor the other way round); switched off, the layer lets the pointer through to the
 * view. Real server, real Chromium, the built client (`npx vite build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { BoardPage } from '../helpers/boardPage.ts';
import { launchBrowser, newPerson, type Person } from '../helpers/browser.ts';
import { createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const NOTE = 'Belang gemeente: samen optrekken';

interface Hook {
  snapshot(): { byId: Map<string, { view: string; kind: string; text?: string }> };
  stage: { container(): HTMLElement; findOne(selector: string): unknown };
}

/** Page object: the annotation layer over a method view. */
const annotations = {
  layer: (page: Page) => page.getByTestId('annotations'),
  async open(page: Page, baseUrl: string, sessionId: string, token: string) {
    await page.goto(`${baseUrl}/s/${sessionId}?debug#token=${token}`);
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  },
  async showView(page: Page, view: string) {
    await page.getByTestId(`method-tab-${view}`).click();
    await page.locator(`[data-testid="annotations"][data-view="${view}"]`).waitFor();
    await annotations.hookOn(page, 'annotations');
  },
  async showCanvas(page: Page) {
    await page.getByTestId('view-tab-canvas').click();
    await new BoardPage(page).ready();
    await annotations.hookOn(page, 'board');
  },
  /** Waits until the test hook belongs to the canvas inside `testId`. */
  hookOn: (page: Page, testId: string) =>
    page.waitForFunction(
      (id) => {
        const h = (window as unknown as { __veldwerkBoard?: Hook }).__veldwerkBoard;
        return !!h?.stage && !!h.stage.container().closest(`[data-testid="${id}"]`);
      },
      testId,
      WAIT,
    ),
  /** The note with this text in the board doc: its id and view, or null. */
  note: (page: Page, text: string) =>
    page.evaluate((t) => {
      const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
      for (const [id, item] of h.snapshot().byId) {
        if (item.kind === 'note' && item.text === t) return { id, view: item.view };
      }
      return null;
    }, text),
  /** Is the item drawn on the canvas the hook belongs to (item nodes carry the item id)? */
  drawn: (page: Page, id: string) =>
    page.evaluate(
      (itemId) => !!(window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard.stage.findOne(`#${itemId}`),
      id,
    ),
};

describe('annotations on a method view, two people', () => {
  let server: TestServer;
  let browser: Browser;
  let a: Person;
  let b: Person;
  let sessionId: string;
  let noteId = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const session = await createSessionWith(server.url, 'Aantekeningen', ['Bram']);
    sessionId = session.sessionId;
    a = await newPerson(browser);
    b = await newPerson(browser);
    await annotations.open(a.page, server.url, sessionId, new URL(session.facilitatorUrl).hash.replace('#token=', ''));
    await annotations.open(b.page, server.url, sessionId, session.participants[0]!.token);
    await annotations.showView(a.page, 'krachtenveld');
    await annotations.showView(b.page, 'krachtenveld');
  });

  afterAll(async () => {
    await a?.context.close();
    await b?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('is off at first: it shows the items but lets the pointer through', async () => {
    const layer = annotations.layer(a.page);
    expect(await layer.getAttribute('data-active')).toBe('false');
    expect(await layer.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
    expect(await layer.locator('[data-testid="tool-note"]').count()).toBe(0);
    // What is under the pointer in the middle of the field is the view, not the layer.
    const hit = await layer.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const under = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { inLayer: !!under?.closest('[data-testid="annotations"]'), inView: !!under?.closest('.mw-main') };
    });
    expect(hit).toEqual({ inLayer: false, inView: true });
  });

  it('A turns on Aantekeningen and adds a note on the krachtenveld; B sees it there', async () => {
    await a.page.getByTestId('annotations-toggle').click();
    const layer = annotations.layer(a.page);
    await expect.poll(() => layer.getAttribute('data-active'), WAIT).toBe('true');
    expect(await layer.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('auto');
    expect(await layer.locator('[data-testid="tool-note"]').count()).toBe(1);

    await a.page.keyboard.press('n');
    const box = (await layer.locator('.konvajs-content').boundingBox())!;
    await a.page.mouse.click(box.x + 320, box.y + 220);
    const editor = a.page.getByTestId('note-editor');
    await editor.waitFor();
    await a.page.keyboard.type(NOTE);
    await a.page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    const mine = await annotations.note(a.page, NOTE);
    expect(mine).toMatchObject({ view: 'krachtenveld' });
    noteId = mine!.id;
    expect(await annotations.drawn(a.page, noteId)).toBe(true);

    await expect.poll(() => annotations.note(b.page, NOTE), WAIT).toEqual({ id: noteId, view: 'krachtenveld' });
    await expect.poll(() => annotations.drawn(b.page, noteId), WAIT).toBe(true);
    // B has not switched annotating on: B's layer still lets the pointer through.
    expect(await annotations.layer(b.page).getAttribute('data-active')).toBe('false');
  });

  it('the note is not on the free canvas, nor on another method view', async () => {
    await annotations.showCanvas(b.page);
    expect(await annotations.note(b.page, NOTE)).not.toBeNull();
    expect(await annotations.drawn(b.page, noteId)).toBe(false);

    await annotations.showView(b.page, 'netwerk');
    expect(await annotations.drawn(b.page, noteId)).toBe(false);

    await annotations.showView(b.page, 'krachtenveld');
    expect(await annotations.drawn(b.page, noteId)).toBe(true);
  });

  it('undo takes the note away again while annotating', async () => {
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => annotations.note(a.page, NOTE), WAIT).toBeNull();
    await expect.poll(() => annotations.note(b.page, NOTE), WAIT).toBeNull();
    await a.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => annotations.note(b.page, NOTE), WAIT).toMatchObject({ view: 'krachtenveld' });
  });

  it('ran without page errors', () => {
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
