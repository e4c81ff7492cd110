/**
 * GET /api/sessions/:id/report?format=docx|pdf|html|md&lang=nl|en (facilitator only):
 * the verslag, built from the live session (its report settings are in the session
 * doc) and sent as a download.
 */
import express from 'express';
import { ReportQuery } from '../../shared/api.ts';
import { Role } from '../../shared/roles.ts';
import { collectReportSource, registryDocs } from '../report/collect.ts';
import { REPORT_TYPES, renderReport } from '../report/index.ts';
import type { RoutesContext } from './context.ts';
import { parseQuery } from './http.ts';

export function reportRoutes(ctx: RoutesContext): express.Router {
  const router = express.Router({ mergeParams: true });
  router.get(
    '/',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { format, lang } = parseQuery(
        ReportQuery,
        req.query,
        'format must be docx, pdf, html or md; lang nl or en.',
      );
      const source = await collectReportSource(t.sid, ctx.store, registryDocs(ctx.registry));
      // The report model and its drawings (with the Dutch hyphenation patterns) load when first used (issue 14).
      const { buildReport } = await import('../../shared/report/build.ts');
      const report = buildReport(source, { lang });
      const body = await renderReport(report, format);
      const fileName = `${report.fileName}.${format}`;
      res.setHeader('Content-Type', REPORT_TYPES[format]);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      res.setHeader('Cache-Control', 'no-store');
      // The HTML report must not run anything, also when opened from our own origin.
      if (format === 'html')
        res.setHeader('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
      res.send(body);
    }),
  );
  return router;
}
