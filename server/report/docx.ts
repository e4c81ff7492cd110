/**
 * The verslag as a Word document (DOCX, with the `docx` library): headings as Word
 * headings (so the navigation pane and a table of contents work), tables with a header
 * row repeated on every page, figures as PNG at page width. Opens in Word and
 * LibreOffice. Texts were cleaned of characters XML cannot hold (build.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TableOfContents,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportBlock, ReportModel } from '../../shared/report/model.ts';
import { translate } from '../../shared/i18n/messages.ts';
import { softHyphenate } from './hyphenate.ts';
import { rasteriseAll, type Png } from './raster.ts';

const PRIMARY = '0E5A63';
const MUTED = '4B5B62';
/** Usable width of an A4 page with 2 cm margins, in pixels at 96 dpi (for images). */
const PAGE_WIDTH_PX = 642;
const FONT = 'Calibri';
/** The document's language (spelling, hyphenation, screen readers). */
const LANGUAGE = { nl: 'nl-NL', en: 'en-GB' } as const;

const HEADING: Record<1 | 2 | 3, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  1: HeadingLevel.TITLE,
  2: HeadingLevel.HEADING_1,
  3: HeadingLevel.HEADING_2,
};

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'C5CFCB' };

function table(b: Extract<ReportBlock, { kind: 'table' }>): Table {
  const total = b.widths?.reduce((a, c) => a + c, 0) ?? b.columns.length;
  const pct = (i: number) => ((b.widths?.[i] ?? 1) / total) * 100;
  const cell = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: pct(i), type: WidthType.PERCENTAGE },
      shading: head ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E2EEEC' } : undefined,
      margins: { top: 40, bottom: 40, left: 70, right: 70 },
      children: text
        .split('\n')
        // Soft hyphens in long words: broken with a hyphen in narrow cells (issue 15).
        .map(
          (line) =>
            new Paragraph({ children: [new TextRun({ text: softHyphenate(line), bold: head, size: 17, font: FONT })] }),
        ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c, i) => cell(c, i, true)) }),
      ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

function blockToDocx(b: ReportBlock, pngs: Map<string, Png>): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING[b.level], children: [new TextRun({ text: b.text })] })];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          indent: b.style === 'quote' ? { left: 400 } : undefined,
          children: [
            new TextRun({
              text: b.text,
              bold: b.style === 'lead',
              italics: b.style === 'quote' || b.style === 'muted',
              color: b.style === 'muted' ? MUTED : undefined,
            }),
          ],
        }),
      ];
    case 'facts':
      return b.items.map(
        (f) =>
          new Paragraph({
            spacing: { after: 40 },
            children: [new TextRun({ text: `${f.label}: `, color: MUTED }), new TextRun({ text: f.value, bold: true })],
          }),
      );
    case 'list':
      return b.items.map(
        (item, n) =>
          new Paragraph({
            spacing: { after: 60 },
            indent: { left: 360, hanging: 360 },
            children: [new TextRun({ text: `${b.ordered ? `${n + 1}.` : '•'}\t${item}` })],
            tabStops: [{ type: 'left', position: 360 }],
          }),
      );
    case 'table':
      return [table(b), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'figure': {
      const png = pngs.get(b.id);
      if (!png) return [];
      const width = Math.min(PAGE_WIDTH_PX, b.width);
      const height = Math.round((b.height / b.width) * width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            // SVG for Word (sharp at any zoom), the PNG for readers without SVG support.
            new ImageRun({
              type: 'svg',
              data: Buffer.from(b.svg, 'utf8'),
              fallback: { type: 'png', data: png.data },
              transformation: { width, height },
              altText: { name: b.id, description: b.caption, title: b.caption },
            }),
          ],
        }),
        new Paragraph({
          spacing: { after: 200 },
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.caption, italics: true, color: MUTED, size: 18 })],
        }),
      ];
    }
  }
}

export async function renderDocx(report: ReportModel): Promise<Buffer> {
  const blocks = report.blocks.filter((b) => !(b.kind === 'heading' && b.level === 1));
  const pngs = await rasteriseAll(
    blocks.flatMap((b) => (b.kind === 'figure' ? [b] : [])),
    1.5,
  );
  const doc = new Document({
    creator: 'Veldwerk',
    title: report.title,
    description: report.subtitle,
    // The table of contents is filled in by Word when it opens the file (issue 15: accessible documents).
    features: { updateFields: true },
    // Word hyphenates the text by the document's language.
    hyphenation: { autoHyphenation: true },
    styles: {
      default: { document: { run: { font: FONT, size: 21, language: { value: LANGUAGE[report.lang] } } } },
      paragraphStyles: [
        { id: 'Title', name: 'Title', run: { size: 44, bold: true, color: PRIMARY } },
        {
          id: 'Heading1',
          name: 'Heading 1',
          run: { size: 30, bold: true, color: PRIMARY },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
        {
          id: 'Heading2',
          name: 'Heading 2',
          run: { size: 24, bold: true },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
      ],
    },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: `${report.title} · `, color: MUTED, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], color: MUTED, size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: report.title })] }),
          new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: report.subtitle, color: MUTED })] }),
          new TableOfContents(translate(report.lang, 'report.contents'), { hyperlink: true, headingStyleRange: '1-2' }),
          ...blocks.flatMap((b) => blockToDocx(b, pngs)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
