/**
 * Builds a room's doc from its stored rows, one row at a time. A row that does not
 * decode, is over the limits, or throws while applying is MOVED to the quarantine (one
 * SQL transaction), counted and logged at error level: never skipped silently, and so
 * never deleted by a later compaction (issue 10). The rest of the doc is served.
 * For serving, a room with few stored rows (one after a graceful stop, the compacted row
 * and the updates since after a crash) is answered from those rows before its doc is
 * built (issue 14: quick to come back, {@link loadStoredForServing}).
 */
import * as Y from 'yjs';
import { typeMapRoots } from '../../shared/model/changes.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { DocStore } from '../store/DocStore.ts';
import { checkWithinLimits, STORED_ROW_LIMITS } from './updateLimits.ts';

export interface LoadedDoc {
  doc: Y.Doc;
  /** Sequence numbers of the rows the doc holds (the only rows compaction may replace). */
  seqs: number[];
  lastSeq: number;
  bytes: number;
  /** Rows moved to the quarantine by this load. */
  quarantined: number;
  /**
   * When the doc was built from exactly one stored row (a compacted room, as every room is
   * after a graceful stop) and nothing is pending: that row, which is the doc's whole
   * state as an update, ready to answer a client that has nothing (issue 14).
   */
  wholeState: Uint8Array | null;
}

export interface LoadDeps {
  store: DocStore;
  log: Logger;
  /** Counts quarantined rows; absent in the admin CLI. */
  metrics?: Metrics;
  /** Root names to type as maps before anything is applied (see `typeMapRoots`). */
  mapRoots?: readonly string[];
  now?: () => number;
}

function freshDoc(mapRoots: readonly string[] | undefined): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  if (mapRoots) typeMapRoots(doc, mapRoots);
  return doc;
}

/** Loads `room` from the store, quarantining the rows that cannot be part of it. */
export async function loadStoredDoc(room: string, deps: LoadDeps): Promise<LoadedDoc> {
  const stored = await readStoredRows(room, deps);
  stored.build();
  await stored.settled();
  return stored;
}

/** More stored rows than this are built into the doc at once (and compacted at the next write). */
const MAX_ROWS_UNBUILT = 100;

/**
 * Loads `room` for serving (issue 14): when it has stored rows within the limits (one after
 * a graceful stop, the compacted row and the updates since after a crash), the doc is NOT
 * built yet: the rows answer a client that has nothing ({@link StoredRows.unbuiltUpdates}),
 * and {@link StoredRows.build} applies them when the doc is first needed. With no row, or
 * very many, the doc is built now, as {@link loadStoredDoc} does.
 */
export async function loadStoredForServing(room: string, deps: LoadDeps): Promise<StoredRows> {
  const stored = await readStoredRows(room, deps);
  const rows = stored.unbuiltUpdates?.length ?? 0;
  if (rows >= 1 && rows <= MAX_ROWS_UNBUILT) return stored;
  stored.build();
  await stored.settled();
  return stored;
}

interface Row {
  seq: number;
  update: Uint8Array;
}

/** Reads the stored rows of `room`; a row over the limits goes to the quarantine now. */
async function readStoredRows(room: string, deps: LoadDeps): Promise<StoredRows> {
  const stored = await deps.store.load(room);
  const result = new StoredRows(room, deps);
  const rows: Row[] = [];
  for (let i = 0; i < stored.updates.length; i++) {
    const update = stored.updates[i]!;
    const seq = stored.seqs[i]!;
    const checked = checkWithinLimits(update, STORED_ROW_LIMITS); // Yjs decodes it in applyUpdate
    if (checked.ok) rows.push({ seq, update });
    else await result.moveAside(seq, checked.reason);
  }
  result.setRows(rows);
  return result;
}

/**
 * A room's stored rows, within the limits, and the doc they make once {@link build} has
 * applied them. Before that, `doc` is an empty doc (the same object the rows go into,
 * unless one throws) and `wholeState` the one row there is, if there is one.
 */
export class StoredRows implements LoadedDoc {
  doc: Y.Doc;
  seqs: number[] = [];
  lastSeq = 0;
  bytes = 0;
  quarantined = 0;
  wholeState: Uint8Array | null = null;
  /** Rows not applied yet; `null` once built. */
  private rows: Row[] | null = [];
  private readonly quarantining: Promise<void>[] = [];

  constructor(
    private readonly room: string,
    private readonly deps: LoadDeps,
  ) {
    this.doc = freshDoc(deps.mapRoots);
  }

  get built(): boolean {
    return this.rows === null;
  }

  /**
   * Before {@link build}: the rows' updates in their stored order, together the doc's whole
   * state (what a client that has nothing needs); `null` once built.
   */
  get unbuiltUpdates(): Uint8Array[] | null {
    return this.rows?.map((r) => r.update) ?? null;
  }

  /** @internal the rows that passed the limits, in order. */
  setRows(rows: Row[]): void {
    this.rows = rows;
    this.describe(rows);
    this.wholeState = rows.length === 1 ? rows[0]!.update : null;
  }

  /**
   * Applies the rows to the doc, at once (synchronous). A row that throws is moved to the
   * quarantine ({@link settled} waits for that) and the doc is built again, a new
   * `doc`, from the rows before it. Returns false when a row did not apply.
   */
  build(): boolean {
    const rows = this.rows;
    if (rows === null) return true;
    this.rows = null;
    const good: Row[] = [];
    for (const row of rows) {
      try {
        Y.applyUpdate(this.doc, row.update);
        good.push(row);
      } catch (err) {
        this.quarantining.push(this.moveAside(row.seq, `failed to apply: ${String(err)}`));
        // The throw may have left the doc half-changed: build it again from the good rows.
        this.doc.destroy();
        this.doc = freshDoc(this.deps.mapRoots);
        for (const ok of good) Y.applyUpdate(this.doc, ok.update);
      }
    }
    const pending = Boolean(this.doc.store.pendingStructs || this.doc.store.pendingDs);
    if (pending) {
      // Content whose dependencies were never stored (written before updates were checked).
      // It stays in the doc's state (compaction keeps pending content) until they arrive.
      this.deps.log.warn({ room: this.room }, 'stored updates with missing dependencies');
    }
    this.describe(good);
    this.wholeState = good.length === 1 && !pending ? good[0]!.update : null;
    return good.length === rows.length;
  }

  /** Resolves when the rows that failed to apply in {@link build} are in the quarantine (or could not be moved). */
  async settled(): Promise<void> {
    await Promise.all(this.quarantining);
  }

  private describe(rows: Row[]): void {
    this.seqs = rows.map((r) => r.seq);
    this.lastSeq = rows.length ? rows[rows.length - 1]!.seq : 0;
    this.bytes = rows.reduce((n, r) => n + r.update.byteLength, 0);
  }

  /** @internal Moves a stored row to the quarantine: counted and logged, never skipped silently. */
  async moveAside(seq: number, reason: string): Promise<void> {
    const { deps, room } = this;
    deps.log.error({ room, seq, reason }, 'stored update quarantined: it cannot be loaded');
    try {
      if (await deps.store.quarantine(room, seq, reason, (deps.now ?? Date.now)())) {
        this.quarantined++;
        deps.metrics?.countQuarantined();
      }
    } catch (err) {
      // The row stays where it is; this doc does not hold it, so compaction keeps it too.
      deps.log.error({ err, room, seq }, 'could not move a stored update to the quarantine');
    }
  }
}
