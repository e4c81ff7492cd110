/**
 * Pan and zoom of the board: screen = world * scale + offset. Pure functions, no Konva.
 */
import type { Point, Rect } from '../../../../shared/model/board/geometry.ts';

export type { Point, Rect };

export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;
/** Distance between grid dots in world units. */
export const GRID = 24;
/** Keyboard and button zoom steps. */
export const ZOOM_STEP = 1.25;

export const INITIAL_VIEWPORT: Viewport = { x: 40, y: 40, scale: 1 };

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function screenToWorld(v: Viewport, p: Point): Point {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
}

export function worldToScreen(v: Viewport, p: Point): Point {
  return { x: p.x * v.scale + v.x, y: p.y * v.scale + v.y };
}

/** A world rectangle in screen pixels. */
export function rectToScreen(v: Viewport, r: Rect): Rect {
  return { x: r.x * v.scale + v.x, y: r.y * v.scale + v.y, w: r.w * v.scale, h: r.h * v.scale };
}

/** The world area a screen of `size` shows. */
export function visibleWorldRect(v: Viewport, size: Size): Rect {
  return { x: -v.x / v.scale, y: -v.y / v.scale, w: size.width / v.scale, h: size.height / v.scale };
}

/** Zooms by `factor`, keeping the world point under `center` (screen coordinates) in place. */
export function zoomAt(v: Viewport, factor: number, center: Point): Viewport {
  return zoomTo(v, v.scale * factor, center);
}

/** Zooms to `scale`, keeping the world point under `center` (screen coordinates) in place. */
export function zoomTo(v: Viewport, scale: number, center: Point): Viewport {
  const s = clampScale(scale);
  const world = screenToWorld(v, center);
  return { scale: s, x: center.x - world.x * s, y: center.y - world.y * s };
}

/** Two-finger gesture: zoom by the change in finger distance and pan by the move of their midpoint. */
export function pinch(
  v: Viewport,
  from: { center: Point; distance: number },
  to: { center: Point; distance: number },
): Viewport {
  if (from.distance <= 0) return v;
  const zoomed = zoomAt(v, to.distance / from.distance, from.center);
  return { ...zoomed, x: zoomed.x + to.center.x - from.center.x, y: zoomed.y + to.center.y - from.center.y };
}

/**
 * Fits `rect` into a screen of `size` with a margin, centred, never past `maxScale`
 * (fit all: 100%, so a board with one note does not blow it up).
 */
export function fitRect(rect: Rect, size: Size, maxScale = 1, margin = 48): Viewport {
  if (size.width <= 0 || size.height <= 0) return INITIAL_VIEWPORT;
  const room = { w: Math.max(1, size.width - 2 * margin), h: Math.max(1, size.height - 2 * margin) };
  const scale = clampScale(Math.min(maxScale, room.w / Math.max(rect.w, 1), room.h / Math.max(rect.h, 1)));
  return {
    scale,
    x: size.width / 2 - (rect.x + rect.w / 2) * scale,
    y: size.height / 2 - (rect.y + rect.h / 2) * scale,
  };
}

/** Is all of `rect` on screen? */
export function rectFullyVisible(v: Viewport, rect: Rect, size: Size): boolean {
  const s = rectToScreen(v, rect);
  return s.x >= 0 && s.y >= 0 && s.x + s.w <= size.width && s.y + s.h <= size.height;
}

/** Pans (without zooming) just enough to show `rect` (world) with a small margin. */
export function panToShow(v: Viewport, rect: Rect, size: Size, margin = 12): Viewport {
  const s = rectToScreen(v, rect);
  const shift = (start: number, length: number, room: number) => {
    if (length + 2 * margin > room || start < margin) return margin - start;
    if (start + length > room - margin) return room - margin - (start + length);
    return 0;
  };
  const dx = shift(s.x, s.w, size.width);
  const dy = shift(s.y, s.h, size.height);
  return dx === 0 && dy === 0 ? v : { ...v, x: v.x + dx, y: v.y + dy };
}

/**
 * Screen distance between grid dots: the world grid, coarsened by 4 at a time when
 * zoomed out so the dots never turn into noise.
 */
export function gridSpacing(scale: number): number {
  let step = GRID * scale;
  while (step < 12) step *= 4;
  return step;
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.x === b.x && a.y === b.y && a.scale === b.scale;
}
