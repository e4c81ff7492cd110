/**
 * Small pictures of a board for the control room, as SVG strings shown through an
 * `<img>` (a data URL: never put into the page's DOM, so nothing in them can run).
 * Pure functions: the same data gives the same picture. Names are XML-escaped.
 */
import type { Actor, BoardSettings } from '../../../../shared/model/board/actorSchema.ts';
import type { BoardItem } from '../../../../shared/model/board/schema.ts';
import { renderBoardSvg } from '../../../../shared/drawing/boardSvg.ts';
import { krachtenveldThumbSvg } from '../../../../shared/drawing/methods/krachtenveldSvg.ts';

export const THUMB_W = 320;
export const THUMB_H = 200;

/**
 * The krachtenveld in miniature, drawn by the krachtenveld's own drawing: the four
 * quadrants as in the method view (attitude left to right, influence bottom to top), one
 * marker per placed actor sized by its belang, with short names while there are few.
 */
export function fieldThumbSvg(actors: readonly Actor[], colorBy: BoardSettings['colorBy']): string {
  return krachtenveldThumbSvg(actors, colorBy, { width: THUMB_W, height: THUMB_H });
}

/** The free board (canvas view) in miniature, drawn by the same code as the SVG export. */
export function canvasThumbSvg(items: readonly BoardItem[]): { svg: string; width: number; height: number } {
  return renderBoardSvg(items, { view: 'canvas', padding: 24 });
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
