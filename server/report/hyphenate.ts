/**
 * Breaking long words in the PDF's narrow table cells (issue 15): pdfkit cuts a word
 * that does not fit anywhere, without a hyphen ("Gezondheidsverschille|n"). Here each
 * cell is wrapped by us first: whole words where they fit, else the word is broken at a
 * syllable-like boundary of Dutch (compound) words, with a hyphen; pdfkit then only
 * draws lines that already fit.
 *
 * The rule is small, not Liang's patterns: between two vowel groups one consonant goes
 * to the next syllable (ge-zond), of two or more the last one does (zond-heids,
 * plat-form), except the onsets Dutch keeps together (sch, ch, and a plosive or f/v/g
 * with l or r: ver-schil, ners-plat, pro-gram). "ij" counts as a vowel. At least two
 * letters stay on each side.
 */

const VOWEL = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/i;
const ONSETS = new Set([
  'sch',
  'ch',
  'bl',
  'br',
  'dr',
  'fl',
  'fr',
  'gl',
  'gr',
  'kl',
  'kr',
  'pl',
  'pr',
  'tr',
  'vl',
  'vr',
  'wr',
]);
const MIN_SIDE = 2;

function isVowelAt(word: string, i: number): boolean {
  const c = word[i] ?? '';
  if (VOWEL.test(c)) return true;
  // The j of "ij" belongs to the vowel.
  return (c === 'j' || c === 'J') && (word[i - 1] === 'i' || word[i - 1] === 'I');
}

/** Positions where `word` may be broken with a hyphen (the index the second part starts at). */
export function hyphenPoints(word: string): number[] {
  const points: number[] = [];
  const letter = /\p{L}/u;
  let i = 0;
  // Walk vowel group, consonant cluster, vowel group.
  while (i < word.length && !isVowelAt(word, i)) i++;
  while (i < word.length) {
    while (i < word.length && isVowelAt(word, i)) i++;
    const start = i;
    while (i < word.length && !isVowelAt(word, i) && letter.test(word[i]!)) i++;
    if (i >= word.length || !letter.test(word[i] ?? '')) {
      // Not a letter (digit, punctuation): no points across it.
      while (i < word.length && !letter.test(word[i]!)) i++;
      while (i < word.length && !isVowelAt(word, i)) i++;
      continue;
    }
    const cluster = word.slice(start, i).toLowerCase();
    if (cluster.length === 0) continue; // two vowel groups next to each other are one group here
    let at = i - 1; // before the last consonant
    if (cluster.length === 1) at = start;
    else {
      for (const onset of ONSETS) {
        if (cluster.length > onset.length && cluster.endsWith(onset)) {
          at = i - onset.length;
          break;
        }
        if (cluster === onset) {
          at = start; // "ch", "sch" whole to the next syllable
          break;
        }
      }
    }
    if (at >= MIN_SIDE && word.length - at >= MIN_SIDE) points.push(at);
  }
  return points;
}

export interface Measure {
  (text: string): number;
}

/**
 * Wraps `text` to lines no wider than `width` as `measure` says: words whole where
 * they fit, long words broken at `hyphenPoints` with a hyphen (or after a hyphen the
 * word has); only a word with no usable point is cut letter-wise, still with a hyphen.
 * Lines are joined with "\n"; existing line breaks are kept.
 */
export function wrapText(text: string, width: number, measure: Measure): string {
  return text
    .split('\n')
    .map((para) => wrapParagraph(para, width, measure).join('\n'))
    .join('\n');
}

function wrapParagraph(para: string, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => measure(s) <= width;
  const join = (a: string, b: string) => (a ? `${a} ${b}` : b);
  for (const w of para.split(/ +/).filter(Boolean)) {
    let word = w;
    while (word) {
      if (fits(join(line, word))) {
        line = join(line, word);
        break;
      }
      if (line && fits(word)) {
        lines.push(line);
        line = word;
        break;
      }
      // The word does not fit on this line: break it at the last point that fits.
      const piece = bestPiece(word, (head) => fits(join(line, head)));
      if (piece) {
        lines.push(join(line, piece.head));
        line = '';
        word = piece.rest;
        continue;
      }
      if (line) {
        lines.push(line);
        line = '';
        continue;
      }
      // No point fits even on an empty line: cut letter-wise, with a hyphen.
      let n = word.length - 1;
      while (n > 1 && !fits(`${word.slice(0, n)}-`)) n--;
      lines.push(`${word.slice(0, n)}-`);
      word = word.slice(n);
    }
  }
  if (line) lines.push(line);
  return lines;
}

function bestPiece(word: string, fits: (head: string) => boolean): { head: string; rest: string } | null {
  const candidates: { head: string; rest: string }[] = [];
  for (let i = 1; i < word.length - 1; i++) {
    // After a hyphen, slash or closing bracket the word has: no hyphen added.
    if ('-/)>]'.includes(word[i - 1]!)) candidates.push({ head: word.slice(0, i), rest: word.slice(i) });
  }
  for (const p of hyphenPoints(word)) {
    if (word[p - 1] === '-' || word[p] === '-') continue;
    candidates.push({ head: `${word.slice(0, p)}-`, rest: word.slice(p) });
  }
  candidates.sort((a, b) => b.head.length - a.head.length);
  return candidates.find((c) => fits(c.head)) ?? null;
}

const SOFT_HYPHEN = '\u00ad';

/**
 * Soft hyphens at the `hyphenPoints` of every word of at least `minLength` letters: for
 * the DOCX's narrow table cells, so Word and LibreOffice break a long word with a hyphen
 * even without a Dutch hyphenation dictionary (invisible unless the word is broken).
 */
export function softHyphenate(text: string, minLength = 12): string {
  return text.replace(/\p{L}{12,}/gu, (word) => {
    if (word.length < minLength) return word;
    let out = '';
    let last = 0;
    for (const p of hyphenPoints(word)) {
      out += word.slice(last, p) + SOFT_HYPHEN;
      last = p;
    }
    return out + word.slice(last);
  });
}
