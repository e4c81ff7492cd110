/**
 * `npm run soak` (issue 11): the two attacks from the issue against the built server on
 * loopback, a fresh server process and data folder for each, and the figures written to
 * RELIABILITY.md under "Hostile load (npm run soak)". Bounded (about a minute); not in CI.
 *
 * 1. Awareness flood: one viewer sends 100,000 awareness messages in 10 s to a board
 *    with 20 people, while two people in another meeting edit (one edit every 50 ms) and
 *    `/healthz` is asked every 100 ms.
 * 2. Slow readers: 4 connections that never read ask 80 times each for a 1.5 MB board.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { boardRoomName, PLENARY_BOARD_ID } from '../shared/protocol.ts';
import type { CreateSessionResponse, JoinResponse } from '../shared/api.ts';
import { mark, markLong } from '../test/helpers/marks.ts';
import { benchClient, percentile, until, type BenchClient } from './client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MiB = 1024 * 1024;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  base: string;
  ws: string;
  pid: number;
  rssMiB(): number;
  /** CPU time (user + system) used so far, in seconds. */
  cpuSeconds(): number;
  metric(name: string): Promise<number>;
  stop(): Promise<void>;
}

/** The built server (`dist/server/main.js`, as `npm start` runs it) with a fresh data folder. */
async function startServer(): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-veldwerk-'));
  const proc: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      if (out.length > 100_000) return; // started long ago: drain, keep nothing
      out += d.toString();
      const m = /"port":(\d+).*veldwerk listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const pid = proc.pid!;
  return {
    base,
    ws: `ws://127.0.0.1:${port}/sync`,
    pid,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    cpuSeconds: () => {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100)
    },
    metric: async (name) => {
      const text = await (await fetch(`${base}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    },
    stop: async () => {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function post<T>(base: string, pathname: string, body: unknown): Promise<T> {
  const res = await fetch(base + pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A session with `people` participants: its plenary board room and everyone's tokens. */
async function meeting(base: string, title: string, people: number) {
  const created = await post<CreateSessionResponse>(base, '/api/sessions', { title });
  const tokens: string[] = [];
  for (let i = 0; i < people; i++) {
    tokens.push(
      (await post<JoinResponse>(base, '/api/join', { joinCode: created.joinCode, name: `Deelnemer ${i}` })).token,
    );
  }
  const viewerToken = new URL(created.viewerUrl).hash.replace('#token=', '');
  return { room: boardRoomName(created.sessionId, PLENARY_BOARD_ID), tokens, viewerToken };
}

function rawSocket(server: Server, room: string, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`${server.ws}/${room}?token=${token}`);
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

function syncStep1Empty(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
}

const client = (server: Server, room: string, token: string) =>
  benchClient({ serverUrl: server.ws, room, params: { token } });

async function flood() {
  const server = await startServer();
  const clients: BenchClient[] = [];
  try {
    const board = await meeting(server.base, 'Overvallen', 20);
    const other = await meeting(server.base, 'Rustig', 2);
    const people = board.tokens.map((t) => client(server, board.room, t));
    const [writer, watcher] = other.tokens.map((t) => client(server, other.room, t)) as [BenchClient, BenchClient];
    clients.push(...people, writer, watcher);
    await Promise.all(clients.map((c) => c.synced));
    people.forEach((c, i) => c.provider.awareness.setLocalStateField('cursor', { x: i, y: 0 }));
    await until(() => people.every((c) => c.provider.awareness.getStates().size >= 20), 20_000);
    await sleep(1000);

    const sentAt = new Map<string, number>();
    const edits: number[] = [];
    watcher.doc.getMap('actors').observe((e) => {
      const now = performance.now();
      for (const key of e.keysChanged) {
        const t = sentAt.get(key);
        if (t !== undefined) edits.push(now - t);
      }
    });
    const framesBefore = await server.metric('veldwerk_frames_sent_total');
    const rssBefore = server.rssMiB();
    const cpuBefore = server.cpuSeconds();
    const flooder = await rawSocket(server, board.room, board.viewerToken);
    const t0 = performance.now();
    let stop = false;

    const SENT = 100_000;
    const flooding = (async () => {
      // 100,000 in 10 s: 1,000 every 100 ms, as fast as the socket takes them.
      for (let i = 0; i < SENT; i++) {
        flooder.send(awarenessFrame(4242, i + 1, { cursor: { x: i % 1000, y: i % 700 } }));
        if (i % 1000 === 999) await sleep(Math.max(0, t0 + ((i + 1) / SENT) * 10_000 - performance.now()));
      }
    })();
    const editing = (async () => {
      for (let i = 0; !stop; i++) {
        sentAt.set(`e${i}`, performance.now());
        mark(writer.doc, `e${i}`, i);
        await sleep(50);
      }
    })();
    const health: number[] = [];
    const polling = (async () => {
      while (!stop) {
        const start = performance.now();
        await (await fetch(`${server.base}/healthz`)).text();
        health.push(performance.now() - start);
        await sleep(100);
      }
    })();
    await flooding;
    const sendSeconds = (performance.now() - t0) / 1000;
    await sleep(Math.max(0, t0 + 12_000 - performance.now())); // 2 s more: what the flood left behind
    stop = true;
    await Promise.all([editing, polling]);
    const cpuSeconds = server.cpuSeconds() - cpuBefore;
    const wall = (performance.now() - t0) / 1000;
    const rssAfter = server.rssMiB();
    const frames = (await server.metric('veldwerk_frames_sent_total')) - framesBefore;
    const received = await server.metric('veldwerk_awareness_received_total');
    const throttled = await server.metric('veldwerk_connections_throttled_total');
    await until(() => edits.length >= sentAt.size, 5000);
    flooder.terminate();
    edits.sort((a, b) => a - b);
    health.sort((a, b) => a - b);
    return {
      sent: SENT,
      sendSeconds,
      received,
      throttled,
      frames,
      edits: edits.length,
      editP50: percentile(edits, 50),
      editP99: percentile(edits, 99),
      editMax: edits.at(-1) ?? NaN,
      healthP99: percentile(health, 99),
      healthMax: health.at(-1) ?? NaN,
      cpuPercent: (100 * cpuSeconds) / wall,
      wall,
      rssBefore,
      rssAfter,
    };
  } finally {
    for (const c of clients) c.destroy();
    await server.stop();
  }
}

async function slowReaders() {
  const server = await startServer();
  const sockets: WebSocket[] = [];
  let writer: BenchClient | undefined;
  try {
    const m = await meeting(server.base, 'Traag', 1);
    writer = client(server, m.room, m.tokens[0]!);
    await writer.synced;
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) >>> 0) % 26));
    for (let i = 0; i < 75; i++) {
      markLong(writer.doc, `a${i}`, Array.from({ length: 20_000 }, letter).join(''));
    }
    for (let t = 0; t < 300 && (await server.metric('veldwerk_updates_total')) < 75; t++) await sleep(100);
    const boardBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
    await sleep(1000);
    const rssBefore = server.rssMiB();
    for (let i = 0; i < 4; i++) {
      const ws = await rawSocket(server, m.room, m.viewerToken);
      ws.pause(); // never reads
      sockets.push(ws);
    }
    const ask = syncStep1Empty();
    for (const ws of sockets) for (let i = 0; i < 80; i++) ws.send(ask);
    let rssPeak = rssBefore;
    const start = performance.now();
    let dropped = 0;
    while (performance.now() - start < 15_000) {
      rssPeak = Math.max(rssPeak, server.rssMiB());
      dropped = await server.metric('veldwerk_slow_closes_total');
      if (dropped >= 4) break;
      await sleep(100);
    }
    const droppedAfter = (performance.now() - start) / 1000;
    await sleep(2000);
    rssPeak = Math.max(rssPeak, server.rssMiB());
    return {
      boardBytes,
      dropped,
      droppedAfter,
      connectionsLeft: await server.metric('veldwerk_connections'),
      bufferedPeak: await server.metric('veldwerk_buffered_bytes_peak'),
      rssBefore,
      rssPeak,
      rssAfter: server.rssMiB(),
    };
  } finally {
    for (const ws of sockets) ws.terminate();
    writer?.destroy();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const load = os.loadavg()[0]!;
  const started = new Date();
  console.log('Flood: 100,000 awareness messages in 10 s to a board with 20 people ...');
  const f = await flood();
  console.log('Slow readers: 4 connections that never read ask 80 times for a 1.5 MB board ...');
  const s = await slowReaders();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '<!-- soak:start -->',
    '## Hostile load (npm run soak)',
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run soak\` on ${os.availableParallelism()} cores (${cpu}), Node ${process.version}, load average ${load.toFixed(1)} at the start. The built server runs as its own process on loopback with a fresh data folder per scenario, with its default limits (200 messages/s and 4 MiB/s per connection with 2 s bursts, presence out every 150 ms, 8 MiB unread per peer); the clients are the unmodified y-websocket provider and raw \`ws\` sockets in the soak process. Targets (issue 11): another meeting's edit p99 and \`/healthz\` under 100 ms during the flood; the slow-reader attack adds under 50 MiB. What holds it (budgets per connection, presence coalesced, bounded room queues, caps on unread output, shared sync answers, a cap on loaded rooms) is tested in \`test/integration/hostileLoad.test.ts\` and \`test/unit/budgets.test.ts\`.`,
    '',
    '### Awareness flood',
    '',
    `One viewer sends 100,000 awareness messages (sent in ${f1(f.sendSeconds)} s) to a board with 20 people, while a participant in another meeting sets one key every 50 ms and another receives it, and \`/healthz\` is asked every 100 ms, for ${f1(f.wall)} s (the flood and 2 s after). The server read ${f.received} of the flooder's messages (the rest waited in the flooder's own socket; reading was paused, over all connections, ${f.throttled} times).`,
    '',
    "| another meeting's edits | edit p50 | edit p99 | edit max | /healthz p99 | /healthz max | frames fanned out | server CPU | server RSS before → after |",
    '|---|---|---|---|---|---|---|---|---|',
    `| ${f.edits} | ${f1(f.editP50)} ms | ${f1(f.editP99)} ms | ${f1(f.editMax)} ms | ${f1(f.healthP99)} ms | ${f1(f.healthMax)} ms | ${f.frames} | ${f1(f.cpuPercent)}% of one core | ${f1(f.rssBefore)} → ${f1(f.rssAfter)} MiB |`,
    '',
    '### Slow readers',
    '',
    `A board of ${f1(s.boardBytes / MiB)} MiB (75 actors with 20,000 characters of notes); 4 raw connections pause reading their socket and each send 80 sync step 1 messages with an empty state vector (asking for the whole board). RSS peak is the highest of samples every 100 ms until the last was dropped and 2 s after.`,
    '',
    '| dropped | after | connections left | unread bytes peak (all peers) | server RSS before | peak | after | added |',
    '|---|---|---|---|---|---|---|---|',
    `| ${s.dropped} of 4 | ${f1(s.droppedAfter)} s | ${s.connectionsLeft} (the writer) | ${f1(s.bufferedPeak / MiB)} MiB | ${f1(s.rssBefore)} MiB | ${f1(s.rssPeak)} MiB | ${f1(s.rssAfter)} MiB | ${f1(s.rssPeak - s.rssBefore)} MiB |`,
    '<!-- soak:end -->',
  ];
  const text = lines.join('\n');
  console.log(`\n${text}`);
  const file = path.join(ROOT, 'RELIABILITY.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Reliability\n';
  const marked = /<!-- soak:start -->[\s\S]*?<!-- soak:end -->/;
  const next = marked.test(previous) ? previous.replace(marked, text) : `${previous.trimEnd()}\n\n${text}\n`;
  fs.writeFileSync(file, next);
  console.log('\nWritten to RELIABILITY.md');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
