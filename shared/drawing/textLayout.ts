/**
 * The one text layout (issue 16): word wrap, shrink to fit and cutting with "…", for the
 * board's canvas and its editor (client `base/board/itemStyle.ts`) and for every drawing
 * (board and method SVGs, the verslag's figures). The measuring is passed in (`Measure`):
 * the canvas passes its own (`createCanvasMeasure` in the client), the drawings made
 * without a DOM use `measureText`, a table of Helvetica / Arial advance widths close
 * enough to the system sans-serif fonts that wrapped lines fit their boxes (an estimate,
 * never measured). The same text with the same measure wraps the same everywhere.
 */

/** Advance widths (1/1000 em) of printable ASCII, U+0020 to U+007E (Arial metrics). */
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Width of anything not in the table (other scripts: Greek, Cyrillic, Arabic, Hebrew...). */
const DEFAULT_WIDTH = 600;
/** CJK ideographs, Hangul, full-width forms and emoji take a full em. */
const WIDE_WIDTH = 1000;
const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|\p{Extended_Pictographic}|[\u{20000}-\u{3FFFD}]/u;
const ZERO_WIDTH = /^[\p{M}\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]+$/u;

/**
 * Made at the first use (issue 14, first paint): making one costs about 13 ms in a fresh
 * page (Chromium loads its break rules), which this module's loading put before the
 * session page could open its rooms; a board first seen zoomed out lays out no text at all.
 */
let segmenter: Intl.Segmenter | null = null;

/** User-perceived characters: an emoji with skin tone or a flag stays one piece. */
export function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Width in em of one grapheme cluster. */
function graphemeWidth(g: string): number {
  const code = g.codePointAt(0) ?? 0;
  if (g.length === 1 && code >= 0x20 && code <= 0x7e) return (ASCII_WIDTHS[code - 0x20] ?? DEFAULT_WIDTH) / 1000;
  if (ZERO_WIDTH.test(g)) return 0;
  if (WIDE.test(g)) return WIDE_WIDTH / 1000;
  // Accented Latin letters are as wide as their base letter (é as e).
  const base = g.normalize('NFD').charCodeAt(0);
  if (base >= 0x20 && base <= 0x7e) return (ASCII_WIDTHS[base - 0x20] ?? DEFAULT_WIDTH) / 1000;
  return DEFAULT_WIDTH / 1000;
}

/**
 * Fonts vary between systems (Segoe UI, Roboto, Helvetica, DejaVu Sans on a bare
 * Linux); estimates are made this much wider so a wrapped line still fits its box in
 * the wider ones.
 */
const WIDTH_SAFETY = 1.1;

export interface FontSpec {
  size: number;
  /** Bold text is a little wider. */
  bold?: boolean;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, number>();

/** Width of a string in em, cached (words repeat; the same text is tried at several sizes). */
function emWidth(text: string): number {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  let em = 0;
  // Printable ASCII: the table alone, no grapheme segmentation.
  if (/^[\x20-\x7e]*$/.test(text))
    for (let i = 0; i < text.length; i++) em += (ASCII_WIDTHS[text.charCodeAt(i) - 0x20] ?? DEFAULT_WIDTH) / 1000;
  else for (const g of graphemes(text)) em += graphemeWidth(g);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, em);
  return em;
}

/** The width (px) of a line of text in the given font. */
export type Measure = (text: string, font: FontSpec) => number;

/** Estimated width of a line of text in the given font: the drawings' `Measure`. */
export function measureText(text: string, font: FontSpec): number {
  return emWidth(text) * font.size * WIDTH_SAFETY * (font.bold ? 1.06 : 1);
}

const ELLIPSIS = '…';

/** The longest start of `text` that fits in `width` with an ellipsis after it. */
export function truncateToWidth(text: string, width: number, font: FontSpec, measure: Measure = measureText): string {
  if (measure(text, font) <= width) return text;
  const limit = width - measure(ELLIPSIS, font);
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = measure(g, font);
    if (used + w > limit) break;
    out += g;
    used += w;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Splits a word wider than `width` into pieces that fit, between grapheme clusters. */
function breakWord(word: string, width: number, font: FontSpec, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const g of graphemes(word)) {
    const w = measure(g, font);
    if (piece && used + w > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += g;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

interface Wrapped {
  lines: string[];
  /** The width of each line. */
  widths: number[];
  /** A word wider than the line had to be broken. */
  brokeWord: boolean;
}

/** Positions where a word may be broken with a hyphen (the index the second part starts at). */
export type HyphenPoints = (word: string) => number[];

/**
 * Splits a word wider than `width` into lines that fit, each broken one ending in a
 * hyphen: at the word's own hyphens or at the `hyphenate` points where one fits, else
 * between grapheme clusters (still with a hyphen).
 */
function breakWordHyphenated(
  word: string,
  width: number,
  font: FontSpec,
  hyphenate: HyphenPoints,
  measure: Measure,
): string[] {
  const own = [...word.matchAll(/-(?=.)/g)].map((m) => m.index + 1);
  const points = [...new Set([...own, ...hyphenate(word).filter((p) => word[p - 1] !== '-' && word[p] !== '-')])];
  const pieces: string[] = [];
  let start = 0;
  while (measure(word.slice(start), font) > width) {
    const head = (p: number) => word.slice(start, p) + (word[p - 1] === '-' ? '' : '-');
    const at = points.filter((p) => p > start && measure(head(p), font) <= width).reduce((a, b) => Math.max(a, b), -1);
    if (at > start) {
      pieces.push(head(at));
      start = at;
      continue;
    }
    // No point fits: as many grapheme clusters as fit with a hyphen (at least one).
    let end = start;
    for (const g of graphemes(word.slice(start))) {
      if (end > start && measure(`${word.slice(start, end + g.length)}-`, font) > width) break;
      end += g.length;
    }
    if (end >= word.length) break;
    pieces.push(`${word.slice(start, end)}-`);
    start = end;
  }
  pieces.push(word.slice(start));
  return pieces;
}

/** How text is measured and broken. */
export interface WrapOptions {
  /** Default: the width table (`measureText`). */
  measure?: Measure;
  /** Where an over-long word may break with a hyphen; without it, between two characters. */
  hyphenate?: HyphenPoints;
  /**
   * Keep the empty lines at the end (a text ending in Enter): the board's notes and text
   * items, whose editor shows the caret on that line. Elsewhere they take no room.
   */
  keepTrailingBreaks?: boolean;
}

/** Greedy word wrap of one paragraph (no newlines) into lines of at most `width`. */
function wrapParagraph(
  paragraph: string,
  width: number,
  font: FontSpec,
  out: Wrapped,
  maxLines: number,
  opts: WrapOptions,
): void {
  const measure = opts.measure ?? measureText;
  const words = paragraph.split(/ +/).filter((w) => w !== '');
  const space = measure(' ', font);
  let line = '';
  let used = 0;
  const push = (text: string, w: number) => {
    out.lines.push(text);
    out.widths.push(w);
  };
  for (const word of words) {
    // Enough lines to know it does not fit: stop (a 5,000-character note stays cheap).
    if (out.lines.length > maxLines) return;
    const w = measure(word, font);
    if (line && used + space + w <= width) {
      line += ` ${word}`;
      used += space + w;
      continue;
    }
    if (line) push(line, used);
    if (w <= width) {
      line = word;
      used = w;
      continue;
    }
    // A word wider than the box (a URL, "aaaa…") is broken, never left sticking out.
    out.brokeWord = true;
    const pieces = opts.hyphenate
      ? breakWordHyphenated(word, width, font, opts.hyphenate, measure)
      : breakWord(word, width, font, measure);
    line = pieces.pop() ?? '';
    used = measure(line, font);
    for (const piece of pieces) push(piece, measure(piece, font));
  }
  push(line, used);
}

function wrapAll(text: string, width: number, font: FontSpec, maxLines: number, opts: WrapOptions = {}): Wrapped {
  const out: Wrapped = { lines: [], widths: [], brokeWord: false };
  for (const p of text.split('\n')) {
    wrapParagraph(p, width, font, out, maxLines, opts);
    if (out.lines.length > maxLines) break;
  }
  // Trailing empty lines (a note ending in Enter) take no room, unless the editor's caret stands there.
  if (!opts.keepTrailingBreaks)
    while (out.lines.length > 1 && out.lines[out.lines.length - 1] === '') {
      out.lines.pop();
      out.widths.pop();
    }
  return out;
}

export interface WrappedText {
  lines: string[];
  /** The width of each line. */
  widths: number[];
  /** Some text did not fit in `maxLines`; the last line ends with an ellipsis. */
  truncated: boolean;
  /** A word wider than the line had to be broken. */
  brokeWord: boolean;
}

/** `wrapText` with its options in one object. */
function wrapWith(text: string, width: number, font: FontSpec, maxLines: number, opts: WrapOptions): WrappedText {
  const measure = opts.measure ?? measureText;
  const safeWidth = Math.max(width, font.size);
  const { lines, widths, brokeWord } = wrapAll(text, safeWidth, font, maxLines, opts);
  if (lines.length <= maxLines) return { lines, widths, truncated: false, brokeWord };
  const keep = Math.max(0, maxLines);
  const kept = lines.slice(0, keep);
  const keptWidths = widths.slice(0, keep);
  if (kept.length) {
    const last = truncateToWidth(`${kept[kept.length - 1]}${ELLIPSIS}`, safeWidth, font, measure);
    kept[kept.length - 1] = last;
    keptWidths[kept.length - 1] = measure(last, font);
  }
  return { lines: kept, widths: keptWidths, truncated: true, brokeWord };
}

/**
 * Wraps text to `width`, keeping the author's line breaks, breaking over-long words
 * (with a hyphen at a `hyphenate` point when given), and cutting after `maxLines` lines
 * with an ellipsis. Measured with `measure` (default: the width table).
 */
export function wrapText(
  text: string,
  width: number,
  font: FontSpec,
  maxLines = Infinity,
  hyphenate?: HyphenPoints,
  measure: Measure = measureText,
): WrappedText {
  return wrapWith(text, width, font, maxLines, { hyphenate, measure });
}

/** Text laid out in lines of one font size. */
export interface TextLayout {
  fontSize: number;
  /** Line height in px (the font size times the line height factor). */
  lineHeight: number;
  lines: string[];
  /** Height of all lines. */
  height: number;
  /** Width of the widest line. */
  width: number;
  /** Some text did not fit (the last line ends with …). */
  truncated: boolean;
}

function toLayout(wrapped: WrappedText, fontSize: number, lineFactor: number): TextLayout {
  const lineHeight = fontSize * lineFactor;
  return {
    fontSize,
    lineHeight,
    lines: wrapped.lines,
    height: wrapped.lines.length * lineHeight,
    width: Math.max(0, ...wrapped.widths),
    truncated: wrapped.truncated,
  };
}

export interface LayoutOptions extends WrapOptions {
  /** Line height as a factor of the font size. */
  lineHeight: number;
  /** At most this many lines, the last one cut with "…". */
  maxLines?: number;
}

/** Lays out at a fixed font size; the height grows with the text (text items). */
export function layoutText(text: string, width: number, font: FontSpec, opts: LayoutOptions): TextLayout {
  return toLayout(wrapWith(text, width, font, opts.maxLines ?? Infinity, opts), font.size, opts.lineHeight);
}

export interface FitOptions extends WrapOptions {
  minFont: number;
  maxFont: number;
  /** Line height as a factor of the font size. */
  lineHeight: number;
}

/**
 * Shrink to fit, as the canvas does for notes: the largest whole font size between
 * `minFont` and `maxFont` at which the text fits the box without breaking a word; at
 * the smallest size, what does not fit ends in "…".
 */
export function fitText(text: string, box: { w: number; h: number }, opts: FitOptions): TextLayout {
  const maxFont = Math.max(opts.minFont, Math.min(opts.maxFont, Math.floor(box.h / opts.lineHeight)));
  // Binary search: smaller text never needs more lines (hyphens only at the smallest size).
  const whole = { ...opts, hyphenate: undefined };
  let lo = opts.minFont + 1;
  let hi = maxFont;
  let best: TextLayout | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rows = Math.floor(box.h / (mid * opts.lineHeight));
    const wrapped = wrapAll(text, box.w, { size: mid }, rows, whole);
    if (!wrapped.brokeWord && wrapped.lines.length <= rows) {
      best = toLayout({ ...wrapped, truncated: false }, mid, opts.lineHeight);
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return best;
  const size = opts.minFont;
  const room = Math.max(1, Math.floor(box.h / (size * opts.lineHeight)));
  return toLayout(wrapWith(text, box.w, { size }, room, opts), size, opts.lineHeight);
}

/** Is the first strongly directional character of the text right-to-left (Hebrew, Arabic...)? */
export function isRtl(text: string): boolean {
  const m = /[\p{L}]/u.exec(text);
  return m !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u.test(m[0]);
}
