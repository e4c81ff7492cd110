/**
 * Builds a room's doc from its stored rows, one row at a time. A row that does not
 * decode, is over the limits, or throws while applying is MOVED to the quarantine (one
 * SQL transaction), counted and logged at error level: never skipped silently, and so
 * never deleted by a later compaction (issue 10). The rest of the doc is served.
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
  const stored = await deps.store.load(room);
  const good: { seq: number; update: Uint8Array }[] = [];
  let doc = freshDoc(deps.mapRoots);
  let quarantined = 0;

  const moveAside = async (seq: number, reason: string): Promise<void> => {
    deps.log.error({ room, seq, reason }, 'stored update quarantined: it cannot be loaded');
    try {
      if (await deps.store.quarantine(room, seq, reason, (deps.now ?? Date.now)())) {
        quarantined++;
        deps.metrics?.countQuarantined();
      }
    } catch (err) {
      // The row stays where it is; this doc does not hold it, so compaction keeps it too.
      deps.log.error({ err, room, seq }, 'could not move a stored update to the quarantine');
    }
  };

  for (let i = 0; i < stored.updates.length; i++) {
    const update = stored.updates[i]!;
    const seq = stored.seqs[i]!;
    const checked = checkWithinLimits(update, STORED_ROW_LIMITS); // Yjs decodes it in applyUpdate
    if (!checked.ok) {
      await moveAside(seq, checked.reason);
      continue;
    }
    try {
      Y.applyUpdate(doc, update);
      good.push({ seq, update });
    } catch (err) {
      await moveAside(seq, `failed to apply: ${String(err)}`);
      // The throw may have left the doc half-changed: build it again from the good rows.
      doc.destroy();
      doc = freshDoc(deps.mapRoots);
      for (const row of good) Y.applyUpdate(doc, row.update);
    }
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) {
    // Content whose dependencies were never stored (written before updates were checked).
    // It stays in the doc's state (compaction keeps pending content) until they arrive.
    deps.log.warn({ room }, 'stored updates with missing dependencies');
  }
  const pending = Boolean(doc.store.pendingStructs || doc.store.pendingDs);
  return {
    doc,
    wholeState: good.length === 1 && !pending ? good[0]!.update : null,
    seqs: good.map((r) => r.seq),
    lastSeq: good.length ? good[good.length - 1]!.seq : 0,
    bytes: good.reduce((n, r) => n + r.update.byteLength, 0),
    quarantined,
  };
}
