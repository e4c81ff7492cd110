/**
 * SVG to PNG for the formats that need pixels (DOCX, PDF), with resvg and the DejaVu
 * fonts shipped as a dependency: the same letters on every machine, no system fonts.
 */
import { createRequire } from 'node:module';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
};

export interface Png {
  data: Buffer;
  width: number;
  height: number;
}

function options(scale: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: [FONT_FILES.regular, FONT_FILES.bold, FONT_FILES.italic],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: '#ffffff',
  };
}

/** Renders at `scale` times the SVG's own size (2 is sharp in print at page width). */
export function svgToPng(svg: string, scale = 2): Png {
  const image = new Resvg(svg, options(scale)).render();
  return { data: image.asPng(), width: image.width, height: image.height };
}

/**
 * The same off the main thread: resvg renders on libuv's thread pool, so a report's
 * figures are drawn on every core at once while the event loop stays free.
 */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Png> {
  const image = await renderAsync(svg, options(scale));
  return { data: image.asPng(), width: image.width, height: image.height };
}

/** All figures of a list, rasterised in parallel; keyed by figure id. */
export async function rasteriseAll(
  figures: readonly { id: string; svg: string }[],
  scale = 2,
): Promise<Map<string, Png>> {
  const pngs = await Promise.all(figures.map((f) => svgToPngAsync(f.svg, scale)));
  return new Map(figures.map((f, i) => [f.id, pngs[i]!]));
}
