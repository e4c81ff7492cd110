/**
 * 2,000 clients on one instance (issue 14): 100 boards × 20 clients, one mover per board at
 * 10 Hz, the 1,900 watchers raw websocket readers (bench/rawWatcher.ts). Run on every target
 * that has light watchers (the relay as the floor, Veldwerk before, Veldwerk), `BENCH_RUNS`
 * rounds alternating between them. Besides the fan-out's figures, over the moving window:
 * the event-loop delay of the benchmark process itself (its clocks read the arrivals, so a
 * late loop here is latency that is not the server's) and of the server (Veldwerk's
 * `veldwerk_event_loop_delay_seconds` from /metrics; a build without it shows "–").
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fanout, type FanoutResult } from './fanout.ts';
import { countAtMost } from '../server/eventLoopDelay.ts';
import type { Target } from './targets.ts';

const BOARDS = 100;
const PER_BOARD = 20;

export interface LoopDelay {
  /** Samples of a 10 ms timer (the time between its ticks). */
  samples: number;
  /** Samples over 50 ms. */
  over50: number;
  p99Ms: number;
  /** The highest sample (the server's: the upper bound of its bucket). */
  maxMs: number;
}

export interface BigRun {
  title: string;
  result: FanoutResult | null;
  bench: LoopDelay | null;
  server: LoopDelay | null;
  /** The server's appends over the window: how many, over 25 ms, and their total seconds. */
  writes: { count: number; over25: number; seconds: number } | null;
  /** Load average (1 min) at the start and at the end of the window. */
  load: [number, number];
}

type Histogram = Map<number, number>; // upper bound (s) → cumulative count
/** The server's histograms the run reads: event-loop delay and the store's appends. */
type ServerHistograms = { loop: Histogram; writes: Histogram; writeSum: number };

async function serverHistograms(target: Target): Promise<ServerHistograms | null> {
  const port = (target as Target & { port?: () => number }).port?.();
  if (!port) return null;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (!res.ok) return null;
    const text = await res.text();
    const read = (name: string): Histogram => {
      const h: Histogram = new Map();
      const re = new RegExp(`^${name}_bucket\\{le="([^"]+)"\\} (\\d+)$`, 'gm');
      for (const m of text.matchAll(re)) h.set(m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2]));
      return h;
    };
    const writeSum = Number(/^veldwerk_store_write_seconds_sum (\S+)$/m.exec(text)?.[1] ?? NaN);
    return { loop: read('veldwerk_event_loop_delay_seconds'), writes: read('veldwerk_store_write_seconds'), writeSum };
  } catch {
    return null;
  }
}

/** The window's part of the server's cumulative histogram. */
function windowOf(before: Histogram, after: Histogram): LoopDelay {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((le) => (after.get(le) ?? 0) - (before.get(le) ?? 0));
  const samples = counts[counts.length - 1] ?? 0;
  const at = (le: number) => counts[bounds.indexOf(le)] ?? 0;
  const quantile = (q: number) => bounds[counts.findIndex((c) => c >= q * samples)] ?? NaN;
  const top = counts.findIndex((c) => c === samples);
  return {
    samples,
    over50: samples - at(0.05),
    p99Ms: quantile(0.99) * 1000,
    maxMs: (bounds[top] ?? NaN) * 1000,
  };
}

export async function bigRuns(
  columns: readonly { key: string; title: string }[],
  runs: number,
  seconds: number,
  withTarget: <T>(key: string, fn: (t: Target) => Promise<T>) => Promise<T | null>,
): Promise<BigRun[]> {
  const out: BigRun[] = [];
  for (let run = 0; run < runs; run++) {
    for (const col of columns) {
      let bench: LoopDelay | null = null;
      let server: LoopDelay | null = null;
      let writes: BigRun['writes'] = null;
      const load: [number, number] = [NaN, NaN];
      const result = await withTarget(col.key, async (t) => {
        const loop = monitorEventLoopDelay({ resolution: 10 });
        let serverBefore: ServerHistograms | null = null;
        return fanout(t, {
          boards: BOARDS,
          perBoard: PER_BOARD,
          hz: 10,
          seconds,
          connectBatch: 100,
          light: true,
          onWindow: async (edge) => {
            if (edge === 'start') {
              serverBefore = await serverHistograms(t);
              load[0] = os.loadavg()[0]!;
              loop.enable();
              return;
            }
            loop.disable();
            load[1] = os.loadavg()[0]!;
            const serverAfter = await serverHistograms(t);
            if (serverBefore && serverAfter) {
              const b: ServerHistograms = serverBefore;
              if (serverAfter.loop.size) server = windowOf(b.loop, serverAfter.loop);
              const w = windowOf(b.writes, serverAfter.writes);
              const within25 = (serverAfter.writes.get(0.025) ?? 0) - (b.writes.get(0.025) ?? 0);
              writes = { count: w.samples, over25: w.samples - within25, seconds: serverAfter.writeSum - b.writeSum };
            }
            bench = {
              samples: loop.count,
              over50: loop.count - countAtMost(loop, 50e6, loop.count),
              p99Ms: loop.percentile(99) / 1e6,
              maxMs: loop.max / 1e6,
            };
          },
        });
      });
      out.push({ title: col.title, result, bench, server, writes, load });
      console.error(`2,000 clients ${col.title}: ${JSON.stringify(out[out.length - 1])}`);
    }
  }
  return out;
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
/** A bucket's upper bound; past the last one, "over" the last (2.5 s). */
const bound = (ms: number) => (ms === Infinity ? '> 2500' : `≤ ${f1(ms)}`);

/** The section's lines (markdown). */
export function bigSection(runs: readonly BigRun[], seconds: number): string[] {
  const conns = BOARDS * (PER_BOARD - 1);
  const lines = [
    '### 2,000 clients on one instance',
    '',
    `${BOARDS} boards × ${PER_BOARD} clients (a session per board), one mover per board at 10 Hz for ${seconds} s (the fan-out above), on every target with light watchers, in alternating rounds. The ${BOARDS} movers are y-websocket clients with a doc; the ${conns} watchers read the websocket frames themselves (\`bench/rawWatcher.ts\`: a TCP socket, no ws client, no doc; the arrival time is taken once per socket read, before the frames are parsed) and count the update frames; all live in the benchmark process, whose own CPU over the window is given. Event-loop delay: the time between the ticks of a 10 ms timer over the window (\`perf_hooks.monitorEventLoopDelay\`), p99 / max and the samples over 50 ms; the server's from its \`veldwerk_event_loop_delay_seconds\` histogram (bucket bounds; "–": a build without it), the benchmark's own (its loop reads the arrivals: its delay is latency that is not the server's). Appends: the server's time storing updates over the window (\`veldwerk_store_write_seconds\`, on the event loop) and how many of them took over 25 ms. Memory per loaded board: (RSS with the ${BOARDS} movers connected − idle RSS) ÷ ${BOARDS}, each board holding one note; per connection: (RSS with all 2,000 connected − RSS with the movers) ÷ ${conns}.`,
    '',
    '| server | delivered | p50 | p99 | max | server CPU s | benchmark CPU s | server loop delay p99 / max (> 50 ms) | benchmark loop delay p99 / max (> 50 ms) | appends: s in total (> 25 ms) | idle RSS | with 100 boards | with 2,000 clients | per board | per connection | load average start / end |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { title, result: r, bench, server, writes, load } of runs) {
    if (!r) {
      lines.push(`| ${title} | failed |${' – |'.repeat(14)}`);
      continue;
    }
    const s: LoopDelay | null = server;
    const b: LoopDelay | null = bench;
    lines.push(
      `| ${title} | ${r.delivered}/${r.expected} | ${f1(r.p50)} ms | ${f1(r.p99)} ms | ${f1(r.max)} ms | ${f2(r.cpuSeconds)} | ${f2(r.benchCpuSeconds)} | ${s ? `${bound(s.p99Ms)} / ${bound(s.maxMs)} ms (${s.over50} of ${s.samples})` : '–'} | ${b ? `${f1(b.p99Ms)} / ${f1(b.maxMs)} ms (${b.over50} of ${b.samples})` : '–'} | ${writes ? `${f2(writes.seconds)} (${writes.over25} of ${writes.count})` : '–'} | ${f1(r.idleRssMb)} MB | ${f1(r.moversRssMb)} MB | ${f1(r.connectedRssMb)} MB | ${f2((r.moversRssMb - r.idleRssMb) / BOARDS)} MB | ${((1024 * (r.connectedRssMb - r.moversRssMb)) / conns).toFixed(0)} KB | ${f1(load[0])} / ${f1(load[1])} |`,
    );
  }
  lines.push('');
  return lines;
}
