/**
 * axe-core in a browser test (issue 12): injects the plain script into a page (through
 * the DevTools protocol, so the app's own CSP does not stop it) and runs the WCAG 2.0
 * and 2.1 A and AA rules. A test asserts that nothing serious or critical is left.
 *
 * With AXE_LOG=<file> every scan appends one JSON line (page label, every violation with
 * its impact and node count): the per-page figures before and after a fix.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

export type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: Impact | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

export interface AxeScan {
  violations: AxeViolation[];
  /** Rules that found something to check and passed. */
  passes: string[];
}

/** Runs axe on the page as it is now (the whole document, or under `include`). */
export async function axeScan(
  page: Page,
  opts: { include?: string; exclude?: string[]; tags?: readonly string[] } = {},
): Promise<AxeScan> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // evaluate() goes through the DevTools protocol, which the page's CSP does not govern.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, exclude, tags }) => {
      type Node = { target: unknown[]; html: string; failureSummary?: string };
      type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
      type Run = (ctx: unknown, opts: object) => Promise<{ violations: Result[]; passes: Result[] }>;
      const axe = (window as unknown as { axe: { run: Run } }).axe;
      const context = include || exclude.length ? { include: include ? [include] : [document], exclude } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return {
        violations: result.violations.map((v) => ({
          id: v.id,
          impact: v.impact as Impact | null,
          help: v.help,
          nodes: v.nodes.map((n) => ({
            target: n.target.map(String),
            html: n.html.slice(0, 200),
            failureSummary: n.failureSummary,
          })),
        })),
        passes: result.passes.map((p) => p.id),
      };
    },
    { include: opts.include, exclude: opts.exclude ?? [], tags: [...(opts.tags ?? WCAG_TAGS)] },
  );
}

/** "4.2 #6f7e84 on #ffffff" from a colour-contrast failure, or "". */
function contrastOf(n: AxeViolation['nodes'][number]): string {
  const m = /contrast of ([\d.]+) \(foreground color: (#\w+), background color: (#\w+)/.exec(n.failureSummary ?? '');
  return m ? `[${m[1]} ${m[2]} on ${m[3]}]` : '';
}

/** The violations that block: impact serious or critical. */
export const blocking = (vs: AxeViolation[]): AxeViolation[] =>
  vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** Violations as a readable message for a failing assertion. */
export function describeViolations(vs: AxeViolation[]): string {
  return vs
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 8)
          .map((n) => `  ${n.target.join(' ')}  ${n.html}\n    ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`)
          .join('\n')}`,
    )
    .join('\n');
}

/**
 * Scans the page and returns the serious and critical violations (for
 * `expect(found, describeViolations(found)).toEqual([])`); logs the scan under `label`
 * when AXE_LOG is set.
 */
export async function axeBlocking(page: Page, label: string, opts: Parameters<typeof axeScan>[1] = {}) {
  const { violations } = await axeScan(page, opts);
  const log = process.env.AXE_LOG;
  if (log) {
    const summary = violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      first: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${contrastOf(n)}`),
    }));
    appendFileSync(log, `${JSON.stringify({ label, violations: summary })}\n`);
  }
  return blocking(violations);
}
