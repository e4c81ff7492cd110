/**
 * The verslag from a meeting full of hostile and odd text (script tags, formulas,
 * emoji, right-to-left text, very long words, control characters): every format is
 * made, reads back, and shows the text as text.
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../server/report/docx.ts';
import { renderHtml } from '../../server/report/html.ts';
import { escapeMarkdown, renderMarkdown } from '../../server/report/markdown.ts';
import { renderPdf } from '../../server/report/pdf.ts';
import { buildReport, cleanText } from '../../shared/report/build.ts';
import { reportFixture } from '../fixtures/reportSession.ts';
import { docxParts, pdfText } from '../helpers/readBack.ts';
import { xmlProblems } from '../helpers/xmlCheck.ts';

const hostile = buildReport(reportFixture({ groups: 2, actorsPerGroup: 6, hostile: true }));

describe('the report model', () => {
  it('follows the order of the seed report', () => {
    const report = buildReport(reportFixture());
    const h2 = report.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));
    expect(h2).toEqual([
      'Inleiding',
      'Programma',
      'Theorie',
      'Individuele ronde',
      'Uitwisseling in kleine groepen',
      'Groep 1',
      'Groep 2',
      'Plenair',
      'Vergelijking van de groepen',
      'Lastige aspecten',
      'Tips en adviezen',
      'Evaluatie',
      'Quotes',
      'Conclusie',
      'Bijlage: alle actoren',
    ]);
    // Pictures: four method views per group (and the plenary board's free canvas, the grade chart).
    const figures = report.blocks.filter((b) => b.kind === 'figure').map((b) => (b.kind === 'figure' ? b.id : ''));
    expect(figures).toEqual(
      expect.arrayContaining([
        'groep1-krachtenveld',
        'groep1-krachten',
        'groep1-netwerk',
        'groep1-typologie',
        'evaluation',
      ]),
    );
    // The evaluation as the seed states it.
    const evaluation = report.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('De bijeenkomst'));
    expect(evaluation).toMatchObject({
      text: 'De bijeenkomst werd gewaardeerd met een 7,9 (spreiding 6 – 9). 7 deelnemers gaven een cijfer.',
    });
  });

  it('leaves out the parts the facilitator switched off, and speaks English on request', () => {
    const source = reportFixture();
    source.settings.parts.appendix = false;
    source.settings.parts.pictures = false;
    const report = buildReport(source, { lang: 'en' });
    expect(report.blocks.some((b) => b.kind === 'figure')).toBe(false);
    expect(report.blocks.some((b) => b.kind === 'heading' && b.text.startsWith('Appendix'))).toBe(false);
    expect(report.blocks.some((b) => b.kind === 'heading' && b.text === 'Tips and advice')).toBe(true);
    expect(report.fileName).toMatch(/^report-netwerkbijeenkomst-gezonde-wijk-2026-11-22$/);
  });

  it('cleans characters no document format can hold', () => {
    expect(cleanText('a\u0000b\u0007c\uFFFE \ud800x')).toBe('abc x');
    expect(cleanText('👩‍⚕️ שלום')).toBe('👩‍⚕️ שלום');
  });
});

describe('hostile text in every format', () => {
  it('HTML: no markup from participants, no script at all', () => {
    const html = renderHtml(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('\u0000');
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
  });

  it('Markdown: no links, emphasis or HTML from participants', () => {
    const md = renderMarkdown(hostile);
    expect(md).not.toContain('<script');
    expect(md).not.toContain('[link](http://evil)');
    expect(md).toContain('\\*\\*vet\\*\\* \\[link\\]\\(http://evil\\) \\| pipe \\# kop');
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
  });

  it('DOCX: valid XML holding the texts and the pictures', async () => {
    const { documentXml, files } = await docxParts(await renderDocx(hostile));
    expect(xmlProblems(documentXml)).toEqual([]);
    expect(documentXml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(documentXml).toContain('👩‍⚕️ Huisarts 🏥');
    expect(documentXml).toContain('שלום עולם مرحبا');
    expect(documentXml).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;klik&quot;)');
    expect(files.filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(8);
  });

  it('PDF: opens and its text holds the odd texts', async () => {
    const text = await pdfText(await renderPdf(hostile));
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('שלום');
    // Long words are broken at a line end with a hyphen (issue 15): read back joined.
    expect(text.replace(/(\p{L})-\s+/gu, '$1').replace(/\s+/g, '')).toContain(
      'Zorgverzekeraarsondersteuningsprogramma',
    );
    expect(text).toContain('7,9');
  });
});
