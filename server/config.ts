/**
 * Server configuration from environment variables, validated at start-up. A wrong
 * value stops the server with a message naming the variable and what is allowed.
 */
import path from 'node:path';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { redactUrl } from './redactUrl.ts';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * TRUST_PROXY: `false` (no proxy), `true` (one proxy hop), a hop count, or a comma list
 * of proxy addresses/subnets (e.g. `10.0.0.1, 172.16.0.0/12`).
 */
const trustProxy = z.string().transform((v, ctx): false | number | string[] => {
  const s = v.trim().toLowerCase();
  if (s === 'false' || s === 'no' || s === '0') return false;
  if (s === 'true' || s === 'yes') return 1;
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    if (hops <= 10) return hops;
  }
  const list = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(list);
    if (list.length) return list;
  } catch {
    // reported below
  }
  ctx.addIssue({
    code: 'custom',
    message: 'expected false, true, a hop count (0-10) or a comma list of addresses/subnets',
  });
  return z.NEVER;
});

/** A comma list of origins such as `https://veldwerk.ggd.nl`. */
const originList = z.string().transform((v, ctx) => {
  const list = v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const o of list) {
    let ok: boolean;
    try {
      ok = new URL(o).origin === o;
    } catch {
      ok = false;
    }
    if (!ok) ctx.addIssue({ code: 'custom', message: `not an origin (scheme://host[:port]): ${o}` });
  }
  return list;
});

function isPostgresUrl(v: string): boolean {
  if (!/^postgres(ql)?:\/\//.test(v)) return false;
  try {
    const url = new URL(v);
    return Boolean(url.host || url.searchParams.get('host')); // ?host=/var/run/postgresql: a unix socket
  } catch {
    return false;
  }
}

/** Every setting, its env var, default and meaning (the README's table is generated from the same words). */
export const ConfigSchema = z.object({
  /** HTTP port for the app, the API and websocket sync. 0 picks a free port. */
  PORT: int(0, 65535).default(8080),
  /** Address to listen on. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Folder for the SQLite file (`veldwerk.db`) and the token secret (`secret.key`). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** Public origin used in links (facilitator, join, viewer); default: taken from the request. */
  PUBLIC_URL: z.url().optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest websocket message accepted, in bytes (2 MiB). A bigger one closes that connection. */
  MAX_MESSAGE_BYTES: int(1024, 256 * 1024 * 1024).default(2 * 1024 * 1024),
  /** Largest document (encoded state plus pending updates), in bytes (32 MiB). */
  MAX_DOC_BYTES: int(64 * 1024, 2 * 1024 * 1024 * 1024).default(32 * 1024 * 1024),
  /** Open websocket connections allowed from one IP address (a school network shares one). */
  MAX_CONNECTIONS_PER_IP: int(1, 100_000).default(200),
  /** Delete sessions (with everything in them) whose last activity is older than this many days; unset: keep. */
  RETENTION_DAYS: int(1, 36500).optional(),
  /** Messages per second one websocket connection may send on average (bursts of 2 s allowed); over it, reading it pauses. */
  CONNECTION_MESSAGES_PER_SECOND: int(1, 1_000_000).default(200),
  /** Bytes per second one websocket connection may send on average (bursts of 2 s allowed); over it, reading it pauses. */
  CONNECTION_BYTES_PER_SECOND: int(1024, 1024 * 1024 * 1024).default(4 * 1024 * 1024),
  /** Bytes sent to one connection and not yet read by it before it is dropped (close 4504, retried); one frame may exceed it. */
  MAX_UNREAD_BYTES: int(64 * 1024, 1024 * 1024 * 1024).default(8 * 1024 * 1024),
  /** Unread bytes of all connections together; over it the connections with the most are dropped first (4504). */
  MAX_BUFFERED_BYTES_TOTAL: int(1024 * 1024, 64 * 1024 * 1024 * 1024).default(256 * 1024 * 1024),
  /** Documents loaded in memory at once; beyond it a connection to another one is refused with 4507 (retried). */
  MAX_ROOMS_LOADED: int(1, 1_000_000).default(1000),
  /** Websocket ping interval in ms; a connection that misses a pong by the next ping is ended (so within 2 intervals). */
  HEARTBEAT_MS: int(100, 600_000).default(10_000),
  /** Failed join attempts (wrong code) allowed per address per minute; successful joins are not counted here. */
  JOIN_ATTEMPTS_PER_MINUTE: int(1, 10_000).default(20),
  /**
   * A join code stops working this many days after the session's last activity (its
   * creation, the code being made, someone joining, a history snapshot); a new code works again.
   */
  JOIN_CODE_TTL_DAYS: int(1, 3650).default(14),
  /** Session creations allowed per IP address per minute. */
  CREATE_SESSIONS_PER_MINUTE: int(1, 10_000).default(10),
  /** How long participant and viewer tokens stay valid, in days. */
  TOKEN_TTL_DAYS: int(1, 3650).default(30),
  /** How long facilitator tokens stay valid, in days. */
  FACILITATOR_TOKEN_TTL_DAYS: int(1, 3650).default(365),
  /** A doc stays in memory this long after its last client left, in ms. */
  ROOM_IDLE_UNLOAD_MS: int(0, 24 * 3600 * 1000).default(30_000),
  /** Stored update rows of a doc that trigger a compaction into one row. */
  COMPACT_AFTER_UPDATES: int(2, 1_000_000).default(500),
  /** A history snapshot is kept at least this often while a doc changes, in minutes. */
  SNAPSHOT_INTERVAL_MINUTES: z.coerce
    .number()
    .min(0.001)
    .max(24 * 60)
    .default(5),
  /** SQLite `synchronous`: NORMAL survives a killed process; FULL also a power cut. */
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** Proxies trusted for `X-Forwarded-For`: false, true (one hop), a hop count or addresses. */
  TRUST_PROXY: trustProxy.default(false),
  /** Other origins whose pages may open the sync websocket (the app's own always may). */
  ALLOWED_ORIGINS: originList.default([]),
  /** Bearer token for /metrics; without it, /metrics answers only on this machine. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /**
   * Several instances (issue 13): Redis that carries each room's updates and presence and
   * the shared limits between them, e.g. `redis://10.0.0.5:6379/0`. Unset: one process,
   * nothing of Redis loaded.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'expected redis://host[:port][/db] or rediss://…')
    .optional(),
  /**
   * On SIGTERM, how long `/readyz` answers 503 while everything else goes on, before the
   * server stops listening and closes its websockets: time for a load balancer that asks
   * `/readyz` to send no one new (issue 13). 0: stop at once.
   */
  SHUTDOWN_DRAIN_MS: int(0, 300_000).default(0),
  /**
   * Several instances (issue 13): the PostgreSQL database that holds everything instead
   * of the SQLite file, `postgres://user:password@host:5432/veldwerk`. Unset: SQLite in DATA_DIR.
   */
  DATABASE_URL: z
    .string()
    .refine(isPostgresUrl, 'expected postgres://user:password@host[:port]/database (or postgresql://)')
    .optional(),
  /** Connections to DATABASE_URL one instance keeps at most. */
  DATABASE_POOL_SIZE: int(1, 1000).default(10),
  /** Serve the client through Vite with hot reload (set by `npm run dev`). */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses the environment. Throws {@link ConfigError} naming each wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config & { dbFile: string } {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '?');
      const value = name === 'DATABASE_URL' ? redactUrl(input[name] ?? '') : (input[name] ?? ''); // no password in a log
      return `  ${name}=${JSON.stringify(value)}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return { ...parsed.data, DATA_DIR: dataDir, dbFile: path.join(dataDir, 'veldwerk.db') };
}
