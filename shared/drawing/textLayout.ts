/**
 * Deterministic text measuring and wrapping for drawings made without a DOM (SVG
 * exports on the server and in the browser). Widths come from a table of Helvetica /
 * Arial advance widths, close enough to the system sans-serif fonts the app uses that
 * wrapped lines fit their boxes; they are an estimate, never measured.
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

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters: an emoji with skin tone or a flag stays one piece. */
export function graphemes(text: string): string[] {
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

/** Estimated width of a line of text in the given font. */
export function measureText(text: string, font: FontSpec): number {
  return emWidth(text) * font.size * WIDTH_SAFETY * (font.bold ? 1.06 : 1);
}

const ELLIPSIS = '…';

/** The longest start of `text` that fits in `width` with an ellipsis after it. */
export function truncateToWidth(text: string, width: number, font: FontSpec): string {
  if (measureText(text, font) <= width) return text;
  const limit = width - measureText(ELLIPSIS, font);
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = measureText(g, font);
    if (used + w > limit) break;
    out += g;
    used += w;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Splits a word wider than `width` into pieces that fit, between grapheme clusters. */
function breakWord(word: string, width: number, font: FontSpec): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const g of graphemes(word)) {
    const w = measureText(g, font);
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
function breakWordHyphenated(word: string, width: number, font: FontSpec, hyphenate: HyphenPoints): string[] {
  const own = [...word.matchAll(/-(?=.)/g)].map((m) => m.index + 1);
  const points = [...new Set([...own, ...hyphenate(word).filter((p) => word[p - 1] !== '-' && word[p] !== '-')])];
  const pieces: string[] = [];
  let start = 0;
  while (measureText(word.slice(start), font) > width) {
    const head = (p: number) => word.slice(start, p) + (word[p - 1] === '-' ? '' : '-');
    const at = points
      .filter((p) => p > start && measureText(head(p), font) <= width)
      .reduce((a, b) => Math.max(a, b), -1);
    if (at > start) {
      pieces.push(head(at));
      start = at;
      continue;
    }
    // No point fits: as many grapheme clusters as fit with a hyphen (at least one).
    let end = start;
    for (const g of graphemes(word.slice(start))) {
      if (end > start && measureText(`${word.slice(start, end + g.length)}-`, font) > width) break;
      end += g.length;
    }
    if (end >= word.length) break;
    pieces.push(`${word.slice(start, end)}-`);
    start = end;
  }
  pieces.push(word.slice(start));
  return pieces;
}

/** Greedy word wrap of one paragraph (no newlines) into lines of at most `width`. */
function wrapParagraph(
  paragraph: string,
  width: number,
  font: FontSpec,
  out: Wrapped,
  maxLines: number,
  hyphenate?: HyphenPoints,
): void {
  const words = paragraph.split(/ +/).filter((w) => w !== '');
  const space = measureText(' ', font);
  let line = '';
  let used = 0;
  for (const word of words) {
    // Enough lines to know it does not fit: stop (a 5,000-character note stays cheap).
    if (out.lines.length > maxLines) return;
    const w = measureText(word, font);
    if (line && used + space + w <= width) {
      line += ` ${word}`;
      used += space + w;
      continue;
    }
    if (line) out.lines.push(line);
    if (w <= width) {
      line = word;
      used = w;
      continue;
    }
    // A word wider than the box (a URL, "aaaa…") is broken, never left sticking out.
    out.brokeWord = true;
    const pieces = hyphenate ? breakWordHyphenated(word, width, font, hyphenate) : breakWord(word, width, font);
    line = pieces.pop() ?? '';
    used = measureText(line, font);
    out.lines.push(...pieces);
  }
  out.lines.push(line);
}

function wrapAll(text: string, width: number, font: FontSpec, maxLines: number, hyphenate?: HyphenPoints): Wrapped {
  const out: Wrapped = { lines: [], brokeWord: false };
  for (const p of text.split('\n')) {
    wrapParagraph(p, width, font, out, maxLines, hyphenate);
    if (out.lines.length > maxLines) break;
  }
  // Trailing empty lines (a note ending in Enter) take no room.
  while (out.lines.length > 1 && out.lines[out.lines.length - 1] === '') out.lines.pop();
  return out;
}

export interface WrappedText {
  lines: string[];
  /** Some text did not fit in `maxLines`; the last line ends with an ellipsis. */
  truncated: boolean;
}

/**
 * Wraps text to `width`, keeping the author's line breaks, breaking over-long words
 * (with a hyphen at a `hyphenate` point when given), and cutting after `maxLines` lines
 * with an ellipsis.
 */
export function wrapText(
  text: string,
  width: number,
  font: FontSpec,
  maxLines = Infinity,
  hyphenate?: HyphenPoints,
): WrappedText {
  const safeWidth = Math.max(width, font.size);
  const { lines } = wrapAll(text, safeWidth, font, maxLines, hyphenate);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length) kept[kept.length - 1] = truncateToWidth(`${kept[kept.length - 1]}${ELLIPSIS}`, safeWidth, font);
  return { lines: kept, truncated: true };
}

export interface FitOptions {
  minFont: number;
  maxFont: number;
  /** Line height as a factor of the font size. */
  lineHeight: number;
  /** Where a word may break with a hyphen, when even the smallest size cannot keep it whole. */
  hyphenate?: HyphenPoints;
}

export interface FittedText {
  fontSize: number;
  lines: string[];
  /** Height of all lines. */
  height: number;
  truncated: boolean;
}

/**
 * Shrink to fit, as the canvas does for notes: the largest whole font size between
 * `minFont` and `maxFont` at which the text fits the box without breaking a word; at
 * the smallest size, what does not fit ends in "…".
 */
export function fitText(text: string, box: { w: number; h: number }, opts: FitOptions): FittedText {
  const maxFont = Math.max(opts.minFont, Math.min(opts.maxFont, Math.floor(box.h / opts.lineHeight)));
  const result = (size: number, lines: string[], truncated: boolean): FittedText => ({
    fontSize: size,
    lines,
    height: lines.length * size * opts.lineHeight,
    truncated,
  });
  // Binary search: smaller text never needs more lines.
  let lo = opts.minFont + 1;
  let hi = maxFont;
  let best: FittedText | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const rows = Math.floor(box.h / (mid * opts.lineHeight));
    const wrapped = wrapAll(text, box.w, { size: mid }, rows);
    if (!wrapped.brokeWord && wrapped.lines.length <= rows) {
      best = result(mid, wrapped.lines, false);
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best) return best;
  const size = opts.minFont;
  const room = Math.max(1, Math.floor(box.h / (size * opts.lineHeight)));
  const { lines, truncated } = wrapText(text, box.w, { size }, room, opts.hyphenate);
  return result(size, lines, truncated);
}

/** Is the first strongly directional character of the text right-to-left (Hebrew, Arabic...)? */
export function isRtl(text: string): boolean {
  const m = /[\p{L}]/u.exec(text);
  return m !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u.test(m[0]);
}
