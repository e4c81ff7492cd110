/**
 * The krachtenveld with three axes as an SVG drawing, as the app's `KrachtenveldView`
 * draws it: houding from left to right, invloed from bottom to top, marker size for
 * betrokkenheid; the same quadrants, tints and names, the same places (the app's
 * `fieldLayout` and `toFieldPoint`). Below: the legends, the actors not placed yet,
 * and the key to markers whose name had no room beside them. In miniature, the same
 * field and markers make the Regiekamer's thumbnails (`krachtenveldThumbSvg`).
 */
import type { Actor, AxisLabels, BoardSettings } from '../../model/board/actorSchema.ts';
import { placeTextLabels } from '../labelPlacement.ts';
import { fieldLayout, isPlaced, radiusFor, toFieldPoint, type Rect } from '../../methods/geometry.ts';
import { displayAxes } from '../../methods/labels.ts';
import { actorFill } from '../../methods/palette.ts';
import { escapeXml, num } from '../xml.ts';
import type { CleanMethods } from './input.ts';
import {
  FONT,
  INK,
  INK_2,
  PAD,
  WIDTH,
  circle,
  colorLegend,
  fit,
  heading,
  labelSvg,
  legendRow,
  line,
  markerLabels,
  markerNumber,
  nameList,
  numberKey,
  paragraph,
  rect,
  svgDocument,
  svgText,
  BlockStack,
  type Block,
  type MarkerLabels,
  type MethodSvgOptions,
  type Translate,
  translator,
} from './kit.ts';

export const FIELD_HEIGHT = 640;

/** An axis with arrowheads at both ends, from `a` to `b`. */
function doubleArrow(a: { x: number; y: number }, b: { x: number; y: number }, head: number): string {
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  const tip = (p: { x: number; y: number }, dir: number) => {
    const c = Math.cos(ang) * dir;
    const s = Math.sin(ang) * dir;
    const back = { x: p.x - c * head, y: p.y - s * head };
    const half = head / 2;
    return `<polygon points="${num(p.x)},${num(p.y)} ${num(back.x - s * half)},${num(back.y + c * half)} ${num(back.x + s * half)},${num(back.y - c * half)}" fill="${INK_2}"/>`;
  };
  return line(a, b, ` stroke="${INK_2}" stroke-width="1.5"`) + tip(b, 1) + tip(a, -1);
}

/** The field without words: the quadrants' tints, the frame and the dashed centre lines. */
function fieldTints(plot: Rect): string {
  const midX = plot.x + plot.w / 2;
  const midY = plot.y + plot.h / 2;
  const hw = plot.w / 2;
  const hh = plot.h / 2;
  const dash = ` stroke="#aab6b2" stroke-width="1" stroke-dasharray="6 6"`;
  return [
    rect({ x: plot.x, y: plot.y, w: hw, h: hh }, ` fill="#fcefed"`),
    rect({ x: midX, y: plot.y, w: hw, h: hh }, ` fill="#e7f3ea"`),
    rect({ x: plot.x, y: midY, w: hw, h: hh }, ` fill="#f4f4f1"`),
    rect({ x: midX, y: midY, w: hw, h: hh }, ` fill="#f1f7f2"`),
    rect(plot, ` rx="4" fill="none" stroke="#c5cfcb" stroke-width="1"`),
    line({ x: midX, y: plot.y }, { x: midX, y: plot.y + plot.h }, dash),
    line({ x: plot.x, y: midY }, { x: plot.x + plot.w, y: midY }, dash),
  ].join('');
}

/** Quadrant tints, centre lines, quadrant names and both axes with their labels (the app's `FieldBackdrop`). */
export function fieldBackdrop(
  plot: Rect,
  font: number,
  axes: { houding: AxisLabels; invloed: AxisLabels },
  quadrants: { tr: string; tl: string; br: string; bl: string },
): string {
  const midX = plot.x + plot.w / 2;
  const midY = plot.y + plot.h / 2;
  const hw = plot.w / 2;
  const hh = plot.h / 2;
  const pad = font * 0.7;
  const qFont = { size: Math.round(font * 1.05), bold: true };
  const quadrant = (x: number, y: number, text: string, align: 'left' | 'right', top: boolean) => {
    const shown = fit(text, hw - 2 * pad, qFont);
    const ty = top ? y + pad + qFont.size * 0.85 : y + hh - pad - qFont.size * 0.2;
    return svgText(align === 'left' ? x + pad : x + hw - pad, ty, shown, {
      ...qFont,
      fill: INK_2,
      opacity: 0.55,
      anchor: align === 'left' ? 'start' : 'end',
    });
  };
  const xAxisY = plot.y + plot.h + font * 0.8;
  const yAxisX = plot.x - font * 0.8;
  const textY = xAxisY + font * 0.5 + font * 0.85;
  const third = plot.w * 0.3;
  const parts = [
    fieldTints(plot),
    quadrant(plot.x, plot.y, quadrants.tl, 'left', true),
    quadrant(midX, plot.y, quadrants.tr, 'right', true),
    quadrant(plot.x, midY, quadrants.bl, 'left', false),
    quadrant(midX, midY, quadrants.br, 'right', false),
    doubleArrow({ x: plot.x, y: xAxisY }, { x: plot.x + plot.w, y: xAxisY }, font * 0.6),
    svgText(plot.x, textY, fit(axes.houding.low, third, { size: font }), { size: font, fill: INK_2 }),
    svgText(midX, textY, fit(axes.houding.name, plot.w * 0.36, { size: font, bold: true }), {
      size: font,
      bold: true,
      anchor: 'middle',
    }),
    svgText(plot.x + plot.w, textY, fit(axes.houding.high, third, { size: font }), {
      size: font,
      fill: INK_2,
      anchor: 'end',
    }),
    doubleArrow({ x: yAxisX, y: plot.y + plot.h }, { x: yAxisX, y: plot.y }, font * 0.6),
  ];
  // Rotated a quarter turn: the text runs upwards, its baseline at x.
  const labelX = plot.x - font * 2.9 + font * 0.85;
  const vThird = plot.h * 0.3;
  const rotated = (y: number, text: string, anchor: 'start' | 'middle' | 'end', bold: boolean, width: number) =>
    svgText(0, 0, fit(text, width, { size: font, bold }), {
      size: font,
      bold,
      anchor,
      fill: bold ? INK : INK_2,
      attrs: ` transform="translate(${num(labelX)} ${num(y)}) rotate(-90)"`,
    });
  parts.push(
    rotated(plot.y + plot.h, axes.invloed.low, 'start', false, vThird),
    rotated(midY, axes.invloed.name, 'middle', true, plot.h * 0.36),
    rotated(plot.y, axes.invloed.high, 'end', false, vThird),
  );
  return parts.join('');
}

/** Where the quadrant names stand, to keep name labels off them. */
function quadrantNameBoxes(plot: Rect, font: number): Rect[] {
  const pad = font * 0.7;
  const h = Math.round(font * 1.05) * 1.3;
  const w = plot.w * 0.3;
  const top = plot.y + pad;
  const bottom = plot.y + plot.h - pad - h;
  const left = plot.x + pad;
  const right = plot.x + plot.w - pad - w;
  return [
    { x: left, y: top, w, h },
    { x: right, y: top, w, h },
    { x: left, y: bottom, w, h },
    { x: right, y: bottom, w, h },
  ];
}

/** A marker as in the app: the colour a little transparent, a white rim, a soft shadow (none in a thumbnail). */
export function markerSvg(x: number, y: number, r: number, color: string, shadow = true): string {
  return (
    (shadow ? circle(x, y + 1, r + 1, ` fill="#000000" fill-opacity="0.12"`) : '') +
    circle(x, y, r, ` fill="${color}" fill-opacity="0.82" stroke="#ffffff" stroke-width="${shadow ? 2 : 1.5}"`)
  );
}

/** The size legend: a small and a large dot, "Grootte: Belang (Klein belang → Groot belang)". */
function sizeLegend(axis: AxisLabels, t: Translate, top: number): Block {
  const label = t('kv.size', { name: axis.name, low: axis.low, high: axis.high });
  return legendRow(
    '',
    [
      {
        swatch: (x, y) => ({
          svg: circle(x + 4, y, 4, ` fill="#7a8a90"`) + circle(x + 20, y, 9, ` fill="#7a8a90"`),
          w: 30,
        }),
        label,
      },
    ],
    top,
    WIDTH,
  );
}

/**
 * The markers of a chart in the order given (later ones on top), then the numbers of
 * those whose name had no room, then the names (the krachtenveld and the typology).
 */
export function markersSvg(
  points: readonly { id: string; x: number; y: number; r: number; actor: Actor }[],
  { labels, numbers }: MarkerLabels,
  labelSize: number,
  colorBy: BoardSettings['colorBy'],
): string {
  return [
    ...points.map(
      (p) => `<g data-actor="${escapeXml(p.id)}">${markerSvg(p.x, p.y, p.r, actorFill(p.actor, colorBy))}</g>`,
    ),
    ...points.map((p) => {
      const n = numbers.get(p.id);
      return n === undefined ? '' : markerNumber(p.x, p.y, p.r, n, labelSize);
    }),
    ...points.map((p) => {
      const l = labels.get(p.id);
      return l ? labelSvg(l, labelSize) : '';
    }),
  ].join('');
}

/**
 * Where an actor stood before (a dashed ring) and an arrow from there to its marker now;
 * nothing when it did not stand elsewhere (less than 2 px apart).
 */
function moveSvg(
  now: { id: string; x: number; y: number; r: number },
  before: { houding: number; invloed: number } | undefined,
  area: Rect,
  color: string,
): string {
  if (!before) return '';
  const from = toFieldPoint(area, before.houding, before.invloed);
  const dx = now.x - from.x;
  const dy = now.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length < 2) return '';
  const ring = Math.min(now.r, 10);
  const ux = dx / length;
  const uy = dy / length;
  // From the ring's edge to the marker's edge, with a head that stops at the marker.
  const x1 = from.x + ux * ring;
  const y1 = from.y + uy * ring;
  const tipX = now.x - ux * (now.r + 2);
  const tipY = now.y - uy * (now.r + 2);
  if (Math.hypot(tipX - x1, tipY - y1) < 4) return '';
  const head = 7;
  const baseX = tipX - ux * head;
  const baseY = tipY - uy * head;
  const wing = (sign: number) => `${num(baseX - uy * head * 0.55 * sign)},${num(baseY + ux * head * 0.55 * sign)}`;
  return (
    `<g data-move="${escapeXml(now.id)}">` +
    circle(
      from.x,
      from.y,
      ring,
      ` fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 3" stroke-opacity="0.8"`,
    ) +
    `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(baseX)}" y2="${num(baseY)}" stroke="${color}" stroke-width="1.6" stroke-opacity="0.8"/>` +
    `<polygon points="${num(tipX)},${num(tipY)} ${wing(1)} ${wing(-1)}" fill="${color}" fill-opacity="0.85"/>` +
    '</g>'
  );
}

/** The krachtenveld of a board as a standalone SVG document. */
export function krachtenveldSvg(data: CleanMethods, opts: MethodSvgOptions = {}) {
  const lang = opts.lang ?? 'nl';
  const t = translator(lang);
  const axes = displayAxes(data.settings.axes, lang);
  const nameOf = (a: Actor) => a.name.trim() || t('actors.unnamed');
  const head = heading(opts.title?.trim() ?? '', t('fo.goal'), data.settings.goal.trim(), WIDTH, opts.hyphenate);

  const stageW = WIDTH - 2 * PAD;
  const { plot, area, radii } = fieldLayout(stageW, FIELD_HEIGHT, FONT, null);
  const placed = data.actors.filter(isPlaced);
  const unplaced = data.actors.filter((a) => !isPlaced(a));
  const points = placed.map((a) => {
    const p = toFieldPoint(area, a.houding, a.invloed);
    return { id: a.id, x: p.x, y: p.y, r: radiusFor(radii, a.betrokkenheid), name: nameOf(a), actor: a };
  });
  // Large markers behind small ones (as in the app); the large ones choose a label place first.
  const bySize = [...points].sort((a, b) => b.r - a.r || a.actor.order - b.actor.order);
  const labelSize = Math.round(FONT * 0.85);
  const { labels, numbers } = markerLabels(
    bySize,
    labelSize,
    FONT * 14,
    // Off the vertical axis' words (the app lets them run to the stage's edge).
    { x: plot.x - FONT * 1.8, y: 0, w: stageW - plot.x + FONT * 1.8, h: plot.y + plot.h },
    quadrantNameBoxes(plot, FONT),
    points.map((p) => p.id),
    opts.hyphenate,
  );

  const stage = [
    fieldBackdrop(plot, FONT, axes, { tr: t('kv.q.tr'), tl: t('kv.q.tl'), br: t('kv.q.br'), bl: t('kv.q.bl') }),
    ...(opts.from
      ? points.map((p) => moveSvg(p, opts.from?.get(p.id), area, actorFill(p.actor, data.settings.colorBy)))
      : []),
    markersSvg(bySize, { labels, numbers }, labelSize, data.settings.colorBy),
  ].join('');

  const below = new BlockStack(head.height + FIELD_HEIGHT + 8);
  below.add(colorLegend(data.settings.colorBy, t, below.at, WIDTH));
  below.add(sizeLegend(axes.betrokkenheid, t, below.at), 10);
  if (!data.actors.length)
    below.add(paragraph(t('draw.empty'), PAD, below.at, WIDTH - 2 * PAD, { size: 13, fill: INK_2 }));
  below.add(nameList(t('kv.trayReadonly'), unplaced.map(nameOf), below.at, WIDTH));
  below.add(numberKey(numbers, (id) => nameOf(data.actorsById.get(id)!), t, below.at, WIDTH));

  const body = [
    head.svg,
    `<g transform="translate(${PAD} ${num(head.height)})" data-view="krachtenveld" data-plot="${num(plot.x)} ${num(plot.y)} ${num(plot.w)} ${num(plot.h)}">`,
    stage,
    '</g>',
    below.svg,
  ].join('');
  const height = below.at + PAD - 4;
  return {
    svg: svgDocument(WIDTH, height, opts.title?.trim() || t('view.krachtenveld'), body),
    width: WIDTH,
    height: Math.ceil(height),
  };
}

export interface FieldThumbOptions {
  /** Size of the picture; default 320 × 200. */
  width?: number;
  height?: number;
  /** Names beside the markers while at most this many actors are placed (more would be a blur); default 16. */
  maxLabels?: number;
}

/** A name cut to a few words for a small label. */
export function shortName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  return clean.length > 22 ? `${clean.slice(0, 20).trimEnd()}…` : clean;
}

/**
 * The krachtenveld in miniature (the Regiekamer's thumbnails): the field's tints and
 * lines, one marker per placed actor sized by its belang (large ones behind), short
 * names while there are few, no other words. The same pieces as the full drawing.
 */
export function krachtenveldThumbSvg(
  actors: readonly Actor[],
  colorBy: BoardSettings['colorBy'],
  opts: FieldThumbOptions = {},
): string {
  const width = opts.width ?? 320;
  const height = opts.height ?? 200;
  const pad = 8;
  const plot = { x: pad, y: pad, w: width - 2 * pad, h: height - 2 * pad };
  const radii = { min: 4, max: 11 };
  const placed = actors.filter(isPlaced);
  const markers = placed
    .map((a) => ({ a, ...toFieldPoint(plot, a.houding, a.invloed), r: radiusFor(radii, a.betrokkenheid) }))
    .sort((x, y) => y.a.betrokkenheid - x.a.betrokkenheid);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">`,
    rect({ x: 0, y: 0, w: width, h: height }, ` fill="#ffffff"`),
    fieldTints(plot),
    ...markers.map((m) => markerSvg(m.x, m.y, m.r, escapeXml(actorFill(m.a, colorBy)), false)),
  ];
  if (placed.length <= (opts.maxLabels ?? 16)) {
    // Names never over each other (issue 12), a leader line when moved off; no room: the marker alone.
    const size = 10;
    const named = markers.map((m) => ({ ...m, name: shortName(m.a.name) })).filter((m) => m.name !== '');
    const spots = placeTextLabels(
      named.map((m) => ({ id: m.a.id, x: m.x, y: m.y, r: m.r, text: m.name })),
      (text) => text.length * size * 0.56,
      { bounds: { x: 2, y: 2, w: width - 4, h: height - 4 }, lineHeight: size + 3, padX: 1, gap: 1, rings: 4 },
    );
    for (const m of named) {
      const l = spots.get(m.a.id);
      if (!l || !l.free) continue;
      if (l.leader)
        out.push(
          `<path d="M${num(l.leader.x1)} ${num(l.leader.y1)}L${num(l.leader.x2)} ${num(l.leader.y2)}" stroke="#7a8a90" stroke-width="0.8"/>`,
        );
      out.push(
        `<text x="${num(l.x + l.w / 2)}" y="${num(l.y + l.h - 3.5)}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${size}" fill="${INK}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(m.name)}</text>`,
      );
    }
  }
  out.push('</svg>');
  return out.join('');
}
