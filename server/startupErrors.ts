/**
 * One clear line for the faults an operator meets when starting the server, instead of
 * a stack trace: a data folder that cannot be written, a full disk, a damaged database,
 * a PostgreSQL database that cannot be reached or used (DATABASE_URL), a port in use.
 * `null` for anything else (then the stack trace helps).
 */
import { StoreDamagedError } from './store/integrity.ts';
import { StoreUnavailableError } from './store/postgres/errors.ts';
import { BusUnavailableError } from './sync/fanout/Fanout.ts';

export function describeStartupError(err: unknown, ctx: { dataDir: string; port: number }): string | null {
  if (err instanceof StoreDamagedError || err instanceof StoreUnavailableError || err instanceof BusUnavailableError) {
    return err.message;
  }
  const e = err as { code?: string; message?: string; path?: string };
  const where = e.path ?? ctx.dataDir;
  switch (e.code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return (
        `Veldwerk cannot write its data folder ${where} (${e.code}: ${e.message ?? ''}). ` +
        `Make it writable for the user that runs Veldwerk, or set DATA_DIR to a folder that is.`
      );
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return `The disk of the data folder ${ctx.dataDir} is full (${e.code}). Free some space and start again.`;
    case 'ENOTDIR':
      return `DATA_DIR ${ctx.dataDir} is not a folder (${e.message ?? ''}).`;
    case 'EADDRINUSE':
      return `Port ${ctx.port} is in use by another program. Stop it or set PORT to a free port.`;
    default:
      return null;
  }
}
