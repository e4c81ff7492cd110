/**
 * Faults of the PostgreSQL store an operator meets at start (issue 13), as one line that
 * says what to do; `server/startupErrors.ts` prints it instead of a stack trace. Kept free
 * of the `pg` import, so the start path of a SQLite server does not load it.
 */
import { redactUrl } from '../../redactUrl.ts';

export class StoreUnavailableError extends Error {}

/** Why connecting to or preparing the database failed, as advice for the operator; `null` when unknown. */
export function describePostgresFault(err: unknown, url: string): string | null {
  const e = err as { code?: string; message?: string };
  const where = `DATABASE_URL ${redactUrl(url)}`;
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return `PostgreSQL does not answer at ${where} (${e.code}). Start it, or correct the host and port.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host of ${where} is unknown (${e.code}). Correct the host name.`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the user or password of ${where} (${e.message ?? e.code}). Correct them, or the server's pg_hba.conf.`;
    case '3D000':
      return `The database of ${where} does not exist (${e.message ?? e.code}). Create it (createdb) or correct the name.`;
    case '42501':
      return `The user of ${where} may not create Veldwerk's tables (${e.message ?? e.code}). Give it CREATE on the database, or run the first start as its owner.`;
    case '57P03':
      return `PostgreSQL at ${where} is starting or shutting down (${e.message ?? e.code}). Try again in a moment.`;
    default:
      if (/timeout/i.test(e.message ?? '')) {
        return `PostgreSQL did not answer in time at ${where} (${e.message}). Check that it runs and is reachable.`;
      }
      return null;
  }
}
