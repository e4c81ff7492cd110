/**
 * Long Dutch words in the PDF's tables (issue 15): broken at a point of Liang's nl patterns with
 * a hyphen, never cut without one ("Gezondheidsverschille|n"); headers such as
 * "Spreiding" and "Plaats in het krachtenveld" whole.
 */
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { renderDocx } from '../../server/report/docx.ts';
import { hyphenPoints, softHyphenate, wrapText } from '../../server/report/hyphenate.ts';
import { renderPdf } from '../../server/report/pdf.ts';
import { buildReport } from '../../shared/report/build.ts';
import type { ReportSource } from '../../shared/report/source.ts';
import { reportFixture } from '../fixtures/reportSession.ts';
import { pdfLines } from '../helpers/readBack.ts';

const LONG = [
  'Gezondheidsverschillenbeleid',
  'Bewonersplatform',
  'Jeugdgezondheidszorgorganisatie',
  'Wijkverpleegkundigenteam',
  'epidemiologische',
  'Zorgverzekeraarsondersteuningsprogramma',
  'Samenwerkingsverbandcoördinator',
  'Huisartsenpraktijkhouders',
];

/** A meeting whose actors and 3 B's are full of long Dutch words. */
export function longWordsFixture(): ReportSource {
  const source = reportFixture({ groups: 2, actorsPerGroup: 6 });
  for (const board of source.boards) {
    board.actors = board.actors.map((a, i) => ({
      ...a,
      name: `${LONG[i % LONG.length]!} ${LONG[(i + 3) % LONG.length]!}`,
      organisation: LONG[(i + 1) % LONG.length]!,
      bedoeling: `De ${LONG[(i + 2) % LONG.length]!} en ${LONG[(i + 4) % LONG.length]!} versterken`,
      belang: `${LONG[(i + 5) % LONG.length]!} ${LONG[(i + 6) % LONG.length]!}`,
      bijdrage: `${LONG[(i + 7) % LONG.length]!}-${LONG[i % LONG.length]!.toLowerCase()}`,
    }));
  }
  return source;
}

describe('Dutch hyphenation', () => {
  const show = (w: string) => {
    let out = '';
    let last = 0;
    for (const p of hyphenPoints(w)) {
      out += `${w.slice(last, p)}-`;
      last = p;
    }
    return out + w.slice(last);
  };

  it("breaks compound words at their seams and syllables (Liang's patterns for nl)", () => {
    expect(show('Gezondheidsverschillen')).toBe('Ge-zond-heids-ver-schil-len');
    expect(show('Bewonersplatform')).toBe('Be-wo-ners-plat-form');
    expect(show('epidemiologische')).toBe('epi-de-mi-o-lo-gi-sche');
    // Seams of compounds a syllable rule gets wrong ("Hui-sar-tsen", "heid-sach").
    expect(show('Gezondheidsachterstand')).toBe('Ge-zond-heids-ach-ter-stand');
    expect(show('Huisartsen')).toBe('Huis-art-sen');
    expect(show('(Huisartsenpraktijk)')).toBe('(Huis-art-sen-prak-tijk)');
    expect(show('krachtenveld')).toBe('krach-ten-veld');
    expect(show('bijdrage')).toBe('bij-dra-ge');
    expect(hyphenPoints('ab')).toEqual([]);
  });

  it('wraps to the width, a hyphen at every broken word', () => {
    const measure = (s: string) => s.length * 6;
    const lines = wrapText('De Gezondheidsverschillen in het Bewonersplatform', 60, measure).split('\n');
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(60);
    expect(lines.join('\n')).toBe('De Gezond-\nheidsver-\nschillen\nin het Be-\nwoners-\nplatform');
    expect(wrapText('Gezondheidsachterstand', 80, measure)).toBe('Gezondheids-\nachterstand');
    expect(wrapText('Huisartsen', 36, measure)).toBe('Huis-\nartsen');
    // No usable point: still a hyphen.
    expect(wrapText('Xxxxxxxxxxxxxxxx', 30, measure).split('\n')).toEqual(['Xxxx-', 'xxxx-', 'xxxx-', 'xxxx']);
  });
});

describe('the PDF tables', () => {
  it('split no word without a hyphen at a line end, and cut no header', async () => {
    const report = buildReport(longWordsFixture());
    const pdf = await renderPdf(report);
    const lines = await pdfLines(pdf);
    const strip = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}-]+$/gu, '');
    // Every word the report holds (the pictures' labels and the footer included).
    const vocabulary = new Set(
      JSON.stringify(report)
        .replace(/\\n/g, ' ')
        .split(/[\s"<>]+/)
        .map(strip)
        .filter(Boolean),
    );
    lines.forEach((line, n) => {
      const last = strip(line.trim().split(/\s+/).pop()!);
      if (!last || last.endsWith('-') || vocabulary.has(last) || /^\d+\/\d+$/.test(last)) return;
      // Not a whole word: only the tail of a word the line before broke with a hyphen.
      const tail = [...vocabulary].some((w) => w.endsWith(last)) && /-$/.test(lines[n - 1]?.trim() ?? '');
      expect(tail, `"${line}" (after "${lines[n - 1]}") ends in a word cut without a hyphen`).toBe(true);
    });
    expect(lines.filter((l) => /\p{L}-$/u.test(l.trim())).length).toBeGreaterThan(10);
    // Headers whole.
    expect(lines).toContain('Spreiding');
    expect(lines.some((l) => l.includes('krachtenveld') && !l.includes('krachtenveld-'))).toBe(true);
    await import('node:fs').then((fs) => fs.writeFileSync('/tmp/v15/long.pdf', pdf));
  });
});

describe('the DOCX tables', () => {
  it('carry soft hyphens in long words, so Word and LibreOffice break them with a hyphen', async () => {
    expect(softHyphenate('De Gezondheidsverschillen en een wijk')).toBe(
      'De Ge\u00adzond\u00adheids\u00adver\u00adschil\u00adlen en een wijk',
    );
    const zip = await JSZip.loadAsync(await renderDocx(buildReport(longWordsFixture())));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Be\u00adwo\u00adners\u00adplat\u00adform');
    // Headings and paragraphs keep their words as typed.
    expect(xml).toContain('Uitwisseling in kleine groepen');
  });
});
