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

/** Estimated width of a line of text in the given font. */
export function measureText(text: string, font: FontSpec): number {
  let em = 0;
  for (const g of graphemes(text)) em += graphemeWidth(g);
  return em * font.size * WIDTH_SAFETY * (font.bold ? 1.06 : 1);
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

/** Greedy word wrap of one paragraph (no newlines) into lines of at most `width`. */
function wrapParagraph(paragraph: string, width: number, font: FontSpec): string[] {
  const words = paragraph.split(/ +/).filter((w) => w !== '');
  if (!words.length) return [''];
  const lines: string[] = [];
  const space = measureText(' ', font);
  let line = '';
  let used = 0;
  for (const word of words) {
    const w = measureText(word, font);
    if (line && used + space + w <= width) {
      line += ` ${word}`;
      used += space + w;
      continue;
    }
    if (line) lines.push(line);
    if (w <= width) {
      line = word;
      used = w;
      continue;
    }
    // A word wider than the box (a URL, "aaaa…") is broken, never left sticking out.
    const pieces = breakWord(word, width, font);
    line = pieces.pop() ?? '';
    used = measureText(line, font);
    lines.push(...pieces);
  }
  lines.push(line);
  return lines;
}

export interface WrappedText {
  lines: string[];
  /** Some text did not fit in `maxLines`; the last line ends with an ellipsis. */
  truncated: boolean;
}

/**
 * Wraps text to `width`, keeping the author's line breaks, breaking over-long words,
 * and cutting after `maxLines` lines with an ellipsis.
 */
export function wrapText(text: string, width: number, font: FontSpec, maxLines = Infinity): WrappedText {
  const safeWidth = Math.max(width, font.size);
  const lines: string[] = [];
  const paragraphs = text.split('\n');
  for (const p of paragraphs) {
    lines.push(...wrapParagraph(p, safeWidth, font));
    if (lines.length > maxLines) break;
  }
  // Trailing empty lines (a note ending in Enter) take no room.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, Math.max(0, maxLines));
  if (kept.length) kept[kept.length - 1] = truncateToWidth(`${kept[kept.length - 1]}${ELLIPSIS}`, safeWidth, font);
  return { lines: kept, truncated: true };
}

/** Is the first strongly directional character of the text right-to-left (Hebrew, Arabic...)? */
export function isRtl(text: string): boolean {
  const m = /[\p{L}]/u.exec(text);
  return m !== null && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u.test(m[0]);
}
