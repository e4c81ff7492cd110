/** Pure geometry of board items: bounds, frames' contents, where arrows start and end. */
import type { ArrowEnd, ArrowItem, BoardItem, BoxItem } from './schema.ts';
import { isBoxItem } from './schema.ts';

export interface Point {
  x: number;
  y: number;
}
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function boxOf(item: BoxItem): Rect {
  return { x: item.x, y: item.y, w: item.w, h: item.h };
}

export function center(r: Rect): Point {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

export function unionRects(rects: Rect[]): Rect | null {
  if (!rects.length) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.w);
    y2 = Math.max(y2, r.y + r.h);
  }
  return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

/** Normalizes a rectangle given by two corners (a marquee drag). */
export function rectFromPoints(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/**
 * Where the line from `from` towards the centre of `r` crosses the edge of `r`
 * (so an arrow touches a note's border, not its middle).
 */
export function clipToRectEdge(r: Rect, from: Point, gap = 4): Point {
  const c = center(r);
  const dx = from.x - c.x;
  const dy = from.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const hw = r.w / 2 + gap;
  const hh = r.h / 2 + gap;
  const scale = Math.min(hw / Math.abs(dx || 1e-9), hh / Math.abs(dy || 1e-9));
  return scale >= 1 ? from : { x: c.x + dx * scale, y: c.y + dy * scale };
}

/** Resolves an arrow to two points; an end bound to a missing item falls back to its last free point or the other end. */
export function arrowPoints(
  arrow: ArrowItem,
  byId: ReadonlyMap<string, BoardItem>,
): { start: Point; end: Point } | null {
  const boxFor = (end: ArrowEnd): Rect | null => {
    if (!('itemId' in end)) return null;
    const target = byId.get(end.itemId);
    return target && isBoxItem(target) ? boxOf(target) : null;
  };
  const rough = (end: ArrowEnd, box: Rect | null): Point | null =>
    box ? center(box) : 'x' in end ? { x: end.x, y: end.y } : null;
  const startBox = boxFor(arrow.start);
  const endBox = boxFor(arrow.end);
  const s = rough(arrow.start, startBox);
  const e = rough(arrow.end, endBox);
  if (!s || !e) return null;
  return { start: startBox ? clipToRectEdge(startBox, e) : s, end: endBox ? clipToRectEdge(endBox, s) : e };
}

/** Bounds of any item (arrows: the box around both ends). */
export function itemBounds(item: BoardItem, byId: ReadonlyMap<string, BoardItem>): Rect | null {
  if (isBoxItem(item)) return boxOf(item);
  const pts = arrowPoints(item, byId);
  return pts ? rectFromPoints(pts.start, pts.end) : null;
}

/**
 * Items a frame carries when it moves: box items entirely inside it (not other frames
 * that contain it), and free arrows whose both ends are inside.
 */
export function itemsInFrame(frame: BoxItem, items: readonly BoardItem[]): string[] {
  const area = boxOf(frame);
  const ids: string[] = [];
  for (const item of items) {
    if (item.id === frame.id || item.view !== frame.view) continue;
    if (isBoxItem(item)) {
      if (containsRect(area, boxOf(item))) ids.push(item.id);
    } else if ('x' in item.start && 'x' in item.end) {
      if (containsRect(area, rectFromPoints(item.start, item.end))) ids.push(item.id);
    }
  }
  return ids;
}
