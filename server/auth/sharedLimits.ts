/**
 * Limits shared by the instances of one deployment (issue 13, `REDIS_URL`): rate limits
 * and open websocket connections per address count in Redis, so a client does not get
 * N times its budget by landing on N instances. Only the types of ioredis are imported
 * here: the connection comes from `sync/fanout/RedisFanout.ts`, which is loaded only
 * with `REDIS_URL`.
 *
 * Redis slow or away must not stop the service: a limit that cannot ask Redis within
 * {@link REDIS_LIMIT_TIMEOUT_MS} counts in this process instead (per instance, as with
 * one process), and says so in the log once.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import { RateLimiter, slidingWindowWait, type Limiter } from './RateLimiter.ts';

const PREFIX = 'veldwerk:';
/** How long a limit waits for Redis before it counts locally. */
export const REDIS_LIMIT_TIMEOUT_MS = 1000;
/** An instance counts as alive this long after its last sign of life (it renews every third of it). */
const INSTANCE_TTL_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Logs Redis trouble of the limits once per minute at most. */
function warnOnce(log: Logger): (err: unknown, what: string) => void {
  let last = -Infinity;
  return (err, what) => {
    if (Date.now() - last < 60_000) return;
    last = Date.now();
    log.warn({ err: String(err) }, `${what}: counting in this instance until Redis answers`);
  };
}

/**
 * The sliding-window limit of {@link RateLimiter}, with its two counts per key in Redis
 * (one key per window, expiring after two). Checking and counting are two round trips:
 * instances that hit the same key at the same moment may let a few more through.
 */
export class RedisRateLimiter implements Limiter {
  private readonly fallback: RateLimiter;
  private readonly warn: (err: unknown, what: string) => void;

  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly limit: number,
    private readonly windowMs: number,
    log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.fallback = new RateLimiter(limit, windowMs, now);
    this.warn = warnOnce(log);
  }

  private keyOf(key: string, epoch: number): string {
    return `${PREFIX}limit:${this.name}:${key}:${epoch}`;
  }

  async check(key: string): Promise<number> {
    const t = this.now();
    const epoch = Math.floor(t / this.windowMs);
    try {
      const [current, previous] = await withTimeout(
        this.redis.mget(this.keyOf(key, epoch), this.keyOf(key, epoch - 1)),
        REDIS_LIMIT_TIMEOUT_MS,
      );
      const elapsed = t - epoch * this.windowMs;
      return slidingWindowWait(this.limit, this.windowMs, elapsed, Number(current ?? 0), Number(previous ?? 0));
    } catch (err) {
      this.warn(err, `rate limit ${this.name}`);
      return this.fallback.check(key);
    }
  }

  async count(key: string): Promise<void> {
    const epoch = Math.floor(this.now() / this.windowMs);
    const k = this.keyOf(key, epoch);
    try {
      await withTimeout(
        this.redis
          .multi()
          .incr(k)
          .pexpire(k, 2 * this.windowMs + 1000)
          .exec(),
        REDIS_LIMIT_TIMEOUT_MS,
      );
    } catch (err) {
      this.warn(err, `rate limit ${this.name}`);
      this.fallback.count(key);
    }
  }

  async hit(key: string): Promise<number> {
    const wait = await this.check(key);
    if (wait === 0) await this.count(key);
    return wait;
  }
}

/** Open connections per address, over every instance. */
export interface ConnectionCounter {
  /** Counts one more from `address`; resolves the total over every live instance. */
  opened(address: string): Promise<number>;
  /** One from `address` closed. */
  closed(address: string): void;
  stop(): Promise<void>;
}

/**
 * Per address a Redis hash of instance → open connections. An instance renews a key of
 * its own while it runs; the count of one that died (its key expired) is left out and
 * removed, so a crashed instance's connections stop counting within {@link INSTANCE_TTL_MS}.
 */
export class RedisConnectionCounter implements ConnectionCounter {
  private readonly aliveKey: string;
  private readonly timer: NodeJS.Timeout;
  private readonly warn: (err: unknown, what: string) => void;
  /** This instance's own counts: the fallback, and what it takes back when it stops. */
  private readonly local = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly instance: string,
    log: Logger,
  ) {
    this.aliveKey = `${PREFIX}instance:${instance}`;
    this.warn = warnOnce(log);
    const renew = () =>
      void this.redis.set(this.aliveKey, '1', 'PX', INSTANCE_TTL_MS).catch((err: unknown) => this.warn(err, 'alive'));
    renew();
    this.timer = setInterval(renew, INSTANCE_TTL_MS / 3);
    this.timer.unref();
  }

  private hashOf(address: string): string {
    return `${PREFIX}conns:${address}`;
  }

  async opened(address: string): Promise<number> {
    const mine = (this.local.get(address) ?? 0) + 1;
    this.local.set(address, mine);
    try {
      return await withTimeout(this.total(address), REDIS_LIMIT_TIMEOUT_MS);
    } catch (err) {
      this.warn(err, 'connections per address');
      return mine;
    }
  }

  private async total(address: string): Promise<number> {
    const hash = this.hashOf(address);
    await this.redis
      .multi()
      .hincrby(hash, this.instance, 1)
      .pexpire(hash, 24 * 3600_000)
      .exec();
    const counts = await this.redis.hgetall(hash);
    const others = Object.keys(counts).filter((id) => id !== this.instance);
    const alive = others.length ? await this.redis.mget(others.map((id) => `${PREFIX}instance:${id}`)) : [];
    let total = Number(counts[this.instance] ?? 0);
    const dead: string[] = [];
    others.forEach((id, i) => {
      if (alive[i]) total += Number(counts[id] ?? 0);
      else dead.push(id);
    });
    if (dead.length) await this.redis.hdel(hash, ...dead);
    return total;
  }

  closed(address: string): void {
    const mine = (this.local.get(address) ?? 1) - 1;
    if (mine <= 0) this.local.delete(address);
    else this.local.set(address, mine);
    const hash = this.hashOf(address);
    this.redis
      .hincrby(hash, this.instance, -1)
      .then((left) => (left <= 0 ? this.redis.hdel(hash, this.instance) : 0))
      .catch((err: unknown) => this.warn(err, 'connections per address'));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    const addresses = [...this.local.keys()];
    this.local.clear();
    await Promise.allSettled([
      this.redis.del(this.aliveKey),
      ...addresses.map((a) => this.redis.hdel(this.hashOf(a), this.instance)),
    ]);
  }
}
