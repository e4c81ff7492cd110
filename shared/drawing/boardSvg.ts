/**
 * A board drawn as a standalone SVG document: for "Exporteren" in the browser and for
 * the report (issue 6) on the server. A pure function: no DOM, no clock, no I/O; the
 * same items always give the same bytes.
 *
 * Everything participants typed (note text, authors, titles, labels) is untrusted: it
 * is cleaned and XML-escaped (`xml.ts`), wrapped by an estimated width table
 * (`textLayout.ts`) and cut to fit its box, so a hostile or odd text can neither break
 * the document nor spill over other items.
 *
 * Items keep their own coordinates inside one translated group, so an item at (x, y)
 * on the board is a shape at (x, y) in the SVG source.
 */
import { arrowPoints, itemBounds, unionRects, type Point, type Rect } from '../model/board/geometry.ts';
import { BoardItem, type ArrowItem, type FrameItem, type NoteItem, type TextItem } from '../model/board/schema.ts';
import { assertNever } from '../roles.ts';
import { escapeXml, num } from './xml.ts';
import { isRtl, measureText, truncateToWidth, wrapText, type FontSpec } from './textLayout.ts';

export interface BoardSvgOptions {
  /** Which view (tab) of the board to draw; default `canvas`. */
  view?: string;
  /** Space around the drawing, in board units; default 32. */
  padding?: number;
  /** Shown above the drawing and as the document's `<title>`. */
  title?: string;
  /** Background colour (`#rgb`, `#rrggbb`, `white`, or `none` for transparent); default white. */
  background?: string;
}

export interface BoardSvg {
  svg: string;
  width: number;
  height: number;
}

/** The app's sans-serif stack (as on the canvas), in an attribute with double quotes. */
export const SVG_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK = '#1d2a30';
const MUTED = '#5c6b72';

/** Note layout, matching the canvas's sticky notes. */
export const NOTE_STYLE = { padding: 12, fontSize: 15, lineHeight: 1.3, authorSize: 11, authorHeight: 18, radius: 4 };
const TEXT_LINE_HEIGHT = 1.25;
const FRAME_TITLE: FontSpec = { size: 13, bold: true };
const ARROW_LABEL: FontSpec = { size: 13 };
const ARROW_HEAD = { length: 14, halfWidth: 6 };
const TITLE_FONT: FontSpec = { size: 20, bold: true };
const TITLE_HEIGHT = 44;
const EMPTY_SIZE = { width: 240, height: 120 };

const COLOR_RE = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|white|none|transparent)$/;

/** One line of text; right-to-left lines are anchored at the right edge of their box. */
function textLine(line: string, x: number, y: number, width: number, attrs: string): string {
  const rtl = isRtl(line);
  const at = rtl ? ` x="${num(x + width)}" direction="rtl"` : ` x="${num(x)}"`;
  return `<text${at} y="${num(y)}"${attrs}>${escapeXml(line)}</text>`;
}

function textBlock(
  lines: readonly string[],
  x: number,
  top: number,
  width: number,
  font: FontSpec,
  lineHeight: number,
  attrs: string,
): string {
  const step = font.size * lineHeight;
  // Baseline of the first line: the ascent of a sans-serif font is about 0.8 em, centred in the line box.
  const first = top + (step - font.size) / 2 + font.size * 0.8;
  return lines.map((line, i) => textLine(line, x, first + i * step, width, attrs)).join('');
}

function drawNote(note: NoteItem): string {
  const s = NOTE_STYLE;
  const font: FontSpec = { size: s.fontSize };
  const inner = note.w - 2 * s.padding;
  const room = note.h - 2 * s.padding - (note.author ? s.authorHeight : 0);
  const maxLines = Math.max(1, Math.floor(room / (s.fontSize * s.lineHeight)));
  const { lines } = wrapText(note.text, inner, font, maxLines);
  const parts = [
    `<g data-id="${escapeXml(note.id)}" data-kind="note">`,
    `<rect x="${num(note.x)}" y="${num(note.y + 2)}" width="${num(note.w)}" height="${num(note.h)}" rx="${s.radius}" fill="${INK}" fill-opacity="0.1"/>`,
    `<rect x="${num(note.x)}" y="${num(note.y)}" width="${num(note.w)}" height="${num(note.h)}" rx="${s.radius}" fill="${note.color}" stroke="#000" stroke-opacity="0.06"/>`,
    textBlock(
      lines,
      note.x + s.padding,
      note.y + s.padding,
      inner,
      font,
      s.lineHeight,
      ` font-size="${s.fontSize}" fill="${INK}"`,
    ),
  ];
  if (note.author) {
    const author = truncateToWidth(note.author, inner, { size: s.authorSize });
    const y = note.y + note.h - s.padding - 2;
    parts.push(
      textLine(author, note.x + s.padding, y, inner, ` font-size="${s.authorSize}" fill="${INK}" fill-opacity="0.6"`),
    );
  }
  parts.push('</g>');
  return parts.join('');
}

function textItemLines(item: TextItem): string[] {
  return wrapText(item.text, item.w, { size: item.fontSize }, 400).lines;
}

function drawText(item: TextItem): string {
  const font: FontSpec = { size: item.fontSize };
  const lines = textItemLines(item);
  return `<g data-id="${escapeXml(item.id)}" data-kind="text">${textBlock(lines, item.x, item.y, item.w, font, TEXT_LINE_HEIGHT, ` font-size="${num(item.fontSize)}" fill="${item.color}"`)}</g>`;
}

function drawFrame(frame: FrameItem): string {
  const title = frame.title ? truncateToWidth(frame.title, frame.w, FRAME_TITLE) : '';
  return [
    `<g data-id="${escapeXml(frame.id)}" data-kind="frame">`,
    `<rect x="${num(frame.x)}" y="${num(frame.y)}" width="${num(frame.w)}" height="${num(frame.h)}" rx="6" fill="#ffffff" fill-opacity="0.55" stroke="#8a979d" stroke-width="1.5"/>`,
    title
      ? textLine(
          title,
          frame.x,
          frame.y - 8,
          frame.w,
          ` font-size="${FRAME_TITLE.size}" font-weight="600" fill="${MUTED}"`,
        )
      : '',
    '</g>',
  ].join('');
}

function drawArrow(arrow: ArrowItem, byId: ReadonlyMap<string, BoardItem>): string {
  const pts = arrowPoints(arrow, byId);
  if (!pts) return '';
  const { start, end } = pts;
  const len = Math.hypot(end.x - start.x, end.y - start.y);
  const ux = len ? (end.x - start.x) / len : 1;
  const uy = len ? (end.y - start.y) / len : 0;
  const head = Math.min(ARROW_HEAD.length, len * 0.6);
  const base: Point = { x: end.x - ux * head, y: end.y - uy * head };
  const half = (ARROW_HEAD.halfWidth * head) / ARROW_HEAD.length;
  const left = `${num(base.x - uy * half)},${num(base.y + ux * half)}`;
  const right = `${num(base.x + uy * half)},${num(base.y - ux * half)}`;
  const parts = [
    `<g data-id="${escapeXml(arrow.id)}" data-kind="arrow">`,
    `<line x1="${num(start.x)}" y1="${num(start.y)}" x2="${num(base.x)}" y2="${num(base.y)}" stroke="${arrow.color}" stroke-width="2" stroke-linecap="round"/>`,
    `<polygon points="${num(end.x)},${num(end.y)} ${left} ${right}" fill="${arrow.color}"/>`,
  ];
  if (arrow.label) {
    const label = truncateToWidth(arrow.label, 240, ARROW_LABEL);
    const w = labelWidth(label);
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    parts.push(
      `<rect x="${num(mid.x - w / 2)}" y="${num(mid.y - 11)}" width="${num(w)}" height="22" rx="4" fill="#ffffff" fill-opacity="0.92"/>`,
      `<text x="${num(mid.x)}" y="${num(mid.y + 4.5)}" font-size="${ARROW_LABEL.size}" fill="${arrow.color}" text-anchor="middle">${escapeXml(label)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** Width of an arrow label's background: the text plus a little air. */
function labelWidth(label: string): number {
  return Math.max(24, measureText(label, ARROW_LABEL) + 12);
}

/** Bounds including what is drawn outside an item's box: frame titles, overflowing text, arrow labels. */
function drawnBounds(item: BoardItem, byId: ReadonlyMap<string, BoardItem>): Rect | null {
  const box = itemBounds(item, byId);
  if (!box) return null;
  switch (item.kind) {
    case 'note':
      return box;
    case 'frame':
      return item.title ? { ...box, y: box.y - 24, h: box.h + 24 } : box;
    case 'text': {
      const h = textItemLines(item).length * item.fontSize * TEXT_LINE_HEIGHT;
      return { ...box, h: Math.max(box.h, h) };
    }
    case 'arrow': {
      const pad = ARROW_HEAD.halfWidth + 2;
      const grown = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad };
      if (!item.label) return grown;
      const w = labelWidth(truncateToWidth(item.label, 240, ARROW_LABEL));
      const mid = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
      return unionRects([grown, { x: mid.x - w / 2, y: mid.y - 11, w, h: 22 }]);
    }
    default:
      return assertNever(item);
  }
}

function drawItem(item: BoardItem, byId: ReadonlyMap<string, BoardItem>): string {
  switch (item.kind) {
    case 'note':
      return drawNote(item);
    case 'text':
      return drawText(item);
    case 'frame':
      return drawFrame(item);
    case 'arrow':
      return drawArrow(item, byId);
    default:
      return assertNever(item);
  }
}

/** Valid items only (a record that fails validation is skipped, never drawn half). */
function validItems(items: readonly BoardItem[]): BoardItem[] {
  const out: BoardItem[] = [];
  for (const raw of items) {
    const parsed = BoardItem.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * Draws the items of one view as an SVG document sized to its content (plus padding,
 * plus a title bar when `title` is given). An empty board gives a small blank drawing.
 */
export function renderBoardSvg(items: readonly BoardItem[], opts: BoardSvgOptions = {}): BoardSvg {
  const view = opts.view ?? 'canvas';
  const padding = Math.max(0, Math.min(opts.padding ?? 32, 1000));
  const background = opts.background && COLOR_RE.test(opts.background) ? opts.background : '#ffffff';
  const title = (opts.title ?? '').trim();

  const all = validItems(items);
  const byId = new Map(all.map((i) => [i.id, i]));
  const shown = all
    .filter((i) => i.view === view)
    .sort((a, b) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const content = unionRects(shown.flatMap((i) => drawnBounds(i, byId) ?? []));

  const header = title ? TITLE_HEIGHT : 0;
  const minWidth = title ? Math.min(measureText(title, TITLE_FONT) + 2 * padding, 960) : 0;
  const width = Math.ceil(Math.max(content ? content.w + 2 * padding : EMPTY_SIZE.width, minWidth));
  const height = Math.ceil((content ? content.h + 2 * padding : EMPTY_SIZE.height) + header);
  const tx = content ? padding - content.x : 0;
  const ty = content ? padding + header - content.y : 0;

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
  ];
  if (title) out.push(`<title>${escapeXml(title)}</title>`);
  if (background !== 'none' && background !== 'transparent')
    out.push(`<rect width="100%" height="100%" fill="${background}"/>`);
  if (title) {
    const shownTitle = truncateToWidth(title, width - 2 * padding, TITLE_FONT);
    out.push(
      textLine(
        shownTitle,
        padding,
        padding * 0.5 + 26,
        width - 2 * padding,
        ` font-size="${TITLE_FONT.size}" font-weight="700" fill="${INK}"`,
      ),
    );
  }
  out.push(`<g transform="translate(${num(tx)} ${num(ty)})">`);
  for (const item of shown) out.push(drawItem(item, byId));
  out.push('</g></svg>');
  return { svg: out.join(''), width, height };
}
