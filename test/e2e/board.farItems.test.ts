/**
 * A big board (issue 14, first paint): the canvas draws first and the board in words
 * follows a moment later, and an item that starts far outside the first view is drawn,
 * listed, and can be selected, dragged and moved with the keys once the view is brought
 * to it. Real server, real y-websocket client, real Chromium at 1366 × 768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addItems, type NewItem } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { NOTE_COLORS } from '../../shared/model/board/schema.ts';
import { PLENARY_BOARD_ID, boardRoomName } from '../../shared/protocol.ts';
import { BoardPage } from '../helpers/boardPage.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createSessionWith } from '../helpers/server.ts';
import { connectClient, type TestClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 20_000, interval: 100 };
const NOTES = 600;
const FAR = { x: 60_000, y: 40_000, w: 200, h: 150 };
const FAR_COLOR = NOTE_COLORS[3];

interface Hook {
  snapshot(): { items: { id: string }[] };
  getViewport(): { x: number; y: number; scale: number };
  setViewport(v: { x: number; y: number; scale: number }): void;
  stage: {
    width(): number;
    height(): number;
    findOne(selector: string): {
      getChildren(): { id(): string }[];
      getCanvas(): { _canvas: HTMLCanvasElement; getPixelRatio(): number };
    };
  };
}

/** Ids of the nodes on the canvas's items layer. */
function layerIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard.stage
      .findOne('.items')
      .getChildren()
      .map((n) => n.id()),
  );
}

/** The colour of the items layer's pixel at a world point, as `#rrggbb`. */
function pixelAt(page: Page, world: { x: number; y: number }): Promise<string> {
  return page.evaluate((p) => {
    const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
    const v = h.getViewport();
    const canvas = h.stage.findOne('.items').getCanvas();
    const ratio = canvas.getPixelRatio();
    const [r, g, b] = canvas._canvas
      .getContext('2d')!
      .getImageData(Math.round((p.x * v.scale + v.x) * ratio), Math.round((p.y * v.scale + v.y) * ratio), 1, 1).data;
    return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
  }, world);
}

/** Is the world point inside the stage at the current viewport? */
function onScreen(page: Page, world: { x: number; y: number }): Promise<boolean> {
  return page.evaluate((p) => {
    const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
    const v = h.getViewport();
    const sx = p.x * v.scale + v.x;
    const sy = p.y * v.scale + v.y;
    return sx >= 0 && sy >= 0 && sx <= h.stage.width() && sy <= h.stage.height();
  }, world);
}

describe('a big board with an item far outside the first view', () => {
  const harness = useMeetingHarness();
  let board: TestClient;
  let fien: Person;
  let sessionId: string;
  let token: string;

  beforeAll(async () => {
    const session = await createSessionWith(harness.server.url, 'Groot bord', []);
    sessionId = session.sessionId;
    token = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    board = connectClient(harness.server.wsUrl, boardRoomName(sessionId, PLENARY_BOARD_ID), token);
    await board.synced;
    const notes: NewItem[] = Array.from({ length: NOTES }, (_, i) => ({
      kind: 'note',
      x: (i % 30) * 220,
      y: Math.floor(i / 30) * 160,
      w: 180,
      h: 120,
      text: `Briefje ${i}`,
      color: NOTE_COLORS[i % 3]!,
      author: 'Anna',
    }));
    addItems(board.doc, notes);
    fien = await harness.person({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(() => board?.destroy());

  it('is drawn, listed, selected, dragged and moved with the keys once the view is brought to it', async () => {
    await fien.page.goto(`${harness.server.url}/s/${sessionId}?debug#token=${token}`);
    const b = await new BoardPage(fien.page).ready();
    // The whole board: a node per item on the canvas, and the list in words catches up with it.
    await expect.poll(async () => (await layerIds(fien.page)).length, WAIT).toBe(NOTES);
    const mirror = fien.page.getByTestId('board-mirror');
    await expect.poll(() => mirror.getByTestId('mirror-item').count(), WAIT).toBe(NOTES);

    // Someone adds a note far outside the view Fien has (opened zoomed to fit the board).
    const [farId] = addItems(board.doc, [{ kind: 'note', ...FAR, text: 'Ver weg', color: FAR_COLOR, author: 'Anna' }]);
    const corner = { x: FAR.x + FAR.w / 2, y: FAR.y + 10 };
    await expect.poll(async () => (await layerIds(fien.page)).includes(farId!), WAIT).toBe(true);
    expect(await onScreen(fien.page, corner)).toBe(false);
    await expect.poll(() => mirror.getByTestId('mirror-item').count(), WAIT).toBe(NOTES + 1);
    expect(await mirror.locator(`[data-id="${farId}"]`).textContent()).toContain('Ver weg');

    // Brought into view at 100 %: drawn there (its paper above the text).
    await fien.page.evaluate((far) => {
      const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
      h.setViewport({
        scale: 1,
        x: h.stage.width() / 2 - (far.x + far.w / 2),
        y: h.stage.height() / 2 - (far.y + far.h / 2),
      });
    }, FAR);
    expect(await onScreen(fien.page, corner)).toBe(true);
    await expect.poll(() => pixelAt(fien.page, corner), WAIT).toBe(FAR_COLOR);

    // Selected with a click, dragged with the mouse, moved with the keys.
    await b.click(farId!);
    expect(await b.selection()).toEqual([farId]);
    await b.drag(farId!, 120, 60);
    const far = () => {
      const n = readBoard(board.doc).byId.get(farId!);
      return n && 'x' in n ? [n.x - FAR.x, n.y - FAR.y] : null;
    };
    await expect.poll(far, WAIT).toEqual([120, 60]);
    await b.press('Shift+ArrowRight');
    await expect.poll(far, WAIT).toEqual([130, 60]);
    await expect.poll(() => pixelAt(fien.page, { x: corner.x + 130, y: corner.y + 60 }), WAIT).toBe(FAR_COLOR);

    // "Kies" in the list in words selects it again.
    await b.press('Escape');
    expect(await b.selection()).toEqual([]);
    await mirror.locator('summary').focus();
    await fien.page.keyboard.press('Enter');
    await mirror.locator(`[data-id="${farId}"]`).getByTestId('mirror-choose').focus();
    await fien.page.keyboard.press('Enter');
    expect(await b.selection()).toEqual([farId]);
    expect(fien.errors).toEqual([]);
  }, 120_000);
});
