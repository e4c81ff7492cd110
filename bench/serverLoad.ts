/**
 * Server load against the references (issue 14), in one sitting: fan-out (10 boards × 20
 * clients and 1 × 200, one mover per board at 10 Hz), the connect storm (100 clients join a
 * 5,000-item board, loaded and cold), idle RSS, and 2,000 clients on one Veldwerk
 * (100 boards × 20). Veldwerk (the build), `@y/websocket-server` 0.1.1 + LevelDB, Hocuspocus +
 * SQLite and a bare ws relay (the floor). `BENCH_BEFORE_ROOT=<folder with another build>` adds
 * that build as a column. Writes its section of BENCHMARKS.md (between its markers) and prints it.
 *
 * `npm run bench:server` runs this alone; `npm run bench` runs it after the other sections.
 * BENCH_SECONDS (default 20) sets the moving window; BENCH_SKIP=fanout10,fanout1,fanout10own,fanout1own,storm,rss,big
 * leaves parts out (`BENCH_SKIP=storm,rss,big`: the fan-out only; `fanout10own` and `fanout1own` are the
 * fan-out with clients that send only their own presence); BENCH_TARGETS=veldwerk,hocus runs only those
 * columns (relay, yws, hocus, before, veldwerk); the 2,000-client run (`big`, bench/bigRun.ts) runs on relay,
 * before and veldwerk, BENCH_RUNS (default 1) rounds alternating between them
 * (`BENCH_SKIP=fanout10,fanout1,storm,rss BENCH_TARGETS=before,veldwerk BENCH_RUNS=3`: before/after pairs).
 * The storm runs BENCH_STORM_RUNS times of each kind (default 3; the median is shown), its clients in
 * BENCH_STORM_PROCESSES client processes (default one per core; see bench/storm.ts).
 * With BENCH_NO_WRITE=1 BENCHMARKS.md is left as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigRuns, bigSection } from './bigRun.ts';
import { fanout, type FanoutResult } from './fanout.ts';
import { medianRun, seedStormBoard, storm, STORM_PROCESSES, type StormResult } from './storm.ts';
import { hocuspocusTarget, relayTarget, veldwerkTarget, yWebsocketTarget, type Target } from './targets.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const BEFORE = process.env.BENCH_BEFORE_ROOT;
const PROFILED = (process.env.BENCH_SERVER_NODE_ARGS ?? '').includes('--cpu-prof');
/** Rounds of the 2,000-client run, alternating between its targets. */
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
/** Storms of each kind (loaded, cold) per target; the median run is shown. */
const STORM_RUNS = Number(process.env.BENCH_STORM_RUNS ?? 3);
type StormRun = ReturnType<typeof medianRun>;
const ONLY = new Set((process.env.BENCH_TARGETS ?? '').split(',').filter(Boolean));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CORES = os.cpus().length;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const la = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

interface Column {
  key: 'relay' | 'yws' | 'hocus' | 'before' | 'veldwerk';
  title: string;
  make(): Target;
}

const ALL_COLUMNS: Column[] = [
  { key: 'relay', title: 'relay (floor)', make: relayTarget },
  { key: 'yws', title: 'y-websocket-server', make: yWebsocketTarget },
  { key: 'hocus', title: 'Hocuspocus', make: hocuspocusTarget },
  ...(BEFORE
    ? [{ key: 'before' as const, title: 'Veldwerk before', make: () => veldwerkTarget(BEFORE, 'Veldwerk before') }]
    : []),
  { key: 'veldwerk', title: 'Veldwerk', make: () => veldwerkTarget() },
];
/** The targets of the 2,000-client run: those with light watchers (bench/bigRun.ts). */
const BIG_KEYS = new Set<Column['key']>(['relay', 'before', 'veldwerk']);
const COLUMNS = ALL_COLUMNS.filter((c) => !ONLY.size || ONLY.has(c.key));

async function withTarget<T>(col: Column, fn: (t: Target) => Promise<T>): Promise<T | null> {
  const t = col.make();
  try {
    await t.start();
    return await fn(t);
  } catch (err) {
    console.error(`${col.title}: ${String(err)}`);
    return null;
  } finally {
    // A profiled server (BENCH_SERVER_NODE_ARGS=--cpu-prof) writes its profile only when it exits itself.
    await t.stop(PROFILED ? 'SIGTERM' : 'SIGKILL').catch(() => undefined);
    t.cleanup();
  }
}

type Row<T> = Partial<Record<Column['key'], T | null>>;

/** `ownPresenceOnly`: every target's clients send only their own presence (bench/targets.ts ClientOptions). */
async function fanoutRow(boards: number, perBoard: number, ownPresenceOnly = false): Promise<Row<FanoutResult>> {
  const row: Row<FanoutResult> = {};
  const o = { boards, perBoard, hz: 10, seconds: SECONDS, ownPresenceOnly };
  for (const col of COLUMNS) {
    row[col.key] = await withTarget(col, (t) => fanout(t, o));
    const variant = ownPresenceOnly ? ' own presence' : '';
    console.error(`fan-out ${boards}×${perBoard}${variant} ${col.title}: ${JSON.stringify(row[col.key])}`);
  }
  return row;
}

async function stormRow(): Promise<{ loaded: Row<StormRun>; cold: Row<StormRun> }> {
  const loaded: Row<StormRun> = {};
  const cold: Row<StormRun> = {};
  for (const col of COLUMNS) {
    if (col.key === 'relay') continue;
    await withTarget(col, async (t) => {
      const board = await seedStormBoard(t);
      const loadedRuns: StormResult[] = [];
      for (let i = 0; i < STORM_RUNS; i++) loadedRuns.push(await storm(t, board.room, 100));
      board.release();
      await sleep(500);
      const coldRuns: StormResult[] = [];
      const restart = async () => {
        await t.stop('SIGTERM');
        await t.start();
      };
      for (let i = 0; i < STORM_RUNS; i++) coldRuns.push(await storm(t, board.room, 100, restart));
      loaded[col.key] = medianRun(loadedRuns);
      cold[col.key] = medianRun(coldRuns);
      console.error(`storm ${col.title}: ${JSON.stringify([loadedRuns, coldRuns])}`);
    });
  }
  return { loaded, cold };
}

async function idleRss(): Promise<Row<number>> {
  const row: Row<number> = {};
  for (const col of COLUMNS) {
    row[col.key] = await withTarget(col, async (t) => {
      await sleep(3000);
      return t.rssMb();
    });
  }
  return row;
}

/** The better (lower) of the two references. */
/**
 * The clients decode in parallel only as far as the cores go: the last ones cannot sync before
 * the storm's CPU, server and clients together, has been spent over the machine's cores.
 */
function stormFloor(r: StormResult): number {
  return (r.serverCpuSeconds + r.clientCpuSeconds) / CORES;
}

function better<T>(row: Row<T>, value: (r: T) => number): number {
  const refs = [row.yws, row.hocus].filter((r): r is T => r != null).map(value);
  return refs.length ? Math.min(...refs) : NaN;
}

function cells<T>(row: Row<T>, show: (r: T) => string): string {
  return COLUMNS.map((c) => (row[c.key] == null ? '–' : show(row[c.key]!))).join(' | ');
}

export async function serverLoadSection(): Promise<string> {
  const lines: string[] = [];
  const log = (s = '') => lines.push(s);
  const started = new Date();
  const loadAtStart = la();
  const f10: Row<FanoutResult> = SKIP.has('fanout10') ? {} : await fanoutRow(10, 20);
  const f1x: Row<FanoutResult> = SKIP.has('fanout1') ? {} : await fanoutRow(1, 200);
  const f10own: Row<FanoutResult> = SKIP.has('fanout10own') ? {} : await fanoutRow(10, 20, true);
  const f1own: Row<FanoutResult> = SKIP.has('fanout1own') ? {} : await fanoutRow(1, 200, true);
  const st = SKIP.has('storm') ? null : await stormRow();
  const rss: Row<number> = SKIP.has('rss') ? {} : await idleRss();
  const big = SKIP.has('big')
    ? []
    : await bigRuns(
        COLUMNS.filter((c) => BIG_KEYS.has(c.key)),
        RUNS,
        SECONDS,
        (key, fn) =>
          withTarget(
            COLUMNS.find((c) => c.key === key)!,
            fn,
          ),
      );
  const ended = new Date();

  const stamp = (d: Date) => d.toISOString().slice(11, 16);
  // The 1-minute load at the start and the end against the cores: more runnable processes than cores is busy.
  const machineWas = () =>
    Math.max(Number(loadAtStart.split(' / ')[0]), os.loadavg()[0]!) > CORES
      ? 'a busy machine (other work ran beside the benchmark)'
      : 'a quiet machine (nothing else ran beside the benchmark)';
  log('<!-- bench:server:start -->');
  log('## Server load against the references (issue 14)');
  log();
  log(
    `Measured ${started.toISOString().slice(0, 10)} ${stamp(started)}–${stamp(ended)} UTC with \`npm run bench:server\` on ${CORES} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}; load average (1 / 5 / 15 min) ${loadAtStart} at the start, ${la()} at the end: ${machineWas()}. Server CPU is user + system time from \`/proc/<pid>/stat\` over the moving window; wall-clock figures (latency, storm) suffer most from the load.`,
  );
  log();
  log(
    'Each server is a child process on loopback with a fresh data folder: the relay is a bare `ws` server that forwards every update and presence frame to the other clients of its path and does no Yjs work (it drops sync messages and presence frames equal to one it forwarded lately: the echoes y-websocket clients send) (`bench/refs/relay.mjs`); `@y/websocket-server` 0.1.1 with LevelDB (`YPERSISTENCE`); `@hocuspocus/server` 4.7.0 with `@hocuspocus/extension-sqlite` 4.7.0 on a file, default configuration (`bench/refs/hocuspocus.mjs`), its clients `@hocuspocus/provider`; Veldwerk is the build (`node dist/server/main.js`, SQLite), its clients `y-websocket` with tokens of a session per board (the plenary board). All clients live in the benchmark process.',
  );
  log();
  log(
    `Fan-out: in each board one client moves a note through the board model 10 times a second for ${SECONDS} s and moves its cursor in its presence each time; the others watch. Their providers as they come (y-websocket's sends every presence change it hears back to the server, n × n frames per change; Hocuspocus 4.7's does not), and in the rows "own presence only" with every target's clients sending only their own presence changes, as Veldwerk's pages do (the provider's awareness handler skips the states it received from the server; bench/targets.ts \`ClientOptions\`). Delivered: moves seen by watchers (a watcher that gets two moves in one update counts both) of moves × watchers. Latency: from the move to its arrival at a watcher. Storm: 100 clients connect at once to a board of 5,000 items (3,750 notes, 1,250 arrows), time from connecting to the first \`sync\`, "complete" when all 5,000 items were there at that event; loaded (a client keeps the room open) and cold (the server stopped with SIGTERM and started again first), ${STORM_RUNS} times each. The storm's clients live in ${STORM_PROCESSES} client processes of their own (\`bench/stormClients.ts\`, one per core, ${STORM_PROCESSES === 1 ? 'all 100 in one' : `${Math.ceil(100 / STORM_PROCESSES)} in each`}; \`BENCH_STORM_PROCESSES\` sets it), which load first and connect on one signal. Each client decodes the board of about 1 MB, as a participant's own device would; here a process decodes its ${Math.ceil(100 / STORM_PROCESSES)} one after another, which is most of what the times measure. The clients' CPU is their processes' user + system time from the signal to their last sync; the storm's CPU, the server's and the clients' together, spread over the cores is about the lowest p99 the machine allows. Idle RSS: 3 s after the start, nothing connected.`,
  );
  log();
  log(`| | ${COLUMNS.map((c) => c.title).join(' | ')} | Veldwerk ÷ better reference |`);
  log(`|---|${COLUMNS.map(() => '---|').join('')}---|`);
  for (const [label, row] of [
    ['fan-out 10 × 20', f10],
    ['fan-out 1 × 200', f1x],
    ['fan-out 10 × 20, own presence only', f10own],
    ['fan-out 1 × 200, own presence only', f1own],
  ] as const) {
    if (!Object.keys(row).length) continue;
    const ref = better(row, (r) => r.cpuMsPerDelivered);
    const v = row.veldwerk;
    log(
      `| ${label}: server CPU s | ${cells(row, (r) => f2(r.cpuSeconds))} | ${v ? f2(v.cpuMsPerDelivered / ref) : '–'} (per delivered update) |`,
    );
    log(`| ${label}: CPU µs per delivered update | ${cells(row, (r) => (r.cpuMsPerDelivered * 1000).toFixed(1))} | |`);
    log(`| ${label}: delivered | ${cells(row, (r) => `${r.delivered}/${r.expected}`)} | |`);
    log(`| ${label}: server write calls per delivered update | ${cells(row, (r) => f2(r.writesPerDelivered))} | |`);
    const relay = row.relay;
    log(
      `| ${label}: latency p50 / p99 ms | ${cells(row, (r) => `${f1(r.p50)} / ${f1(r.p99)}`)} | ${v && relay ? `÷ relay: ${f2(v.p50 / relay.p50)} / ${f2(v.p99 / relay.p99)}` : ''} |`,
    );
    log(`| ${label}: load average at the start | ${cells(row, (r) => f1(r.loadAverage[0]!))} | |`);
  }
  if (st) {
    for (const [label, row] of [
      ['storm, loaded', st.loaded],
      ['storm, cold', st.cold],
    ] as const) {
      const ref = better(row, (r) => (r.complete === r.clients ? r.p99 : Infinity));
      const v = row.veldwerk;
      log(
        `| ${label}: p50 / p99 s, median of ${STORM_RUNS} (complete at first sync) | ${cells(row, (r) => `${f2(r.p50 / 1000)} / ${f2(r.p99 / 1000)} (${r.complete}/${r.clients})`)} | ${v && Number.isFinite(ref) ? `${f2(v.p99 / ref)} (p99, of references complete)` : ''} |`,
      );
      log(`| ${label}: p99 of each run s | ${cells(row, (r) => r.p99s.map((p) => f2(p / 1000)).join(', '))} | |`);
      log(
        `| ${label}: server / clients' CPU s (mean of the runs) | ${cells(row, (r) => `${f2(r.serverCpuSeconds)} / ${f1(r.clientCpuSeconds)}`)} | |`,
      );
      const refFloor = better(row, (r) => (r.complete === r.clients ? stormFloor(r) : Infinity));
      log(
        `| ${label}: (server + clients' CPU) ÷ ${CORES} cores s, about the lowest p99 the machine allows | ${cells(row, (r) => f2(stormFloor(r)))} | ${v && Number.isFinite(refFloor) ? `${f2(stormFloor(v) / refFloor)} (of references complete)` : ''} |`,
      );
    }
  }
  const yws = rss.yws;
  log(
    `| idle RSS MB | ${cells(rss, (r) => f1(r))} | ${rss.veldwerk && yws ? `${f2(rss.veldwerk / yws)} × y-websocket-server's` : ''} |`,
  );
  log();
  if (big.length) for (const line of bigSection(big, SECONDS)) log(line);
  log('<!-- bench:server:end -->');
  return lines.join('\n');
}

/** Puts `section` in BENCHMARKS.md in place of the previous one (or at the end). */
export function writeSection(section: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const re = /<!-- bench:server:start -->[\s\S]*?<!-- bench:server:end -->/;
  fs.writeFileSync(file, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  serverLoadSection().then(
    (section) => {
      console.log(section);
      if (!process.env.BENCH_NO_WRITE) writeSection(section);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
