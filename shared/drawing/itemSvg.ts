/**
 * SVG of single board items, drawn as the canvas draws them (`itemStyle.ts`): notes
 * with shrink-to-fit centred text and the author at the bottom, text items, frames
 * with their title above, arrows with a head and a label. Pure; every string that
 * came from a person goes through `escapeXml`.
 */
import { arrowPoints, unionRects, type Point, type Rect } from '../model/board/geometry.ts';
import type { ArrowItem, BoardItem, FrameItem, NoteItem, TextItem } from '../model/board/schema.ts';
import { assertNever } from '../roles.ts';
import {
  ARROW_STYLE,
  FRAME_STYLE,
  INK,
  NOTE_STYLE,
  TEXT_STYLE,
  noteLayout,
  noteTextBox,
  textItemLayout,
  type ItemTextOptions,
} from './itemStyle.ts';
import { isRtl, measureText, truncateToWidth, type FontSpec } from './textLayout.ts';
import { escapeXml, num } from './xml.ts';

/** Longest arrow label drawn (world units); the schema allows 200 characters. */
const MAX_LABEL_WIDTH = 600;
const TEXT_ITEM_MAX_LINES = 400;

/** The baseline that puts a line's middle at `middle` (sans-serif: about 0.35 em below). */
const baseline = (middle: number, size: number) => middle + size * 0.35;

/**
 * One line of text whose middle is at `middle`. `align` left: starts at `x` (right-to-left
 * text ends at `x + width` instead); centre: centred in `x .. x + width`.
 */
function textLine(
  line: string,
  x: number,
  middle: number,
  width: number,
  size: number,
  align: 'left' | 'center',
  attrs: string,
): string {
  const rtl = isRtl(line);
  const at = align === 'center' ? x + width / 2 : rtl ? x + width : x;
  const anchor = align === 'center' ? ' text-anchor="middle"' : '';
  const dir = rtl ? ' direction="rtl"' : '';
  return `<text x="${num(at)}" y="${num(baseline(middle, size))}" font-size="${num(size)}"${anchor}${dir}${attrs}>${escapeXml(line)}</text>`;
}

function lines(
  list: readonly string[],
  x: number,
  top: number,
  width: number,
  size: number,
  lineHeight: number,
  align: 'left' | 'center',
  attrs: string,
): string {
  const step = size * lineHeight;
  return list
    .map((line, i) => (line ? textLine(line, x, top + (i + 0.5) * step, width, size, align, attrs) : ''))
    .join('');
}

const rect = (r: Rect, radius: number, attrs: string) =>
  `<rect x="${num(r.x)}" y="${num(r.y)}" width="${num(r.w)}" height="${num(r.h)}" rx="${radius}"${attrs}/>`;

function noteSvg(note: NoteItem, opts: ItemTextOptions): string {
  const s = NOTE_STYLE;
  const paper = { x: note.x, y: note.y, w: note.w, h: note.h };
  const box = noteTextBox(note);
  const parts = [
    `<g data-id="${escapeXml(note.id)}" data-kind="note">`,
    // Two flat offset layers read as a soft shadow (as on the canvas).
    rect({ ...paper, y: note.y + 3 }, s.radius, ` fill="${INK}" fill-opacity="0.07"`),
    rect({ ...paper, y: note.y + 1 }, s.radius, ` fill="${INK}" fill-opacity="0.08"`),
    rect(paper, s.radius, ` fill="${note.color}"`),
  ];
  if (note.text.trim()) {
    const fit = noteLayout(note, note.text, opts);
    const top = note.y + box.y + Math.max(0, (box.h - fit.height) / 2);
    parts.push(lines(fit.lines, note.x + box.x, top, box.w, fit.fontSize, s.lineHeight, 'center', ` fill="${INK}"`));
  }
  if (note.author) {
    const author = truncateToWidth(note.author, box.w, { size: s.authorFont }, opts.measure);
    const middle = note.y + note.h - s.padding / 2 - s.authorHeight / 2 + 2;
    parts.push(
      textLine(author, note.x + box.x, middle, box.w, s.authorFont, 'left', ` fill="${INK}" fill-opacity="0.55"`),
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function textItemLines(item: TextItem, opts: ItemTextOptions): string[] {
  return textItemLayout(item, item.text, { ...opts, maxLines: TEXT_ITEM_MAX_LINES }).lines;
}

function textSvg(item: TextItem, opts: ItemTextOptions): string {
  const p = TEXT_STYLE.padding;
  const body = lines(
    textItemLines(item, opts),
    item.x + p,
    item.y + p,
    item.w - 2 * p,
    item.fontSize,
    TEXT_STYLE.lineHeight,
    'left',
    ` fill="${item.color}"`,
  );
  return `<g data-id="${escapeXml(item.id)}" data-kind="text">${body}</g>`;
}

function frameSvg(frame: FrameItem, opts: ItemTextOptions): string {
  const f = FRAME_STYLE;
  const font: FontSpec = { size: f.titleFont, bold: true };
  const title = frame.title ? truncateToWidth(frame.title, frame.w - 4, font, opts.measure) : '';
  return [
    `<g data-id="${escapeXml(frame.id)}" data-kind="frame">`,
    rect(frame, f.radius, ` fill="#ffffff" fill-opacity="0.55" stroke="${f.stroke}" stroke-width="${f.strokeWidth}"`),
    title
      ? textLine(
          title,
          frame.x + 2,
          frame.y - f.titleHeight / 2,
          frame.w - 4,
          f.titleFont,
          'left',
          ` font-weight="600" fill="${f.titleColor}"`,
        )
      : '',
    '</g>',
  ].join('');
}

/** The label's box (world), centred on the middle of the line. */
function labelBox(label: string, start: Point, end: Point, opts: ItemTextOptions): Rect {
  const a = ARROW_STYLE;
  const w = (opts.measure ?? measureText)(label, { size: a.labelFont }) + 2 * a.labelPad + 4;
  const h = a.labelFont * 1.3 + 2 * a.labelPad;
  return { x: (start.x + end.x) / 2 - w / 2, y: (start.y + end.y) / 2 - h / 2, w, h };
}

const shownLabel = (arrow: ArrowItem, opts: ItemTextOptions) =>
  arrow.label ? truncateToWidth(arrow.label, MAX_LABEL_WIDTH, { size: ARROW_STYLE.labelFont }, opts.measure) : '';

function arrowSvg(arrow: ArrowItem, byId: ReadonlyMap<string, BoardItem>, opts: ItemTextOptions): string {
  const pts = arrowPoints(arrow, byId);
  if (!pts) return '';
  const a = ARROW_STYLE;
  const { start, end } = pts;
  const angle = Math.atan2(end.y - start.y, end.x - start.x);
  const head = Math.min(a.head, Math.hypot(end.x - start.x, end.y - start.y) / 2);
  const corner = (turn: number) =>
    `${num(end.x - head * Math.cos(angle + turn))},${num(end.y - head * Math.sin(angle + turn))}`;
  const parts = [
    `<g data-id="${escapeXml(arrow.id)}" data-kind="arrow">`,
    `<line x1="${num(start.x)}" y1="${num(start.y)}" x2="${num(end.x - Math.cos(angle) * head * 0.8)}" y2="${num(end.y - Math.sin(angle) * head * 0.8)}" stroke="${arrow.color}" stroke-width="${a.width}" stroke-linecap="round"/>`,
    `<polygon points="${num(end.x)},${num(end.y)} ${corner(-a.headAngle)} ${corner(a.headAngle)}" fill="${arrow.color}"/>`,
  ];
  const label = shownLabel(arrow, opts);
  if (label) {
    const box = labelBox(label, start, end, opts);
    parts.push(
      rect(box, 4, ` fill="${a.labelFill}"`),
      textLine(label, box.x, box.y + box.h / 2, box.w, a.labelFont, 'center', ` fill="${arrow.color}"`),
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/**
 * The SVG elements of one item (nothing for an arrow whose ends cannot be resolved);
 * text measured with `text.measure`; with `text.hyphenate`, a word too long for a note's
 * or text's line breaks with a hyphen.
 */
export function itemSvg(item: BoardItem, byId: ReadonlyMap<string, BoardItem>, text: ItemTextOptions = {}): string {
  switch (item.kind) {
    case 'note':
      return noteSvg(item, text);
    case 'text':
      return textSvg(item, text);
    case 'frame':
      return frameSvg(item, text);
    case 'arrow':
      return arrowSvg(item, byId, text);
    default:
      return assertNever(item);
  }
}

/** Everything an item draws, including what lies outside its box: shadows, frame titles, long text, arrowheads, labels. */
export function itemDrawnBounds(
  item: BoardItem,
  byId: ReadonlyMap<string, BoardItem>,
  text: ItemTextOptions = {},
): Rect | null {
  switch (item.kind) {
    case 'note':
      return { x: item.x, y: item.y, w: item.w, h: item.h + 3 };
    case 'frame':
      return { x: item.x, y: item.y - FRAME_STYLE.titleHeight, w: item.w, h: item.h + FRAME_STYLE.titleHeight };
    case 'text': {
      const h = textItemLines(item, text).length * item.fontSize * TEXT_STYLE.lineHeight + 2 * TEXT_STYLE.padding;
      return { x: item.x, y: item.y, w: item.w, h: Math.max(item.h, h) };
    }
    case 'arrow': {
      const pts = arrowPoints(item, byId);
      if (!pts) return null;
      const pad = ARROW_STYLE.head;
      const x = Math.min(pts.start.x, pts.end.x) - pad;
      const y = Math.min(pts.start.y, pts.end.y) - pad;
      const line = {
        x,
        y,
        w: Math.abs(pts.end.x - pts.start.x) + 2 * pad,
        h: Math.abs(pts.end.y - pts.start.y) + 2 * pad,
      };
      const label = shownLabel(item, text);
      return label ? unionRects([line, labelBox(label, pts.start, pts.end, text)]) : line;
    }
    default:
      return assertNever(item);
  }
}
