/**
 * The HTML verslag is accessible (issue 15): axe-core, run in Chromium on a verslag made
 * from a meeting fixture (both languages, the figures and tables included), finds no
 * WCAG 2.0/2.1 A or AA violation. The page's own CSP forbids scripts, so the check's
 * context bypasses it to inject axe.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../server/report/html.ts';
import { buildReport } from '../../shared/report/build.ts';
import { reportFixture } from '../fixtures/reportSession.ts';
import { launchBrowser } from '../helpers/browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface AxeResult {
  violations: Violation[];
  /** The ids of the rules that ran on something and passed. */
  passes: string[];
}

async function axeCheck(html: string, tags: string[]): Promise<AxeResult> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: AXE_SOURCE });
    return await page.evaluate(async (runOnly) => {
      type Run = (ctx: Document, opts: object) => Promise<{ violations: Violation[]; passes: { id: string }[] }>;
      const axe = (window as unknown as { axe: { run: Run } }).axe;
      const result = await axe.run(document, { runOnly });
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        })),
        passes: result.passes.map((p) => p.id),
      };
    }, tags);
  } finally {
    await context.close();
  }
}

const describeViolations = (vs: Violation[]) =>
  vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
    )
    .join('\n');

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('the HTML verslag under axe', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`has no WCAG 2.1 A/AA violations (${lang})`, async () => {
      const report = buildReport(reportFixture({ groups: 2, actorsPerGroup: 5 }), { lang });
      const html = renderHtml(report);
      // The verslag as it is checked: tables, figures and headings below the title.
      expect(html).toContain('<table>');
      expect(html).toContain('<figure>');
      const { violations, passes } = await axeCheck(html, WCAG);
      expect(violations, describeViolations(violations)).toEqual([]);
      // The rules that matter here had something to check.
      expect(passes).toEqual(
        expect.arrayContaining([
          'color-contrast',
          'html-has-lang',
          'html-lang-valid',
          'image-alt',
          'th-has-data-cells',
        ]),
      );
    });
  }

  it("has no violations of axe's best practices either (headings order, landmarks), with hostile text", async () => {
    const html = renderHtml(buildReport(reportFixture({ groups: 3, actorsPerGroup: 4, hostile: true })));
    const { violations, passes } = await axeCheck(html, [...WCAG, 'best-practice']);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(passes).toEqual(
      expect.arrayContaining(['heading-order', 'landmark-one-main', 'page-has-heading-one', 'region']),
    );
  });

  it('can fail: a page with an image without alt text and a skipped heading level', async () => {
    const { violations } = await axeCheck(
      '<!doctype html><html><head><title>x</title></head><body><main><h1>a</h1><h3>b</h3><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>',
      [...WCAG, 'best-practice'],
    );
    expect(violations.map((v) => v.id)).toEqual(
      expect.arrayContaining(['html-has-lang', 'image-alt', 'heading-order']),
    );
  });
});
