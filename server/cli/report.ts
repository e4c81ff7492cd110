/**
 * Report CLI: `npm run report -- <sessionId> --format docx --out verslag.docx`.
 * Reads the same store as the server (DATA_DIR, or DATABASE_URL), also while it runs.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildReport } from '../../shared/report/build.ts';
import { loadConfig } from '../config.ts';
import { runAsScript } from './runCli.ts';
import { createLogger } from '../log.ts';
import { collectReportSource, SessionNotFound, storedDocs } from '../report/collect.ts';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../report/index.ts';
import { openStore } from '../store/openStore.ts';

const USAGE = `Veldwerk report

Usage: npm run report -- <sessionId> [--format docx|pdf|html|md] [--lang nl|en] [--out <file>]

Writes the verslag of a session (default: DOCX in Dutch, to <report name>.<format>).
Environment: DATA_DIR (default ./data), DATABASE_URL (PostgreSQL instead of DATA_DIR's SQLite file).`;

export async function runReport(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'docx' },
        lang: { type: 'string', default: 'nl' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    out(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const sessionId = positionals[0];
  if (values.help || !sessionId) {
    out(USAGE);
    return values.help ? 0 : 1;
  }
  const format = values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) {
    out(`Unknown format "${values.format}": use docx, pdf, html or md.`);
    return 1;
  }
  if (values.lang !== 'nl' && values.lang !== 'en') {
    out(`Unknown language "${values.lang}": use nl or en.`);
    return 1;
  }
  const config = loadConfig();
  const store = await openStore(config);
  try {
    const source = await collectReportSource(sessionId, store, storedDocs(store.docs, createLogger('warn')));
    const report = buildReport(source, { lang: values.lang });
    const body = await renderReport(report, format);
    const file = values.out ?? `${report.fileName}.${format}`;
    writeFileSync(file, body);
    out(`Wrote ${file} (${Math.round(body.byteLength / 1024)} KB).`);
    return 0;
  } catch (err) {
    if (err instanceof SessionNotFound) {
      out(`No session ${sessionId} (see npm run admin -- list-sessions).`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}

runAsScript(import.meta.url, runReport);
