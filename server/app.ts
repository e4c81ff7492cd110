/**
 * Composes the server: one HTTP server with the app, the REST API, health and metrics,
 * and websocket sync. `main.ts` runs it; tests start it on port 0.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Config } from './config.ts';
import { createApiRouter } from './api/routes.ts';
import { JoinGuard } from './auth/joinGuard.ts';
import { RateLimiter } from './auth/RateLimiter.ts';
import { RedisConnectionCounter, RedisRateLimiter } from './auth/sharedLimits.ts';
import { healthRoutes } from './http/health.ts';
import { clientAddress, inlineScriptHashes, metricsAccess, originAllowed, securityHeaders } from './http/security.ts';
import { builtClientFiles, sendIndex } from './http/staticFiles.ts';
import { loadOrCreateSecret, TokenSigner } from './auth/tokens.ts';
import type { Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { Retention } from './retention.ts';
import { SessionService } from './sessions.ts';
import { openStore } from './store/openStore.ts';
import type { Store } from './store/SessionStore.ts';
import type { Fanout } from './sync/fanout/Fanout.ts';
import { RoomRegistry } from './sync/RoomRegistry.ts';
import { SyncServer } from './sync/SyncServer.ts';

/** The project folder: the nearest one up with a package.json (this file runs from server/ or bundled in dist/server/). */
function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
  return dir;
}
const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');

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
  const sessions = new SessionService({
    store,
    tokens,
    tokenTtlDays: config.TOKEN_TTL_DAYS,
    facilitatorTokenTtlDays: config.FACILITATOR_TOKEN_TTL_DAYS,
    joinCodeTtlDays: config.JOIN_CODE_TTL_DAYS,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  if (config.NODE_ENV === 'development') {
    // Vite's dev server injects inline scripts for hot reload: no CSP there.
    app.use((_req, res, next) => {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      next();
    });
  } else {
    app.use(
      securityHeaders({
        publicUrl: config.PUBLIC_URL,
        scriptHashes: inlineScriptHashes(path.join(CLIENT_DIST, 'index.html')),
      }),
    );
  }
  let draining = false;
  app.use(
    healthRoutes({
      stats: () => ({ rooms: registry.loadedCount, connections: metrics.connections }),
      probeStore: () => store.sessions.getSession('readiness-probe'),
      busReady: () => (fanout ? fanout.ready() : null),
      draining: () => draining,
    }),
  );
  app.get('/metrics', metricsAccess(config.METRICS_TOKEN), (_req, res) => {
    res.type('text/plain; version=0.0.4').send(metrics.render());
  });
  app.use(
    '/api',
    createApiRouter({
      store,
      sessions,
      tokens,
      registry,
      joinGuard: new JoinGuard(config.JOIN_ATTEMPTS_PER_MINUTE, Date.now, shared?.limiter),
      createLimiter: shared
        ? shared.limiter('create-sessions', config.CREATE_SESSIONS_PER_MINUTE, 60_000)
        : new RateLimiter(config.CREATE_SESSIONS_PER_MINUTE, 60_000),
      log,
      publicUrl: config.PUBLIC_URL,
    }),
  );

  const server = http.createServer(app);
  const vite = config.NODE_ENV === 'development' ? await attachViteDev(app, server) : null;
  if (!vite) serveBuiltClient(app, log);

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

function serveBuiltClient(app: express.Express, log: Logger): void {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) {
    log.warn({ dir: CLIENT_DIST }, 'client not built: run `npm run build` (npm start does)');
  }
  app.use(builtClientFiles(CLIENT_DIST)); // precompressed, hashed assets cached for good (issue 14)
  // Client-side routes: the start page, a session, a join link.
  app.get(['/', '/s/{*rest}', '/join/{*rest}'], (req, res) => {
    sendIndex(req, res, index, () => {
      if (!res.headersSent) res.status(503).type('text/plain').send('Client not built: run npm run build.');
    });
  });
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
