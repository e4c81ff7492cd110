/**
 * Light on the wire (issue 14): `npm run bench:transfer`. The built server (as `npm start`
 * runs it) on loopback; Chromium (playwright-core, a fresh context each time: nothing
 * cached) opens the start page and a board page, once with a new session's facilitator
 * link and once with a participant's (joined by code), and waits until the network is
 * idle. Bytes are Chromium's own counts per response (`Network.loadingFinished`
 * encodedDataLength: headers and body as transferred; the body alone is that less what had
 * arrived with the response's headers) and the decoded body sizes, summed
 * by resource type, in total and for what finished loading before the first paint: on
 * a board page the frame that draws the board's canvas first (the first animation frame
 * after the canvas is in the page: what a person waits for), on the start page the first contentful paint.
 *
 * `BENCH_SERVER_ROOT=/other/checkout` measures another build (before/after);
 * `BENCH_FILES=1` also lists each script with its bytes and whether it came before the
 * paint. Prints Markdown.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateSessionResponse, JoinResponse } from '../shared/api.ts';
import { launchBrowser } from '../test/helpers/browser.ts';

const ROOT = process.env.BENCH_SERVER_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Sums {
  /** Headers and body as transferred. */
  transferred: Record<string, number>;
  /** The body as transferred (compressed): what the targets count. */
  body: Record<string, number>;
  decoded: Record<string, number>;
  requests: Record<string, number>;
}

interface Measured {
  /** Everything until the network was idle. */
  total: Sums;
  /** What finished loading before the first paint. */
  beforePaint: Sums;
  files: { url: string; transferred: number; beforePaint: boolean }[];
}

/**
 * In the page, before its scripts: the moment of the first paint as the page's clock says
 * it (epoch ms), on `window.__firstPaint`. On a board page the first frame after a canvas
 * of the board (`.board-canvas canvas`) is in the document; else the first contentful
 * paint. A string, not a function: tsx would wrap a function's inner functions in a
 * helper the page does not have.
 */
function firstPaintProbe(canvas: boolean): string {
  const now = 'performance.timeOrigin + performance.now()';
  return canvas
    ? `new MutationObserver((_, observer) => {
        if (!document.querySelector('.board-canvas canvas')) return;
        observer.disconnect();
        requestAnimationFrame(() => (window.__firstPaint ??= ${now}));
      }).observe(document, { childList: true, subtree: true });`
    : `new PerformanceObserver((list) => {
        const fcp = list.getEntriesByName('first-contentful-paint')[0];
        if (fcp) window.__firstPaint ??= performance.timeOrigin + fcp.startTime;
      }).observe({ type: 'paint', buffered: true });`;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-transfer-'));
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const browser = await launchBrowser();
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      proc.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /"port":(\d+).*veldwerk listening/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      proc.once('exit', () => reject(new Error(`server exited: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const created = (await (
      await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Overdracht' }),
      })
    ).json()) as CreateSessionResponse;

    async function measure(url: string, canvas: boolean): Promise<Measured> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.addInitScript(firstPaintProbe(canvas));
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const requests = new Map<string, { type: string; url: string; decoded: number; headers: number }>();
      // CDP's timestamps are a monotonic clock; requestWillBeSent gives its wall time too.
      let wallMinusMonotonic = 0;
      const finished: { type: string; url: string; transferred: number; body: number; decoded: number; at: number }[] =
        [];
      cdp.on('Network.requestWillBeSent', (e) => {
        wallMinusMonotonic = e.wallTime * 1000 - e.timestamp * 1000;
        requests.set(e.requestId, { type: e.type ?? 'Other', url: e.request.url, decoded: 0, headers: 0 });
      });
      cdp.on('Network.responseReceived', (e) => {
        const r = requests.get(e.requestId);
        if (!r) return;
        r.type = e.type;
        // The bytes received by the time the response started: its headers.
        r.headers = e.response.encodedDataLength;
      });
      cdp.on('Network.dataReceived', (e) => {
        const r = requests.get(e.requestId);
        if (r) r.decoded += e.dataLength;
      });
      cdp.on('Network.loadingFinished', (e) => {
        const r = requests.get(e.requestId) ?? { type: 'Other', url: '?', decoded: 0, headers: 0 };
        finished.push({
          ...r,
          transferred: e.encodedDataLength,
          body: e.encodedDataLength - r.headers,
          at: e.timestamp * 1000 + wallMinusMonotonic,
        });
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      const paintAt = await page
        .waitForFunction(() => (window as unknown as { __firstPaint?: number }).__firstPaint, null, { timeout: 30_000 })
        .then((h) => h.jsonValue() as Promise<number>);
      await context.close();
      const sums = (list: typeof finished): Sums => {
        const s: Sums = { transferred: {}, body: {}, decoded: {}, requests: {} };
        for (const f of list) {
          s.transferred[f.type] = (s.transferred[f.type] ?? 0) + f.transferred;
          s.decoded[f.type] = (s.decoded[f.type] ?? 0) + f.decoded;
          s.body[f.type] = (s.body[f.type] ?? 0) + f.body;
          s.requests[f.type] = (s.requests[f.type] ?? 0) + 1;
        }
        return s;
      };
      return {
        total: sums(finished),
        beforePaint: sums(finished.filter((f) => f.at <= paintAt)),
        files: finished
          .filter((f) => f.type === 'Script')
          .map((f) => ({ url: new URL(f.url).pathname, transferred: f.body, beforePaint: f.at <= paintAt })),
      };
    }

    const joined = (await (
      await fetch(`${base}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ joinCode: created.joinCode, name: 'Ana' }),
      })
    ).json()) as JoinResponse;
    const pages: [string, Measured][] = [
      ['start page', await measure(`${base}/`, false)],
      [
        'board page, facilitator',
        await measure(`${base}/s/${created.sessionId}#token=${encodeURIComponent(created.facilitatorToken)}`, true),
      ],
      [
        'board page, participant',
        await measure(`${base}/s/${joined.sessionId}#token=${encodeURIComponent(joined.token)}`, true),
      ],
    ];
    const kb = (n = 0) => `${(n / 1024).toFixed(0)} KB`;
    const all = (s: Sums) => Object.values(s.transferred).reduce((a, b) => a + b, 0);
    const js = (s: Sums) =>
      `${kb(s.body.Script)} in ${s.requests.Script ?? 0} (${kb(s.transferred.Script)}; ${kb(s.decoded.Script)})`;
    const row = (name: string, m: Measured) =>
      `| ${name} | ${js(m.beforePaint)} | ${js(m.total)} | ${kb(m.total.transferred.Stylesheet)} (${kb(m.total.decoded.Stylesheet)}) | ${kb(m.total.transferred.Document)} | ${kb(all(m.total))} |`;
    console.log(
      [
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:transfer\` on ${os.cpus().length} cores, Node ${process.version}, ${browser.version()}, load average ${os.loadavg()[0]!.toFixed(1)}; server at ${ROOT}.`,
        '',
        '| page | scripts before the first paint: compressed in requests (with headers; decoded) | scripts in total | styles | page | everything transferred |',
        '|---|---|---|---|---|---|',
        ...pages.map(([name, m]) => row(name, m)),
      ].join('\n'),
    );
    if (process.env.BENCH_FILES)
      for (const [name, m] of pages) {
        console.log(`\n${name}:`);
        for (const f of m.files)
          console.log(`  ${f.beforePaint ? 'before' : 'after '} ${kb(f.transferred).padStart(7)}  ${f.url}`);
      }
  } finally {
    await browser.close();
    // Wait for the server to stop (its log goes to our pipe: it must not outlive us), killing it after 10 s.
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
