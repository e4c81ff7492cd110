/**
 * The verslag (server/api/reportRoutes.ts):
 *
 *   GET /api/sessions/:id/report?format=docx|pdf|html|md&lang=nl|en   → the file (facilitator)
 */
import { z } from 'zod';
import { ApiLang } from './query.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A format or language the route does not know is refused (400), not guessed. */
export const ReportQuery = z.object({
  format: z.enum(REPORT_FORMATS).default('docx'),
  lang: ApiLang.default('nl'),
});
export type ReportQuery = z.input<typeof ReportQuery>;
