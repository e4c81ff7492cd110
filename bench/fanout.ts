/**
 * Fan-out (issue 14): `boards` rooms with `perBoard` clients each; in every room one client
 * moves a note through the board model `hz` times a second (and moves its cursor in its
 * presence), the others watch. Measured: the server's CPU seconds over the moving window
 * (from /proc, user + system), updates delivered of those expected (every move to every
 * watcher), and the delay from a move to its arrival at each watcher (all clients live in
 * this process: one clock). A watcher that gets several moves in one frame counts each.
 * With `ownPresenceOnly` every client sends only its own presence changes, as Veldwerk's pages
 * do, instead of also sending back each change it hears (see ClientOptions in targets.ts).
 */
import os from 'node:os';
import { addItems, moveItems } from '../shared/model/board/commands.ts';
import { readItem } from '../shared/model/board/read.ts';
import { NOTE_COLORS } from '../shared/model/board/schema.ts';
import { percentile, until } from './client.ts';
import type { LightWatcher, Target, TargetClient } from './targets.ts';

export interface FanoutOptions {
  boards: number;
  perBoard: number;
  hz: number;
  seconds: number;
  /** Clients connecting at once while the rooms fill. */
  connectBatch?: number;
  /** Watchers without a doc that count update frames (see Target.lightWatcher): for thousands. */
  light?: boolean;
  /** Every client sends only its own presence (ClientOptions in targets.ts), on every target alike. */
  ownPresenceOnly?: boolean;
  /** Called as the moving window starts and when every move arrived (extra probes: bench/bigRun.ts). */
  onWindow?: (edge: 'start' | 'end') => Promise<void>;
}

export interface FanoutResult {
  expected: number;
  delivered: number;
  cpuSeconds: number;
  /** The system (kernel) part of cpuSeconds. */
  systemCpuSeconds: number;
  /** CPU seconds of the benchmark process itself (all clients) over the same window. */
  benchCpuSeconds: number;
  /** Server write system calls per delivered update. */
  writesPerDelivered: number;
  /** Server CPU ms per delivered update. */
  cpuMsPerDelivered: number;
  p50: number;
  p99: number;
  max: number;
  rssMb: number;
  /** RSS before any client connected. */
  idleRssMb: number;
  /** RSS with the movers connected (every room loaded, one connection each). */
  moversRssMb: number;
  /** RSS with every client connected, before the moves. */
  connectedRssMb: number;
  loadAverage: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function fanout(target: Target, o: FanoutOptions): Promise<FanoutResult> {
  await sleep(1000);
  const idleRssMb = target.rssMb();
  const rooms = await target.rooms(o.boards);
  const clients: { destroy(): void }[] = [];
  const boards: {
    mover: TargetClient;
    watchers: TargetClient[];
    light: LightWatcher[];
    noteId: string;
    x0: number;
    sent: number[];
  }[] = [];
  const light = o.light && target.lightWatcher ? target.lightWatcher.bind(target) : null;
  const clientOptions = { ownPresenceOnly: o.ownPresenceOnly ?? false };
  try {
    // The movers first, each with its note.
    for (const room of rooms) {
      const mover = target.client(room, true, clientOptions);
      clients.push(mover);
      await withTimeout(mover.ready, 30_000, `mover of ${room} not ready`);
      mover.awareness.setLocalStateField('user', { name: 'Mover' });
      boards.push({ mover, watchers: [], light: [], noteId: '', x0: 0, sent: [] });
    }
    await sleep(1000);
    const moversRssMb = target.rssMb();
    // Then the watchers, a batch at a time.
    const pending: { board: (typeof boards)[number]; room: string }[] = [];
    for (let i = 0; i < rooms.length; i++) {
      for (let j = 1; j < o.perBoard; j++) pending.push({ board: boards[i]!, room: rooms[i]! });
    }
    const batch = o.connectBatch ?? 50;
    for (let i = 0; i < pending.length; i += batch) {
      const part = pending.slice(i, i + batch).map(({ board, room }) => {
        if (light) {
          const w = light(room);
          clients.push(w);
          board.light.push(w);
          return w.ready;
        }
        const c = target.client(room, false, clientOptions);
        c.awareness.setLocalStateField('user', { name: 'Kijker' });
        clients.push(c);
        board.watchers.push(c);
        return c.ready;
      });
      await withTimeout(Promise.all(part), 120_000, 'watchers not ready');
    }
    // Each mover makes its note now (on the relay, which does no sync, only what is sent
    // after a client joined reaches it); every watcher has it before the moves start.
    for (const b of boards) {
      [b.noteId] = addItems(b.mover.doc, [
        { kind: 'note', x: 0, y: 0, w: 180, h: 120, text: 'Beweegt', color: NOTE_COLORS[0], author: 'Bench' },
      ]) as [string];
    }
    const allHaveNote = () =>
      boards.every((b) => b.watchers.every((w) => readItem(w.doc, b.noteId)) && b.light.every((w) => w.updates() >= 1));
    if (!(await until(allHaveNote, 60_000))) throw new Error('not every watcher got the note');
    await sleep(1500); // connection work settles
    const connectedRssMb = target.rssMb();

    // Each watcher turns the note's x into the moves it has seen (x = x0 + moves).
    const delays: number[] = [];
    let delivered = 0;
    for (const b of boards) {
      b.x0 = (readItem(b.mover.doc, b.noteId) as { x: number }).x;
      // A light watcher's k-th update frame from now on is the k-th move.
      for (const w of b.light) {
        const base = w.updates();
        w.onUpdate = (now) => {
          const move = w.updates() - base - 1;
          if (move < 0 || move >= b.sent.length) return;
          delays.push(now - b.sent[move]!);
          delivered++;
        };
      }
      for (const w of b.watchers) {
        let seen = 0;
        w.doc.on('update', () => {
          const item = readItem(w.doc, b.noteId) as { x: number } | null;
          if (!item) return;
          const now = performance.now();
          const moves = Math.round(item.x - b.x0);
          for (; seen < moves && seen < b.sent.length; seen++) {
            delays.push(now - b.sent[seen]!);
            delivered++;
          }
        });
      }
    }

    const ticks = Math.round(o.seconds * o.hz);
    const expected = ticks * boards.length * (o.perBoard - 1);
    await o.onWindow?.('start');
    const loadBefore = os.loadavg();
    const cpuBefore = target.cpuSeconds();
    const systemBefore = target.systemCpuSeconds();
    const benchBefore = process.cpuUsage();
    const writesBefore = target.writes();
    const started = performance.now();
    // The movers, spread over the tick; each tick at its planned time (no drift).
    for (let t = 0; t < ticks; t++) {
      for (let i = 0; i < boards.length; i++) {
        const at = started + (t * 1000) / o.hz + (i * 1000) / o.hz / boards.length;
        const wait = at - performance.now();
        if (wait > 1) await sleep(wait);
        const b = boards[i]!;
        b.sent.push(performance.now());
        moveItems(b.mover.doc, [b.noteId], 1, 0);
        b.mover.awareness.setLocalStateField('cursor', { x: b.sent.length, y: 0 });
      }
    }
    await until(() => delivered >= expected, 30_000);
    await o.onWindow?.('end');
    const cpuSeconds = target.cpuSeconds() - cpuBefore;
    const systemCpuSeconds = target.systemCpuSeconds() - systemBefore;
    const benchUsage = process.cpuUsage(benchBefore);
    const benchCpuSeconds = (benchUsage.user + benchUsage.system) / 1e6;
    const writes = target.writes() - writesBefore;
    delays.sort((a, b) => a - b);
    return {
      expected,
      delivered,
      cpuSeconds,
      systemCpuSeconds,
      benchCpuSeconds,
      cpuMsPerDelivered: (cpuSeconds * 1000) / Math.max(1, delivered),
      writesPerDelivered: writes / Math.max(1, delivered),
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays[delays.length - 1] ?? NaN,
      rssMb: target.rssMb(),
      idleRssMb,
      moversRssMb,
      connectedRssMb,
      loadAverage: loadBefore,
    };
  } finally {
    for (const c of clients) c.destroy();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms))),
  ]).finally(() => clearTimeout(timer));
}
