/**
 * The four servers the fan-out and storm benchmarks compare (issue 14), each a child
 * process on loopback with a fresh data folder: Veldwerk (the build, SQLite),
 * `@y/websocket-server` 0.1.1 with LevelDB, Hocuspocus with SQLite (bench/refs/hocuspocus.mjs)
 * and a bare `ws` relay that does no Yjs work (bench/refs/relay.mjs, the floor). Each gives
 * its rooms and a client of its own kind (y-websocket's provider, or Hocuspocus's).
 * Server CPU is read from /proc/<pid>/stat (user + system).
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Awareness } from 'y-protocols/awareness';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { rawWatcher, type RawWatcher } from './rawWatcher.ts';
import { waitForLine } from './servers.ts';
import type { CreateSessionResponse, JoinResponse } from '../shared/api.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../shared/protocol.ts';

const ROOT = process.env.BENCH_SERVER_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.dirname(fileURLToPath(import.meta.url));

export interface TargetClient {
  doc: Y.Doc;
  awareness: Awareness;
  /** Resolves when the socket is open (and, except on the relay, at the first sync). */
  ready: Promise<void>;
  /** Resolves at the first `sync` (never on the relay). */
  synced: Promise<void>;
  destroy(): void;
}

/** How a benchmark client behaves beyond the provider's defaults. */
export interface ClientOptions {
  /**
   * Sends only its own presence changes, as Veldwerk's pages do (client/src/base/sync/Room.ts
   * `sendOwnPresence`): the provider's awareness handler no longer sends on the states it has
   * just received from the server. A plain y-websocket provider sends every change back (n × n
   * frames per presence change in a room of n); Hocuspocus 4.7's provider already skips them.
   */
  ownPresenceOnly?: boolean;
}

/**
 * What a client in another process needs to join a room (the storm's client processes,
 * bench/stormClients.ts): plain data, made into a client there by {@link clientFromSpec}.
 */
export type ClientSpec =
  | { kind: 'y-websocket'; url: string; room: string; params: Record<string, string> }
  | { kind: 'hocuspocus'; url: string; room: string };

/** A watcher without a doc: {@link rawWatcher} (bench/rawWatcher.ts). */
export type LightWatcher = RawWatcher;

export interface Target {
  name: string;
  /** Starts, or starts again on the same data. */
  start(): Promise<void>;
  /** Stops (SIGTERM: the server's own shutdown) or crashes (SIGKILL). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** `count` rooms, made once (Veldwerk: a session each, its plenary board). */
  rooms(count: number): Promise<string[]>;
  /** A client in `room`; `writer` for the one who moves (Veldwerk: the facilitator). */
  client(room: string, writer: boolean, opts?: ClientOptions): TargetClient;
  /** How another process joins `room` as a reader (see {@link ClientSpec}); not on the relay, which answers no sync. */
  clientSpec?(room: string): ClientSpec;
  /**
   * A watcher without a doc (y-websocket's protocol only: Veldwerk and the relay): it asks
   * for the state once and counts the update frames it gets, reading the websocket frames
   * itself (no ws client). For thousands of clients in one benchmark process, where a doc
   * or a ws client per watcher made the benchmark the bottleneck.
   */
  lightWatcher?(room: string): LightWatcher;
  cpuSeconds(): number;
  /** The system (kernel) part of {@link cpuSeconds}: reads, writes, the loopback's TCP. */
  systemCpuSeconds(): number;
  /** Write system calls so far (`syscw` of /proc/<pid>/io). */
  writes(): number;
  rssMb(): number;
  cleanup(): void;
}

function cpuOf(pid: number | undefined, part: 'all' | 'system' = 'all'): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const stime = Number(fields[12]);
  return (part === 'all' ? Number(fields[11]) + stime : stime) / 100; // utime + stime, in USER_HZ (100)
}

function rssOf(pid: number | undefined): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Runs `args` as a child process; `listening` finds the port in its output. */
function processTarget(
  name: string,
  args: () => string[],
  env: (port: number, dataDir: string) => Record<string, string>,
  listening: RegExp,
): Omit<Target, 'rooms' | 'client'> & { port(): number; dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-target-'));
  let proc: ChildProcess | undefined;
  let port = 0;
  return {
    name,
    dataDir,
    port: () => port,
    async start() {
      const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      proc = spawn(process.execPath, [...nodeArgs, ...args()], {
        cwd: ROOT,
        env: { ...process.env, HOST: '127.0.0.1', ...env(port, dataDir) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // BENCH_SERVER_OUT=<file>: the server's output (e.g. V8's --trace-deopt) goes there too.
      if (process.env.BENCH_SERVER_OUT)
        proc.stdout?.pipe(fs.createWriteStream(`${process.env.BENCH_SERVER_OUT}.${name}`));
      const m = await waitForLine(proc, listening, name, 30_000);
      port = Number(m[1]);
    },
    async stop(signal = 'SIGTERM') {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      const exited = new Promise((r) => p.once('exit', r));
      p.kill(signal);
      const timer = setTimeout(() => p.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    cpuSeconds: () => cpuOf(proc?.pid),
    systemCpuSeconds: () => cpuOf(proc?.pid, 'system'),
    writes: () => Number(/syscw: (\d+)/.exec(fs.readFileSync(`/proc/${proc?.pid}/io`, 'utf8'))?.[1] ?? NaN),
    rssMb: () => rssOf(proc?.pid),
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

type AwarenessHandler = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;

/**
 * Puts a filter before a provider's own awareness handler (`provider[key]`, the one it registered
 * and removes again at `destroy`): changes the provider applied from the server (origin: the
 * provider) are no longer sent back; the client's own changes, its leaving and timeouts still are.
 */
function sendOwnPresenceOnly<K extends string>(
  provider: { [k in K]: AwarenessHandler },
  key: K,
  awareness: Awareness,
): void {
  const sendChanges = provider[key];
  const sendOwn: AwarenessHandler = (changes, origin) => {
    if (origin !== provider) sendChanges(changes, origin);
  };
  awareness.off('update', sendChanges);
  provider[key] = sendOwn;
  awareness.on('update', sendOwn);
}

/** A client made from a {@link ClientSpec}, in whichever process holds the spec. */
export function clientFromSpec(spec: ClientSpec): TargetClient {
  return spec.kind === 'hocuspocus'
    ? hocuspocusClient(spec.url, spec.room)
    : ywsClient(spec.url, spec.room, spec.params, true);
}

function ywsClient(
  url: string,
  room: string,
  params: Record<string, string>,
  waitSync: boolean,
  opts: ClientOptions = {},
): TargetClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  if (opts.ownPresenceOnly) sendOwnPresenceOnly(provider, '_awarenessUpdateHandler', provider.awareness);
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const open = new Promise<void>((resolve) => {
    const onStatus = (e: { status: string }) => {
      if (e.status !== 'connected') return;
      provider.off('status', onStatus);
      resolve();
    };
    provider.on('status', onStatus);
  });
  return {
    doc,
    awareness: provider.awareness,
    ready: waitSync ? Promise.all([open, synced]).then(() => undefined) : open,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** The built server in `root` (default this checkout; another build for a before/after). */
export function veldwerkTarget(root = ROOT, name = 'Veldwerk'): Target {
  const base = processTarget(
    name,
    () => [path.join(root, 'dist/server/main.js')],
    (port, dataDir) => ({
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      // One address opens every connection of the benchmark.
      MAX_CONNECTIONS_PER_IP: '100000',
      CREATE_SESSIONS_PER_MINUTE: '10000',
      JOIN_ATTEMPTS_PER_MINUTE: '10000',
      MAX_ROOMS_LOADED: '100000',
    }),
    /"port":(\d+).*veldwerk listening/,
  );
  const made = new Map<string, { writer: string; readers: string[] }>();
  const syncUrl = () => `ws://127.0.0.1:${base.port()}/sync`;
  /** A participant's token for `room` (one that joined it when it was made). */
  const readerToken = (room: string) => {
    const token = made.get(room)?.readers[0];
    if (!token) throw new Error(`unknown room ${room}`);
    return token;
  };
  return {
    ...base,
    async rooms(count) {
      const http = `http://127.0.0.1:${base.port()}`;
      const post = async <T>(p: string, body: unknown): Promise<T> => {
        const res = await fetch(`${http}${p}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
        return (await res.json()) as T;
      };
      const rooms: string[] = [];
      for (let i = 0; i < count; i++) {
        const created = await post<CreateSessionResponse>('/api/sessions', { title: `Bench ${i}` });
        const readers: string[] = [];
        for (let j = 0; j < 1; j++) {
          const joined = await post<JoinResponse>('/api/join', { joinCode: created.joinCode, name: `Deelnemer ${j}` });
          readers.push(joined.token);
        }
        const room = boardRoomName(created.sessionId, PLENARY_BOARD_ID);
        made.set(room, { writer: created.facilitatorToken, readers });
        rooms.push(room);
      }
      return rooms;
    },
    client(room, writer, opts) {
      const tokens = made.get(room);
      if (!tokens) throw new Error(`unknown room ${room}`);
      const token = writer ? tokens.writer : tokens.readers[Math.floor(Math.random() * tokens.readers.length)]!;
      return ywsClient(syncUrl(), room, { token }, true, opts);
    },
    clientSpec: (room) => ({ kind: 'y-websocket', url: syncUrl(), room, params: { token: readerToken(room) } }),
    lightWatcher(room) {
      const token = readerToken(room);
      return rawWatcher(`${syncUrl()}/${room}?token=${encodeURIComponent(token)}`, true);
    },
  };
}

/** `@y/websocket-server` 0.1.1 with LevelDB (`YPERSISTENCE`). */
export function yWebsocketTarget(): Target {
  let chosen = 0;
  const base = processTarget(
    '@y/websocket-server 0.1.1 + LevelDB',
    () => [path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')],
    (port, dataDir) => {
      chosen = port || 20000 + Math.floor(Math.random() * 20000);
      return { PORT: String(chosen), YPERSISTENCE: dataDir };
    },
    /running at '[^']*' on port (\d+)/,
  );
  return {
    ...base,
    rooms: async (count) => Array.from({ length: count }, (_, i) => `bench-${i}`),
    client: (room, _writer, opts) => ywsClient(`ws://127.0.0.1:${base.port() || chosen}`, room, {}, true, opts),
    clientSpec: (room) => ({ kind: 'y-websocket', url: `ws://127.0.0.1:${base.port() || chosen}`, room, params: {} }),
  };
}

export function hocuspocusTarget(): Target {
  const base = processTarget(
    'Hocuspocus 4.7 + SQLite',
    () => [path.join(BENCH, 'refs/hocuspocus.mjs')],
    (port, dataDir) => ({ PORT: String(port), HOCUSPOCUS_DB: path.join(dataDir, 'hocuspocus.db') }),
    /hocuspocus listening (\d+)/,
  );
  return {
    ...base,
    rooms: async (count) => Array.from({ length: count }, (_, i) => `bench-${i}`),
    client: (room, _writer, opts) => hocuspocusClient(`ws://127.0.0.1:${base.port()}`, room, opts),
    clientSpec: (room) => ({ kind: 'hocuspocus', url: `ws://127.0.0.1:${base.port()}`, room }),
  };
}

/** Hocuspocus's own provider (its framing names the document in every message). */
function hocuspocusClient(url: string, room: string, opts: ClientOptions = {}): TargetClient {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url,
    name: room,
    document: doc,
    WebSocketPolyfill: WebSocket,
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  if (opts.ownPresenceOnly) sendOwnPresenceOnly(provider, 'boundAwarenessUpdateHandler', provider.awareness!);
  const synced = new Promise<void>((resolve) => provider.on('synced', () => resolve()));
  return {
    doc,
    awareness: provider.awareness!,
    ready: synced,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function relayTarget(): Target {
  const base = processTarget(
    'bare ws relay (floor)',
    () => [path.join(BENCH, 'refs/relay.mjs')],
    (port) => ({ PORT: String(port) }),
    /relay listening (\d+)/,
  );
  return {
    ...base,
    rooms: async (count) => Array.from({ length: count }, (_, i) => `bench-${i}`),
    client: (room, _writer, opts) => ywsClient(`ws://127.0.0.1:${base.port()}`, room, {}, false, opts),
    lightWatcher: (room) => rawWatcher(`ws://127.0.0.1:${base.port()}/${room}`, false),
  };
}
