/**
 * The verslag as Markdown: text escaped so nothing a participant typed turns into
 * markup, links or HTML; figures embedded as data: URLs of their SVG, so the file
 * stands alone.
 */
import type { ReportBlock, ReportModel } from '../../shared/report/model.ts';

/** Escapes Markdown and inline HTML in one line of text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}

function cell(text: string): string {
  return escapeMarkdown(text.replace(/\n/g, ' · ')) || ' ';
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      if (b.style === 'quote') return `> ${escapeMarkdown(b.text)}`;
      if (b.style === 'lead') return `**${escapeMarkdown(b.text)}**`;
      if (b.style === 'muted') return `*${escapeMarkdown(b.text)}*`;
      return escapeMarkdown(b.text);
    case 'facts':
      return b.items.map((f) => `- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`).join('\n');
    case 'list':
      return b.items.map((i, n) => `${b.ordered ? `${n + 1}.` : '-'} ${escapeMarkdown(i)}`).join('\n');
    case 'table':
      return [
        `| ${b.columns.map(cell).join(' | ')} |`,
        `| ${b.columns.map(() => '---').join(' | ')} |`,
        ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');
    case 'figure': {
      const src = `data:image/svg+xml;base64,${Buffer.from(b.svg, 'utf8').toString('base64')}`;
      return `![${escapeMarkdown(b.caption)}](${src})\n\n*${escapeMarkdown(b.caption)}*`;
    }
  }
}

export function renderMarkdown(report: ReportModel): string {
  const body = report.blocks.filter((b) => !(b.kind === 'heading' && b.level === 1)).map(block);
  return [`# ${escapeMarkdown(report.title)}`, `*${escapeMarkdown(report.subtitle)}*`, ...body].join('\n\n') + '\n';
}
