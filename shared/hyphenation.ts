/**
 * Dutch hyphenation (issue 15): Liang's patterns for nl (the TeX hyph-nl patterns, via
 * the `hyphen` package), so compounds split at their seams as well as between
 * syllables ("Ge-zond-heids-ach-ter-stand", "Huis-art-sen"). Pure JavaScript, no I/O:
 * the server's verslag (PDF table wrapping, DOCX soft hyphens) uses it, and the browser
 * could too, but it is ~230 KB of patterns, so the client does not import it up front.
 */
import createHyphenator from 'hyphen/hyphen.js';
import nlPatterns from 'hyphen/patterns/nl.js';

/** A marker no typed text holds (a private-use character), so points map back to the word. */
const MARK = '\uE000';
const hyphenateNl = createHyphenator(nlPatterns, { hyphenChar: MARK, minWordLength: 4 });

/** At least this many letters stay on each side of a break. */
const MIN_SIDE = 2;

/** Positions where `word` may be broken with a hyphen (the index the second part starts at). */
export function hyphenPoints(word: string): number[] {
  if (word.length < 2 * MIN_SIDE || word.includes(MARK)) return [];
  const marked = hyphenateNl(word);
  const points: number[] = [];
  let at = 0;
  for (const c of marked) {
    if (c === MARK) points.push(at);
    else at += c.length;
  }
  return points.filter(
    (p) => p >= MIN_SIDE && word.length - p >= MIN_SIDE && /\p{L}/u.test(word[p - 1]!) && /\p{L}/u.test(word[p]!),
  );
}
