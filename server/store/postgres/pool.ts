/**
 * The connection pool of the PostgreSQL store (issue 13): `pg`'s Pool, with BIGINT and
 * COUNT(*) read as JS numbers (times in ms and sequence numbers stay far below 2^53),
 * and a helper for transactions.
 */
import pg from 'pg';

const INT8_OID = 20;

/** Type parsers of this pool only (not pg's global ones): BIGINT as number. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (v: string) => Number(v)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** Connections at most (DATABASE_POOL_SIZE). */
  size: number;
  /** An idle connection failed (the database restarted, the network dropped); the pool replaces it. */
  onIdleError?: (err: Error) => void;
}

export function createPool(url: string, opts: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.size,
    types,
    // A database that does not answer fails the request instead of hanging it.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'veldwerk',
  });
  pool.on('error', (err) => opts.onIdleError?.(err));
  return pool;
}

/** A connection or the pool itself: something to run queries on. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Thrown inside {@link inTransaction} to undo everything and resolve `value` instead. */
export class Rollback<T> {
  constructor(readonly value: T) {}
}

/**
 * Runs `fn` in one transaction on one connection: COMMIT when it resolves, ROLLBACK when
 * it throws (a {@link Rollback} then resolves its value).
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    try {
      await client.query('ROLLBACK');
    } catch {
      broken = true; // the connection itself failed: do not give it back to the pool
    }
    if (err instanceof Rollback) return err.value as T;
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The SQLSTATE of a PostgreSQL error, if it is one. */
export const sqlState = (err: unknown): string | undefined => (err as { code?: string }).code;
/** A foreign key names a row that is not (or no longer) there: e.g. a session deleted meanwhile. */
export const FOREIGN_KEY_VIOLATION = '23503';
