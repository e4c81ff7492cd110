/** Reading exported files back in tests: the text of a PDF, the parts of a DOCX. */
import JSZip from 'jszip';

/** All text of a PDF, page by page joined with newlines (pdf.js, no system tools). */
export async function pdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages.join('\n');
}

/**
 * The files of a DOCX (a zip): names, and the text of word/document.xml without the
 * soft hyphens the table cells carry (invisible unless a word is broken), so a search
 * for a word or a name finds it whole.
 */
export async function docxParts(data: Uint8Array): Promise<{ files: string[]; documentXml: string }> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('no word/document.xml in the DOCX');
  return { files: Object.keys(zip.files), documentXml: (await file.async('string')).replace(/\u00ad/g, '') };
}

/** The text pieces of a PDF as drawn, one per line of text (pdf.js items, empty ones left out). */
export async function pdfLines(data: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const lines: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) lines.push(item.str);
  }
  await doc.destroy();
  return lines;
}
