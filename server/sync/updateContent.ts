/**
 * Does an update change anything in a doc? Every y-websocket client answers the
 * server's sync step 1 with an update that carries the doc's whole delete set, so
 * a reconnect sends "deletions" the server already has. Those must not be stored
 * again, nor refused as writes of a read-only connection.
 */
import * as Y from 'yjs';
import { summaryOfDecoded, type UpdateSummary } from './updateSummary.ts';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

/** The update's summary: as the limits scan read it, or made from a decoded update. */
function summaryOf(update: Decoded | UpdateSummary): UpdateSummary {
  return 'runs' in update ? update : summaryOfDecoded(update);
}

export function changesDoc(doc: Y.Doc, update: Decoded | UpdateSummary): boolean {
  const { runs, deletes } = summaryOf(update);
  const known = (client: number) => Y.getState(doc.store, client);
  // Clocks rise within a run: its last struct that is no Skip ends furthest.
  for (const run of runs) if (run.end > known(run.client)) return true;
  for (let d = 0; d < deletes.length; d += 3) {
    const client = deletes[d]!;
    const structs = doc.store.clients.get(client);
    if (!structs?.length) continue; // deletes of items the doc never had: nothing to apply
    const clock = deletes[d + 1]!;
    const end = Math.min(clock + deletes[d + 2]!, known(client));
    if (clock >= end) continue;
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const s = structs[i]!;
      if (s.id.clock >= end) break;
      if (s instanceof Y.Item && !s.deleted) return true;
    }
  }
  return false;
}

/**
 * Does every struct of the update start at or after the doc's state of its client (nothing
 * the doc has already, so applying it integrates each struct as it is)? Then the update, as
 * the client sent it, is what the doc's own encoding of the change would say (issue 14).
 * A Skip (a gap) is not new. Deletions need no check: deleting again changes nothing.
 */
export function onlyNewStructs(doc: Y.Doc, update: Decoded | UpdateSummary): boolean {
  // Clocks rise within a run: its first struct starts earliest.
  for (const run of summaryOf(update).runs) {
    if (run.skip) return false;
    if (run.first < Y.getState(doc.store, run.client)) return false;
  }
  return true;
}
