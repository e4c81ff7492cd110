/**
 * Where a note added from a phone goes on the free canvas: the first free cell of a
 * grid laid over what is already there (gaps first, then below), so it never covers
 * someone's note. Pure: items in, a position out.
 */
import { boxOf, intersects, unionRects, type Point, type Rect } from '../../../../shared/model/board/geometry.ts';
import { isBoxItem, type BoardItem } from '../../../../shared/model/board/schema.ts';

const GAP = 24;
const ORIGIN: Point = { x: 40, y: 40 };

export function findFreeSpot(items: readonly BoardItem[], size: { w: number; h: number }, view = 'canvas'): Point {
  const boxes: Rect[] = [];
  for (const item of items) if (item.view === view && isBoxItem(item)) boxes.push(boxOf(item));
  const area = unionRects(boxes);
  if (!area) return ORIGIN;
  const stepX = size.w + GAP;
  const stepY = size.h + GAP;
  const cols = Math.max(4, Math.ceil((area.w + GAP) / stepX));
  // Padded by the gap, so a new note does not touch its neighbours.
  const free = (r: Rect) =>
    !boxes.some((b) => intersects({ x: r.x - GAP / 2, y: r.y - GAP / 2, w: r.w + GAP, h: r.h + GAP }, b));
  for (let row = 0; row < 500; row++) {
    for (let col = 0; col < cols; col++) {
      const cell = { x: area.x + col * stepX, y: area.y + row * stepY, w: size.w, h: size.h };
      if (free(cell)) return { x: Math.round(cell.x), y: Math.round(cell.y) };
    }
  }
  return { x: Math.round(area.x), y: Math.round(area.y + area.h + GAP) };
}
