/**
 * Light on the wire (issue 14): what a board page loads before its first paint stays
 * within the budget, and the parts the first view does not need stay out of it;
 * the start page stays within its own (100 KB, without zod).
 * The built client's page (`dist/client/index.html`) names it: the entry, the entry's
 * static imports (modulepreload links) and, on a session's address, the session page's
 * chunk with its static imports (the inline preload script, vite.config.ts). Their sizes
 * are those of the `.br` files the server sends to Chromium. `npm run bench:transfer`
 * measures the same in the browser (BENCHMARKS.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLIENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/client');
const BOARD_BUDGET = 250 * 1024;
const START_BUDGET = 100 * 1024;

/** Chunks of parts that load after the first view (ui/lazyPart.ts) or on demand: never before the board's paint. */
const LATER = [
  'FacilitatorPanel',
  'ReportDialog',
  'LiveMenu',
  'ProgramEditor',
  'GroupsPanel',
  'ParticipantActions',
  'AbsentParticipants',
  'ParticipatePanel',
  'ActorsImportExport',
  'ImportDialog',
  'ExportMenu',
  'HelpOverlay',
  'ContextToolbar',
  'QrImage',
  'JoinControls',
  'ProjectionOverlay',
  'Transformer',
  'StartPage',
  'MethodsWorkspace',
  'ControlRoom',
  'CompareScreen',
  'PhoneView',
];

function boardScripts(): string[] {
  const html = fs.readFileSync(path.join(CLIENT, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/client/index.html: build first');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const session = /startsWith\('\/s\/'\)\?(\[\[.*?\]\]):/.exec(html)?.[1];
  if (!session) throw new Error("no session page preload in dist/client/index.html's inline script");
  const sessionLinks = (JSON.parse(session) as [string, string][]).filter(([rel]) => rel === 'modulepreload');
  return [...new Set([entry, ...preloads, ...sessionLinks.map(([, href]) => href)])];
}

/** The start page's (`/`, `/join/...`): the entry, its static imports and the start page's chunk with its own. */
function startScripts(): string[] {
  const html = fs.readFileSync(path.join(CLIENT, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no entry script in dist/client/index.html: build first');
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const start = /\^\\\/join\(\\\/\|\$\)\/\.test\(p\)\?(\[\[.*?\]\]):/.exec(html)?.[1];
  if (!start) throw new Error("no start page preload in dist/client/index.html's inline script");
  const startLinks = (JSON.parse(start) as [string, string][]).filter(([rel]) => rel === 'modulepreload');
  return [...new Set([entry, ...preloads, ...startLinks.map(([, href]) => href)])];
}

const compressed = (href: string) => {
  const file = path.join(CLIENT, href);
  return fs.statSync(fs.existsSync(`${file}.br`) ? `${file}.br` : file).size;
};

describe('a board page before its first paint', () => {
  it('loads at most 250 KB of compressed JavaScript', () => {
    const scripts = boardScripts();
    const total = scripts.reduce((sum, href) => sum + compressed(href), 0);
    expect(scripts.length).toBeGreaterThan(3);
    expect(total, `${(total / 1024).toFixed(1)} KB in ${scripts.length} scripts`).toBeLessThanOrEqual(BOARD_BUDGET);
  });

  it('loads none of the parts that wait for the first view or are opened on demand', () => {
    const names = boardScripts().map((href) => path.basename(href).replace(/-[\w-]{8}\.js$/, ''));
    expect(names.filter((name) => LATER.includes(name))).toEqual([]);
    expect(names).toContain('SessionPage');
  });
});

describe('the start page before its first paint', () => {
  it('loads at most 100 KB of compressed JavaScript, without zod (its forms load their API calls when used)', () => {
    const scripts = startScripts();
    const total = scripts.reduce((sum, href) => sum + compressed(href), 0);
    expect(scripts.map((href) => path.basename(href))).toContainEqual(expect.stringMatching(/^StartPage-/));
    expect(total, `${(total / 1024).toFixed(1)} KB in ${scripts.length} scripts`).toBeLessThanOrEqual(START_BUDGET);
    // zod's classes keep their names through minification (`$ZodObject`).
    const withZod = scripts.filter((href) => fs.readFileSync(path.join(CLIENT, href), 'utf8').includes('$ZodObject'));
    expect(withZod).toEqual([]);
  });
});
