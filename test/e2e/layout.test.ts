/**
 * Layouts on the laptops people bring (issue 12): seed 003's template meeting in its
 * group phase ("Uitwisseling in kleine groepen"), a facilitator and a participant, at
 * 1366×768 (the common office laptop) and 1280×800. Without folding anything by hand,
 * every view's work surface is measured (the krachtenveld's field at least 640×400 at
 * 1366×768, with the questions on one line in the bar), "Krachten + en −" keeps its
 * totals and heading clear of the goal, and an actor dragged from the tray onto the
 * field is placed (in the doc, as another person sees it, and no longer in the tray). The
 * facilitator's field too (at least 640×400 at 1366×768), in Dutch and in English, with the
 * view's bar on one line; the network's bar on two rows at most, in both languages. An opened sidebar lies over the board; Escape closes it.
 * Real server, real Chromium, the built client.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeBlocking, describeViolations } from '../helpers/axe.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { box, groupPhaseMeeting, openView, WAIT, type Box } from '../helpers/layoutMeeting.ts';

const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';
const ACTOR = 'Huisartsen De Horst';

/** Least sizes of each view's work surface, per screen. */
const SIZES = {
  '1366x768': {
    field: { w: 640, h: 400 },
    /** The facilitator's field: their bar holds the axis editor and the timeline too. */
    facField: { w: 640, h: 400 },
    canvas: { w: 900, h: 560 },
    krachten: { w: 640, h: 420 },
    drieB: { w: 640, h: 420 },
    netwerk: { w: 440, h: 360 },
    typologie: { w: 440, h: 400 },
    screen: { w: 1200, h: 600 },
  },
  '1280x800': {
    field: { w: 600, h: 400 },
    facField: { w: 600, h: 380 },
    canvas: { w: 850, h: 600 },
    krachten: { w: 580, h: 450 },
    drieB: { w: 580, h: 450 },
    netwerk: { w: 400, h: 360 },
    typologie: { w: 400, h: 400 },
    screen: { w: 1100, h: 640 },
  },
} as const;

const SURFACE = {
  canvas: '[data-testid="board"]',
  krachten: '[data-testid="view-krachten"]',
  drieB: '[data-testid="view-drieB"]',
  netwerk: '[data-testid="network-stage"]',
  typologie: '[data-testid="typology-stage"]',
} as const;

const plotOf = async (page: Page) => {
  const [w, h] = ((await page.getByTestId('field-stage').getAttribute('data-plot')) ?? '0x0').split('x').map(Number);
  return { w: w!, h: h! };
};

/**
 * The network's bar, in Dutch and in English: its controls on two rows at most (the rings
 * and the legend, then the new relation's type), no taller than 80 px; back in Dutch after.
 */
async function networkBarFits(page: Page, size: string): Promise<void> {
  for (const lang of ['nl', 'en'] as const) {
    await page.getByTestId(`lang-${lang}`).click();
    await page.locator(`html[lang="${lang}"]`).waitFor(WAIT);
    const bar = page.locator('[data-testid="view-netwerk"] .mw-view-bar');
    const rows = await bar.evaluate((el) => {
      const tops = [...el.children].map((c) => Math.round(c.getBoundingClientRect().top));
      return new Set(tops).size;
    });
    expect(rows, `rows of the network's bar at ${size} in ${lang}`).toBeLessThanOrEqual(2);
    const height = (await box(page, '[data-testid="view-netwerk"] .mw-view-bar'))!.height;
    expect(height, `the network's bar at ${size} in ${lang}`).toBeLessThanOrEqual(80);
    await page.screenshot({ path: `${SHOTS}/layout-${size}-netwerk-bar-${lang}.png` });
  }
  await page.getByTestId('lang-nl').click();
  await page.locator('html[lang="nl"]').waitFor(WAIT);
}

const fieldPoint = (page: Page, name: string) => page.locator(`[data-testid="field-points"] li[data-name="${name}"]`);

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layouts on laptop screens, in a group phase', () => {
  const h = useMeetingHarness();

  for (const [size, least] of Object.entries(SIZES)) {
    const [width, height] = size.split('x').map(Number) as [number, number];

    it(
      `at ${size} every view has its room and an actor dragged onto the field is placed`,
      { timeout: 180_000 },
      async () => {
        const { fac, part, boardId } = await groupPhaseMeeting(h, { width, height });
        const page = part.page;

        // The questions are visible, on one line in the bar, without opening anything.
        const question = page.getByTestId('meeting-question').first();
        await question.waitFor(WAIT);
        expect(await page.getByTestId('meeting-question').count()).toBe(3);
        expect((await box(page, '[data-testid="meeting-bar"]'))!.height).toBeLessThanOrEqual(64);

        // The free board.
        await openView(page, 'canvas');
        const canvas = (await box(page, SURFACE.canvas))!;
        expect(canvas.width).toBeGreaterThanOrEqual(least.canvas.w);
        expect(canvas.height).toBeGreaterThanOrEqual(least.canvas.h);

        // The krachtenveld: an actor to place, in the tray; the field keeps its room.
        await openView(page, 'krachtenveld');
        await page.getByTestId('actor-add-name').fill(ACTOR);
        await page.getByTestId('actor-add-submit').click();
        await expect
          .poll(async () => (await fieldPoint(page, ACTOR).getAttribute('data-placed')) ?? '', WAIT)
          .toBe('false');
        await page.screenshot({ path: `${SHOTS}/layout-${size}-krachtenveld.png` });
        const withTray = await plotOf(page);
        expect(withTray.w).toBeGreaterThanOrEqual(least.field.w);
        expect(withTray.h).toBeGreaterThanOrEqual(least.field.h);

        // Drag it from the tray into the upper right quarter of the field.
        const stage = (await box(page, '[data-testid="field-stage"]'))!;
        const chip = {
          x: Number(await fieldPoint(page, ACTOR).getAttribute('data-x')),
          y: Number(await fieldPoint(page, ACTOR).getAttribute('data-y')),
        };
        const target = { x: stage.x + stage.width * 0.72, y: stage.y + stage.height * 0.3 };
        await page.mouse.move(stage.x + chip.x, stage.y + chip.y);
        await page.mouse.down();
        await page.mouse.move(target.x - 40, target.y + 30, { steps: 10 });
        await page.mouse.move(target.x, target.y, { steps: 5 });
        await page.mouse.up();
        await expect.poll(async () => await fieldPoint(page, ACTOR).getAttribute('data-placed'), WAIT).toBe('true');
        const houding = Number(await fieldPoint(page, ACTOR).getAttribute('data-houding'));
        const invloed = Number(await fieldPoint(page, ACTOR).getAttribute('data-invloed'));
        expect(houding).toBeGreaterThan(0.2);
        expect(invloed).toBeGreaterThan(0.5);
        // Not back in the tray: its marker stands where it was dropped.
        const placedAt = {
          x: Number(await fieldPoint(page, ACTOR).getAttribute('data-x')),
          y: Number(await fieldPoint(page, ACTOR).getAttribute('data-y')),
        };
        expect(Math.abs(stage.x + placedAt.x - target.x)).toBeLessThan(4);
        expect(Math.abs(stage.y + placedAt.y - target.y)).toBeLessThan(4);
        // In the doc: the facilitator, on the same group board, sees it placed there.
        await fac.page.goto(
          `${h.server.url}/s/${new URL(page.url()).pathname.split('/')[2]}?b=${boardId}&v=krachtenveld`,
        );
        await expect
          .poll(async () => await fieldPoint(fac.page, ACTOR).getAttribute('data-houding'), WAIT)
          .toBe(String(houding));
        // The facilitator's field, in Dutch and in English: the view's bar keeps to one line
        // with the axis editor and the timeline in it.
        for (const lang of ['nl', 'en'] as const) {
          await fac.page.getByTestId(`lang-${lang}`).click();
          await fac.page.locator(`html[lang="${lang}"]`).waitFor(WAIT);
          await fac.page.getByTestId('timeline-toggle').waitFor(WAIT);
          const bar = (await box(fac.page, '[data-testid="view-krachtenveld"] .mw-view-bar'))!;
          expect(bar.height, `the facilitator's view bar in ${lang}`).toBeLessThanOrEqual(48);
          for (const tool of ['axes-edit', 'timeline-toggle']) {
            const b = (await box(fac.page, `[data-testid="${tool}"]`))!;
            expect(b.y + b.height, `${tool} in the bar's line`).toBeLessThanOrEqual(bar.y + bar.height);
          }
          const facPlot = await plotOf(fac.page);
          expect(facPlot.w, `the facilitator's field in ${lang}`).toBeGreaterThanOrEqual(least.facField.w);
          expect(facPlot.h, `the facilitator's field in ${lang}`).toBeGreaterThanOrEqual(least.facField.h);
          await fac.page.screenshot({ path: `${SHOTS}/layout-${size}-krachtenveld-facilitator-${lang}.png` });
        }
        await fac.page.getByTestId('lang-nl').click();
        await fac.page.locator('html[lang="nl"]').waitFor(WAIT);
        // The icons' names in a tooltip on focus, which Escape hides (WCAG 1.4.13).
        const tip = () =>
          fac.page.getByTestId('axes-edit').evaluate((el) => {
            const after = getComputedStyle(el, '::after');
            return after.display === 'none' ? '' : after.content;
          });
        await fac.page.getByTestId('color-by-relation').focus();
        await fac.page.keyboard.press('Tab');
        await expect.poll(tip, WAIT).toBe('"Assen aanpassen"');
        await fac.page.keyboard.press('Escape');
        await expect.poll(tip, WAIT).toBe('');

        // "Krachten + en −": the goal leaves the totals and the heading clear.
        await openView(page, 'krachten');
        const forces = (await box(page, SURFACE.krachten))!;
        expect(forces.width).toBeGreaterThanOrEqual(least.krachten.w);
        expect(forces.height).toBeGreaterThanOrEqual(least.krachten.h);
        const goal = (await box(page, '[data-testid="goal"]'))!;
        for (const side of ['bevorderend', 'belemmerend']) {
          const total = (await box(page, `[data-testid="forces-total-${side}"]`))!;
          expect(intersects(goal, total), `goal over the ${side} total`).toBe(false);
          const heading = page.locator(`.mw-side-head:has([data-testid="forces-total-${side}"]) h3`);
          expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
        }
        await page.screenshot({ path: `${SHOTS}/layout-${size}-krachten.png` });

        for (const view of ['drieB', 'netwerk', 'typologie'] as const) {
          await openView(page, view);
          const surface = (await box(page, SURFACE[view]))!;
          expect(surface.width, view).toBeGreaterThanOrEqual(least[view].w);
          expect(surface.height, view).toBeGreaterThanOrEqual(least[view].h);
          await page.screenshot({ path: `${SHOTS}/layout-${size}-${view}.png` });
          if (view === 'netwerk') await networkBarFits(page, size);
        }

        // The facilitator's screens: the Regiekamer, Vergelijken, Resultaten.
        for (const screen of ['control', 'compare', 'results']) {
          await fac.page.getByTestId(`screen-${screen}`).click();
          await fac.page.locator('main.screen-area').waitFor(WAIT);
          const main = (await box(fac.page, 'main.screen-area'))!;
          expect(main.width, screen).toBeGreaterThanOrEqual(least.screen.w);
          expect(main.height, screen).toBeGreaterThanOrEqual(least.screen.h);
          await fac.page.screenshot({ path: `${SHOTS}/layout-${size}-${screen}.png` });
        }
        expect(part.errors).toEqual([]);
        expect(fac.errors).toEqual([]);
      },
    );
  }

  it(
    'remembers a folded or opened panel per person; opened, the sidebar lies over the board',
    { timeout: 120_000 },
    async () => {
      const { part, fac } = await groupPhaseMeeting(h, { width: 1366, height: 768 });
      const page = part.page;
      // Folded by default beside a running meeting on a laptop; opened by hand it stays open.
      expect(await page.getByTestId('sidebar').getAttribute('data-open')).toBe('false');
      const board = (await box(page, 'main.board-area'))!;
      await page.getByTestId('sidebar-toggle').click();
      await page.locator('[data-testid="sidebar"][data-open="true"]').waitFor();
      // Over the board, which keeps its place and size.
      const sidebar = (await box(page, '[data-testid="sidebar"]'))!;
      expect(sidebar.width).toBeGreaterThanOrEqual(300);
      expect(await box(page, 'main.board-area')).toEqual(board);
      await page.reload();
      await page.locator('[data-testid="sidebar"][data-open="true"]').waitFor(WAIT);
      await page.getByTestId('my-group-panel').waitFor(WAIT);
      // The facilitator's (the invitation and the groups in it): Escape inside it closes it, and
      // the focus goes back to its toggle, not into the folded panel.
      const fp = fac.page;
      const facBoard = (await box(fp, 'main.board-area'))!;
      await fp.getByTestId('sidebar-toggle').click();
      await fp.locator('[data-testid="sidebar"][data-open="true"]').waitFor(WAIT);
      expect(await box(fp, 'main.board-area')).toEqual(facBoard);
      const found = await axeBlocking(fp, 'the sidebar over the board');
      expect(found, describeViolations(found)).toEqual([]);
      await fp.getByTestId('sidebar-toggle').focus();
      await fp.keyboard.press('Tab');
      const focused = () =>
        fp.evaluate(() => ({
          inSidebar: document.activeElement?.closest('[data-testid="sidebar"]') !== null,
          id: document.activeElement?.getAttribute('data-testid') ?? '',
        }));
      expect(await focused()).toMatchObject({ inSidebar: true });
      expect((await focused()).id).not.toBe('sidebar-toggle');
      await fp.keyboard.press('Escape');
      await fp.locator('[data-testid="sidebar"][data-open="false"]').waitFor(WAIT);
      expect(await focused()).toEqual({ inSidebar: true, id: 'sidebar-toggle' });
      expect(await box(fp, 'main.board-area')).toEqual(facBoard);
    },
  );
});
