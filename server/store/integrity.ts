/**
 * Before the server opens its database: is the file whole? `PRAGMA quick_check` reads
 * every page (milliseconds for a meeting's worth of data). A damaged file stops the
 * start with a message that names the file and what to do, instead of serving rooms
 * that fail to load and retry forever.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';

export class StoreDamagedError extends Error {}

export function checkDatabaseFile(file: string): void {
  if (!fs.existsSync(file)) return;
  let problems: string[];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      problems = (db.pragma('quick_check(20)') as { quick_check: string }[]).map((r) => r.quick_check);
    } finally {
      db.close();
    }
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    // Not a database at all, or unreadable pages: damaged. Permissions are reported elsewhere.
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') problems = [String((err as Error).message)];
    else throw err;
  }
  if (problems.length === 1 && problems[0] === 'ok') return;
  throw new StoreDamagedError(
    `The database ${file} is damaged (${problems.slice(0, 3).join('; ')}). ` +
      `Veldwerk will not start on it, so nothing more is lost. Stop here and either restore the newest backup ` +
      `(copy it to ${file}, see README "Data, backup and deletion") or move the file aside and try ` +
      `\`sqlite3 ${file} ".recover" | sqlite3 recovered.db\`.`,
  );
}
