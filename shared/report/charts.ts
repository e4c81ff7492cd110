/** Small charts for the report, as standalone SVG (pure; same input, same bytes). */
import { escapeXml, num } from '../drawing/xml.ts';
import type { ReportLang } from './texts.ts';

const FONT = 'DejaVu Sans, Arial, sans-serif';

/** Bars of the grades 1-10 (`distribution[0]` is grade 1). */
export function evaluationSvg(
  distribution: readonly number[],
  opts: { title: string; lang: ReportLang },
): { svg: string; width: number; height: number } {
  const width = 640;
  const height = 300;
  const left = 48;
  const right = 16;
  const top = 48;
  const bottom = 44;
  const counts = Array.from({ length: 10 }, (_, i) => Math.max(0, Math.floor(distribution[i] ?? 0)));
  const max = Math.max(1, ...counts);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = plotW / 10;
  const parts: string[] = [];
  parts.push(
    `<text x="${left}" y="28" font-family="${FONT}" font-size="16" font-weight="bold" fill="#1d2a30">${escapeXml(opts.title)}</text>`,
  );
  const ticks = max <= 5 ? max : 5;
  for (let i = 0; i <= ticks; i++) {
    const value = Math.round((max * i) / ticks);
    const y = top + plotH - (plotH * value) / max;
    parts.push(`<line x1="${left}" x2="${width - right}" y1="${num(y)}" y2="${num(y)}" stroke="#dde3e0"/>`);
    parts.push(
      `<text x="${left - 8}" y="${num(y + 4)}" text-anchor="end" font-family="${FONT}" font-size="12" fill="#4b5b62">${value}</text>`,
    );
  }
  counts.forEach((count, i) => {
    const h = (plotH * count) / max;
    const x = left + i * slot + slot * 0.18;
    const w = slot * 0.64;
    const y = top + plotH - h;
    if (count > 0) {
      parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="3" fill="#0e5a63"/>`);
      parts.push(
        `<text x="${num(x + w / 2)}" y="${num(y - 6)}" text-anchor="middle" font-family="${FONT}" font-size="12" fill="#1d2a30">${count}</text>`,
      );
    }
    parts.push(
      `<text x="${num(x + w / 2)}" y="${height - bottom + 20}" text-anchor="middle" font-family="${FONT}" font-size="13" fill="#1d2a30">${i + 1}</text>`,
    );
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}
