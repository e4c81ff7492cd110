/**
 * Breaking long words in the PDF's narrow table cells (issue 15): pdfkit cuts a word
 * that does not fit anywhere, without a hyphen ("Gezondheidsverschille|n"). Here each
 * cell is wrapped by us first: whole words where they fit, else the word is broken at a
 * point of Dutch hyphenation (Liang's patterns for nl, `shared/hyphenation.ts`: compound
 * seams and syllables), with a hyphen; pdfkit then only draws lines that already fit.
 */
import { hyphenPoints } from '../../shared/hyphenation.ts';

export { hyphenPoints };

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
