/**
 * Applies a client's update to a room's doc and reads what it changed, so the room can
 * check it before anything is stored or sent (issue 10). The caller holds the doc's
 * broadcast meanwhile, and reloads the doc from the store when it refuses. Also builds
 * the server's own changes, on a copy, as an update to store before it is applied.
 */
import * as Y from 'yjs';
import { collectChanges, type DocChange } from '../../shared/model/changes.ts';

export type TentativeResult =
  | { ok: true; changes: DocChange[] }
  | { ok: false; why: 'apply-failed' | 'missing-dependencies' | 'unreadable-changes'; err?: unknown };

/** What the doc holds back for missing dependencies, to see whether an update added to it. */
function pendingOf(doc: Y.Doc): string {
  const { pendingStructs, pendingDs } = doc.store;
  const hex = (b: Uint8Array | null | undefined) => (b ? Buffer.from(b).toString('hex') : '');
  return `${hex(pendingStructs?.update)}/${hex(pendingDs)}`;
}

/** Applies `update` to `doc` with `origin`; the doc may be changed even when this fails. */
export function applyTentatively(doc: Y.Doc, update: Uint8Array, origin: unknown): TentativeResult {
  const pendingBefore = pendingOf(doc);
  let changes: DocChange[] | null = null;
  let readErr: unknown = null;
  const onAfter = (tr: Y.Transaction) => {
    try {
      changes = collectChanges(tr);
    } catch (err) {
      readErr = err;
    }
  };
  doc.on('afterTransaction', onAfter);
  try {
    Y.applyUpdate(doc, update, origin);
  } catch (err) {
    return { ok: false, why: 'apply-failed', err };
  } finally {
    doc.off('afterTransaction', onAfter);
  }
  // Missing dependencies: a correct client never sends them, and they would be stored
  // as a row that is not part of the doc.
  if ((doc.store.pendingStructs || doc.store.pendingDs) && pendingOf(doc) !== pendingBefore)
    return { ok: false, why: 'missing-dependencies' };
  if (changes === null || readErr) return { ok: false, why: 'unreadable-changes', err: readErr };
  return { ok: true, changes };
}

/**
 * Runs `change` on a copy of `doc` as client `clientId` and returns the update it made.
 * The server writes as one stable client per room, never as the room doc's own client id
 * (the doc would take that for another client using its id and change it).
 */
export function buildServerUpdate(doc: Y.Doc, clientId: number, change: (doc: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    copy.clientID = clientId;
    change(copy);
    return Y.encodeStateAsUpdate(copy, before);
  } finally {
    copy.destroy();
  }
}

/** A Yjs client id (uint32) other than `taken`. */
export function clientIdOtherThan(taken: number): number {
  let id = taken;
  while (id === taken) id = Math.floor(Math.random() * 0xffffffff);
  return id;
}
