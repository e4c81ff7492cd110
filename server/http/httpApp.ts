/**
 * The HTTP side of the server as one express app: security headers, health, metrics, the
 * REST API and the built client. `app.ts` loads this module at the first HTTP request
 * (issue 14: quick to come back): a restarted server listens and serves the websocket
 * sync of the rooms without loading express, the API's routes and schemas first.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Config } from '../config.ts';
import { createApiRouter } from '../api/routes.ts';
import { JoinGuard } from '../auth/joinGuard.ts';
import { RateLimiter, type Limiter } from '../auth/RateLimiter.ts';
import type { TokenSigner } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { SessionService } from '../sessions.ts';
import type { Store } from '../store/SessionStore.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';
import { healthRoutes } from './health.ts';
import { CLIENT_DIST } from './paths.ts';
import { inlineScriptHashes, metricsAccess, securityHeaders } from './security.ts';
import { builtClientFiles, sendIndex } from './staticFiles.ts';

export interface HttpAppDeps {
  config: Config;
  log: Logger;
  store: Store;
  tokens: TokenSigner;
  registry: RoomRegistry;
  metrics: Metrics;
  /** `null` when there is no bus (one process), else whether Redis is connected. */
  busReady(): boolean | null;
  /** True from SIGTERM on: `/readyz` answers 503. */
  draining(): boolean;
  /** With REDIS_URL: rate limits counted over every instance (issue 13). */
  sharedLimiter?: (name: string, limit: number, windowMs: number) => Limiter;
  /** Development: Vite's middleware serves the client instead of dist/client. */
  development: boolean;
}

export function createHttpApp(deps: HttpAppDeps): express.Express {
  const { config, log, store, registry, metrics } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  if (deps.development) {
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
  app.use(
    healthRoutes({
      stats: () => ({ rooms: registry.loadedCount, connections: metrics.connections }),
      probeStore: () => store.sessions.getSession('readiness-probe'),
      busReady: deps.busReady,
      draining: deps.draining,
    }),
  );
  app.get('/metrics', metricsAccess(config.METRICS_TOKEN), (_req, res) => {
    res.type('text/plain; version=0.0.4').send(metrics.render());
  });
  const sessions = new SessionService({
    store,
    tokens: deps.tokens,
    tokenTtlDays: config.TOKEN_TTL_DAYS,
    facilitatorTokenTtlDays: config.FACILITATOR_TOKEN_TTL_DAYS,
    joinCodeTtlDays: config.JOIN_CODE_TTL_DAYS,
  });
  app.use(
    '/api',
    createApiRouter({
      store,
      sessions,
      tokens: deps.tokens,
      registry,
      joinGuard: new JoinGuard(config.JOIN_ATTEMPTS_PER_MINUTE, Date.now, deps.sharedLimiter),
      createLimiter: deps.sharedLimiter
        ? deps.sharedLimiter('create-sessions', config.CREATE_SESSIONS_PER_MINUTE, 60_000)
        : new RateLimiter(config.CREATE_SESSIONS_PER_MINUTE, 60_000),
      log,
      publicUrl: config.PUBLIC_URL,
    }),
  );
  if (!deps.development) serveBuiltClient(app, log);
  return app;
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
