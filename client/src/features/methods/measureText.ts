/**
 * The width of a label's text as the canvas will draw it (the charts' font), for the
 * label placement (`shared/drawing/labelPlacement.ts`, issue 12). Cached per text and size.
 */
import type { MeasureText } from '../../../../shared/methods/geometry.ts';
import { FONT } from './FieldShapes.tsx';

let ctx: CanvasRenderingContext2D | null | undefined;
const cache = new Map<string, number>();

export const measureCanvasText: MeasureText = (text, size) => {
  const key = `${size}|${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (ctx === undefined) ctx = document.createElement('canvas').getContext('2d');
  // Without a 2D context (never in a browser): the estimate the drawings use.
  let w = text.length * size * 0.58;
  if (ctx) {
    ctx.font = `${size}px ${FONT}`;
    w = ctx.measureText(text).width;
  }
  if (cache.size > 5000) cache.clear();
  cache.set(key, w);
  return w;
};
