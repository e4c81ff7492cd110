/**
 * Geometry of the method views, pure (no React, no Konva): the krachtenveld's axes and
 * marker sizes, the tray of actors still to be placed, the network's rings and the
 * typology chart. Model values stay in the model's units (houding -1..1, invloed 0..1);
 * these functions map them to pixels and back. Shared by the app's views and the SVG
 * drawings of the report, so both put everything in the same place.
 */
import { AGREEMENT_THRESHOLD, TRUST_THRESHOLD, type ActorType } from './typology.ts';
import { overlapArea, placeLabelBoxes, type LabelAnchor } from '../drawing/labelPlacement.ts';
import type { Actor } from '../model/board/actorSchema.ts';
import type { Point, Rect } from '../model/board/geometry.ts';

export type { Point, Rect };

export const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
export const clamp01 = (v: number) => clamp(v, 0, 1);
/** Rounded to 3 decimals: positions are shared, nobody needs more precision than that. */
export const round3 = (v: number) => Math.round(v * 1000) / 1000;

export const inRect = (r: Rect, p: Point) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

/** Text size for a canvas of this size: readable on a phone, large on a projector. */
export function canvasFont(width: number, height: number): number {
  return Math.round(clamp(Math.min(width, height) / 48, 12, 22));
}

// ---------- Krachtenveld: x = houding, y = invloed, size = betrokkenheid ----------

/** An actor with a place on the krachtenveld (both houding and invloed set). */
export type PlacedActor = Actor & { houding: number; invloed: number };

/** Has the actor been placed on the krachtenveld? (Not yet: it waits in the tray.) */
export const isPlaced = (a: Actor): a is PlacedActor => a.houding !== null && a.invloed !== null;

export interface FieldLayout {
  /** The drawn field, with its quadrants. */
  plot: Rect;
  /** Where actor positions map to: the plot minus a margin, so a large marker at an edge stays inside. */
  area: Rect;
  radii: MarkerRadii;
  /** The strip below, with actors not placed yet; `null` when there is none. */
  tray: Rect | null;
}

export interface TrayOptions {
  chipWidth: number;
  chipHeight: number;
  gap: number;
  /** Height of the tray's title line. */
  header: number;
}

export function trayOptions(font: number): TrayOptions {
  return {
    chipWidth: Math.round(font * 11),
    chipHeight: Math.round(font * 2.2),
    gap: 8,
    header: Math.round(font * 1.8),
  };
}

/** Rows the tray needs for `count` chips in `width` pixels (at least one row for the hint). */
export function trayRows(count: number, width: number, o: TrayOptions): number {
  const perRow = Math.max(1, Math.floor((width + o.gap) / (o.chipWidth + o.gap)));
  return Math.max(1, Math.ceil(count / perRow));
}

/** Top-left corner of chip `index` in the tray. */
export function trayChip(tray: Rect, index: number, o: TrayOptions): Point {
  const perRow = Math.max(1, Math.floor((tray.w + o.gap) / (o.chipWidth + o.gap)));
  const row = Math.floor(index / perRow);
  const col = index % perRow;
  return { x: tray.x + col * (o.chipWidth + o.gap), y: tray.y + o.header + row * (o.chipHeight + o.gap) };
}

/**
 * Splits the stage into the plot (with room for axis labels left and below) and the tray.
 * `trayCount` is the number of unplaced actors, or `null` for no tray (read-only, all placed).
 */
export function fieldLayout(width: number, height: number, font: number, trayCount: number | null): FieldLayout {
  const left = Math.round(font * 3.2);
  const right = Math.round(font * 1.2);
  const top = Math.round(font * 1.2);
  const bottom = Math.round(font * 3);
  const o = trayOptions(font);
  const innerW = Math.max(0, width - left - right);
  let trayH = 0;
  if (trayCount !== null) {
    // An empty tray is one line of text: it only says where to drop an actor.
    trayH =
      trayCount === 0
        ? o.header + Math.round(font * 0.6)
        : o.header + trayRows(trayCount, innerW, o) * (o.chipHeight + o.gap) + Math.round(font * 0.6);
  }
  const plot: Rect = { x: left, y: top, w: innerW, h: Math.max(40, height - top - bottom - trayH) };
  const radii = markerRadii(plot);
  const pad = Math.min(radii.max * 0.8, plot.w / 8, plot.h / 8);
  const area: Rect = { x: plot.x + pad, y: plot.y + pad, w: plot.w - 2 * pad, h: plot.h - 2 * pad };
  const tray = trayCount === null ? null : { x: left, y: plot.y + plot.h + bottom, w: innerW, h: trayH };
  return { plot, area, radii, tray };
}

/**
 * Where the names of a field's markers may go: the field and the margin above and to
 * its right, not the axis names to its left and below (issue 12).
 */
export function fieldLabelBounds(plot: Rect, width: number): Rect {
  return { x: plot.x, y: 0, w: Math.max(plot.w, width - plot.x), h: plot.y + plot.h };
}

/**
 * Where the field's backdrop writes the quadrants' names (as FieldBackdrop and the
 * drawings do: bold, 1.05 × the font, a margin of 0.7 × the font), for the markers'
 * labels to avoid; measured with `measure` when given, else estimated.
 */
export function quadrantLabelRects(
  plot: Rect,
  font: number,
  q: { tl: string; tr: string; bl: string; br: string },
  measure?: MeasureText,
): Rect[] {
  const pad = font * 0.7;
  const size = Math.round(font * 1.05);
  const w = (text: string) =>
    Math.min(plot.w / 2 - 2 * pad, measure ? measure(text, size) * 1.08 : text.length * size * 0.62);
  const top = plot.y + pad;
  const bottom = plot.y + plot.h - pad - size;
  const right = (text: string) => plot.x + plot.w - pad - w(text);
  return [
    { x: plot.x + pad, y: top, w: w(q.tl), h: size },
    { x: right(q.tr), y: top, w: w(q.tr), h: size },
    { x: plot.x + pad, y: bottom, w: w(q.bl), h: size },
    { x: right(q.br), y: bottom, w: w(q.br), h: size },
  ];
}

export function toFieldPoint(plot: Rect, houding: number, invloed: number): Point {
  return { x: plot.x + ((clamp(houding, -1, 1) + 1) / 2) * plot.w, y: plot.y + (1 - clamp01(invloed)) * plot.h };
}

export function fromFieldPoint(plot: Rect, p: Point): { houding: number; invloed: number } {
  return {
    houding: round3(clamp(((p.x - plot.x) / plot.w) * 2 - 1, -1, 1)),
    invloed: round3(clamp01(1 - (p.y - plot.y) / plot.h)),
  };
}

export interface MarkerRadii {
  min: number;
  max: number;
}

export function markerRadii(plot: Rect): MarkerRadii {
  const s = Math.min(plot.w, plot.h);
  return { min: Math.max(8, s * 0.022), max: Math.max(20, s * 0.075) };
}

export const radiusFor = (r: MarkerRadii, betrokkenheid: number) => r.min + clamp01(betrokkenheid) * (r.max - r.min);
export const betrokkenheidFor = (r: MarkerRadii, radius: number) => round3(clamp01((radius - r.min) / (r.max - r.min)));

// ---------- Network: the goal in the middle, rings around it ----------

export interface RingGeometry {
  center: Point;
  /** Radius of the goal's circle. */
  goal: number;
  /** Bands from the inside out: inner and outer edge and the middle, where actors stand. */
  bands: { inner: number; outer: number; mid: number }[];
}

export function ringGeometry(width: number, height: number, bandCount: number): RingGeometry {
  const outer = Math.max(60, Math.min(width, height) / 2 - 12);
  const goal = outer * 0.17;
  const step = (outer - goal) / Math.max(1, bandCount);
  const bands = Array.from({ length: bandCount }, (_, i) => ({
    inner: goal + i * step,
    outer: goal + (i + 1) * step,
    mid: goal + (i + 0.5) * step,
  }));
  return { center: { x: width / 2, y: height / 2 }, goal, bands };
}

/** The band a point at `distance` from the centre falls in (the goal counts as the innermost). */
export function bandAt(g: RingGeometry, distance: number): number {
  for (let i = 0; i < g.bands.length; i++) if (distance < g.bands[i]!.outer) return i;
  return g.bands.length - 1;
}

export function pointOnRing(g: RingGeometry, band: number, angle: number): Point {
  const r = g.bands[clamp(band, 0, g.bands.length - 1)]?.mid ?? g.goal;
  return { x: g.center.x + r * Math.cos(angle), y: g.center.y + r * Math.sin(angle) };
}

/** Angle and distance of `p` around the centre, angle normalised to (-π, π]. */
export function polar(g: RingGeometry, p: Point): { angle: number; distance: number } {
  const dx = p.x - g.center.x;
  const dy = p.y - g.center.y;
  return { angle: round3(Math.atan2(dy, dx)), distance: Math.hypot(dx, dy) };
}

const TAU = Math.PI * 2;
const norm = (a: number) => ((a % TAU) + TAU) % TAU;

/**
 * Angles for actors on one ring: a stored angle (`netHoek`) is kept; actors without one
 * go, in list order, into the middle of the widest free gap, so they do not overlap.
 * `start` is where the first one goes on an empty ring.
 */
export function ringAngles(
  actors: readonly { id: string; angle: number | null }[],
  start = -Math.PI / 2,
): Map<string, number> {
  const out = new Map<string, number>();
  const taken: number[] = [];
  for (const a of actors) {
    if (a.angle !== null && Number.isFinite(a.angle)) {
      out.set(a.id, a.angle);
      taken.push(norm(a.angle));
    }
  }
  for (const a of actors) {
    if (out.has(a.id)) continue;
    let angle: number;
    if (taken.length === 0) angle = norm(start);
    else {
      const sorted = [...taken].sort((x, y) => x - y);
      let best = 0;
      let bestGap = -1;
      for (let i = 0; i < sorted.length; i++) {
        const from = sorted[i]!;
        const to = i + 1 < sorted.length ? sorted[i + 1]! : sorted[0]! + TAU;
        if (to - from > bestGap + 1e-9) {
          bestGap = to - from;
          best = from + bestGap / 2;
        }
      }
      angle = norm(best);
    }
    out.set(a.id, angle);
    taken.push(angle);
  }
  return out;
}

// ---------- Typology chart: x = inhoud (-1..1), y = vertrouwen (0..1) ----------

export function toChartPoint(plot: Rect, inhoud: number, vertrouwen: number): Point {
  return toFieldPoint(plot, inhoud, vertrouwen);
}

export function fromChartPoint(plot: Rect, p: Point): { inhoud: number; vertrouwen: number } {
  const { houding, invloed } = fromFieldPoint(plot, p);
  return { inhoud: houding, vertrouwen: invloed };
}

/** Zones of the typology chart in model units: [inhoud from, to] × [vertrouwen from, to]. */
export const TYPE_ZONES: readonly { type: ActorType; x: [number, number]; y: [number, number] }[] = [
  { type: 'opponent', x: [-1, -AGREEMENT_THRESHOLD], y: [TRUST_THRESHOLD, 1] },
  { type: 'twijfelaar', x: [-AGREEMENT_THRESHOLD, AGREEMENT_THRESHOLD], y: [TRUST_THRESHOLD, 1] },
  { type: 'bondgenoot', x: [AGREEMENT_THRESHOLD, 1], y: [TRUST_THRESHOLD, 1] },
  { type: 'tegenstander', x: [-1, -AGREEMENT_THRESHOLD], y: [0, TRUST_THRESHOLD] },
  { type: 'opportunist', x: [-AGREEMENT_THRESHOLD, AGREEMENT_THRESHOLD], y: [0, TRUST_THRESHOLD] },
  { type: 'coalitiepartner', x: [AGREEMENT_THRESHOLD, 1], y: [0, TRUST_THRESHOLD] },
];

// ---------- Labels that stay out of each other's way ----------

/** Estimated width of a one-line label in the canvas font (no text measuring needed in tests). */
export function labelWidth(text: string, fontSize: number, max: number): number {
  return Math.min(max, Math.max(fontSize * 3, text.length * fontSize * 0.58 + 8));
}

/** Width of `text` at font size `size`: the canvas' or a font table's measure, passed in by the drawing. */
export type MeasureText = (text: string, size: number) => number;

/** Font size and box of a marker's name label; measured with `measure` when given, else estimated. */
export function markerLabelSize(
  name: string,
  font: number,
  measure?: MeasureText,
): { size: number; w: number; h: number } {
  const size = Math.round(font * 0.85);
  const w = measure
    ? Math.min(font * 14, Math.max(size * 2, measure(name, size) + 10))
    : labelWidth(name, size, font * 14);
  return { size, w, h: size + 6 };
}

function pick(candidates: Rect[], taken: readonly Rect[]): Rect {
  let best = candidates[0]!;
  let bestScore = Infinity;
  for (const c of candidates) {
    let score = 0;
    for (const t of taken) score += overlapArea(c, t);
    if (score < bestScore - 0.5) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** A marker with its label's size (the label placement's anchor). */
export type LabelledPoint = LabelAnchor;

/** Where a marker's name goes, relative to the marker; `leader` (also relative) when it stands away. */
export interface LabelSpot extends Point {
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
  /** False when no free place was in reach (it overlaps another label or an obstacle). */
  free: boolean;
}

/**
 * Where each marker's name goes: right at the marker if free (below, above, right,
 * left, the corners), else further out with a leader line, never over a label placed
 * before it or an obstacle (earlier points win, so pass the important ones first).
 * Returns each label's top-left corner, relative to its marker, kept inside `bounds`.
 * The placement itself is `shared/drawing/labelPlacement.ts` (issue 12).
 */
export function placeLabels(
  points: readonly LabelledPoint[],
  bounds: Rect,
  obstacles: readonly Rect[] = [],
): Map<string, LabelSpot> {
  const placed = placeLabelBoxes(points, { bounds, obstacles });
  const out = new Map<string, LabelSpot>();
  for (const p of points) {
    const l = placed.get(p.id)!;
    const leader = l.leader && {
      x1: l.leader.x1 - p.x,
      y1: l.leader.y1 - p.y,
      x2: l.leader.x2 - p.x,
      y2: l.leader.y2 - p.y,
    };
    out.set(p.id, { x: l.x - p.x, y: l.y - p.y, leader, free: l.free });
  }
  return out;
}

export interface LabelledLine {
  id: string;
  from: Point;
  to: Point;
  w: number;
  h: number;
}

/**
 * Where each line's label goes: at the middle of the line if that is free, else a bit
 * towards either end, whichever overlaps least with `obstacles` and earlier labels.
 * Returns each label's top-left corner.
 */
export function placeLineLabels(lines: readonly LabelledLine[], obstacles: readonly Rect[]): Map<string, Point> {
  const taken: Rect[] = [...obstacles];
  const out = new Map<string, Point>();
  for (const l of lines) {
    const candidates = [0.5, 0.38, 0.62, 0.28, 0.72].map((t) => ({
      x: l.from.x + (l.to.x - l.from.x) * t - l.w / 2,
      y: l.from.y + (l.to.y - l.from.y) * t - l.h / 2,
      w: l.w,
      h: l.h,
    }));
    const chosen = pick(candidates, taken);
    taken.push(chosen);
    out.set(l.id, { x: chosen.x, y: chosen.y });
  }
  return out;
}
