/**
 * Renders a report model in one of the formats of GET /api/sessions/:id/report.
 *
 * Each renderer is loaded when a report is first asked for (issue 14): docx, pdfkit,
 * svg-to-pdfkit, resvg and the fonts weigh tens of MB and most servers never render a
 * report, so they stay out of the start path and out of idle memory. The server's
 * bundle splits these imports into their own chunks (`npm run build`, `--splitting`).
 */
import { REPORT_FORMATS, type ReportFormat } from '../../shared/api/report.ts';
import type { ReportModel } from '../../shared/report/model.ts';

// The formats are the API's (shared/api/report.ts); the command line takes the same.
export { REPORT_FORMATS, type ReportFormat };

export const REPORT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export async function renderReport(report: ReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return (await import('./docx.ts')).renderDocx(report);
    case 'pdf':
      return (await import('./pdf.ts')).renderPdf(report);
    case 'html':
      return Buffer.from((await import('./html.ts')).renderHtml(report), 'utf8');
    case 'md':
      return Buffer.from((await import('./markdown.ts')).renderMarkdown(report), 'utf8');
  }
}
