/**
 * Quick to come back, light at rest (issue 14): `npm run bench:restart`.
 *
 * The built server (`node dist/server/main.js`, what `npm start` runs after building) with
 * a board of 5,000 items (3,750 notes, 1,250 arrows; BENCH_ITEMS to change) in storage. Each run starts the
 * process and times, from the spawn: the "listening" log line, and the first `sync`
 * event of an unmodified y-websocket client that connects as soon as that line arrives
 * (the board then loads from SQLite). The board's item count at that first sync is
 * checked. Runs alternate a stop by SIGTERM and a crash by SIGKILL (WAL recovery); before a
 * crash the client moves BENCH_CRASH_WRITES notes (20; one stored row each), so the next
 * start finds the compacted row and those rows, as after a crash in a meeting. The
 * first start (which seeds the board) is as the first after a build: the bench removes
 * the code cache beside the bundle (server/boot.ts) before it, that start writes it anew,
 * and every later start uses it.
 * Idle RSS, read from /proc 3 s after the start, 3 starts each, in the same run: Veldwerk
 * with nothing connected; Veldwerk after one HTTP request (`GET /` and `GET /readyz`,
 * a browser's and a load balancer's first: the express app is loaded at the first
 * request); and the reference `@y/websocket-server` with LevelDB (bench/servers.ts).
 *
 * `BENCH_SERVER_ROOT=/other/checkout` measures another build of the server (before/after).
 * Prints Markdown for BENCHMARKS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CreateSessionResponse } from '../shared/api.ts';
import { moveItems } from '../shared/model/board/commands.ts';
import { itemsMapOf } from '../shared/model/board/read.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../shared/protocol.ts';
import { benchClient, percentile, until } from './client.ts';
import { seedBoard, within } from './canvasSeed.ts';
import { referenceServer, type Endpoint } from './servers.ts';

const ROOT = process.env.BENCH_SERVER_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 8);
/** The board in storage: 5,000 items by default (the canvas benchmark's big board); BENCH_ITEMS=200 for a meeting's board. */
const ITEMS = Number(process.env.BENCH_ITEMS ?? 5000);
const NOTES = Math.round(ITEMS * 0.75);
const ARROWS = ITEMS - NOTES;
/** BENCH_SKIP=rss leaves out the idle memory part (the restarts only). */
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
/** Notes moved (one stored row each) before each crash. */
const CRASH_WRITES = Number(process.env.BENCH_CRASH_WRITES ?? 20);

interface Started {
  proc: ChildProcess;
  port: number;
  /** ms from spawn to the "listening" log line. */
  listening: number;
  /** The server's CPU time when that line arrived: the start path, before any room. */
  cpuListening: number;
  spawnedAt: number;
}

function startServer(dataDir: string, port: number): Promise<Started> {
  const spawnedAt = performance.now();
  // BENCH_SERVER_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see what the start costs.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const proc = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+).*veldwerk listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        const listening = performance.now() - spawnedAt;
        resolve({ proc, port: Number(m[1]), listening, cpuListening: cpuMs(proc.pid), spawnedAt });
      }
    });
    proc.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) console.error(`server exited (${code}): ${out}`);
      reject(new Error(`server exited: ${out}`));
    });
  });
}

function stop(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  proc.kill(signal);
  return exited;
}

/** CPU time (user + system) the process used so far: less bent by a busy machine than wall time. */
function cpuMs(pid: number | undefined): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in USER_HZ (100)
}

function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Stored rows of `room` (read-only, beside the running server: WAL readers see what it committed). */
function storedRows(dataDir: string, room: string): number {
  const db = new Database(path.join(dataDir, 'veldwerk.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room)!.n;
  } finally {
    db.close();
  }
}
const mb = (xs: number[]) => `${median(xs).toFixed(1)} MB (${xs.map((x) => x.toFixed(1)).join(', ')})`;

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-restart-'));
  try {
    // A session with a board of 5,000 items in storage.
    // The first start as after a build: no code cache (server/boot.ts); it writes one, with what seeding used.
    const serverDir = path.join(ROOT, 'dist/server');
    for (const f of fs.readdirSync(serverDir)) if (f.endsWith('.cjs.cache')) fs.rmSync(path.join(serverDir, f));
    const first = await startServer(dataDir, 0);
    const port = first.port;
    const base = `http://127.0.0.1:${port}`;
    const created = (await (
      await fetch(`${base}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Herstart' }),
      })
    ).json()) as CreateSessionResponse;
    const ep: Endpoint = {
      serverUrl: `ws://127.0.0.1:${port}/sync`,
      room: boardRoomName(created.sessionId, PLENARY_BOARD_ID),
      params: { token: created.facilitatorToken },
    };
    await seedBoard(ep, NOTES, ARROWS);
    await stop(first.proc, 'SIGTERM');

    // Idle memory: nothing connected; after one HTTP request; the reference.
    const idle: number[] = [];
    const idleHttp: number[] = [];
    for (let i = 0; i < (SKIP.has('rss') ? 0 : 3); i++) {
      const s = await startServer(dataDir, port);
      await sleep(3000);
      idle.push(rssMb(s.proc.pid));
      await stop(s.proc, 'SIGTERM');
      const h = await startServer(dataDir, port);
      for (const page of ['/', '/readyz']) await (await fetch(`${base}${page}`)).arrayBuffer();
      await sleep(3000);
      idleHttp.push(rssMb(h.proc.pid));
      await stop(h.proc, 'SIGTERM');
    }
    const reference = referenceServer();
    const idleReference: number[] = [];
    try {
      for (let i = 0; i < (SKIP.has('rss') ? 0 : 3); i++) {
        await reference.start();
        await sleep(3000);
        idleReference.push(reference.rssMb());
        await reference.kill('SIGTERM');
      }
    } finally {
      reference.cleanup();
    }

    // Restart to serving.
    const rows: {
      before: string;
      listening: number;
      cpuListening: number;
      sync: number;
      cpu: number;
      items: number;
      rows: number;
      cpuFirstFrame: number;
    }[] = [];
    let before = 'SIGTERM';
    for (let i = 0; i < RUNS; i++) {
      const how = i % 2 === 0 ? 'SIGTERM' : 'SIGKILL';
      const rowsAtStart = storedRows(dataDir, ep.room);
      const s = await startServer(dataDir, port);
      let items = 0;
      const client = benchClient(ep, (doc) => (items = doc.getMap('items').size));
      // The server's CPU when its first frame reaches the client: the start and the answer, without
      // what the server does after it (the client still decodes the board until its `sync`).
      // Read at the first bytes after the handshake, before ws parses them (ws's own listener runs the client's decode).
      let cpuFirstFrame = 0;
      const ws = client.provider.ws as unknown as { once(e: 'open', f: () => void): void; _socket?: Socket } | null;
      ws?.once('open', () => ws._socket?.prependOnceListener('data', () => (cpuFirstFrame = cpuMs(s.proc.pid))));
      await within(client.synced, 30_000, 'no sync after restart');
      const sync = performance.now() - s.spawnedAt;
      const cpu = cpuMs(s.proc.pid);
      if (how === 'SIGKILL' && CRASH_WRITES > 0) {
        // A meeting goes on: moves, each stored as its own row, then the crash.
        const stored = storedRows(dataDir, ep.room);
        const ids = [...itemsMapOf(client.doc).keys()].slice(0, CRASH_WRITES);
        for (const id of ids) moveItems(client.doc, [id], 5, 0);
        await within(
          until(() => storedRows(dataDir, ep.room) >= stored + ids.length, 30_000),
          30_000,
          'moves not stored',
        );
      }
      client.destroy();
      rows.push({
        before,
        listening: s.listening,
        cpuListening: s.cpuListening,
        sync,
        cpu,
        items,
        rows: rowsAtStart,
        cpuFirstFrame,
      });
      await sleep(300);
      await stop(s.proc, how);
      before = how;
    }

    const load = os.loadavg()[0]!.toFixed(1);
    const lines = [
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:restart\` on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load average ${load} at the end.`,
      '',
      `First start, as after a build (no code cache; it seeds the board and writes the cache): listening after ${ms(first.listening)}.`,
      '',
      SKIP.has('rss')
        ? 'Idle RSS: not measured (BENCH_SKIP=rss).'
        : `Idle RSS, 3 s after the start, median of 3 starts (each): Veldwerk with nothing connected ${mb(idle)}, ` +
          `after one HTTP request ${mb(idleHttp)}; @y/websocket-server ${mb(idleReference)}. ` +
          `Veldwerk ÷ reference: ${(median(idle) / median(idleReference)).toFixed(2)} and ${(median(idleHttp) / median(idleReference)).toFixed(2)}.`,
      '',
      '| run | stopped before by | stored rows | listening | server CPU until then | server CPU at the first frame | first sync of a client | server CPU until then | listening to first sync | items at first sync |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r, i) =>
          `| ${i + 1} | ${r.before} | ${r.rows} | ${ms(r.listening)} | ${ms(r.cpuListening)} | ${ms(r.cpuFirstFrame)} | ${ms(r.sync)} | ${ms(r.cpu)} | ${ms(r.sync - r.listening)} | ${r.items} of ${NOTES + ARROWS} |`,
      ),
      `| median | | | ${ms(median(rows.map((r) => r.listening)))} | ${ms(median(rows.map((r) => r.cpuListening)))} | ${ms(median(rows.map((r) => r.cpuFirstFrame)))} | ${ms(median(rows.map((r) => r.sync)))} | ${ms(median(rows.map((r) => r.cpu)))} | ${ms(median(rows.map((r) => r.sync - r.listening)))} | |`,
    ];
    console.log(lines.join('\n'));
  } finally {
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
