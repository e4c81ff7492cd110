/**
 * Resizing with the keyboard (issue 12, WCAG 2.1.1): Alt+arrows make the selected items
 * wider or narrower, taller or shorter, their top left corner staying put. The new size
 * goes through the mouse resize's own rule (`resizePatch`: a note's and a frame's minimum,
 * a text's height following its text), so the two never disagree. Arrows have no size.
 */
import type { BoardItem } from '../../../../shared/model/board/schema.ts';
import { resizePatch } from './tools/resizeItems.ts';

/** Size steps of Alt+arrow, and of Alt+Shift+arrow. */
export const RESIZE_STEP = 10;
export const RESIZE_STEP_FAR = 50;

/** Which way an arrow key changes the size: [width, height]. */
export const RESIZE_KEYS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The fields `item` gets when its size changes by `dw` × `dh`; null if it has no size or nothing changes. */
export function keyboardResizePatch(item: BoardItem, dw: number, dh: number): Record<string, number> | null {
  if (item.kind === 'arrow') return null;
  const patch = resizePatch(item, { x: item.x, y: item.y, w: item.w + dw, h: item.h + dh }, false);
  if (!patch) return null;
  const record = item as unknown as Record<string, unknown>;
  const changed = Object.entries(patch).some(([key, value]) => record[key] !== value);
  return changed ? patch : null;
}
