/**
 * Pan and zoom of the board: screen = world * scale + offset. Pure functions, no Konva.
 */
import type { NoteRecord } from '../../../shared/model/boardDoc.ts';

export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export interface Point {
  x: number;
  y: number;
}

export const MIN_SCALE = 0.25;
export const MAX_SCALE = 3;
/** Size of a sticky note in world units. */
export const NOTE_WIDTH = 180;
export const NOTE_HEIGHT = 130;
/** Distance between grid dots in world units. */
export const GRID = 24;

export const INITIAL_VIEWPORT: Viewport = { x: 40, y: 40, scale: 1 };

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

export function screenToWorld(v: Viewport, p: Point): Point {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
}

/** Zooms by `factor`, keeping the world point under `center` (screen coordinates) in place. */
export function zoomAt(v: Viewport, factor: number, center: Point): Viewport {
  const scale = clampScale(v.scale * factor);
  const world = screenToWorld(v, center);
  return { scale, x: center.x - world.x * scale, y: center.y - world.y * scale };
}

/** Are all notes (at least partly) on a screen of `width` x `height`? */
export function allNotesVisible(notes: readonly NoteRecord[], v: Viewport, width: number, height: number): boolean {
  return notes.every((n) => {
    const left = n.x * v.scale + v.x;
    const top = n.y * v.scale + v.y;
    return left < width && top < height && left + NOTE_WIDTH * v.scale > 0 && top + NOTE_HEIGHT * v.scale > 0;
  });
}

/** Pans (without zooming) just enough to show the whole note, with a small margin. */
export function panToShow(v: Viewport, note: Point, width: number, height: number): Viewport {
  const margin = 12;
  const shift = (start: number, size: number, room: number) => {
    if (size + 2 * margin > room) return margin - start;
    if (start < margin) return margin - start;
    if (start + size > room - margin) return room - margin - (start + size);
    return 0;
  };
  const dx = shift(note.x * v.scale + v.x, NOTE_WIDTH * v.scale, width);
  const dy = shift(note.y * v.scale + v.y, NOTE_HEIGHT * v.scale, height);
  return dx === 0 && dy === 0 ? v : { ...v, x: v.x + dx, y: v.y + dy };
}

/** Fits all notes into a screen of `width` x `height`, not zooming in past 100%. */
export function fitNotes(notes: readonly NoteRecord[], width: number, height: number): Viewport {
  if (notes.length === 0 || width <= 0 || height <= 0) return INITIAL_VIEWPORT;
  const minX = Math.min(...notes.map((n) => n.x));
  const minY = Math.min(...notes.map((n) => n.y));
  const maxX = Math.max(...notes.map((n) => n.x + NOTE_WIDTH));
  const maxY = Math.max(...notes.map((n) => n.y + NOTE_HEIGHT));
  const margin = 40;
  const scale = clampScale(Math.min(1, (width - 2 * margin) / (maxX - minX), (height - 2 * margin) / (maxY - minY)));
  return {
    scale,
    x: (width - (maxX - minX) * scale) / 2 - minX * scale,
    y: (height - (maxY - minY) * scale) / 2 - minY * scale,
  };
}
