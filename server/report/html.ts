/**
 * The verslag as one self-contained HTML file (print-friendly): styles inline, figures
 * as data: URLs of their SVG in <img> (an image cannot run script), every text escaped.
 */
import type { ReportBlock, ReportModel } from '../../shared/report/model.ts';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
:root { --ink: #1d2a30; --ink-2: #4b5b62; --line: #dde3e0; --primary: #0e5a63; --soft: #e2eeec; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
  color: var(--ink); line-height: 1.5; background: #f3f4f1; }
main { max-width: 960px; margin: 0 auto; padding: 48px 56px; background: #fff; }
h1 { font-size: 2rem; margin: 0 0 4px; color: var(--primary); }
.subtitle { color: var(--ink-2); margin: 0 0 24px; }
h2 { font-size: 1.35rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--soft); color: var(--primary); }
h3 { font-size: 1.05rem; margin: 22px 0 8px; }
p { margin: 0 0 10px; overflow-wrap: anywhere; }
p.lead { font-weight: 600; }
p.muted { color: var(--ink-2); font-style: italic; }
blockquote { margin: 0 0 12px; padding: 8px 16px; border-left: 4px solid var(--primary); background: #f8f9f7; font-style: italic; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; margin: 0 0 16px; }
dl.facts dt { color: var(--ink-2); }
dl.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
ul, ol { margin: 0 0 12px; padding-left: 24px; }
li { margin: 2px 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 0 0 16px; font-size: 0.85rem; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: auto; white-space: pre-line; }
th { background: var(--soft); }
figure { margin: 12px 0 20px; break-inside: avoid; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--ink-2); font-size: 0.85rem; margin-top: 4px; }
@media print {
  body { background: #fff; }
  main { padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  tr { break-inside: avoid; }
}
`;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 1 ? '' : `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      if (b.style === 'quote') return `<blockquote>${escapeHtml(b.text)}</blockquote>`;
      return `<p${b.style ? ` class="${b.style}"` : ''}>${escapeHtml(b.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${b.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const total = b.widths?.reduce((a, c) => a + c, 0) ?? 0;
      const cols = b.widths
        ? `<colgroup>${b.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`
        : '';
      const head = `<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
      const body = b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
      return `<table>${cols}${head}<tbody>${body}</tbody></table>`;
    }
    case 'figure': {
      const src = `data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')}`;
      return `<figure><img src="${src}" width="${Math.round(b.width)}" height="${Math.round(b.height)}" alt="${escapeHtml(b.caption)}"><figcaption>${escapeHtml(b.caption)}</figcaption></figure>`;
    }
  }
}

export function renderHtml(report: ReportModel): string {
  return `<!doctype html>
<html lang="${report.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
${report.blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
}
