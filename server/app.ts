/**
 * Composes the server: one HTTP server with the app, the REST API, health and metrics,
 * and websocket sync. `main.ts` runs it; tests start it on port 0.
 *
 * Quick to come back (issue 14): the start path opens the store, sets up the rooms and
 * the websocket sync and listens; the express app (`http/httpApp.ts`: API, health,
 * metrics, the built client) is a dynamic import made at the first HTTP request, which
 * waits for it. Clients reconnecting after a restart need only the websocket.
 */
import http from 'node:http';
import path from 'node:path';
import type express from 'express';
import type { Config } from './config.ts';
import { RedisConnectionCounter, RedisRateLimiter } from './auth/sharedLimits.ts';
import { clientAddress, originAllowed } from './http/addresses.ts';
import { ROOT } from './http/paths.ts';
import { loadOrCreateSecret, TokenSigner } from './auth/tokens.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { Retention } from './retention.ts';
import { openStore } from './store/openStore.ts';
import type { Store } from './store/SessionStore.ts';
import type { Fanout } from './sync/fanout/Fanout.ts';
import { RoomRegistry } from './sync/RoomRegistry.ts';
import { SyncServer } from './sync/SyncServer.ts';

export { CLIENT_DIST } from './http/paths.ts';

export interface VeldwerkServer {
  http: http.Server;
  store: Store;
  registry: RoomRegistry;
  metrics: Metrics;
  /** The daily deletion of sessions past RETENTION_DAYS, when configured. */
  retention: Retention | null;
  /** Starts listening; resolves the port. */
  listen(): Promise<number>;
  /**
   * Graceful stop (drain, issue 13): `/readyz` answers 503, no new connections, the open
   * ones closed with 1012 so their clients reconnect (through a load balancer: to another
   * instance), rooms flushed (compaction, snapshots), then Redis and the store closed.
   */
  close(): Promise<void>;
}

export async function createVeldwerkServer(config: Config & { dbFile: string }, log: Logger): Promise<VeldwerkServer> {
  const store = await openStore(config, { checkIntegrity: true, log }); // SQLite, or PostgreSQL with DATABASE_URL
  const tokens = new TokenSigner(loadOrCreateSecret(config.DATA_DIR));
  const metrics = new Metrics();
  metrics.quarantineRows = await store.docs.countQuarantine(); // issue 10: visible from the start
  // Several instances (issue 13): loaded only with REDIS_URL, so one process loads no Redis code.
  const fanout: Fanout | null = config.REDIS_URL
    ? await (await import('./sync/fanout/RedisFanout.ts')).RedisFanout.connect(config.REDIS_URL, log)
    : null;
  // Rate limits and connections per address count over every instance (issue 13).
  const shared = fanout?.redis
    ? {
        limiter: (name: string, limit: number, windowMs: number) =>
          new RedisRateLimiter(fanout.redis!, name, limit, windowMs, log),
        connections: new RedisConnectionCounter(fanout.redis, fanout.instanceName, log),
      }
    : null;
  const registry = new RoomRegistry({
    store: store.docs,
    metrics,
    log,
    maxDocBytes: config.MAX_DOC_BYTES,
    compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
    snapshotIntervalMs: config.SNAPSHOT_INTERVAL_MINUTES * 60_000,
    idleUnloadMs: config.ROOM_IDLE_UNLOAD_MS,
    maxRoomsLoaded: config.MAX_ROOMS_LOADED,
    fanout: fanout ?? undefined,
  });
  let draining = false;
  const development = config.NODE_ENV === 'development';
  let httpApp: Promise<express.Express> | null = null;
  const loadHttpApp = () =>
    (httpApp ??= import('./http/httpApp.ts').then(
      ({ createHttpApp }) =>
        createHttpApp({
          config,
          log,
          store,
          tokens,
          registry,
          metrics,
          busReady: () => (fanout ? fanout.ready() : null),
          draining: () => draining,
          sharedLimiter: shared?.limiter,
          development,
        }),
      (err: unknown) => {
        httpApp = null; // the next request tries again
        throw err;
      },
    ));
  const server = http.createServer((req, res) => {
    loadHttpApp().then(
      (app) => app(req, res),
      (err: unknown) => {
        log.error({ err }, 'the HTTP app did not load');
        res.statusCode = 500;
        res.end();
      },
    );
  });
  const vite = development ? await attachViteDev(await loadHttpApp(), server) : null;

  const sync = new SyncServer({
    registry,
    sessions: store.sessions,
    tokens,
    metrics,
    log,
    maxMessageBytes: config.MAX_MESSAGE_BYTES,
    maxSyncStep2Bytes: config.MAX_DOC_BYTES,
    maxConnectionsPerIp: config.MAX_CONNECTIONS_PER_IP,
    connections: shared?.connections,
    heartbeatMs: config.HEARTBEAT_MS,
    clientIp: (req) => clientAddress(req, config.TRUST_PROXY),
    budget: {
      messagesPerSecond: config.CONNECTION_MESSAGES_PER_SECOND,
      bytesPerSecond: config.CONNECTION_BYTES_PER_SECOND,
    },
    output: { maxUnreadBytes: config.MAX_UNREAD_BYTES, maxBufferedBytesTotal: config.MAX_BUFFERED_BYTES_TOTAL },
  });
  const allowedOrigins = [...config.ALLOWED_ORIGINS, ...(config.PUBLIC_URL ? [new URL(config.PUBLIC_URL).origin] : [])];
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/sync/') && !originAllowed(req, allowedOrigins)) {
      metrics.refusedOriginsTotal++;
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!sync.handleUpgrade(req, socket, head) && !vite) socket.destroy();
  });

  const retention = config.RETENTION_DAYS ? new Retention({ store, registry, log, days: config.RETENTION_DAYS }) : null;

  let closing: Promise<void> | null = null;
  return {
    http: server,
    store,
    registry,
    metrics,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          retention?.start();
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : config.PORT);
        });
      }),
    retention,
    close: () =>
      (closing ??= (async () => {
        draining = true;
        // A load balancer that asks /readyz takes this instance out before it stops listening.
        if (config.SHUTDOWN_DRAIN_MS) await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_MS));
        await retention?.stop();
        sync.stopAccepting();
        const httpClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        await registry.unloadAll();
        sync.close();
        server.closeAllConnections();
        await httpClosed;
        await vite?.close();
        await shared?.connections.stop();
        await fanout?.close();
        await store.close();
      })()),
  };
}

/** Development: Vite in middleware mode, hot reload over the same port. */
async function attachViteDev(app: express.Express, server: http.Server) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: path.join(ROOT, 'vite.config.ts'),
    server: { middlewareMode: true, hmr: { server } },
    appType: 'spa',
  });
  app.use(vite.middlewares);
  return vite;
}
