/**
 * The verslag as PDF (pdfkit): A4, DejaVu Sans embedded (so accents, €, ‘quotes’ and
 * most scripts print; unknown glyphs show as boxes, never break the file), tables with
 * a repeated header row, figures as PNG at page width, page numbers in the footer.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportBlock, ReportModel } from '../../shared/report/model.ts';
import { wrapText } from './hyphenate.ts';
import { FONT_FILES } from './raster.ts';

const PRIMARY = '#0e5a63';
const INK = '#1d2a30';
const MUTED = '#4b5b62';
const LINE = '#c5cfcb';
const SOFT = '#e2eeec';
const MARGIN = 50;

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

/*
 * A tagged PDF (issue 15: accessible documents): every text and figure is drawn inside
 * a structure element (H1-H3, P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with alt text),
 * in reading order; rules, cell borders, repeated header rows and the footer are
 * artifacts. The open structure elements of a document, innermost last.
 */
const openStructs = new WeakMap<Doc, Struct[]>();

/** Draws inside a new structure element of `type` under the innermost open one. */
function tag(doc: Doc, type: string, draw: () => void, options: Record<string, unknown> = {}): void {
  const parent = openStructs.get(doc)?.at(-1);
  if (!parent) return draw();
  parent.add(doc.struct(type, options, draw));
}

/** A structure element holding others (L, LI, Table, TR), open while `inner` runs. */
function group(doc: Doc, type: string, inner: () => void): void {
  const stack = openStructs.get(doc);
  const parent = stack?.at(-1);
  if (!stack || !parent) return inner();
  const el = doc.struct(type);
  parent.add(el);
  stack.push(el);
  inner();
  stack.pop();
  el.end();
}

/** Decoration, not content: skipped by screen readers. */
function artifact(doc: Doc, draw: () => void): void {
  if (!openStructs.has(doc)) return draw();
  doc.markContent('Artifact');
  draw();
  doc.endMarkedContent();
}

function pageBottom(doc: Doc): number {
  return doc.page.height - MARGIN - 18; // room for the footer
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function contentWidth(doc: Doc): number {
  return doc.page.width - 2 * MARGIN;
}

/** The least room a block needs on the page it starts on (to keep a heading with it). */
function minHeight(doc: Doc, b: ReportBlock | undefined): number {
  if (!b) return 0;
  switch (b.kind) {
    case 'figure': {
      const maxW = contentWidth(doc);
      const maxH = pageBottom(doc) - MARGIN - 30;
      return b.height * Math.min(maxW / b.width, maxH / b.height, 1) + 24;
    }
    case 'table':
      return 70;
    default:
      return 40;
  }
}

function heading(doc: Doc, level: 1 | 2 | 3, text: string, next: number): void {
  const size = level === 1 ? 24 : level === 2 ? 16 : 12.5;
  doc.font('bold').fontSize(size);
  const h = doc.heightOfString(text, { width: contentWidth(doc) });
  // Keep a heading with what follows it (the first lines, or the whole figure).
  ensureSpace(doc, h + 24 + next);
  doc.moveDown(level === 2 ? 0.8 : 0.5);
  tag(doc, `H${level}`, () => {
    doc.fillColor(level === 3 ? INK : PRIMARY).text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  });
  if (level === 2) {
    const y = doc.y + 2;
    artifact(doc, () => {
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + contentWidth(doc), y)
        .lineWidth(1.5)
        .strokeColor(SOFT)
        .stroke();
    });
    doc.y = y + 6;
  } else doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, style?: 'lead' | 'muted' | 'quote'): void {
  const indent = style === 'quote' ? 16 : 0;
  doc.font(style === 'lead' ? 'bold' : style === 'quote' || style === 'muted' ? 'italic' : 'regular').fontSize(10.5);
  const width = contentWidth(doc) - indent;
  const h = doc.heightOfString(text, { width });
  ensureSpace(doc, Math.min(h, 60));
  const top = doc.y;
  tag(doc, style === 'quote' ? 'BlockQuote' : 'P', () => {
    doc.fillColor(style === 'muted' ? MUTED : INK).text(text, MARGIN + indent, doc.y, { width });
  });
  if (style === 'quote') {
    artifact(doc, () => {
      doc
        .moveTo(MARGIN + 4, top)
        .lineTo(MARGIN + 4, doc.y)
        .lineWidth(3)
        .strokeColor(PRIMARY)
        .stroke();
    });
  }
  doc.moveDown(0.5);
}

function list(doc: Doc, items: string[], ordered: boolean): void {
  doc.font('regular').fontSize(10.5).fillColor(INK);
  group(doc, 'L', () => {
    items.forEach((item, n) => {
      const bullet = ordered ? `${n + 1}.` : '•';
      const width = contentWidth(doc) - 18;
      ensureSpace(doc, Math.min(doc.heightOfString(item, { width }), 40));
      const y = doc.y;
      group(doc, 'LI', () => {
        tag(doc, 'Lbl', () => doc.text(bullet, MARGIN, y, { width: 16 }));
        tag(doc, 'LBody', () => doc.text(item, MARGIN + 18, y, { width }));
      });
      doc.moveDown(0.2);
    });
  });
  doc.moveDown(0.4);
}

function facts(doc: Doc, items: { label: string; value: string }[]): void {
  const labelWidth = 140;
  for (const f of items) {
    doc.font('regular').fontSize(10.5);
    const y = doc.y;
    let afterLabel = y;
    tag(doc, 'P', () => {
      doc.fillColor(MUTED).text(`${f.label}:`, MARGIN, y, { width: labelWidth });
      afterLabel = doc.y;
      doc
        .font('bold')
        .fillColor(INK)
        .text(f.value, MARGIN + labelWidth, y, { width: contentWidth(doc) - labelWidth });
    });
    doc.y = Math.max(doc.y, afterLabel) + 2;
  }
  doc.moveDown(0.5);
}

/**
 * Column widths from the block's weights, widened so no header word has to be broken
 * ("Spreiding", "krachtenveld"), the room taken from the columns with room to spare.
 */
function columnWidths(doc: Doc, b: Extract<ReportBlock, { kind: 'table' }>, width: number, pad: number): number[] {
  const weights = b.columns.map((_, i) => b.widths?.[i] ?? 1);
  const total = weights.reduce((a, c) => a + c, 0);
  const widths = weights.map((w) => (w / total) * width);
  doc.font('bold');
  const cap = (width / b.columns.length) * 1.5;
  const min = b.columns.map((c) =>
    Math.min(cap, Math.max(0, ...c.split(/\s+/).map((w) => doc.widthOfString(w))) + 2 * pad + 1),
  );
  for (let round = 0; round < 4; round++) {
    const short = widths.reduce((a, w, i) => a + Math.max(0, min[i]! - w), 0);
    if (short <= 0.01) break;
    const spare = widths.reduce((a, w, i) => a + Math.max(0, w - min[i]!), 0);
    if (spare <= 0) break;
    const take = Math.min(1, short / spare);
    widths.forEach((w, i) => {
      widths[i] = w < min[i]! ? min[i]! : w - (w - min[i]!) * take;
    });
  }
  return widths;
}

function table(doc: Doc, b: Extract<ReportBlock, { kind: 'table' }>): void {
  const width = contentWidth(doc);
  const pad = 3.5;
  const size = b.columns.length > 8 ? 7 : b.columns.length > 4 ? 8 : 9;
  doc.fontSize(size);
  const colWidths = columnWidths(doc, b, width, pad);
  // Our own wrapping, with Dutch hyphenation: pdfkit would cut a long word anywhere and without a hyphen (issue 15).
  const wrapRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    return cells.map((c, i) => wrapText(c, (colWidths[i] ?? 40) - 2 * pad - 0.5, (s) => doc.widthOfString(s)));
  };
  // Lines are drawn one by one: pdfkit would add an empty line after a line ending in a hyphen.
  const rowHeight = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(size);
    const lh = doc.currentLineHeight(true);
    return Math.max(...cells.map((c) => c.split('\n').length * lh + 2 * pad));
  };
  /** A row; a header row repeated on a new page is an artifact (read once, at the top of the table). */
  const drawRow = (raw: string[], head: boolean, repeated = false) => {
    const cells = wrapRow(raw, head);
    const h = rowHeight(cells, head);
    const y = doc.y;
    let x = MARGIN;
    const draw = () =>
      cells.forEach((c, i) => {
        const w = colWidths[i] ?? 40;
        const cx = x;
        artifact(doc, () => {
          if (head) doc.rect(cx, y, w, h).fill(SOFT);
          doc.rect(cx, y, w, h).lineWidth(0.5).strokeColor(LINE).stroke();
        });
        doc
          .font(head ? 'bold' : 'regular')
          .fontSize(size)
          .fillColor(INK);
        const lh = doc.currentLineHeight(true);
        const text = () =>
          c.split('\n').forEach((line, n) => {
            if (line) doc.text(line, cx + pad, y + pad + n * lh, { width: w - 2 * pad, lineBreak: false });
          });
        if (repeated) artifact(doc, text);
        else tag(doc, head ? 'TH' : 'TD', text, head ? { scope: 'Column' } : {});
        x += w;
      });
    if (repeated) draw();
    else group(doc, 'TR', draw);
    doc.y = y + h;
  };
  ensureSpace(doc, rowHeight(wrapRow(b.columns, true), true) + 30);
  group(doc, 'Table', () => {
    drawRow(b.columns, true);
    for (const row of b.rows) {
      const h = rowHeight(wrapRow(row, false), false);
      if (doc.y + h > pageBottom(doc)) {
        doc.addPage();
        drawRow(b.columns, true, true);
      }
      // A single row taller than a page is cut by pdfkit's own page flow; rows that big are rare (5,000-character cells).
      drawRow(row, false);
    }
  });
  doc.x = MARGIN;
  doc.moveDown(0.8);
}

function figure(doc: Doc, b: Extract<ReportBlock, { kind: 'figure' }>): void {
  const maxW = contentWidth(doc);
  const maxH = pageBottom(doc) - MARGIN - 30;
  const scale = Math.min(maxW / b.width, maxH / b.height, 1);
  const w = b.width * scale;
  const h = b.height * scale;
  ensureSpace(doc, h + 24);
  const x = MARGIN + (maxW - w) / 2;
  const y = doc.y;
  // Vector: sharp in print, small, and no pixels to compute. Every font maps to our DejaVu.
  // Its alt text is the caption, made from the data ("Figuur 1. Groep 1: Krachtenveld").
  tag(
    doc,
    'Figure',
    () =>
      SVGtoPDF(doc, b.svg, x, y, {
        width: w,
        height: h,
        preserveAspectRatio: 'xMidYMid meet',
        fontCallback: (_family: string, bold: boolean, italic: boolean) =>
          bold ? 'bold' : italic ? 'italic' : 'regular',
      }),
    { alt: b.caption, bbox: [x, y, x + w, y + h], placement: 'Block' },
  );
  doc.y = y + h + 4;
  tag(doc, 'Caption', () =>
    doc.font('italic').fontSize(9).fillColor(MUTED).text(b.caption, MARGIN, doc.y, { width: maxW, align: 'center' }),
  );
  doc.moveDown(0.8);
}

export function renderPdf(report: ReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: report.title, Subject: report.subtitle, Creator: 'Veldwerk' },
    // Accessible (issue 15): language, the title shown instead of the file name, a structure tree.
    lang: report.lang === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    tagged: true,
    pdfVersion: '1.7',
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  openStructs.set(doc, [root]);
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  doc.registerFont('italic', FONT_FILES.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  tag(doc, 'H1', () =>
    doc
      .font('bold')
      .fontSize(24)
      .fillColor(PRIMARY)
      .text(report.title, MARGIN, MARGIN, { width: contentWidth(doc) }),
  );
  doc.moveDown(0.2);
  tag(doc, 'P', () => doc.font('regular').fontSize(11).fillColor(MUTED).text(report.subtitle));
  doc.moveDown(1);
  report.blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'heading': {
        // A heading, and a lead line under it, stay with the block after them.
        const after = report.blocks[i + 1];
        const next =
          after?.kind === 'paragraph' && after.style === 'lead'
            ? 30 + minHeight(doc, report.blocks[i + 2])
            : minHeight(doc, after);
        if (b.level !== 1) heading(doc, b.level, b.text, Math.min(next, pageBottom(doc) - MARGIN - 60));
        break;
      }
      case 'paragraph':
        paragraph(doc, b.text, b.style);
        break;
      case 'facts':
        facts(doc, b.items);
        break;
      case 'list':
        list(doc, b.items, b.ordered ?? false);
        break;
      case 'table':
        table(doc, b);
        break;
      case 'figure':
        figure(doc, b);
        break;
    }
  });

  root.end();
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 8;
    artifact(doc, () =>
      doc
        .font('regular')
        .fontSize(8)
        .fillColor(MUTED)
        .text(`${report.title} · ${i + 1}/${range.count}`, MARGIN, y, {
          width: contentWidth(doc),
          align: 'right',
          lineBreak: false,
          height: 12,
        }),
    );
  }
  openStructs.delete(doc);
  doc.end();
  return done;
}
