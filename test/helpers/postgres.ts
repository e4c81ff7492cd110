/**
 * A real PostgreSQL cluster of the test's own (issue 13): `initdb` in a temp folder,
 * `pg_ctl start` on a free port of 127.0.0.1 (and a unix socket in the same folder),
 * stopped and removed by `stop()` (and, should the test process end without it, at its
 * exit). Several test files may each start one at the same time: every cluster has its
 * own folder, and a port taken by another between the choice and the start is retried.
 *
 * Needs Debian's `postgresql` package (`.ci/run` installs it): the binaries are taken
 * from `PG_BIN`, else the newest `/usr/lib/postgresql/<version>/bin`. PostgreSQL refuses
 * to run as root, so as root the cluster belongs to and runs as the `postgres` user.
 *
 *   const pg = await startPostgres();           // in beforeAll
 *   const url = await pg.createDatabase();      // a fresh, empty database, e.g. per test
 *   await pg.stop();                            // in afterAll
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/veldwerk`: an empty database made at the start. */
  url: string;
  port: number;
  /** Makes another empty database on the same cluster and resolves its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the cluster (fast shutdown) and removes its folder. Idempotent. */
  stop(): Promise<void>;
}

/** The folder of initdb and pg_ctl: PG_BIN, or the newest installed version. */
export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): `apt-get install postgresql`, ' +
        'or set PG_BIN to the folder of initdb and pg_ctl.',
    );
  }
  return path.join(root, versions[0], 'bin');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
async function runPg(bin: string, args: string[], cwd: string): Promise<void> {
  const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    await run(file, argv, { cwd, env: { ...process.env, LC_ALL: 'C', LANG: 'C' } });
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(bin)} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: err });
  }
}

function freePort(): Promise<number> {
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

/** Waits until the cluster answers a query (pg_ctl -w waits for the start; this also checks TCP). */
async function waitForQuery(url: string, log: string): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < 100; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
  throw new Error(`PostgreSQL did not answer: ${String(lastError)}\n${tail}`);
}

let counter = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veldwerk-pg-'));
  const dataDir = path.join(dir, 'data');
  const log = path.join(dir, 'postgres.log');
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  await runPg(
    path.join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
    dir,
  );

  // A test cluster: nothing here must survive a power cut, so no fsync (the server's own
  // durability is tested against a killed server process, which this does not weaken).
  const settings = '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200';
  let port: number;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      await runPg(
        path.join(bin, 'pg_ctl'),
        [
          'start',
          '-w',
          '-t',
          '60',
          '-D',
          dataDir,
          '-l',
          log,
          '-o',
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 ${settings}`,
        ],
        dir,
      );
      break;
    } catch (err) {
      // Another cluster (or anything) took the port between the choice and the start.
      if (attempt >= 5) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    const args = ['stop', '-D', dataDir, '-m', 'immediate', '-w'];
    const pgCtl = path.join(bin, 'pg_ctl');
    if (isRoot()) spawnSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args], { cwd: dir, stdio: 'ignore' });
    else spawnSync(pgCtl, args, { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);

  const base = `postgres://postgres@127.0.0.1:${port}`;
  const admin = `${base}/postgres`;
  try {
    await waitForQuery(admin, log);
  } catch (err) {
    stopNow();
    throw err;
  }
  const createDatabase = async (name = `veldwerk_${process.pid}_${++counter}`): Promise<string> => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return `${base}/${name}`;
  };
  const url = await createDatabase('veldwerk');

  return {
    url,
    port,
    createDatabase,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.off('exit', stopNow);
      const pgCtl = path.join(bin, 'pg_ctl');
      await runPg(pgCtl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'], dir).catch(() =>
        runPg(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], dir).catch(() => {}),
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
