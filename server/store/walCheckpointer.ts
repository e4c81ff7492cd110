/**
 * WAL checkpoints off the event loop (issue 14). SQLite checkpoints a WAL database inside the
 * commit that takes the WAL past `wal_autocheckpoint` pages: on the server's one connection,
 * that is the event loop, and a checkpoint writes the pages back and syncs the WAL and the
 * file (with `synchronous=NORMAL` the only syncs there are). Under load that stalled every
 * room of the instance for tens to hundreds of milliseconds, several times a second. Here the
 * server's connection stops checkpointing (`wal_autocheckpoint = 0`) once a worker thread
 * with its own connection does it (walCheckpointWorker.mjs): PASSIVE checkpoints, which never
 * wait for a lock and never block a writer. Nothing changes for durability: a commit is in
 * the WAL as before; a checkpoint only copies committed pages into the file.
 *
 * The thread starts at the first write (an idle server holds no second V8 isolate). If it
 * fails, the server's connection checkpoints by itself again at once (SQLite's default of
 * 1,000 pages), and the thread is started again later. `stop()` (the store's close) ends it
 * first, so the server's connection is the last one and its close checkpoints and removes
 * the WAL, as before.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** Beside this file in the sources, beside the bundle in dist/server (esbuild.server.mjs copies it). */
const WORKER_FILE = new URL('./walCheckpointWorker.mjs', import.meta.url);
/** SQLite's own default, for the server's connection while no thread checkpoints. */
const OWN_AUTOCHECKPOINT_PAGES = 1000;
const MAX_RESTART_DELAY_MS = 5 * 60_000;

export interface WalCheckpointerOptions {
  file: string;
  synchronous: 'NORMAL' | 'FULL';
  /** Shortest time between checkpoints (default 100 ms); the thread paces them to about 1,000 frames each. */
  intervalMs?: number;
  /** Longest time between tries (default 1 s: at most a second of WAL left to copy). */
  idleMs?: number;
  /** First wait before starting a failed thread again, doubled per failure in a row (default 5 s). */
  restartAfterMs?: number;
  /** A thread failed (the server logs it). */
  onFailure?: (err: unknown) => void;
}

/** What the thread did since the start. */
export interface CheckpointStats {
  /** Checkpoints that copied pages into the file. */
  checkpoints: number;
  /** WAL frames (pages) copied. */
  frames: number;
  /** Time spent in those checkpoints, seconds (in the thread, not on the event loop). */
  seconds: number;
  /** Tries that found another checkpoint at work or a page still read. */
  busy: number;
  /** Threads that ended unasked. */
  failures: number;
  /** A thread checkpoints now (the server's connection does not). */
  active: boolean;
}

export class WalCheckpointer {
  /** Checkpoints, frames, microseconds, busy tries: written by the thread. */
  private readonly counts = new BigInt64Array(new SharedArrayBuffer(4 * BigInt64Array.BYTES_PER_ELEMENT));
  private worker: Worker | null = null;
  private active = false;
  private stopped = false;
  private failures = 0;
  private failuresInARow = 0;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly o: WalCheckpointerOptions,
  ) {}

  /** Called on every write: starts the thread the first time (and after a failure, once its delay is over). */
  wake(): void {
    if (this.worker || this.stopped || this.restartTimer) return;
    this.start();
  }

  private start(): void {
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        file: this.o.file,
        synchronous: this.o.synchronous,
        intervalMs: this.o.intervalMs ?? 100,
        idleMs: this.o.idleMs ?? 1000,
        counts: this.counts,
      },
      // A thread that opens a file and runs a pragma: a small heap is plenty.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    worker.unref(); // never what keeps the process alive; close() ends it properly
    this.worker = worker;
    worker.on('message', (message) => {
      if (message !== 'ready' || this.worker !== worker || this.stopped) return;
      this.db.pragma('wal_autocheckpoint = 0');
      this.active = true;
      this.failuresInARow = 0;
    });
    worker.once('error', (err) => this.failed(worker, err));
    worker.once('exit', (code) => this.failed(worker, new Error(`the WAL checkpoint thread exited (${code})`)));
  }

  /** The thread is gone unasked: the connection checkpoints by itself until a new one runs. */
  private failed(worker: Worker, err: unknown): void {
    if (this.worker !== worker || this.stopped) return;
    this.worker = null;
    this.active = false;
    this.failures++;
    this.failuresInARow++;
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${OWN_AUTOCHECKPOINT_PAGES}`);
    this.o.onFailure?.(err);
    const delay = Math.min(MAX_RESTART_DELAY_MS, (this.o.restartAfterMs ?? 5000) * 2 ** (this.failuresInARow - 1));
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.wake();
    }, delay);
    this.restartTimer.unref();
  }

  /** The thread's counts so far. */
  stats(): CheckpointStats {
    const at = (i: number) => Number(Atomics.load(this.counts, i));
    return {
      checkpoints: at(0),
      frames: at(1),
      seconds: at(2) / 1e6,
      busy: at(3),
      failures: this.failures,
      active: this.active,
    };
  }

  /** Ends the thread (its connection closed) before the store closes its own. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.active = false;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage('stop');
    const timer = setTimeout(() => void worker.terminate(), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** Ends the thread as a crash would (tests: the server goes on, and starts a new one). */
  async terminateThread(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    await worker.terminate();
    await exited;
  }
}
