/**
 * Page object for the board canvas: the steps a person takes (pick a tool, click, type,
 * drag, press keys) with the mouse and keyboard, and what the board holds, read through
 * the test hook `window.__veldwerkBoard` (see client/CONTEXT.md).
 */
import type { Page } from 'playwright-core';

export interface BoardItemView {
  id: string;
  kind: string;
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  text?: string;
  start?: unknown;
  end?: unknown;
}

interface Point {
  x: number;
  y: number;
}

type Hook = {
  snapshot(): { items: BoardItemView[]; byId: Map<string, BoardItemView> };
  getSelection(): string[];
  setSelection(ids: string[]): void;
  getViewport(): { x: number; y: number; scale: number };
  stage: { container(): HTMLElement };
};

/** Two clicks on one spot closer together than this are a double click (tools/BoardPointer.ts). */
const DOUBLE_CLICK_MS = 400;

export class BoardPage {
  private lastClickAt = 0;

  constructor(readonly page: Page) {}

  /**
   * The board of the session page that is open, with the test hook switched on: the
   * production build installs it only with `?debug` in the address (the token is kept
   * on the device, so reloading is safe).
   */
  static async open(page: Page): Promise<BoardPage> {
    const url = new URL(page.url());
    if (!url.searchParams.has('debug')) {
      url.searchParams.set('debug', '');
      await page.goto(url.href);
    }
    return new BoardPage(page).ready();
  }

  /** Waits until the board is on screen and its test hook is installed. */
  async ready(): Promise<this> {
    await this.page.getByTestId('board').waitFor();
    await this.page.waitForFunction(() => 'stage' in ((window as { __veldwerkBoard?: object }).__veldwerkBoard ?? {}));
    return this;
  }

  /** Everything on the board, in stacking order. */
  items(): Promise<BoardItemView[]> {
    return this.page.evaluate(() =>
      (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard
        .snapshot()
        .items.map(({ id, kind, x, y, w, h, text, start, end }) => ({ id, kind, x, y, w, h, text, start, end })),
    );
  }

  async notes(): Promise<BoardItemView[]> {
    return (await this.items()).filter((i) => i.kind === 'note');
  }

  async noteWithText(text: string): Promise<BoardItemView | null> {
    return (await this.notes()).find((n) => n.text === text) ?? null;
  }

  selection(): Promise<string[]> {
    return this.page.evaluate(() => [
      ...(window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard.getSelection(),
    ]);
  }

  /** The page coordinates of a point of the canvas (relative to its top left corner). */
  async onCanvas(p: Point): Promise<Point> {
    const box = await this.page.locator('[data-testid="board"] .konvajs-content').boundingBox();
    if (!box) throw new Error('the board canvas is not on screen');
    return { x: box.x + p.x, y: box.y + p.y };
  }

  /** The page coordinates of the middle of an item. */
  async centerOf(id: string): Promise<Point> {
    return this.page.evaluate((itemId) => {
      const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
      const item = h.snapshot().byId.get(itemId);
      if (!item || item.x === undefined || item.y === undefined) throw new Error(`no box item ${itemId}`);
      const v = h.getViewport();
      const box = h.stage.container().getBoundingClientRect();
      const cx = item.x + (item.w ?? 0) / 2;
      const cy = item.y + (item.h ?? 0) / 2;
      return { x: box.left + cx * v.scale + v.x, y: box.top + cy * v.scale + v.y };
    }, id);
  }

  /** Presses a shortcut key (the canvas, not a text field, has the keyboard). */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** N, a click on the canvas at `at`, the text, Escape: returns the new note's id. */
  async addNote(at: Point, text: string): Promise<string> {
    const before = new Set((await this.notes()).map((n) => n.id));
    await this.press('n');
    const p = await this.onCanvas(at);
    await this.page.mouse.click(p.x, p.y);
    const editor = this.page.getByTestId('note-editor');
    await editor.waitFor();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    const added = (await this.notes()).find((n) => !before.has(n.id));
    if (!added) throw new Error('no note was added');
    return added.id;
  }

  /** Clicks an item (selects it); never fast enough after the last click to make a double click. */
  async click(id: string): Promise<void> {
    const wait = this.lastClickAt + DOUBLE_CLICK_MS + 50 - Date.now();
    if (wait > 0) await this.page.waitForTimeout(wait);
    const c = await this.centerOf(id);
    await this.page.mouse.click(c.x, c.y);
    this.lastClickAt = Date.now();
  }

  /** Drags an item by (dx, dy) screen pixels with the mouse, in small steps like a hand would. */
  async drag(id: string, dx: number, dy: number): Promise<void> {
    const c = await this.centerOf(id);
    await this.page.mouse.move(c.x, c.y);
    await this.page.mouse.down();
    const steps = 10;
    for (let i = 1; i <= steps; i++) await this.page.mouse.move(c.x + (dx * i) / steps, c.y + (dy * i) / steps);
    await this.page.mouse.up();
  }

  /** Moves the mouse over the canvas (where a paste lands). */
  async hover(at: Point): Promise<void> {
    const p = await this.onCanvas(at);
    await this.page.mouse.move(p.x, p.y);
  }

  /** Titles of the board tabs, in order. */
  tabTitles(): Promise<string[]> {
    return this.page.getByTestId('board-tab').allTextContents();
  }

  /** The title of the open board's tab. */
  currentTab(): Promise<string | null> {
    return this.page.locator('[data-testid="board-tab"][aria-selected="true"]').textContent();
  }

  async openBoard(title: string): Promise<void> {
    await this.page.getByTestId('board-tab').filter({ hasText: title }).click();
    await this.page.locator('[data-testid="board-tab"][aria-selected="true"]', { hasText: title }).waitFor();
    await this.ready();
  }

  /** The facilitator's "+ Bord": waits until the new board is open. */
  async addBoard(): Promise<string> {
    const before = await this.tabTitles();
    await this.page.getByTestId('add-board').click();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="board-tab"]').length > n,
      before.length,
    );
    const title = (await this.tabTitles()).find((t) => !before.includes(t)) ?? '';
    await this.page.locator('[data-testid="board-tab"][aria-selected="true"]', { hasText: title }).waitFor();
    await this.ready();
    return title;
  }
}
