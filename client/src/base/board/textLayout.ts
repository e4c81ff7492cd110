/**
 * Text layout for notes and text items: word wrap and "shrink to fit" for notes. Pure
 * apart from the injected `measure`; the canvas and the HTML editor use the same
 * result, so what you type is what the board shows.
 *
 * Speed (issue 3, 5,000 items under 1 s): words are measured once, at one reference
 * size, and cached; a size is then tried with additions only. Konva's own Text node
 * would measure again per node, which is why shapes draw text themselves (draw.ts).
 */

/** Width of `text` at font size 1 (in em). */
export type Measure = (text: string) => number;

export interface TextLayout {
  fontSize: number;
  /** Line height in px (fontSize * the line height factor). */
  lineHeight: number;
  lines: string[];
  /** Height of all lines. */
  height: number;
  /** Width of the widest line. */
  width: number;
  /** Some text did not fit, even at the smallest size (the last line ends with …). */
  truncated: boolean;
}

export interface FitOptions {
  minFont: number;
  maxFont: number;
  lineHeight: number;
}

interface Wrapped {
  lines: string[];
  widths: number[];
  /** A word had to be broken inside (it is wider than the line). */
  brokeWord: boolean;
}

/** Breaks one word that is wider than the line into pieces that fit. */
function breakWord(word: string, maxWidth: number, size: number, measure: Measure): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of word) {
    if (part && measure(part + ch) * size > maxWidth) {
      parts.push(part);
      part = ch;
    } else part += ch;
  }
  if (part) parts.push(part);
  return parts;
}

/** Greedy word wrap at `size`; explicit newlines start a new line. */
export function wrapText(text: string, maxWidth: number, size: number, measure: Measure): Wrapped {
  const out: Wrapped = { lines: [], widths: [], brokeWord: false };
  const space = measure(' ') * size;
  for (const paragraph of text.split('\n')) {
    let line = '';
    let width = 0;
    const push = () => {
      out.lines.push(line);
      out.widths.push(width);
    };
    for (const word of paragraph.split(' ')) {
      const w = measure(word) * size;
      if (!line && !word) continue;
      if (line && width + space + w <= maxWidth) {
        line += ' ' + word;
        width += space + w;
        continue;
      }
      if (line) push();
      if (w <= maxWidth) {
        line = word;
        width = w;
        continue;
      }
      out.brokeWord = true;
      const pieces = breakWord(word, maxWidth, size, measure);
      for (const piece of pieces.slice(0, -1)) {
        line = piece;
        width = measure(piece) * size;
        push();
      }
      line = pieces[pieces.length - 1] ?? '';
      width = measure(line) * size;
    }
    push();
  }
  return out;
}

function toLayout(wrapped: Wrapped, fontSize: number, lineFactor: number, truncated = false): TextLayout {
  const lineHeight = fontSize * lineFactor;
  return {
    fontSize,
    lineHeight,
    lines: wrapped.lines,
    height: wrapped.lines.length * lineHeight,
    width: Math.max(0, ...wrapped.widths),
    truncated,
  };
}

/** Lays out at a fixed font size; the height grows with the text (text items). */
export function layoutText(
  text: string,
  width: number,
  fontSize: number,
  lineFactor: number,
  measure: Measure,
): TextLayout {
  return toLayout(wrapText(text, width, fontSize, measure), fontSize, lineFactor);
}

/**
 * The largest font size (whole px, between min and max) at which the text fits the box
 * without breaking a word; at the smallest size, what does not fit ends in "…" (notes).
 */
export function fitText(text: string, box: { w: number; h: number }, opts: FitOptions, measure: Measure): TextLayout {
  const maxFont = Math.max(opts.minFont, Math.min(opts.maxFont, Math.floor(box.h / opts.lineHeight)));
  const fits = (size: number): Wrapped | null => {
    const wrapped = wrapText(text, box.w, size, measure);
    return !wrapped.brokeWord && wrapped.lines.length * size * opts.lineHeight <= box.h ? wrapped : null;
  };
  // Binary search over whole sizes: smaller text never needs more lines, so "fits" only
  // turns true going down (give or take a broken word, which the search treats alike).
  let lo = opts.minFont + 1;
  let hi = maxFont;
  let best: { size: number; wrapped: Wrapped } | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const wrapped = fits(mid);
    if (wrapped) {
      best = { size: mid, wrapped };
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return toLayout(best.wrapped, best.size, opts.lineHeight);
  const size = opts.minFont;
  const wrapped = wrapText(text, box.w, size, measure);
  const room = Math.max(1, Math.floor(box.h / (size * opts.lineHeight)));
  if (wrapped.lines.length <= room) return toLayout(wrapped, size, opts.lineHeight);
  const lines = wrapped.lines.slice(0, room);
  const widths = wrapped.widths.slice(0, room);
  const last = ellipsize(lines[room - 1] ?? '', box.w, size, measure);
  lines[room - 1] = last;
  widths[room - 1] = measure(last) * size;
  return toLayout({ lines, widths, brokeWord: wrapped.brokeWord }, size, opts.lineHeight, true);
}

/** Shortens a line so that it still fits with "…" after it. */
export function ellipsize(line: string, maxWidth: number, size: number, measure: Measure): string {
  let text = line.trimEnd();
  while (text && measure(text + '…') * size > maxWidth) text = text.slice(0, -1).trimEnd();
  return text + '…';
}

const CACHE_LIMIT = 50_000;

/** A `Measure` backed by a canvas 2D context, cached per string (one font). */
export function createCanvasMeasure(font: string): Measure {
  const REF = 100;
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  // Set once: parsing a font string on every call would cost more than the measuring.
  if (ctx) ctx.font = `${REF}px ${font}`;
  const cache = new Map<string, number>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const width = ctx ? ctx.measureText(text).width / REF : text.length * 0.55;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, width);
    return width;
  };
}
