/** Renders a report model in one of the formats of GET /api/sessions/:id/report. */
import type { ReportModel } from '../../shared/report/model.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPdf } from './pdf.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export async function renderReport(report: ReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(report);
    case 'pdf':
      return renderPdf(report);
    case 'html':
      return Buffer.from(renderHtml(report), 'utf8');
    case 'md':
      return Buffer.from(renderMarkdown(report), 'utf8');
  }
}
