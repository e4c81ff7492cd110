/**
 * Small pictures of a board for the control room, as SVG strings shown through an
 * `<img>` (a data URL: never put into the page's DOM, so nothing in them can run).
 * Pure functions: the same data gives the same picture. Names are XML-escaped.
 */
import type { Actor, BoardSettings } from '../../../../shared/model/board/actorSchema.ts';
import type { BoardItem } from '../../../../shared/model/board/schema.ts';
import { renderBoardSvg } from '../../../../shared/drawing/boardSvg.ts';
import { escapeXml, num } from '../../../../shared/drawing/xml.ts';
import { placeTextLabels } from '../../../../shared/drawing/labelPlacement.ts';
import { actorFill } from '../methods/index.ts';

export const THUMB_W = 320;
export const THUMB_H = 200;
const PAD = 8;
/** Above this many placed actors the picture shows markers only (names would be a blur). */
const MAX_LABELS = 16;

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
  const markerAt = (a: Actor & { houding: number; invloed: number }) => ({
    x: PAD + ((Math.max(-1, Math.min(1, a.houding)) + 1) / 2) * w,
    y: PAD + (1 - Math.max(0, Math.min(1, a.invloed))) * h,
    r: 4 + Math.max(0, Math.min(1, a.betrokkenheid)) * 7,
  });
  for (const a of order) {
    const { x, y, r } = markerAt(a);
    out.push(
      `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${escapeXml(actorFill(a, colorBy))}" fill-opacity="0.9" stroke="#ffffff" stroke-width="1.5"/>`,
    );
  }
  if (labels) {
    // Names never over each other (issue 12): placed as in the method views, a leader line when moved off.
    const size = 10;
    const named = placed
      .map((a) => ({ a, name: shortName(a.name) }))
      .filter((n) => n.name !== '')
      .sort((x, y) => y.a.betrokkenheid - x.a.betrokkenheid);
    const spots = placeTextLabels(
      named.map(({ a, name }) => ({ id: a.id, ...markerAt(a), text: name })),
      (text) => text.length * size * 0.56,
      { bounds: { x: 2, y: 2, w: THUMB_W - 4, h: THUMB_H - 4 }, lineHeight: size + 3, padX: 1, gap: 1, rings: 4 },
    );
    for (const { a, name } of named) {
      const l = spots.get(a.id);
      if (!l || !l.free) continue; // no room left: the marker alone says enough in a thumbnail
      if (l.leader) {
        out.push(
          `<path d="M${num(l.leader.x1)} ${num(l.leader.y1)}L${num(l.leader.x2)} ${num(l.leader.y2)}" stroke="#7a8a90" stroke-width="0.8"/>`,
        );
      }
      out.push(
        `<text x="${num(l.x + l.w / 2)}" y="${num(l.y + l.h - 3.5)}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${size}" fill="#1d2a30" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(name)}</text>`,
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
