/**
 * Connect storm (issue 14): `clients` clients join a board of 5,000 items at once (3,750
 * notes and 1,250 arrows, made through the board model), with the room loaded (the seeding
 * client stays), or cold: the server stopped (SIGTERM) and started again first, so the
 * board loads from storage while the crowd waits. Each client's time runs from its
 * connect to its first `sync` event, where its item count is taken (complete or not). The
 * clients live in client processes of their own (bench/stormClients.ts), one per core.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addItems, type NewItem } from '../shared/model/board/commands.ts';
import { itemsMapOf } from '../shared/model/board/read.ts';
import { NOTE_COLORS } from '../shared/model/board/schema.ts';
import { percentile, until } from './client.ts';
import type { Target } from './targets.ts';

export interface StormResult {
  clients: number;
  /** Clients with every item at their first sync. */
  complete: number;
  p50: number;
  p99: number;
  /** Server CPU seconds from the first connect to the last first sync (the times above are mostly the clients' decoding). */
  serverCpuSeconds: number;
  /** The client processes' CPU seconds over the same span, all of them together. */
  clientCpuSeconds: number;
  loadAverage: number[];
  /** Client processes the clients were spread over. */
  processes: number;
}

const COLUMNS = 50;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Makes the board in a fresh room; `release` lets go of the client that keeps the room loaded. */
export async function seedStormBoard(target: Target, items = 5000): Promise<{ room: string; release(): void }> {
  const [room] = await target.rooms(1);
  const seeder = target.client(room!, true);
  await seeder.ready;
  const notes = Math.round(items * 0.75);
  const noteIds: string[] = [];
  for (let start = 0; start < notes; start += 500) {
    const batch: NewItem[] = [];
    for (let i = start; i < Math.min(notes, start + 500); i++) {
      batch.push({
        kind: 'note',
        x: (i % COLUMNS) * 220,
        y: Math.floor(i / COLUMNS) * 160,
        w: 180,
        h: 120,
        text: `Huisartsen willen meedoen maar hebben weinig tijd (${i})`,
        color: NOTE_COLORS[i % NOTE_COLORS.length]!,
        author: `Deelnemer ${i % 30}`,
      });
    }
    noteIds.push(...addItems(seeder.doc, batch));
  }
  const arrows: NewItem[] = [];
  for (let i = 0; arrows.length < items - notes && i + 1 < noteIds.length; i++) {
    if ((i + 1) % COLUMNS === 0) continue;
    arrows.push({
      kind: 'arrow',
      start: { itemId: noteIds[i]! },
      end: { itemId: noteIds[i + 1]! },
      label: '',
      color: '#0e5a63',
    });
  }
  for (let start = 0; start < arrows.length; start += 500) addItems(seeder.doc, arrows.slice(start, start + 500));
  const check = target.client(room!, false);
  await check.synced;
  const ok = await until(() => itemsMapOf(check.doc).size >= items, 60_000);
  await sleep(3000); // stored everywhere (Hocuspocus stores 2 s after the last change)
  seeder.destroy();
  if (!ok) throw new Error(`${target.name}: the board did not reach the server`);
  return { room: room!, release: () => check.destroy() };
}

/**
 * Several storms of one kind (loaded, or cold) as one result: the median run's p50 and p99
 * (by p99), every run's p99, the clients complete of all runs, and the server's and the clients'
 * CPU as the runs' means.
 */
export function medianRun(runs: readonly StormResult[]): StormResult & { p99s: number[] } {
  const byP99 = [...runs].sort((a, b) => a.p99 - b.p99);
  const mid = byP99[Math.floor((byP99.length - 1) / 2)]!;
  return {
    ...mid,
    clients: runs.reduce((n, r) => n + r.clients, 0),
    complete: runs.reduce((n, r) => n + r.complete, 0),
    serverCpuSeconds: runs.reduce((n, r) => n + r.serverCpuSeconds, 0) / runs.length,
    clientCpuSeconds: runs.reduce((n, r) => n + r.clientCpuSeconds, 0) / runs.length,
    p99s: runs.map((r) => r.p99),
  };
}

/** Client processes of a storm: as many as the machine has cores (BENCH_STORM_PROCESSES sets it; 1 is all in one). */
export const STORM_PROCESSES = Number(process.env.BENCH_STORM_PROCESSES ?? os.cpus().length);

/**
 * `clients` clients join `room` at once, spread over {@link STORM_PROCESSES} client
 * processes (bench/stormClients.ts): each process loads first, then `beforeConnect` runs (a
 * cold storm restarts the server there, so the crowd comes as soon as it listens), and all
 * connect on one signal.
 */
export async function storm(
  target: Target,
  room: string,
  clients: number,
  beforeConnect?: () => Promise<void>,
  items = 5000,
): Promise<StormResult> {
  const loadAverage = os.loadavg();
  if (!target.clientSpec) throw new Error(`${target.name}: no clients to join a storm with`);
  const spec = JSON.stringify(target.clientSpec(room));
  const processes = Math.max(1, Math.min(STORM_PROCESSES, clients));
  const children = Array.from({ length: processes }, (_, i) => {
    const count = Math.floor(clients / processes) + (i < clients % processes ? 1 : 0);
    return clientProcess({ STORM_SPEC: spec, STORM_COUNT: String(count), STORM_ITEMS: String(items) });
  });
  let finished = false;
  try {
    await Promise.all(children.map((c) => c.ready));
    await beforeConnect?.();
    const cpuBefore = target.cpuSeconds();
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.result));
    finished = true;
    const serverCpuSeconds = target.cpuSeconds() - cpuBefore;
    const times = results.flatMap((r) => r.times).sort((a, b) => a - b);
    const complete = results.reduce((n, r) => n + r.complete, 0);
    const clientCpuSeconds = results.reduce((n, r) => n + r.cpuSeconds, 0);
    const [p50, p99] = [percentile(times, 50), percentile(times, 99)];
    return { clients: times.length, complete, p50, p99, serverCpuSeconds, clientCpuSeconds, loadAverage, processes };
  } finally {
    await Promise.all(children.map((c) => c.end(finished)));
  }
}

/** What a client process reports (bench/stormClients.ts). */
export interface ClientsResult {
  times: number[];
  complete: number;
  /** The process's CPU seconds from `go` to its last client's sync. */
  cpuSeconds: number;
}

interface ClientProcess {
  ready: Promise<void>;
  go(): void;
  result: Promise<ClientsResult>;
  end(hasResult: boolean): Promise<void>;
}

function clientProcess(env: Record<string, string>): ClientProcess {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, 'stormClients.ts')], {
    cwd: path.join(HERE, '..'),
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = settleable<void>();
  const done = settleable<ClientsResult>();
  done.promise.catch(() => undefined); // a process that never starts is reported through `ready`
  const fail = (err: Error) => {
    ready.reject(err);
    done.reject(err);
  };
  const timer = setTimeout(() => fail(new Error('storm clients did not finish in 120 s')), 120_000);
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (/^ready$/m.test(out)) ready.resolve();
    const m = /^result (.*)$/m.exec(out);
    if (m) {
      clearTimeout(timer);
      done.resolve(JSON.parse(m[1]!) as ClientsResult);
    }
  });
  proc.once('exit', (code) => {
    clearTimeout(timer);
    fail(new Error(`storm clients exited (${code}) before their result`));
  });
  return {
    ready: ready.promise,
    result: done.promise,
    go: () => proc.stdin.write('go\n'),
    /** After its result it exits by itself; otherwise (or if it takes over 5 s) it is killed. */
    end: async (hasResult: boolean) => {
      clearTimeout(timer);
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      const kill = setTimeout(() => proc.kill('SIGKILL'), hasResult ? 5000 : 0);
      await exited;
      clearTimeout(kill);
    },
  };
}

/** A promise with its resolve and reject at hand (settling it again does nothing). */
function settleable<T>(): { promise: Promise<T>; resolve(value: T): void; reject(err: Error): void } {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
