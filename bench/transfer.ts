/**
 * Light on the wire (issue 14): `npm run bench:transfer`. The built server (as `npm start`
 * runs it) on loopback; Chromium (playwright-core, a fresh context each time: nothing
 * cached) opens the start page and a board page (a new session's facilitator link) and
 * waits until the network is idle. Bytes are Chromium's own counts per response
 * (`Network.loadingFinished` encodedDataLength: headers and body as transferred) and the
 * decoded body sizes, summed by resource type.
 *
 * `BENCH_SERVER_ROOT=/other/checkout` measures another build (before/after). Prints Markdown.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreateSessionResponse } from '../shared/api.ts';
import { launchBrowser } from '../test/helpers/browser.ts';

const ROOT = process.env.BENCH_SERVER_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Sums {
  transferred: Record<string, number>;
  decoded: Record<string, number>;
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

    async function measure(url: string): Promise<Sums> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const types = new Map<string, string>();
      const sums: Sums = { transferred: {}, decoded: {} };
      const add = (o: Record<string, number>, k: string, n: number) => (o[k] = (o[k] ?? 0) + n);
      cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
      cdp.on('Network.dataReceived', (e) => add(sums.decoded, types.get(e.requestId) ?? 'Other', e.dataLength));
      cdp.on('Network.loadingFinished', (e) =>
        add(sums.transferred, types.get(e.requestId) ?? 'Other', e.encodedDataLength),
      );
      await page.goto(url, { waitUntil: 'networkidle' });
      await context.close();
      return sums;
    }

    const start = await measure(`${base}/`);
    const board = await measure(`${base}/s/${created.sessionId}#token=${encodeURIComponent(created.facilitatorToken)}`);
    const kb = (n = 0) => `${(n / 1024).toFixed(0)} KB`;
    const row = (name: string, s: Sums) =>
      `| ${name} | ${kb(s.transferred.Script)} (${kb(s.decoded.Script)}) | ${kb(s.transferred.Stylesheet)} (${kb(s.decoded.Stylesheet)}) | ${kb(s.transferred.Document)} (${kb(s.decoded.Document)}) | ${kb(Object.values(s.transferred).reduce((a, b) => a + b, 0))} |`;
    console.log(
      [
        `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:transfer\` on ${os.cpus().length} cores, Node ${process.version}, ${browser.version()}, load average ${os.loadavg()[0]!.toFixed(1)}; server at ${ROOT}.`,
        '',
        '| page | scripts transferred (decoded) | styles | page | everything transferred |',
        '|---|---|---|---|---|',
        row('start page', start),
        row('board page', board),
      ].join('\n'),
    );
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
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
