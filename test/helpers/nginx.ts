/**
 * nginx in front of test instances (issue 13), with the shipped configuration
 * `deploy/nginx/veldwerk.conf`: its upstream servers replaced by the test's instances
 * and its `listen` by a free port of 127.0.0.1, wrapped in a minimal main config in a
 * temp folder. Stopped by `stop()` (and at the test process's exit). Needs Debian's
 * `nginx` package (`.ci/run` installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEPLOY_NGINX_CONF = path.join(ROOT, 'deploy/nginx/veldwerk.conf');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

export interface TestNginx {
  url: string;
  wsUrl: string;
  port: number;
  /** The error log (failover shows there as "connect() failed ... while connecting to upstream"). */
  errorLog(): string;
  stop(): Promise<void>;
}

/** The deploy config with these upstreams (`host:port`) and this listen port. */
export function deployConfigFor(upstreams: string[], port: number): string {
  const conf = fs.readFileSync(DEPLOY_NGINX_CONF, 'utf8');
  const block = /upstream veldwerk \{([\s\S]*?)\}/.exec(conf);
  if (!block?.[1]) throw new Error(`${DEPLOY_NGINX_CONF}: no "upstream veldwerk { ... }" block`);
  const serverLine = /^\s*server \S+( [^;]*)?;\s*$/m.exec(block[1]);
  if (!serverLine) throw new Error(`${DEPLOY_NGINX_CONF}: no server line in the upstream block`);
  const params = serverLine[1] ?? '';
  const withoutServers = block[1].replace(/^\s*server \S+[^;]*;\s*\n/gm, '');
  const servers = upstreams.map((u) => `    server ${u}${params};\n`).join('');
  const upstream = `upstream veldwerk {\n${servers}${withoutServers}}`;
  const out = conf.replace(block[0], upstream).replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${port};`);
  if (!out.includes(`listen 127.0.0.1:${port};`)) throw new Error(`${DEPLOY_NGINX_CONF}: no "listen 80;"`);
  return out;
}

export async function startNginx(upstreams: string[]): Promise<TestNginx> {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx not found at ${NGINX}: \`apt-get install nginx\` (or set NGINX)`);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startOn(upstreams, port);
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

async function startOn(upstreams: string[], port: number): Promise<TestNginx> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veldwerk-nginx-'));
  fs.mkdirSync(path.join(dir, 'temp'));
  fs.writeFileSync(path.join(dir, 'veldwerk.conf'), deployConfigFor(upstreams, port));
  const errorLog = path.join(dir, 'error.log');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, 'temp', name)};`;
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      isRoot ? 'user root;' : '',
      'worker_processes 1;',
      'daemon off;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} info;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${path.join(dir, 'veldwerk.conf')};`,
      '}',
    ].join('\n'),
  );
  const proc: ChildProcess = spawn(NGINX, ['-p', dir, '-e', errorLog, '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const readLog = () => (fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8') : '');
  const deadline = Date.now() + 20_000;
  while (!(await canConnect(port))) {
    if (gone || Date.now() > deadline) {
      proc.kill('SIGKILL');
      const log = readLog();
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${out}\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const killNow = () => proc.kill('SIGKILL');
  process.once('exit', killNow);
  let stopped: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    errorLog: readLog,
    stop: () =>
      (stopped ??= (async () => {
        process.off('exit', killNow);
        if (!gone) {
          proc.kill('SIGQUIT'); // graceful: workers finish, then the master exits
          const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      })()),
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
