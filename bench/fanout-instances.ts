/**
 * Fan-out over several instances (issue 13): `npm run bench:scale`.
 *
 * The built server (`node dist/server/main.js`) on one PostgreSQL and one Redis of its
 * own (the test helpers start them in temp folders). One board, one writer and
 * BENCH_RECEIVERS receivers (unmodified y-websocket clients in this process):
 *
 * - "1 instance": writer and every receiver on instance A.
 * - "2 instances": the writer on A, the receivers alternately on A and B. A receiver on B
 *   gets each update after A stored it in PostgreSQL and published it through Redis:
 *   the difference between B's and A's receivers in the same run is the Redis hop.
 *
 * Paced: BENCH_UPDATES updates at BENCH_RATE a second, latency from the writer's send to
 * each receiver's doc (one clock, this process). Burst: as many updates at once, time
 * until every receiver has all. Delivered: updates that reached every receiver.
 * Writes its section of BENCHMARKS.md. `BENCH_SERVER_ROOT=<checkout>` runs another build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CreateSessionResponse, JoinResponse } from '../shared/api.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../shared/protocol.ts';
import { mark } from '../test/helpers/marks.ts';
import { startPostgres } from '../test/helpers/postgres.ts';
import { startRedis } from '../test/helpers/redis.ts';
import { benchClient, percentile, until, type BenchClient } from './client.ts';

const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = process.env.BENCH_SERVER_ROOT ?? HERE;
const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 20);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 300);
const RATE = Number(process.env.BENCH_RATE ?? 50);
/** Rounds of the three setups, interleaved (a shared machine's load moves). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Fresh clients joining the loaded board, one after another. */
const JOINS = 20;
const START = '<!-- bench:scale:start -->';
const END = '<!-- bench:scale:end -->';

interface Instance {
  url: string;
  proc: ChildProcess;
}

async function startInstance(env: Record<string, string>, dataDir: string): Promise<Instance> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+).*veldwerk listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', () => reject(new Error(`server exited: ${out}`)));
  });
  proc.stdout!.resume();
  return { url: `http://127.0.0.1:${port}`, proc };
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Figures {
  delivered: number;
  expected: number;
  /** Paced latency per receiver group (ms), sorted. */
  latencyA: number[];
  latencyB: number[];
  /** ms from the first update of the burst until every receiver had all. */
  burstMs: number;
}

/**
 * ms from connecting to the first sync of JOINS fresh clients, one after another, on
 * `target` while a client on `holder` keeps the board loaded (the board of the runs).
 */
async function timeJoins(target: Instance, meeting: Meeting, holder: Instance): Promise<number[]> {
  const endpointOn = (inst: Instance, token: string) => ({
    serverUrl: `${inst.url.replace('http', 'ws')}/sync`,
    room: meeting.room,
    params: { token },
  });
  const keeper = benchClient(endpointOn(holder, meeting.writerToken));
  const keeperOnTarget = benchClient(endpointOn(target, meeting.receiverTokens[1]!));
  await Promise.all([keeper.synced, keeperOnTarget.synced]);
  const times: number[] = [];
  for (let i = 0; i < JOINS; i++) {
    const started = performance.now();
    const c = benchClient(endpointOn(target, meeting.receiverTokens[0]!));
    await c.synced;
    times.push(performance.now() - started);
    c.destroy();
  }
  keeper.destroy();
  keeperOnTarget.destroy();
  return times.sort((x, y) => x - y);
}

/** A board and its people for one setup, used by each of its runs (joins are limited per address). */
interface Meeting {
  room: string;
  writerToken: string;
  receiverTokens: string[];
}

async function prepareMeeting(server: Instance, label: string): Promise<Meeting> {
  const session = await post<CreateSessionResponse>(`${server.url}/api/sessions`, { title: `Bench ${label}` });
  const join = async (name: string) =>
    (await post<JoinResponse>(`${server.url}/api/join`, { joinCode: session.joinCode, name })).token;
  const writerToken = await join('Schrijver');
  const receiverTokens: string[] = [];
  for (let i = 0; i < RECEIVERS; i++) receiverTokens.push(await join(`Lezer ${i + 1}`));
  return { room: boardRoomName(session.sessionId, PLENARY_BOARD_ID), writerToken, receiverTokens };
}

async function runScenario(instances: Instance[], meeting: Meeting, run: number): Promise<Figures> {
  const a = instances[0]!;
  const { room, writerToken } = meeting;
  const endpointOn = (inst: Instance, token: string) => ({
    serverUrl: `${inst.url.replace('http', 'ws')}/sync`,
    room,
    params: { token },
  });
  const writer = benchClient(endpointOn(a, writerToken));
  const receivers: { client: BenchClient; onB: boolean; arrivals: Map<string, number> }[] = [];
  for (let i = 0; i < RECEIVERS; i++) {
    const inst = instances[i % instances.length]!;
    const client = benchClient(endpointOn(inst, meeting.receiverTokens[i]!));
    const arrivals = new Map<string, number>();
    // The keys that changed, not a read of the whole board per update (the bench's own cost stays small).
    client.doc.getMap('actors').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) if (!arrivals.has(key)) arrivals.set(key, now);
    });
    receivers.push({ client, onB: inst !== a, arrivals });
  }
  await Promise.all([writer.synced, ...receivers.map((r) => r.client.synced)]);

  // Paced: one update every 1000/RATE ms.
  const sentAt = new Map<string, number>();
  for (let i = 0; i < UPDATES; i++) {
    const key = `p${run}-${i}`;
    sentAt.set(key, performance.now());
    mark(writer.doc, key, i);
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  const pacedKeys = [...sentAt.keys()];
  await until(() => receivers.every((r) => pacedKeys.every((k) => r.arrivals.has(k))), 60_000);
  const latencyA: number[] = [];
  const latencyB: number[] = [];
  let delivered = 0;
  for (const [key, sent] of sentAt) {
    let everywhere = true;
    for (const r of receivers) {
      const at = r.arrivals.get(key);
      if (at === undefined) everywhere = false;
      else (r.onB ? latencyB : latencyA).push(at - sent);
    }
    if (everywhere) delivered++;
  }

  // Burst: UPDATES more at once.
  const burstStart = performance.now();
  const burstKeys = Array.from({ length: UPDATES }, (_, i) => `q${run}-${i}`);
  for (const [i, key] of burstKeys.entries()) mark(writer.doc, key, i);
  await until(() => receivers.every((r) => burstKeys.every((k) => r.arrivals.has(k))), 120_000);
  const burstMs = performance.now() - burstStart;

  writer.destroy();
  for (const r of receivers) r.client.destroy();
  return {
    delivered,
    expected: UPDATES,
    latencyA: latencyA.sort((x, y) => x - y),
    latencyB: latencyB.sort((x, y) => x - y),
    burstMs,
  };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const pcts = (xs: number[]) => `${f1(percentile(xs, 50))} / ${f1(percentile(xs, 95))} / ${f1(percentile(xs, 99))}`;

async function main(): Promise<void> {
  const loadBefore = os.loadavg()[0]!;
  const started = new Date();
  const [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
  const secret = crypto.randomBytes(32).toString('hex');
  const dir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
    fs.writeFileSync(path.join(d, 'secret.key'), secret);
    return d;
  };
  const labels = ['1 instance, no Redis', '1 instance, with Redis', '2 instances'] as const;
  const runs = new Map<string, Figures[]>(labels.map((l) => [l, []]));
  const joins = new Map<string, number[]>();
  const instances: Instance[] = [];
  try {
    // One instance on PostgreSQL without Redis: the single-process path, for comparison.
    const solo = await startInstance({ DATABASE_URL: await pg.createDatabase() }, dir());
    const env = { DATABASE_URL: await pg.createDatabase(), REDIS_URL: redis.url };
    const a = await startInstance(env, dir());
    const b = await startInstance(env, dir());
    instances.push(solo, a, b);
    const setups: Record<(typeof labels)[number], Instance[]> = {
      '1 instance, no Redis': [solo],
      '1 instance, with Redis': [a],
      '2 instances': [a, b],
    };
    const meetings = new Map<string, Meeting>();
    for (const label of labels) meetings.set(label, await prepareMeeting(setups[label][0]!, label));
    for (let round = 0; round < RUNS; round++) {
      for (const label of labels) runs.get(label)!.push(await runScenario(setups[label], meetings.get(label)!, round));
    }
    // A client joining a board that is loaded and busy with others: with Redis the room
    // first reads the board from the store (what another instance's clients saw is in it).
    for (const label of labels) {
      const last = setups[label].at(-1)!;
      joins.set(label, await timeJoins(last, meetings.get(label)!, setups[label][0]!));
    }
  } finally {
    for (const inst of instances) if (inst.proc.exitCode === null) inst.proc.kill('SIGKILL');
    await Promise.all([pg.stop(), redis.stop()]);
  }

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const lines = [
    START,
    '## Fan-out over several instances (issue 13)',
    '',
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:scale\` on ${os.availableParallelism()} cores (${cpu}), Node ${process.version}, load average ${loadBefore.toFixed(1)} at the start and ${os.loadavg()[0]!.toFixed(1)} at the end (a shared machine). The built server as its own processes on loopback, on one PostgreSQL (fsync off, a test cluster) and one Redis, both local. One board, one writer on instance A and ${RECEIVERS} receivers (unmodified y-websocket clients in the bench process, one clock); with 2 instances the receivers alternate between A and B. ${RUNS} runs of each setup, interleaved. Paced: ${UPDATES} updates at ${RATE}/s, latency from the writer's change to each receiver's doc (p50 / p95 / p99). Burst: ${UPDATES} updates at once, until every receiver had all.`,
    '',
    '| setup | delivered to every receiver | latency on A, ms | latency on B, ms | burst to all |',
    '|---|---|---|---|---|',
    ...labels.map((label) => {
      const rs = runs.get(label)!;
      const pooled = (pick: (r: Figures) => number[]) => rs.flatMap(pick).sort((x, y) => x - y);
      const [onA, onB] = [pooled((r) => r.latencyA), pooled((r) => r.latencyB)];
      const delivered = rs.reduce((n, r) => n + r.delivered, 0);
      const expected = rs.reduce((n, r) => n + r.expected, 0);
      const bursts = rs.map((r) => r.burstMs).sort((x, y) => x - y);
      return `| ${label} | ${delivered}/${expected} | ${pcts(onA)} | ${onB.length ? pcts(onB) : '–'} | ${f1(percentile(bursts, 50))} ms (${bursts.map((x) => x.toFixed(0)).join(', ')}) |`;
    }),
    '',
  ];
  lines.push(
    `A client joining the loaded board (${2 * RUNS * UPDATES} updates in it), connect to first sync, median (p90) of ${JOINS} joins one after another: ${labels
      .map((label) => {
        const t = joins.get(label) ?? [];
        return `${label}: ${f1(percentile(t, 50))} ms (${f1(percentile(t, 90))})`;
      })
      .join(
        '; ',
      )} (with 2 instances the joins go to B). With Redis a join reads the board from the store before its first sync, so it has what another instance's clients saw even if that instance died before its message went out.`,
    '',
  );
  const hops = runs.get('2 instances')!.map((r) => percentile(r.latencyB, 50) - percentile(r.latencyA, 50));
  lines.push(
    `The Redis hop, per run of 2 instances (median latency on B minus median on A, same run): ${hops.map(f1).join(', ')} ms. A receiver on B gets an update after A stored it in PostgreSQL, published it and B applied it; one on A right after A stored it. Latencies pooled over ${RUNS} interleaved runs per setup; the burst is the median run (each run in brackets).`,
    '',
    END,
  );
  const out = lines.join('\n');
  console.log(out);
  const file = path.join(HERE, 'BENCHMARKS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const next = current.includes(START)
    ? current.slice(0, current.indexOf(START)) + out + current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n${out}\n`;
  fs.writeFileSync(file, next);
  console.log('\nWritten to BENCHMARKS.md');
}

await main();
