/**
 * `npm run bench`: runs every benchmark against Veldwerk and the reference server in
 * the same run, and writes the figures to BENCHMARKS.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { burstKill, coldLoad } from './durability.ts';
import { referenceServer, veldwerkServer, type BenchServer } from './servers.ts';
import { serverLoadSection } from './serverLoad.ts';
import { throughput } from './throughput.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

async function withServer<T>(make: () => BenchServer, fn: (s: BenchServer) => Promise<T>): Promise<T> {
  const s = make();
  try {
    return await fn(s);
  } finally {
    await s.kill('SIGKILL').catch(() => undefined);
    s.cleanup();
  }
}

async function main(): Promise<void> {
  const makers = [veldwerkServer, referenceServer];
  const lines: string[] = [];
  const log = (s = '') => {
    lines.push(s);
    console.log(s);
  };
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  log('# Benchmarks');
  log();
  log(
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench\` on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}.`,
  );
  log('Each server runs as its own child process on loopback with a fresh data folder; the clients are the unmodified');
  log('`y-websocket` provider in the benchmark process. The reference is `@y/websocket-server` 0.1.1 with its LevelDB');
  log(
    'persistence (`YPERSISTENCE`). A shared, noisy machine: compare the two rows of one run, not runs of different days.',
  );
  log();

  log(`## Durability: SIGKILL right after a burst of 500 updates (${RUNS} runs each)`);
  log();
  log('A writer sends 500 updates (one `push` each); as soon as a second client has received all of them the server');
  log(
    'gets SIGKILL. After a restart on the same data, a new client counts, at its first `sync` event, how many of the',
  );
  log('updates the second client had seen are there.');
  log();
  log('| server | seen by the other client | present after restart | lost |');
  log('|---|---|---|---|');
  for (const make of makers) {
    const results: Awaited<ReturnType<typeof burstKill>>[] = [];
    for (let i = 0; i < RUNS; i++) results.push(await withServer(make, (s) => burstKill(s)));
    const sum = (k: 'seenByWatcher' | 'presentAfterRestart' | 'lostOfSeen') => results.reduce((a, r) => a + r[k], 0);
    log(
      `| ${make().name} | ${sum('seenByWatcher')} | ${sum('presentAfterRestart')} | ${sum('lostOfSeen')} (runs: ${results.map((r) => r.lostOfSeen).join(', ')}) |`,
    );
  }
  log();

  log(`## Cold load: is the doc complete at the first sync? (${RUNS} runs each)`);
  log();
  log('A doc of 5,000 notes (50 updates of 100), the server stopped (SIGTERM after 1.5 s) and started again; a new');
  log('client connects and counts the notes at its first `sync` event, and the time from connecting to that event.');
  log();
  log('| server | notes at first sync (each run) | time to first sync, median |');
  log('|---|---|---|');
  for (const make of makers) {
    const results: Awaited<ReturnType<typeof coldLoad>>[] = [];
    for (let i = 0; i < RUNS; i++) results.push(await withServer(make, (s) => coldLoad(s)));
    const ms = results.map((r) => r.ms).sort((a, b) => a - b);
    log(
      `| ${make().name} | ${results.map((r) => r.atFirstSync).join(', ')} of 5000 | ${f1(ms[Math.floor(ms.length / 2)]!)} ms |`,
    );
  }
  log();

  log('## Latency and throughput in one busy room');
  log();
  log('20 writers each set one key every 5 ms, 100 times (2,000 updates); a watcher records the delay from send to');
  log('receipt. Veldwerk stores every update in SQLite before it broadcasts it; the reference broadcasts first and');
  log('writes LevelDB afterwards. Server memory (RSS) read at the end.');
  log();
  log('| server | delivered | p50 | p95 | p99 | max | updates/s | server RSS |');
  log('|---|---|---|---|---|---|---|---|');
  for (const make of makers) {
    const r = await withServer(make, (s) => throughput(s));
    log(
      `| ${make().name} | ${r.delivered}/${r.updates} | ${f1(r.p50)} ms | ${f1(r.p95)} ms | ${f1(r.p99)} ms | ${f1(r.max)} ms | ${f1(r.updatesPerSecond)} | ${f1(r.rssMb)} MB |`,
    );
  }
  log();
  // Keep the sections other benches own (between their markers), e.g. `npm run bench:canvas`.
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const kept = (previous.match(/<!-- bench:[a-z-]+:start -->[\s\S]*?<!-- bench:[a-z-]+:end -->/g) ?? []).filter(
    (section) => !section.startsWith('<!-- bench:server:start'),
  );
  // Fan-out, connect storm, idle RSS and 2,000 clients against both references and the relay (issue 14).
  const serverLoad = await serverLoadSection();
  console.log(serverLoad);
  fs.writeFileSync(file, [lines.join('\n'), ...kept, serverLoad].join('\n') + '\n');
  console.log('\nWritten to BENCHMARKS.md');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
