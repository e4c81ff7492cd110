/**
 * Health for a load balancer (issue 13). `GET /healthz`: the process answers (alive).
 * `GET /readyz`: it may take new clients: the store answers, Redis is connected when
 * `REDIS_URL` is set, and it is not draining (SIGTERM). 200 or 503, with the reasons.
 */
import express from 'express';

/** How long the store may take to answer the readiness probe. */
const STORE_PROBE_TIMEOUT_MS = 2000;

export interface HealthDeps {
  /** Rooms and connections, for the operator's eye. */
  stats(): { rooms: number; connections: number };
  /** A cheap query; rejects when the store cannot be reached. */
  probeStore(): Promise<unknown>;
  /** `null` when there is no bus (one process), else whether it is connected. */
  busReady(): boolean | null;
  /** True from SIGTERM on. */
  draining(): boolean;
}

export function healthRoutes(deps: HealthDeps): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok', ...deps.stats() });
  });
  router.get('/readyz', async (_req, res) => {
    const reasons: string[] = [];
    if (deps.draining()) reasons.push('draining');
    if (deps.busReady() === false) reasons.push('redis not connected');
    try {
      await withTimeout(deps.probeStore(), STORE_PROBE_TIMEOUT_MS);
    } catch (err) {
      reasons.push(`store not reachable: ${err instanceof Error ? err.message : String(err)}`);
    }
    res.set('Cache-Control', 'no-store');
    if (reasons.length) res.status(503).json({ status: 'not ready', reasons });
    else res.json({ status: 'ready', ...deps.stats() });
  });
  return router;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
