/**
 * "Exporteren" (issue 3): the current board as an SVG or PNG file, made in the
 * browser from the same drawing the report uses (`shared/drawing/boardSvg.ts`).
 */
import { isoDay } from '../../../../shared/i18n/format.ts';
import { renderBoardSvg, type BoardSvgOptions } from '../../../../shared/drawing/boardSvg.ts';
import type { BoardSnapshot } from '../../../../shared/model/board/read.ts';

/** Browsers refuse canvases beyond about this many pixels a side (and memory runs out before). */
const MAX_CANVAS_SIDE = 16_384;
const MAX_CANVAS_PIXELS = 64 * 1024 * 1024;

type Exportable = Pick<BoardSnapshot, 'items'>;

/**
 * `veldwerk-<title>-<yyyy-mm-dd>.<ext>`: letters, digits and dashes only (accents
 * dropped, so "Gezonde wijk Noord: één" → "gezonde-wijk-noord-een"), 60 characters at
 * most. The date is the local date of `now`.
 */
export function exportFileName(title: string, ext: 'png' | 'svg', now: Date = new Date()): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'bord';
  return `veldwerk-${slug}-${isoDay(now.getTime())}.${ext}`;
}

/** Saves a blob as a download with the given file name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by the next tick; keep the URL a little longer for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function svgBlob(svg: string): Blob {
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}

/** Downloads the board as an SVG file. */
export function downloadSvg(snapshot: Exportable, fileName: string, opts: BoardSvgOptions = {}): void {
  downloadBlob(svgBlob(renderBoardSvg(snapshot.items, opts).svg), fileName);
}

/** The factor that keeps a `width` x `height` drawing at `scale` within what a canvas can hold. */
export function safeRasterScale(width: number, height: number, scale: number): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
  return Math.max(0.01, Math.min(scale, bySide, byArea));
}

/** A drawing ready to save: a standalone SVG document and its size. */
export interface Drawing {
  svg: string;
  width: number;
  height: number;
}

/** Rasterises the board's SVG at `scale` (2: sharp on a projector and in a report) into a PNG blob. */
export async function renderPng(snapshot: Exportable, scale = 2, opts: BoardSvgOptions = {}): Promise<Blob> {
  return drawingToPng(renderBoardSvg(snapshot.items, opts), scale);
}

/** Rasterises any drawing (a method view's, say) into a PNG blob. */
export async function drawingToPng({ svg, width, height }: Drawing, scale = 2): Promise<Blob> {
  const factor = safeRasterScale(width, height, scale);
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * factor));
    canvas.height = Math.max(1, Math.round(height * factor));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads the board as a PNG file. */
export async function downloadPng(
  snapshot: Exportable,
  fileName: string,
  scale = 2,
  opts: BoardSvgOptions = {},
): Promise<void> {
  downloadBlob(await renderPng(snapshot, scale, opts), fileName);
}

/** Downloads a drawing (e.g. a method view from shared/drawing/methods) as SVG or PNG. */
export async function downloadDrawing(drawing: Drawing, fileName: string, format: 'svg' | 'png'): Promise<void> {
  if (format === 'svg') downloadBlob(svgBlob(drawing.svg), fileName);
  else downloadBlob(await drawingToPng(drawing, 2), fileName);
}
