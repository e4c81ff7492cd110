/**
 * Pieces shared by the SVG drawings of the method views: the font and colours of the
 * app, one line of (escaped, fitted) text, the heading, legends, wrapped lists, name
 * labels beside markers and the document around it all. Pure string building.
 */
import { RELATIONS, ROLE_CATEGORIES, type BoardSettings } from '../../model/board/actorSchema.ts';
import { placeLabels, type Point, type Rect } from '../../methods/geometry.ts';
import { translate } from '../../i18n/messages.ts';
import type { MethodLabelKey, MethodLang } from '../../methods/labels.ts';
import { CATEGORY_COLORS, RELATION_COLORS } from '../../methods/palette.ts';
import { overlapArea } from '../labelPlacement.ts';
import { isRtl, measureText, truncateToWidth, wrapText, type FontSpec } from '../textLayout.ts';
import { escapeXml, num } from '../xml.ts';

/** The server rasterises with DejaVu Sans (resvg); browsers fall back to Arial. */
export const FONT_FAMILY = 'DejaVu Sans, Arial, sans-serif';
export const INK = '#1d2a30';
export const INK_2 = '#4b5b62';
export const INK_3 = '#6f7e84';
export const LINE = '#dde3e0';
export const LINE_STRONG = '#c5cfcb';
export const PRIMARY = '#0e5a63';
export const OK = '#2e7d4f';
export const DANGER = '#b3261e';

/** Width of the drawings and the space around them. */
export const WIDTH = 960;
export const PAD = 24;
/** Base font size of the charts (the app's `canvasFont` on a large screen). */
export const FONT = 15;

export interface MethodSvgOptions {
  /** Shown above the drawing and as the document's `<title>`. */
  title?: string;
  /** Language of the drawing's own words; default Dutch. */
  lang?: MethodLang;
  /**
   * Where a word may be broken with a hyphen (`shared/hyphenation.ts`, passed in so the
   * app's bundle need not carry the patterns). With it, an actor's name too long for
   * one label line goes on to a second, a long word broken with a hyphen; without it,
   * the name is cut with "…".
   */
  hyphenate?: HyphenateWord;
  /**
   * Krachtenveld only: where actors stood earlier (by actor id). An actor that stood
   * elsewhere is drawn with a dashed ring at that place and an arrow to where it stands
   * now: the field "begin → eind".
   */
  from?: ReadonlyMap<string, { houding: number; invloed: number }>;
}

/** Positions where a word may be broken with a hyphen (the index the second part starts at). */
export type HyphenateWord = (word: string) => number[];

/**
 * The width table of `textLayout.ts` is Arial's; DejaVu Sans, which the server draws
 * with, runs wider (narrow letters especially, and more so in bold). Drawings measure
 * with this margin so what is fitted also fits there.
 */
export const metric = (f: FontSpec): FontSpec => ({ size: f.size * (f.bold ? 1.12 : 1.06), bold: f.bold });

/** Estimated width of a line of text as drawn. */
export const measure = (text: string, f: FontSpec) => measureText(text, metric(f));

export type Translate = (key: MethodLabelKey, vars?: Record<string, string | number>) => string;

export const translator =
  (lang: MethodLang): Translate =>
  (key, vars) =>
    translate(lang, `methods.${key}`, vars);

export interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  opacity?: number;
  /** Extra attributes, already escaped (e.g. ` transform="…"`). */
  attrs?: string;
}

/**
 * One line of text with its baseline at `y`, escaped. Right-to-left text that is
 * centred gets `direction="rtl"`; at a start or end anchor the bidi algorithm orders it.
 */
export function svgText(x: number, y: number, text: string, s: TextStyle): string {
  if (!text) return '';
  const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
  const dir = s.anchor === 'middle' && isRtl(text) ? ' direction="rtl"' : '';
  const weight = s.bold ? ' font-weight="700"' : '';
  const opacity = s.opacity !== undefined ? ` fill-opacity="${num(s.opacity)}"` : '';
  return `<text x="${num(x)}" y="${num(y)}" font-size="${num(s.size)}"${weight}${anchor}${dir} fill="${s.fill ?? INK}"${opacity}${s.attrs ?? ''}>${escapeXml(text)}</text>`;
}

/** The baseline that puts a line's middle at `middle`. */
export const baseline = (middle: number, size: number) => middle + size * 0.35;

/** Text cut to `width` with an ellipsis (names, labels typed by participants). */
export const fit = (text: string, width: number, font: FontSpec) =>
  truncateToWidth(text.replace(/\s+/g, ' ').trim(), Math.max(0, width), metric(font));

export const rect = (r: Rect, attrs: string) =>
  `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(Math.max(0, r.w))}" height="${num(Math.max(0, r.h))}"${attrs}/>`;

export const circle = (x: number, y: number, r: number, attrs: string) =>
  `<circle cx="${num(x)}" cy="${num(y)}" r="${num(Math.max(0, r))}"${attrs}/>`;

export const line = (a: Point, b: Point, attrs: string) =>
  `<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}"${attrs}/>`;

/** A block of SVG and the height it takes. */
export interface Block {
  svg: string;
  height: number;
}

/** Blocks one under the other from a top (the legends and lists below a chart); `at` is where the next one goes. */
export class BlockStack {
  private readonly parts: string[] = [];
  constructor(private y: number) {}

  get at(): number {
    return this.y;
  }

  get svg(): string {
    return this.parts.join('');
  }

  /** Adds a block; an empty one (height 0) takes no room, not even the gap. */
  add(b: Block, gap = 4): void {
    this.parts.push(b.svg);
    if (b.height) this.y += b.height + gap;
  }
}

/** Wrapped lines from `top`, at most `maxLines` (the last one ends in "…" if cut). */
export function paragraph(
  text: string,
  x: number,
  top: number,
  width: number,
  s: TextStyle & { lineHeight?: number; maxLines?: number; hyphenate?: HyphenateWord },
): Block {
  const font = { size: s.size, bold: s.bold };
  const { lines } = wrapText(text, width, metric(font), s.maxLines ?? 6, s.hyphenate);
  const step = s.size * (s.lineHeight ?? 1.3);
  const at = s.anchor === 'middle' ? x + width / 2 : s.anchor === 'end' ? x + width : x;
  const svg = lines.map((l, i) => svgText(at, baseline(top + (i + 0.5) * step, s.size), l, s)).join('');
  return { svg, height: lines.length * step };
}

/** The drawing's heading: the title (if any), then a subtitle such as the goal. */
export function heading(
  title: string,
  kicker: string,
  subtitle: string,
  width: number,
  hyphenate?: HyphenateWord,
): Block {
  const parts: string[] = [];
  let y = PAD;
  if (title) {
    parts.push(svgText(PAD, y + 20, fit(title, width - 2 * PAD, { size: 20, bold: true }), { size: 20, bold: true }));
    y += 32;
  }
  if (subtitle) {
    parts.push(svgText(PAD, y + 11, kicker.toUpperCase(), { size: 11, bold: true, fill: INK_3 }));
    y += 16;
    const p = paragraph(subtitle, PAD, y, width - 2 * PAD, { size: 16, bold: true, maxLines: 3, hyphenate });
    parts.push(p.svg);
    y += p.height + 4;
  }
  return { svg: parts.join(''), height: y === PAD ? PAD * 0.5 : y + 8 };
}

export interface LegendItem {
  /** Draws the swatch with its left edge at x, centred on y; returns the SVG and its width. */
  swatch: (x: number, y: number) => { svg: string; w: number };
  label: string;
}

export const dotSwatch =
  (color: string, r = 6) =>
  (x: number, y: number) => ({ svg: circle(x + r, y, r, ` fill="${color}"`), w: 2 * r });

/** A legend line: a caption, then swatches with labels, wrapping onto more lines. */
export function legendRow(caption: string, items: readonly LegendItem[], top: number, width: number): Block {
  const size = 13;
  const font = { size };
  const rowH = 22;
  const parts: string[] = [];
  let x = PAD;
  let row = 0;
  const mid = () => top + row * rowH + rowH / 2;
  if (caption) {
    const c = fit(caption, width * 0.4, { size, bold: true });
    parts.push(svgText(x, baseline(mid(), size), c, { size, bold: true, fill: INK_2 }));
    x += measure(c, { size, bold: true }) + 16;
  }
  for (const item of items) {
    const label = fit(item.label, width - 2 * PAD - 40, font);
    const w = 18 + measure(label, font) + 8;
    if (x + w > width - PAD && x > PAD + 1) {
      row++;
      x = PAD + 12;
    }
    const sw = item.swatch(x, mid());
    parts.push(sw.svg, svgText(x + sw.w + 6, baseline(mid(), size), label, { size, fill: INK }));
    x += sw.w + 6 + measure(label, font) + 16;
  }
  return { svg: parts.join(''), height: (row + 1) * rowH };
}

/** The colour legend of the actors, as the app's `ColorLegend`: by role or by relation. */
export function colorLegend(colorBy: BoardSettings['colorBy'], t: Translate, top: number, width: number): Block {
  const items: LegendItem[] =
    colorBy === 'category'
      ? ROLE_CATEGORIES.map((c) => ({ swatch: dotSwatch(CATEGORY_COLORS[c]), label: t(`cat.${c}`) }))
      : RELATIONS.map((r) => ({ swatch: dotSwatch(RELATION_COLORS[r]), label: t(`rel.${r}`) }));
  const caption = `${t('kv.colorBy')} ${t(colorBy === 'category' ? 'kv.colorBy.category' : 'kv.colorBy.relation').toLowerCase()}:`;
  return legendRow(caption, items, top, width);
}

/** "Caption: a, b, c" wrapped over the width (lists of names below a chart). */
export function nameList(
  caption: string,
  names: readonly string[],
  top: number,
  width: number,
  o: { maxLines?: number; separator?: string; entryWidth?: number } = {},
): Block {
  if (!names.length) return { svg: '', height: 0 };
  const shown = names.map((n) => fit(n, o.entryWidth ?? 280, { size: 13 }));
  const p = paragraph(`${caption}: ${shown.join(o.separator ?? ', ')}`, PAD, top, width - 2 * PAD, {
    size: 13,
    fill: INK_2,
    maxLines: o.maxLines ?? 12,
  });
  return { svg: p.svg, height: p.height + 6 };
}

export interface MarkerInput {
  id: string;
  x: number;
  y: number;
  r: number;
  name: string;
}

export interface PlacedLabel {
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  /** The name on two lines (`labelLines`); else `text` on one. */
  lines?: string[];
  /** A line from the marker to its label, when the label stands away from it (issue 12). */
  leader?: { x1: number; y1: number; x2: number; y2: number } | null;
}

/** Line step of a name label on two lines, as a factor of its font size. */
const LABEL_LINE = 1.15;

/** Height of a name label of `lines` lines. */
export const labelHeight = (size: number, lines: number) => size + 6 + (lines - 1) * size * LABEL_LINE;

/**
 * A name as a label's lines, each at most `width` wide: one line if it fits (or, without
 * `hyphenate`, cut with "…"); else two: words whole where they fit, a word that does not
 * broken at a Dutch break point with a hyphen (or after a hyphen it has), and what is
 * still too long for the second line cut with "…". A word is never cut without either.
 */
export function labelLines(name: string, width: number, font: FontSpec, hyphenate?: HyphenateWord): string[] {
  const text = name.replace(/\s+/g, ' ').trim();
  if (!hyphenate || measure(text, font) <= width) return [fit(text, width, font)];
  const fits = (s: string) => measure(s, font) <= width;
  const words = text.split(' ');
  let first = '';
  let i = 0;
  while (i < words.length && fits(first ? `${first} ${words[i]}` : words[i]!))
    first = first ? `${first} ${words[i++]}` : words[i++]!;
  const rest = words.slice(i).join(' ');
  // The rest whole on the second line: no word broken.
  if (first && fits(rest)) return [first, rest];
  const word = words[i]!;
  const pieces: { head: string; tail: string }[] = [];
  for (let k = 2; k < word.length - 1; k++)
    if (word[k - 1] === '-') pieces.push({ head: word.slice(0, k), tail: word.slice(k) });
  for (const k of hyphenate(word))
    if (word[k - 1] !== '-' && word[k] !== '-') pieces.push({ head: `${word.slice(0, k)}-`, tail: word.slice(k) });
  pieces.sort((a, b) => b.head.length - a.head.length);
  const lead = first ? `${first} ` : '';
  const piece = pieces.find((c) => fits(lead + c.head));
  if (piece) return [lead + piece.head, fit([piece.tail, ...words.slice(i + 1)].join(' '), width, font)];
  if (first) return [first, fit(rest, width, font)];
  return [fit(text, width, font)];
}

export interface MarkerLabels {
  labels: Map<string, PlacedLabel>;
  /** Markers whose name found no free place: they carry a number instead (see `numberKey`). */
  numbers: Map<string, number>;
}

/** A label may cover at most this share of a marker's box. */
const MAX_MARKER_COVER = 0.3;

export const markerBox = (m: { x: number; y: number; r: number }): Rect => ({
  x: m.x - m.r,
  y: m.y - m.r,
  w: 2 * m.r,
  h: 2 * m.r,
});

/** Labels covered more than this (as a share of their area) by earlier ones give way to a number. */
const MAX_LABEL_OVERLAP = 0.12;

/**
 * Name labels beside markers, placed as the app places them (`placeLabels`: below,
 * above, right or left, whichever is freest; earlier points choose first), measured
 * and cut to `maxWidth`. A label that would still lie over another one is left out and
 * its marker numbered, so a crowded chart stays readable.
 */
export function markerLabels(
  points: readonly MarkerInput[],
  size: number,
  maxWidth: number,
  bounds: Rect,
  obstacles: readonly Rect[] = [],
  numberOrder: readonly string[] = points.map((p) => p.id),
  hyphenate?: HyphenateWord,
): MarkerLabels {
  const font = { size };
  const texts = new Map(points.map((p) => [p.id, labelLines(p.name, maxWidth - 8, font, hyphenate)]));
  const box = (lines: string[]) => ({
    w: Math.min(maxWidth, Math.max(...lines.map((l) => measure(l, font))) + 8),
    h: labelHeight(size, lines.length),
  });
  const placed = placeLabels(
    points.map((p) => ({ id: p.id, x: p.x, y: p.y, r: p.r, ...box(texts.get(p.id)!) })),
    bounds,
    obstacles,
  );
  return readableLabels(
    points.map((p) => {
      const lines = texts.get(p.id)!;
      const { w, h } = box(lines);
      const at = placed.get(p.id) ?? { x: -w / 2, y: p.r + 3, leader: null };
      const leader = at.leader
        ? { x1: p.x + at.leader.x1, y1: p.y + at.leader.y1, x2: p.x + at.leader.x2, y2: p.y + at.leader.y2 }
        : null;
      return {
        id: p.id,
        text: lines.join(' '),
        ...(lines.length > 1 ? { lines } : {}),
        ...(leader ? { leader } : {}),
        x: p.x + at.x,
        y: p.y + at.y,
        w,
        h,
      };
    }),
    numberOrder,
    points,
  );
}

/**
 * Keeps the labels that are readable: in the given order, one lying more than a little
 * over a label kept before it is left out, and its marker gets a number instead.
 */
export function readableLabels(
  boxes: readonly (PlacedLabel & { id: string })[],
  numberOrder: readonly string[],
  markers: readonly MarkerInput[] = [],
): MarkerLabels {
  const labels = new Map<string, PlacedLabel>();
  const kept: Rect[] = [];
  const dropped = new Set<string>();
  for (const { id, ...box } of boxes) {
    const covered = kept.reduce((sum, k) => sum + overlapArea(box, k), 0);
    // Nor may a label hide much of a marker (its own too, when pushed back inside the chart).
    const hides = markers.some((m) => overlapArea(box, markerBox(m)) > MAX_MARKER_COVER * 4 * m.r * m.r);
    if (hides || covered > MAX_LABEL_OVERLAP * box.w * box.h) {
      dropped.add(id);
      continue;
    }
    kept.push(box);
    labels.set(id, box);
  }
  const numbers = new Map<string, number>();
  for (const id of numberOrder) if (dropped.has(id)) numbers.set(id, numbers.size + 1);
  return { labels, numbers };
}

/** A name label: a light tag with the name centred on it (the app's Konva `Label`). */
export function labelSvg(l: PlacedLabel, size: number, opacity = 0.86): string {
  const leader = l.leader
    ? `<path d="M${num(l.leader.x1)} ${num(l.leader.y1)}L${num(l.leader.x2)} ${num(l.leader.y2)}" stroke="#7a8a90" stroke-width="1" fill="none"/>`
    : '';
  return leader + rect(l, ` rx="3" fill="#ffffff" fill-opacity="${num(opacity)}"`) + labelText(l, size);
}

/** A label's name centred in its box, on one line or two. */
export function labelText(l: PlacedLabel, size: number): string {
  const lines = l.lines ?? [l.text];
  const first = l.y + l.h / 2 - ((lines.length - 1) * size * LABEL_LINE) / 2;
  return lines
    .map((t, i) => svgText(l.x + l.w / 2, baseline(first + i * size * LABEL_LINE, size), t, { size, anchor: 'middle' }))
    .join('');
}

/** A number on a marker whose name is listed below the chart instead. */
export function markerNumber(x: number, y: number, r: number, n: number, maxSize: number): string {
  const digits = String(n).length;
  const size = Math.max(6, Math.min(maxSize, r * 1.15, (2 * r - 2) / (digits * 0.62)));
  return svgText(x, baseline(y, size), String(n), {
    size,
    bold: true,
    anchor: 'middle',
    fill: '#ffffff',
    attrs: ` stroke="${INK}" stroke-width="${num(size / 6)}" paint-order="stroke"`,
  });
}

/** The key to the numbered markers: "Nummers in de tekening: 1 Name, 2 Name…". */
export function numberKey(
  numbers: ReadonlyMap<string, number>,
  nameOf: (id: string) => string,
  t: Translate,
  top: number,
  width: number,
): Block {
  const entries = [...numbers.entries()].sort((a, b) => a[1] - b[1]).map(([id, n]) => `${n} ${nameOf(id)}`);
  return nameList(t('draw.key'), entries, top, width, { maxLines: 40 });
}

/** The standalone SVG document. */
export function svgDocument(width: number, height: number, title: string, body: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    body,
    '</svg>',
  ].join('');
}
