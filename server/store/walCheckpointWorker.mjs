// @ts-check
/**
 * The WAL checkpointer's thread (issue 14; started by walCheckpointer.ts, which says why).
 * Plain JavaScript, so that it runs as it is from the sources (tsx, vitest) and beside the
 * bundled server (esbuild.server.mjs copies it into dist/server).
 *
 * Its own connection to the database; a PASSIVE checkpoint about every 1,000 frames the WAL
 * grows (between `intervalMs` and `idleMs` apart). PASSIVE never waits for
 * a lock and never blocks a writer: it copies what no reader still needs and stops. Counts go
 * to the main thread through a shared array (no message per checkpoint): checkpoints that
 * copied something, frames copied, microseconds spent, and tries that found the database
 * busy. A message `'stop'` closes the connection and ends the thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string, synchronous: string, intervalMs: number, idleMs: number, counts: BigInt64Array }} */
const { file, synchronous, intervalMs, idleMs, counts } = workerData;
/** Frames a checkpoint copies at most at once: SQLite's default wal_autocheckpoint. */
const TARGET_FRAMES = 1000;
const CHECKPOINTS = 0;
const FRAMES = 1;
const MICROS = 2;
const BUSY = 3;

const db = new Database(file, { fileMustExist: true });
// The checkpoint syncs the WAL and the file as the main connection's setting says.
db.pragma(`synchronous = ${synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
db.pragma('wal_autocheckpoint = 0'); // it checkpoints on its own schedule only
parentPort?.postMessage('ready'); // the main thread's connection may stop checkpointing now

let timer = setTimeout(run, intervalMs);
let wait = intervalMs;
/** The WAL's frames and the frames copied from it, at the last try (SQLite counts both from the WAL's start). */
let last = { log: 0, checkpointed: 0 };

/** @returns {{ busy: number, log: number, checkpointed: number } | null} null: another checkpoint holds the lock */
function checkpoint() {
  try {
    return db.pragma('wal_checkpoint(PASSIVE)')[0];
  } catch (err) {
    const code = /** @type {{ code?: string }} */ (err).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
    throw err; // the main thread sees the thread end and checkpoints itself again
  }
}

function run() {
  const started = process.hrtime.bigint();
  const r = checkpoint();
  if (!r || r.busy) Atomics.add(counts, BUSY, 1n);
  let copied = 0;
  if (r) {
    // A WAL that started again (both counts lower) was copied from its start.
    const restarted = r.log < last.log || r.checkpointed < last.checkpointed;
    copied = Math.max(0, restarted ? r.checkpointed : r.checkpointed - last.checkpointed);
    last = { log: r.log, checkpointed: r.checkpointed };
  }
  if (copied > 0) {
    Atomics.add(counts, CHECKPOINTS, 1n);
    Atomics.add(counts, FRAMES, BigInt(copied));
    Atomics.add(counts, MICROS, (process.hrtime.bigint() - started) / 1000n);
  }
  // Paced to copy about TARGET_FRAMES a time, as SQLite's own checkpoints did (as many
  // syncs as before, only off the event loop); not sooner than intervalMs, not later than
  // idleMs; at once again while a reader or another checkpoint held frames back.
  if (copied > 0) wait = Math.min(idleMs, Math.max(intervalMs, (wait * TARGET_FRAMES) / copied));
  else if (!r || r.busy || r.log > r.checkpointed) wait = intervalMs;
  else wait = Math.min(idleMs, wait * 2);
  timer = setTimeout(run, wait);
}

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearTimeout(timer);
  db.close();
  parentPort?.close();
});
