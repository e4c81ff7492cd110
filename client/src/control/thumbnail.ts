/**
 * Small pictures of a board for the control room, as SVG strings shown through an
 * `<img>` (a data URL: never put into the page's DOM, so nothing in them can run).
 * Pure functions: the same data gives the same picture. Names are XML-escaped.
 */
import type { Actor, BoardSettings } from '../../../shared/model/board/actorSchema.ts';
import type { BoardItem } from '../../../shared/model/board/schema.ts';
import { renderBoardSvg } from '../../../shared/drawing/boardSvg.ts';
import { escapeXml, num } from '../../../shared/drawing/xml.ts';
import { actorFill } from '../methods/palette.ts';

export const THUMB_W = 320;
export const THUMB_H = 200;
const PAD = 8;
/** Above this many placed actors the picture shows markers only (names would be a blur). */
const MAX_LABELS = 12;

const isPlaced = (a: Actor): a is Actor & { houding: number; invloed: number } =>
  a.houding !== null && a.invloed !== null;

/**
 * The krachtenveld in miniature: the four quadrants as in the method view (attitude
 * left to right, influence bottom to top), one marker per placed actor sized by its
 * belang, with short names while there are few.
 */
export function fieldThumbSvg(actors: readonly Actor[], colorBy: BoardSettings['colorBy']): string {
  const w = THUMB_W - 2 * PAD;
  const h = THUMB_H - 2 * PAD;
  const midX = PAD + w / 2;
  const midY = PAD + h / 2;
  const placed = actors.filter(isPlaced);
  const labels = placed.length <= MAX_LABELS;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMB_W}" height="${THUMB_H}" viewBox="0 0 ${THUMB_W} ${THUMB_H}">`,
    `<rect width="${THUMB_W}" height="${THUMB_H}" fill="#ffffff"/>`,
    `<rect x="${PAD}" y="${PAD}" width="${num(w / 2)}" height="${num(h / 2)}" fill="#fcefed"/>`,
    `<rect x="${num(midX)}" y="${PAD}" width="${num(w / 2)}" height="${num(h / 2)}" fill="#e7f3ea"/>`,
    `<rect x="${PAD}" y="${num(midY)}" width="${num(w / 2)}" height="${num(h / 2)}" fill="#f4f4f1"/>`,
    `<rect x="${num(midX)}" y="${num(midY)}" width="${num(w / 2)}" height="${num(h / 2)}" fill="#f1f7f2"/>`,
    `<rect x="${PAD}" y="${PAD}" width="${w}" height="${h}" rx="4" fill="none" stroke="#c5cfcb"/>`,
    `<path d="M${num(midX)} ${PAD}V${PAD + h}M${PAD} ${num(midY)}H${PAD + w}" stroke="#aab6b2" stroke-dasharray="4 4"/>`,
  ];
  // Big markers first, so small ones stay visible on top.
  const order = [...placed].sort((a, b) => b.betrokkenheid - a.betrokkenheid);
  for (const a of order) {
    const x = PAD + ((Math.max(-1, Math.min(1, a.houding)) + 1) / 2) * w;
    const y = PAD + (1 - Math.max(0, Math.min(1, a.invloed))) * h;
    const r = 4 + Math.max(0, Math.min(1, a.betrokkenheid)) * 7;
    out.push(
      `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${escapeXml(actorFill(a, colorBy))}" fill-opacity="0.9" stroke="#ffffff" stroke-width="1.5"/>`,
    );
  }
  if (labels) {
    for (const a of placed) {
      const x = PAD + ((Math.max(-1, Math.min(1, a.houding)) + 1) / 2) * w;
      const y = PAD + (1 - Math.max(0, Math.min(1, a.invloed))) * h;
      const r = 4 + Math.max(0, Math.min(1, a.betrokkenheid)) * 7;
      const name = shortName(a.name);
      if (!name) continue;
      const anchor = x > PAD + w * 0.75 ? 'end' : x < PAD + w * 0.25 ? 'start' : 'middle';
      const ty = y + r + 10 > PAD + h ? y - r - 3 : y + r + 10;
      out.push(
        `<text x="${num(x)}" y="${num(ty)}" text-anchor="${anchor}" font-family="system-ui, sans-serif" font-size="10" fill="#1d2a30" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(name)}</text>`,
      );
    }
  }
  out.push('</svg>');
  return out.join('');
}

/** A name cut to a few words for a small label. */
export function shortName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  return clean.length > 22 ? `${clean.slice(0, 20).trimEnd()}…` : clean;
}

/** The free board (canvas view) in miniature, drawn by the same code as the SVG export. */
export function canvasThumbSvg(items: readonly BoardItem[]): { svg: string; width: number; height: number } {
  return renderBoardSvg(items, { view: 'canvas', padding: 24 });
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
