/**
 * The store for several server instances (issue 13): PostgreSQL, chosen with
 * `DATABASE_URL=postgres://…` (see openStore.ts). The same contract as {@link SqliteStore}
 * (test/unit/docStore.contract.test.ts runs against both), with a pool of
 * `DATABASE_POOL_SIZE` connections per instance and the schema's migrations run at open
 * (postgres/migrations.ts). A resolved `append` is committed: it survives the instance
 * and, with PostgreSQL's default `synchronous_commit`, the database server's crash.
 */
import fs from 'node:fs';
import type pg from 'pg';
import type { DocStore } from './DocStore.ts';
import { createPostgresDocStore } from './postgres/docStore.ts';
import { describePostgresFault, StoreUnavailableError } from './postgres/errors.ts';
import { redactUrl } from '../redactUrl.ts';
import { migrate, SchemaTooNewError } from './postgres/migrations.ts';
import { createPool } from './postgres/pool.ts';
import { createPostgresSessionStore } from './postgres/sessionStore.ts';
import type { SessionStore, Store } from './SessionStore.ts';

export interface PostgresStoreOptions {
  /** Connections at most (DATABASE_POOL_SIZE; default 10). */
  poolSize?: number;
  /** An idle connection failed (e.g. the database restarted); the pool makes a new one when needed. */
  onIdleError?: (err: Error) => void;
}

export class PostgresStore implements Store {
  readonly docs: DocStore;
  readonly sessions: SessionStore;
  private closed: Promise<void> | null = null;

  private constructor(
    readonly pool: pg.Pool,
    readonly url: string,
  ) {
    this.docs = createPostgresDocStore(pool);
    this.sessions = createPostgresSessionStore(pool);
  }

  /**
   * Connects, brings the schema up to date and resolves the store. Throws
   * {@link StoreUnavailableError} with one line for the operator when the database cannot
   * be reached or used (wrong host, password or name; a schema of a newer Veldwerk).
   */
  static async open(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = createPool(url, { size: opts.poolSize ?? 10, onIdleError: opts.onIdleError });
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => {});
      if (err instanceof SchemaTooNewError) throw new StoreUnavailableError(`${err.message} (${redactUrl(url)})`);
      const advice = describePostgresFault(err, url);
      if (advice) throw new StoreUnavailableError(advice, { cause: err });
      throw err;
    }
    return new PostgresStore(pool, url);
  }

  /**
   * Writes a consistent copy of the whole store, taken in one snapshot while the servers
   * run, to `file` as a Veldwerk SQLite database (the same as SQLite's `backup`): a server
   * with that DATA_DIR runs on it, and `copy-store` moves it back into PostgreSQL. For a
   * database-level backup use PostgreSQL's own tools (pg_dump) as for any database.
   */
  async backup(file: string): Promise<void> {
    if (fs.existsSync(file)) throw new Error(`${file} exists: give a new file name for the backup.`);
    const { copyStore } = await import('./copyStore.ts');
    await copyStore({ kind: 'postgres', url: this.url }, { kind: 'sqlite', file });
  }

  close(): Promise<void> {
    return (this.closed ??= this.pool.end());
  }
}
