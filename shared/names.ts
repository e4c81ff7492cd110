/**
 * The one rule for names and titles (issue 10): every person's name and every title of a
 * session, board or group goes through here, on the server (API schemas, imports) and in
 * the client's forms, so what someone types is what is stored and shown.
 *
 * The rule, in order:
 * 1. Unicode NFC (a letter and its combining accent become the one precomposed letter).
 * 2. Removed: control characters (Cc) other than whitespace, unpaired surrogates,
 *    noncharacters, and invisible format characters (Cf), among them every bidi control
 *    and override (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+061C), U+FEFF, the
 *    soft hyphen, word joiner and invisible operators; also the invisible fillers that
 *    make a name look blank (U+115F, U+1160, U+3164, U+FFA0) and the combining grapheme
 *    joiner. Kept: ZWJ U+200D (emoji sequences, Indic scripts) and ZWNJ U+200C (Persian,
 *    Indic) between two visible characters, and tag characters only inside a subdivision
 *    flag emoji (🏴 + tags + cancel tag).
 * 3. More than 8 combining marks on one letter are cut to 8 (no "Zalgo" towers).
 * 4. Every run of whitespace (tabs, newlines, U+2028/9, no-break and other spaces)
 *    becomes one space; leading and trailing space is trimmed.
 * 5. The length limit counts code points and cuts only between whole characters
 *    (grapheme clusters), so no surrogate pair or emoji sequence is cut in half.
 */

/** A person's display name (join, rename, facilitator). */
export const PERSON_NAME_MAX = 60;
/** A session's or board's title. */
export const TITLE_MAX = 120;
/** A group's name (also its board's title). */
export const GROUP_NAME_MAX = 80;

// A subdivision flag (🏴 + tag letters/digits + cancel tag) is kept whole; other tag characters go.
const TAGS = /(\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,8}\u{E007F})|[\u{E0000}-\u{E007F}]/gu;
// Format characters except ZWJ/ZWNJ and the flags' tags (the step before kept only those),
// controls except whitespace, blank fillers, the combining grapheme joiner, noncharacters
// and lone surrogates.
const INVISIBLE = new RegExp(
  [
    String.raw`(?!\u200C|\u200D|[\u{E0020}-\u{E007F}])\p{Cf}`,
    String.raw`(?![\t\n\v\f\r\u0085])\p{Cc}`,
    String.raw`[\u115F\u1160\u3164\uFFA0\uFFFE\uFFFF\uFDD0-\uFDEF]|\u034F`,
    String.raw`[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]`,
  ].join('|'),
  'gu',
);
const MARK_FLOOD = /(\p{M}{8})\p{M}+/gu;
const SPACE = /[\s\p{Z}\u0085]+/gu;
// ZWJ/ZWNJ join two visible characters; at an edge, next to a space or doubled they are invisible noise.
const LOOSE_JOINER = /(^|\s)[\u200C\u200D]+|[\u200C\u200D]+(?=\s|$)|([\u200C\u200D])[\u200C\u200D]+/gu;

/** Number of code points (what the limits count). */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Made at the first cut that needs it: building one takes ~25 ms, at every server start otherwise (issue 14). */
let segmenter: Intl.Segmenter | null | undefined;
const graphemes = () =>
  (segmenter ??=
    typeof Intl !== 'undefined' && 'Segmenter' in Intl
      ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
      : null);

/** The first `max` code points, cut between whole characters. */
function cut(s: string, max: number): string {
  if (codePointLength(s) <= max) return s;
  let out = '';
  let n = 0;
  const seg = graphemes();
  const parts = seg ? Array.from(seg.segment(s), (x) => x.segment) : Array.from(s);
  for (const part of parts) {
    const len = codePointLength(part);
    if (n + len > max) break;
    out += part;
    n += len;
  }
  return out.replace(LOOSE_JOINER, '$1$2').replace(SPACE, ' ').trim();
}

/**
 * Cleans one line of text by the rule above; `max` (code points) cuts it, without a
 * limit the length is left as is (a schema may then refuse a text that is too long).
 * May return '' (nothing visible was left): callers decide what an empty name means.
 */
export function cleanLine(input: string, max?: number): string {
  const s = input
    .normalize('NFC')
    .replace(TAGS, (_m, flag: string | undefined) => flag ?? '')
    .replace(INVISIBLE, '')
    .replace(MARK_FLOOD, '$1')
    .replace(LOOSE_JOINER, '$1$2')
    .replace(SPACE, ' ')
    .trim();
  return max === undefined ? s : cut(s, max);
}

/** A person's name, clean and at most {@link PERSON_NAME_MAX} code points. */
export function cleanPersonName(input: string): string {
  return cleanLine(input, PERSON_NAME_MAX);
}

/** A title of a session or board (default limit), or of a group with {@link GROUP_NAME_MAX}. */
export function cleanTitle(input: string, max: number = TITLE_MAX): string {
  return cleanLine(input, max);
}
