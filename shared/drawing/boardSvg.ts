/**
 * A board drawn as a standalone SVG document: for "Exporteren" in the browser and for
 * the report (issue 6) on the server. A pure function: no DOM, no clock, no I/O; the
 * same items always give the same bytes.
 *
 * Everything participants typed (note text, authors, titles, labels) is untrusted: it
 * is cleaned and XML-escaped (`xml.ts`), wrapped by an estimated width table
 * (`textLayout.ts`) and cut to fit its box, so a hostile or odd text can neither break
 * the document nor spill over other items. Items look as on the canvas (`itemStyle.ts`).
 *
 * Items keep their own coordinates inside one translated group, so an item at (x, y)
 * on the board is a shape at (x, y) in the SVG source.
 */
import { unionRects } from '../model/board/geometry.ts';
import { BoardItem } from '../model/board/schema.ts';
import { FONT, INK } from './itemStyle.ts';
import { itemDrawnBounds, itemSvg } from './itemSvg.ts';
import { measureText, truncateToWidth, type FontSpec, type HyphenPoints, type Measure } from './textLayout.ts';
import { escapeXml, num } from './xml.ts';

export interface BoardSvgOptions {
  /** Which view (tab) of the board to draw; default `canvas`. */
  view?: string;
  /** Space around the drawing, in board units; default 32. */
  padding?: number;
  /** Shown above the drawing and as the document's `<title>`. */
  title?: string;
  /** Background colour (`#rgb`, `#rrggbb`, `white`, or `none` for transparent); default white. */
  background?: string;
  /** Where a word may break with a hyphen (`shared/hyphenation.ts`, the verslag passes it); without it, as the app draws. */
  hyphenate?: HyphenPoints;
  /** How text is measured (the canvas' own measure in the app); default the width table, as the verslag draws. */
  measure?: Measure;
}

export interface BoardSvg {
  svg: string;
  width: number;
  height: number;
}

const TITLE_FONT: FontSpec = { size: 20, bold: true };
const TITLE_HEIGHT = 44;
const EMPTY_SIZE = { width: 240, height: 120 };
const COLOR_RE = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|white|none|transparent)$/;

/** Valid items only (a record that fails validation is skipped, never drawn half). */
function validItems(items: readonly BoardItem[]): BoardItem[] {
  const out: BoardItem[] = [];
  for (const raw of items) {
    const parsed = BoardItem.safeParse(raw);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

const byStacking = (a: BoardItem, b: BoardItem) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
  // Frames behind everything else, as on the canvas; then stacking order.
  const shown = all
    .filter((i) => i.view === view)
    .sort((a, b) => Number(b.kind === 'frame') - Number(a.kind === 'frame') || byStacking(a, b));
  const text = { hyphenate: opts.hyphenate, measure: opts.measure };
  const content = unionRects(shown.flatMap((i) => itemDrawnBounds(i, byId, text) ?? []));

  const header = title ? TITLE_HEIGHT : 0;
  const minWidth = title ? Math.min((opts.measure ?? measureText)(title, TITLE_FONT) + 2 * padding, 960) : 0;
  const width = Math.ceil(Math.max(content ? content.w + 2 * padding : EMPTY_SIZE.width, minWidth));
  const height = Math.ceil((content ? content.h + 2 * padding : EMPTY_SIZE.height) + header);
  const tx = content ? padding - content.x : 0;
  const ty = content ? padding + header - content.y : 0;

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
  ];
  if (title) out.push(`<title>${escapeXml(title)}</title>`);
  if (background !== 'none' && background !== 'transparent')
    out.push(`<rect width="100%" height="100%" fill="${background}"/>`);
  if (title) {
    const shownTitle = truncateToWidth(title, width - 2 * padding, TITLE_FONT, opts.measure);
    out.push(
      `<text x="${num(padding)}" y="${num(padding * 0.5 + 26)}" font-size="${TITLE_FONT.size}" font-weight="700" fill="${INK}">${escapeXml(shownTitle)}</text>`,
    );
  }
  out.push(`<g transform="translate(${num(tx)} ${num(ty)})">`);
  for (const item of shown) out.push(itemSvg(item, byId, text));
  out.push('</g></svg>');
  return { svg: out.join(''), width, height };
}
