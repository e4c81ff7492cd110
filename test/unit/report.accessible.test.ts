/**
 * The verslag as an accessible document (issue 15; Dutch public bodies publish under
 * WCAG / EN 301 549): the DOCX uses Word's heading styles, has a table of contents,
 * the document language and hyphenation on, and alt text on its pictures; the PDF has
 * its language and title.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../server/report/docx.ts';
import { renderPdf } from '../../server/report/pdf.ts';
import { buildReport } from '../../shared/report/build.ts';
import { reportFixture } from '../fixtures/reportSession.ts';

async function docxFiles(data: Uint8Array): Promise<Record<'document' | 'styles' | 'settings' | 'core', string>> {
  const zip = await JSZip.loadAsync(data);
  const read = (name: string) => zip.file(name)!.async('string');
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'),
  };
}

describe('the DOCX', () => {
  it('has Word’s heading styles, a table of contents, its language, title and alt text', async () => {
    const report = buildReport(reportFixture());
    const f = await docxFiles(await renderDocx(report));
    const styles = [...f.document.matchAll(/<w:pStyle w:val="(\w+)"\/>/g)].map((m) => m[1]);
    expect(styles).toContain('Title');
    expect(styles.filter((s) => s === 'Heading1').length).toBeGreaterThanOrEqual(10);
    expect(styles).toContain('Heading2');
    expect(f.document).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(f.document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    expect(f.document).toMatch(/<w:hyperlink [^>]*w:anchor="_Toc\d+"><w:r[^]*?Theorie/);
    expect(f.settings).toMatch(/<w:updateFields( w:val="true")?\/>/);
    expect(f.settings).toMatch(/<w:autoHyphenation( w:val="true")?\/>/);
    expect(f.styles).toContain('<w:lang w:val="nl-NL"/>');
    expect(f.core).toContain('<dc:title>Netwerkbijeenkomst gezonde wijk</dc:title>');
    const alts = [...f.document.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    const figures = report.blocks.filter((b) => b.kind === 'figure').length;
    expect(alts.length).toBe(figures);
    for (const alt of alts) expect(alt).toMatch(/^Figuur \d+\. /);

    const en = await docxFiles(await renderDocx(buildReport(reportFixture(), { lang: 'en' })));
    expect(en.styles).toContain('<w:lang w:val="en-GB"/>');
  });
});

interface StructNode {
  role?: string;
  alt?: string;
  lang?: string;
  children?: StructNode[];
}

/** The roles (and alt texts of figures) in the structure tree of every page, via pdf.js. */
async function structure(data: Uint8Array): Promise<{ roles: Set<string>; alts: string[]; lang: string | null }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const roles = new Set<string>();
  const alts: string[] = [];
  const walk = (n: StructNode) => {
    if (n.role) roles.add(n.role);
    if (n.role === 'Figure' && n.alt) alts.push(n.alt);
    n.children?.forEach(walk);
  };
  for (let i = 1; i <= doc.numPages; i++) {
    const tree = (await (await doc.getPage(i)).getStructTree()) as StructNode | null;
    if (tree) walk(tree);
  }
  const lang = ((await doc.getMetadata()).info as { Language?: string }).Language ?? null;
  await doc.destroy();
  return { roles, alts, lang };
}

describe('the PDF', () => {
  it('is tagged: headings, paragraphs, lists, tables with header cells, figures with alt text; language and title', async () => {
    const report = buildReport(reportFixture());
    const pdf = await renderPdf(report);
    const { roles, alts, lang } = await structure(pdf);
    for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Figure'])
      expect(roles, role).toContain(role);
    const captions = report.blocks.flatMap((b) => (b.kind === 'figure' ? [b.caption] : []));
    expect(alts).toEqual(captions);
    expect(lang).toBe('nl-NL');
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Marked true/);
  });
});
