/**
 * The servers the benchmarks compare, each as a child process on loopback with its
 * own fresh data folder: Veldwerk (SQLite) and the reference `@y/websocket-server`
 * 0.1.1 with its LevelDB persistence (`YPERSISTENCE`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { boardRoomName, PLENARY_BOARD_ID } from '../shared/protocol.ts';
import type { CreateSessionResponse, JoinResponse } from '../shared/api.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Endpoint {
  /** y-websocket `serverUrl`. */
  serverUrl: string;
  room: string;
  params: Record<string, string>;
}

export interface BenchServer {
  name: string;
  /** Starts (or restarts on the same data) the server. */
  start(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Two writers' endpoints (same room) once started. */
  endpoint(who: number): Endpoint;
  rssMb(): number;
  cleanup(): void;
}

/** The first match of `re` in a child's output (its start line), or why it never came. */
export function waitForLine(
  proc: ChildProcess,
  re: RegExp,
  what: string,
  timeoutMs = 20_000,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        proc.stdout?.off('data', onData);
        proc.stdout?.resume(); // drain the rest
        resolve(m);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', () => reject(new Error(`${what} exited: ${out}`)));
  });
}

function exitOf(proc: ChildProcess): Promise<void> {
  return proc.exitCode !== null || proc.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => proc.once('exit', () => r()));
}

function readRssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

export function veldwerkServer(): BenchServer {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-veldwerk-'));
  let proc: ChildProcess | undefined;
  let port = 0;
  let session: { sessionId: string; tokens: string[] } | undefined;
  return {
    name: 'Veldwerk (SQLite)',
    async start() {
      // The built server, as `npm start` runs it (`npm run bench` builds first).
      proc = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
        cwd: ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
          NODE_ENV: 'production',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      if (process.env.BENCH_ECHO) proc.stdout?.on('data', (d: Buffer) => process.stderr.write(d));
      const m = await waitForLine(proc, /"port":(\d+).*veldwerk listening/, 'veldwerk');
      port = Number(m[1]);
      if (!session) {
        const base = `http://127.0.0.1:${port}`;
        const created = (await (
          await fetch(`${base}/api/sessions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ title: 'Bench' }),
          })
        ).json()) as CreateSessionResponse;
        const tokens = [created.facilitatorToken];
        for (let i = 0; i < 30; i++) {
          const joined = (await (
            await fetch(`${base}/api/join`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ joinCode: created.joinCode, name: `Deelnemer ${i}` }),
            })
          ).json()) as JoinResponse;
          tokens.push(joined.token);
        }
        session = { sessionId: created.sessionId, tokens };
      }
    },
    async kill(signal) {
      if (!proc) return;
      proc.kill(signal);
      await exitOf(proc);
    },
    endpoint(who) {
      if (!session) throw new Error('not started');
      return {
        serverUrl: `ws://127.0.0.1:${port}/sync`,
        room: boardRoomName(session.sessionId, PLENARY_BOARD_ID),
        params: { token: session.tokens[who % session.tokens.length]! },
      };
    },
    rssMb: () => readRssMb(proc?.pid),
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function referenceServer(): BenchServer {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reference-'));
  let proc: ChildProcess | undefined;
  let port = 0;
  return {
    name: '@y/websocket-server 0.1.1 (LevelDB)',
    async start() {
      if (!port) port = 20000 + Math.floor(Math.random() * 20000);
      proc = spawn(process.execPath, [path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', YPERSISTENCE: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await waitForLine(proc, /running at/, 'reference server');
    },
    async kill(signal) {
      if (!proc) return;
      proc.kill(signal);
      await exitOf(proc);
    },
    endpoint: () => ({ serverUrl: `ws://127.0.0.1:${port}`, room: 'bench-room', params: {} }),
    rssMb: () => readRssMb(proc?.pid),
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
