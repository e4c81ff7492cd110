/**
 * Labels that never lie over each other (issue 12): one placement for every chart
 * that names its markers, in the app (krachtenveld, typology, Vergelijken, network,
 * the Regiekamer's thumbnails) and in the exported pictures (`drawing/methods/`).
 *
 * Greedy, in the order given (pass the important ones first): each label tries the
 * places right around its marker (below, above, right, left, then the corners), then
 * rings further out; it takes the first place that touches no label placed before it
 * and no obstacle (axis labels, titles), preferring one that covers no marker either.
 * A label moved away from its marker gets a leader line. Only when no place in reach
 * is free does a label take the least-covered one (`free: false`): callers may then
 * leave it out and number the marker. Pure: the caller measures the text (`measure`),
 * so the app can use the canvas' metrics and the server its font tables.
 */

import type { Rect } from '../model/board/geometry.ts';

/** A box on the drawing (the board geometry's `Rect`). */
export type Box = Rect;

/** A marker with its label's size. */
export interface LabelAnchor {
  id: string;
  /** The marker's centre. */
  x: number;
  y: number;
  /** The marker's radius (0 for a point). */
  r: number;
  /** The label's size. */
  w: number;
  h: number;
}

export interface PlacedLabel extends Box {
  /** From the marker's edge to the label, when the label stands away from its marker. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /** False when no free place was in reach and the label overlaps something. */
  free: boolean;
}

export interface PlacementOptions {
  /** Labels stay inside. */
  bounds: Box;
  /** Never covered: axis labels, titles, legends. */
  obstacles?: readonly Box[];
  /** Space between a marker and its label. */
  gap?: number;
  /** Rings tried beyond the places right at the marker. */
  rings?: number;
}

export const boxesOverlap = (a: Box, b: Box, margin = 0): boolean =>
  a.x < b.x + b.w + margin && b.x < a.x + a.w + margin && a.y < b.y + b.h + margin && b.y < a.y + a.h + margin;

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const markerBox = (a: { x: number; y: number; r: number }): Box => ({
  x: a.x - a.r,
  y: a.y - a.r,
  w: 2 * a.r,
  h: 2 * a.r,
});

function keepInside(bounds: Box, b: Box): Box {
  return {
    ...b,
    x: Math.min(Math.max(b.x, bounds.x), Math.max(bounds.x, bounds.x + bounds.w - b.w)),
    y: Math.min(Math.max(b.y, bounds.y), Math.max(bounds.y, bounds.y + bounds.h - b.h)),
  };
}

/** Places in order of preference: right at the marker, then `rings` rings further out. */
function candidates(a: LabelAnchor, gap: number, rings: number): { box: Box; ring: number }[] {
  const { x, y, r, w, h } = a;
  const d = r + gap;
  const near: Box[] = [
    { x: x - w / 2, y: y + d, w, h }, // below
    { x: x - w / 2, y: y - d - h, w, h }, // above
    { x: x + d + 2, y: y - h / 2, w, h }, // right
    { x: x - d - 2 - w, y: y - h / 2, w, h }, // left
    { x: x + d * 0.7, y: y + d * 0.7, w, h }, // below right
    { x: x - d * 0.7 - w, y: y + d * 0.7, w, h }, // below left
    { x: x + d * 0.7, y: y - d * 0.7 - h, w, h }, // above right
    { x: x - d * 0.7 - w, y: y - d * 0.7 - h, w, h }, // above left
  ];
  const out = near.map((box) => ({ box, ring: 0 }));
  const step = Math.max(h, 8);
  for (let k = 1; k <= rings; k++) {
    const dist = d + k * step;
    const n = 12 + 4 * k;
    for (let i = 0; i < n; i++) {
      // Start below and go round both ways, so the nearer directions come first.
      const turn = Math.ceil(i / 2) * (i % 2 === 0 ? 1 : -1);
      const angle = Math.PI / 2 + (turn * 2 * Math.PI) / n;
      const cx = x + Math.cos(angle) * (dist + w / 2);
      const cy = y + Math.sin(angle) * (dist + h / 2);
      out.push({ box: { x: cx - w / 2, y: cy - h / 2, w, h }, ring: k });
    }
  }
  return out;
}

/** The point of `b` nearest to (x, y). */
function nearestPoint(b: Box, x: number, y: number) {
  return { x: Math.min(Math.max(x, b.x), b.x + b.w), y: Math.min(Math.max(y, b.y), b.y + b.h) };
}

function leaderFor(a: LabelAnchor, b: Box, gap: number): PlacedLabel['leader'] {
  const p = nearestPoint(b, a.x, a.y);
  const dist = Math.hypot(p.x - a.x, p.y - a.y);
  if (dist <= a.r + gap + 3) return null;
  const ux = (p.x - a.x) / dist;
  const uy = (p.y - a.y) / dist;
  return { x1: a.x + ux * a.r, y1: a.y + uy * a.r, x2: p.x, y2: p.y };
}

/**
 * Places the labels of `anchors` (in priority order). Returns each label's box (absolute)
 * and its leader line, by anchor id.
 */
export function placeLabelBoxes(anchors: readonly LabelAnchor[], opts: PlacementOptions): Map<string, PlacedLabel> {
  const gap = opts.gap ?? 3;
  const rings = opts.rings ?? 6;
  const hard: Box[] = [...(opts.obstacles ?? [])];
  const markers = anchors.map((a) => ({ id: a.id, box: markerBox(a) }));
  const out = new Map<string, PlacedLabel>();
  for (const a of anchors) {
    let best: { box: Box; cost: number } | null = null;
    let chosen: Box | null = null;
    for (const { box: raw } of candidates(a, gap, rings)) {
      const box = keepInside(opts.bounds, raw);
      // Pushed back inside the bounds it may land on its own marker: not there.
      if (overlapArea(box, markerBox(a)) > 0) continue;
      let hardCost = 0;
      for (const o of hard) hardCost += overlapArea(box, o);
      let softCost = 0;
      for (const m of markers) if (m.id !== a.id) softCost += overlapArea(box, m.box);
      if (hardCost === 0 && softCost === 0) {
        chosen = box;
        break;
      }
      // No label or obstacle under it beats no marker under it; then the least covered.
      const cost = (hardCost > 0 ? 1e9 : 0) + hardCost * 100 + softCost;
      if (!best || cost < best.cost) best = { box, cost };
    }
    const free = chosen !== null || (best !== null && best.cost < 1e9);
    const box =
      chosen ?? best?.box ?? keepInside(opts.bounds, { x: a.x - a.w / 2, y: a.y + a.r + gap, w: a.w, h: a.h });
    hard.push(box);
    out.set(a.id, { ...box, leader: leaderFor(a, box, gap), free });
  }
  return out;
}

/** A label to measure: the text and how tall one line is. */
export interface TextAnchor {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
}

/**
 * Measures each text with `measure` (the width of a line in the label's font), adds
 * `padX` on each side, caps the width at `maxWidth`, and places the labels.
 */
export function placeTextLabels(
  points: readonly TextAnchor[],
  measure: (text: string) => number,
  opts: PlacementOptions & { lineHeight: number; padX?: number; maxWidth?: number },
): Map<string, PlacedLabel> {
  const pad = opts.padX ?? 4;
  const max = opts.maxWidth ?? Infinity;
  return placeLabelBoxes(
    points.map((p) => ({
      id: p.id,
      x: p.x,
      y: p.y,
      r: p.r,
      w: Math.min(max, measure(p.text) + 2 * pad),
      h: opts.lineHeight,
    })),
    opts,
  );
}
