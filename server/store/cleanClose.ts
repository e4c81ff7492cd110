/**
 * Was the SQLite file closed cleanly by the server, and not touched since (issue 14)?
 * `PRAGMA quick_check` reads every page, which made the start grow with the file. The
 * server writes a marker next to the database when it closes it (`veldwerk.db.clean`:
 * the file's and its WAL's identity, size and modification time, as they were after the
 * close) and removes the marker, durably, before it writes anything. At the next start
 * the check is skipped only when the marker is there and the files are still exactly as
 * it describes; after a crash, a power cut, an old version, a copied-in backup or a file
 * changed by anything else, the check runs before anything is opened for writing.
 */
import fs from 'node:fs';
import path from 'node:path';

interface FileMark {
  ino: number;
  size: number;
  mtimeMs: number;
}

interface CleanMarker {
  db: FileMark;
  /** The WAL after the close: absent when SQLite removed it (the usual case). */
  wal: FileMark | null;
}

const markerFile = (dbFile: string) => `${dbFile}.clean`;

function markOf(file: string): FileMark | null {
  try {
    const s = fs.statSync(file);
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

const sameMark = (a: FileMark | null, b: FileMark | null) =>
  a === null || b === null ? a === b : a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

/** True when the marker of a clean close is there and `dbFile` (and its WAL) are unchanged since. */
export function closedCleanly(dbFile: string): boolean {
  let marker: CleanMarker;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile(dbFile), 'utf8')) as CleanMarker;
  } catch {
    return false; // no marker (a crash, a first start, an older version) or an unreadable one
  }
  return sameMark(marker.db, markOf(dbFile)) && sameMark(marker.wal ?? null, markOf(`${dbFile}-wal`));
}

/** Removes the marker, durably, before the file is opened for writing. */
export function clearCleanMarker(dbFile: string): void {
  try {
    fs.unlinkSync(markerFile(dbFile));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  syncDir(path.dirname(dbFile));
}

/** Writes the marker after the database was closed (never while it is open). */
export function writeCleanMarker(dbFile: string): void {
  const db = markOf(dbFile);
  if (!db) return;
  const marker: CleanMarker = { db, wal: markOf(`${dbFile}-wal`) };
  const tmp = `${markerFile(dbFile)}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(marker));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, markerFile(dbFile));
  syncDir(path.dirname(dbFile));
}

function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
