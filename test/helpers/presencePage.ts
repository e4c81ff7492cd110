/**
 * Page object for presence on a board (issue 3): the other people's pointers drawn by
 * `CursorLayer` (Konva groups named `peer-cursor`, read through the test hook's stage)
 * and the list of people on the board (`BoardPeople`).
 */
import type { Page } from 'playwright-core';

export interface PeerCursorView {
  name: string;
  /** Where the pointer is drawn, in world (board) coordinates. */
  x: number;
  y: number;
}

interface KonvaNodeLike {
  x(): number;
  y(): number;
  findOne(selector: string): { text(): string } | undefined;
}

type Hook = {
  getViewport(): { x: number; y: number; scale: number };
  stage: { container(): HTMLElement; find(selector: string): KonvaNodeLike[] };
};

export const presence = {
  /** Other people's pointers as drawn on this page's canvas. */
  cursors(page: Page): Promise<PeerCursorView[]> {
    return page.evaluate(() => {
      const h = (window as unknown as { __veldwerkBoard?: Hook }).__veldwerkBoard;
      if (!h) return [];
      return h.stage.find('.peer-cursor').map((g) => ({ name: g.findOne('Text')?.text() ?? '', x: g.x(), y: g.y() }));
    });
  },

  /** The world point under a page position, by this page's viewport. */
  worldAt(page: Page, p: { x: number; y: number }): Promise<{ x: number; y: number }> {
    return page.evaluate((at) => {
      const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
      const v = h.getViewport();
      const box = h.stage.container().getBoundingClientRect();
      return { x: (at.x - box.left - v.x) / v.scale, y: (at.y - box.top - v.y) / v.scale };
    }, p);
  },

  /** Names in "Op dit bord" (BoardPeople), me excluded. */
  peopleNames(page: Page): Promise<string[]> {
    return page.getByTestId('board-person-name').allTextContents();
  },
};
