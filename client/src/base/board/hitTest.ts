/**
 * What is under the pointer, and what a marquee catches. Pure functions over the board
 * snapshot: the Konva layers with items do not listen to events at all (no hit canvas
 * to draw, see ItemsLayer), so hit testing is ours, in world coordinates.
 */
import {
  arrowPoints,
  containsRect,
  intersects,
  itemBounds,
  type Point,
  type Rect,
} from '../../../../shared/model/board/geometry.ts';
import { FRAME_STYLE } from '../../../../shared/drawing/itemStyle.ts';
import { isBoxItem, type BoardItem, type FrameItem } from '../../../../shared/model/board/schema.ts';

/** Pointer tolerance in screen pixels (divided by the scale for world units). */
export const HIT_TOLERANCE_PX = 6;
/** Height of a frame's title strip above the frame, in world units (see shapes/draw.ts). */
export const FRAME_TITLE_H = FRAME_STYLE.titleHeight;

type ById = ReadonlyMap<string, BoardItem>;

/** Drawing order: frames behind everything, then the rest by stacking order. */
export function renderOrder(items: readonly BoardItem[]): BoardItem[] {
  const frames: BoardItem[] = [];
  const rest: BoardItem[] = [];
  for (const item of items) (item.kind === 'frame' ? frames : rest).push(item);
  return frames.concat(rest);
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function inRect(p: Point, r: Rect, pad = 0): boolean {
  return p.x >= r.x - pad && p.x <= r.x + r.w + pad && p.y >= r.y - pad && p.y <= r.y + r.h + pad;
}

/** A frame is hit on its title strip and its border, not inside: a drag inside it draws a marquee. */
function hitsFrame(frame: FrameItem, p: Point, scale: number): boolean {
  const tol = HIT_TOLERANCE_PX / scale;
  const title = { x: frame.x, y: frame.y - FRAME_TITLE_H, w: frame.w, h: FRAME_TITLE_H };
  if (inRect(p, title)) return true;
  const outer = inRect(p, frame, tol);
  const inner = { x: frame.x + tol, y: frame.y + tol, w: frame.w - 2 * tol, h: frame.h - 2 * tol };
  return outer && !(inner.w > 0 && inner.h > 0 && inRect(p, inner));
}

function hitsItem(item: BoardItem, p: Point, byId: ById, scale: number): boolean {
  if (item.kind === 'frame') return hitsFrame(item, p, scale);
  if (isBoxItem(item)) return inRect(p, item, 2 / scale);
  const pts = arrowPoints(item, byId);
  return pts !== null && distanceToSegment(p, pts.start, pts.end) <= HIT_TOLERANCE_PX / scale;
}

/** The front-most item at `p` (world), or null. `items` in drawing order (see renderOrder). */
export function hitTest(items: readonly BoardItem[], byId: ById, p: Point, scale: number): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (hitsItem(item, p, byId, scale)) return item.id;
  }
  return null;
}

/** The front-most box item (not `except`) whose area contains `p`: an arrow end binds to it. */
export function bindTarget(
  items: readonly BoardItem[],
  p: Point,
  except: ReadonlySet<string> = new Set(),
): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (isBoxItem(item) && !except.has(item.id) && inRect(p, item)) return item.id;
  }
  return null;
}

/**
 * Items a marquee catches: box items and arrows it touches, frames only when it holds
 * them whole (a marquee drawn inside a frame selects the frame's notes, not the frame).
 */
export function marqueeSelect(items: readonly BoardItem[], byId: ById, rect: Rect): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (item.kind === 'frame') {
      if (containsRect(rect, item)) ids.push(item.id);
    } else if (isBoxItem(item)) {
      if (intersects(rect, item)) ids.push(item.id);
    } else {
      const pts = arrowPoints(item, byId);
      if (pts && segmentTouchesRect(pts.start, pts.end, rect)) ids.push(item.id);
    }
  }
  return ids;
}

/** Does the segment a-b touch the rectangle? (Clipped against each side, Liang-Barsky.) */
export function segmentTouchesRect(a: Point, b: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - r.x],
    [dx, r.x + r.w - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.h - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

/** Bounds of several items (world), or null if none has any. */
export function boundsOf(ids: Iterable<string>, byId: ById): Rect | null {
  let out: Rect | null = null;
  for (const id of ids) {
    const item = byId.get(id);
    const b = item ? itemBounds(item, byId) : null;
    if (!b) continue;
    if (!out) out = b;
    else {
      const x = Math.min(out.x, b.x);
      const y = Math.min(out.y, b.y);
      out = { x, y, w: Math.max(out.x + out.w, b.x + b.w) - x, h: Math.max(out.y + out.h, b.y + b.h) - y };
    }
  }
  return out;
}
