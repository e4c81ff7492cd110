/**
 * A real Redis of the test's own (issue 13): `redis-server` on a free port of 127.0.0.1
 * with its folder in a temp dir, nothing saved to disk, stopped by `stop()` (and at the
 * test process's exit). Needs Debian's `redis-server` package (`.ci/run` installs it).
 *
 *   const redis = await startRedis();   // in beforeAll
 *   env.REDIS_URL = redis.url;
 *   await redis.stop();                 // in afterAll
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestRedis {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Stops the server and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts one redis-server; retries when another process took the chosen port first.
 * `port`: this one (a Redis started again where the servers expect it), no retry.
 */
export async function startRedis(opts: { port?: number } = {}): Promise<TestRedis> {
  if (!fs.existsSync(REDIS_SERVER)) {
    throw new Error(
      `redis-server not found at ${REDIS_SERVER}: \`apt-get install redis-server\` (or set REDIS_SERVER)`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veldwerk-redis-'));
  if (opts.port) return startOn(opts.port, dir);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startOn(port, dir);
    } catch (err) {
      if (attempt >= 5) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }
}

async function startOn(port: number, dir: string): Promise<TestRedis> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
  const proc = spawn(REDIS_SERVER, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 20_000);
    const onData = () => {
      if (!out.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      resolve();
    };
    proc.stdout!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited:\n${out}`));
    });
  });
  const killNow = () => proc.kill('SIGKILL');
  process.once('exit', killNow);
  let stopped: Promise<void> | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    proc,
    stop: () =>
      (stopped ??= (async () => {
        process.off('exit', killNow);
        if (proc.exitCode === null && proc.signalCode === null) {
          proc.kill('SIGTERM');
          await exited;
        }
        fs.rmSync(dir, { recursive: true, force: true });
      })()),
  };
}
