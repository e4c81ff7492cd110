/**
 * The one place that chooses the store (issue 13), for the server and the CLIs:
 * `DATABASE_URL=postgres://…` opens PostgreSQL (several instances may share it); unset,
 * the SQLite file `DATA_DIR/veldwerk.db`, as always. The PostgreSQL code and `pg` are
 * loaded only when chosen, so a single process starts as fast as before.
 */
import fs from 'node:fs';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { clearCleanMarker, closedCleanly } from './cleanClose.ts';
import { checkDatabaseFile } from './integrity.ts';
import { redactUrl } from '../redactUrl.ts';
import type { Store } from './SessionStore.ts';
import { SqliteStore } from './SqliteStore.ts';

type StoreConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'SQLITE_SYNCHRONOUS'> & { dbFile: string };

export interface OpenStoreOptions {
  /**
   * The server's start: refuse a damaged SQLite file (`PRAGMA quick_check`, integrity.ts),
   * unless the server closed it cleanly and it is unchanged since (cleanClose.ts).
   */
  checkIntegrity?: boolean;
  log?: Logger;
}

/**
 * Opens the configured store. PostgreSQL: connects and migrates the schema, or throws
 * `StoreUnavailableError` with one line for the operator (postgres/errors.ts).
 */
export async function openStore(config: StoreConfig, opts: OpenStoreOptions = {}): Promise<Store> {
  if (config.DATABASE_URL) {
    if (fs.existsSync(config.dbFile)) {
      opts.log?.info({ file: config.dbFile }, 'DATABASE_URL is set: the SQLite file is not used (copy-store moves it)');
    }
    const { PostgresStore } = await import('./PostgresStore.ts');
    return PostgresStore.open(config.DATABASE_URL, {
      poolSize: config.DATABASE_POOL_SIZE,
      onIdleError: (err) => opts.log?.warn({ err }, 'a PostgreSQL connection failed; it is replaced when needed'),
    });
  }
  if (opts.checkIntegrity) {
    const clean = closedCleanly(config.dbFile);
    if (!clean) checkDatabaseFile(config.dbFile);
    opts.log?.info(
      { file: config.dbFile, checked: !clean },
      clean ? 'closed cleanly: not checked' : 'database checked',
    );
    clearCleanMarker(config.dbFile); // before anything is written: a crash from here on means "check"
  }
  return new SqliteStore(config.dbFile, {
    synchronous: config.SQLITE_SYNCHRONOUS,
    markCleanClose: opts.checkIntegrity,
    // The server's store (issue 14): WAL checkpoints in a thread, not inside a commit on the event loop.
    checkpointInThread: opts.checkIntegrity
      ? {
          onFailure: (err) =>
            opts.log?.error({ err }, 'the WAL checkpoint thread failed; checkpoints run inline until it is back'),
        }
      : undefined,
  });
}

/** Where the configured store is, for messages: "PostgreSQL postgres://…" (no password) or "SQLite <file>". */
export function describeStore(config: Pick<StoreConfig, 'DATABASE_URL' | 'dbFile'>): string {
  return config.DATABASE_URL ? `PostgreSQL ${redactUrl(config.DATABASE_URL)}` : `SQLite ${config.dbFile}`;
}
