/**
 * What one transaction changed, in the words of the document model: which root, which
 * record under it and which field. The sync server applies a client's update
 * tentatively, reads these changes and asks the write rules (`writeRules.ts`) and the
 * schema whether they are allowed before it stores anything (issue 10).
 *
 * Must be called while the transaction's events are still readable: inside an
 * `afterTransaction` handler (Yjs collects deleted content after that).
 */
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are generic over their event type
type AnyType = Y.AbstractType<any>;

export interface DocChange {
  /** Name of the root type (`items`, `actors`, `answers`, `settings`, `live`, ...). */
  root: string;
  /**
   * Map keys from the root down to the type that changed: `[]` for the root itself,
   * `[itemId]` for a board item's map, `[actorId, 'bedoeling']` for an actor's text.
   * `null` for a step through something that is not a map (never in our model).
   */
  path: (string | null)[];
  /** The map key that changed on that type; `null` for a text or array edit. */
  key: string | null;
  /** The value before, when the change replaced or deleted a map entry with plain content. */
  oldValue?: unknown;
  /** Whether the map entry existed before this transaction. */
  existed: boolean;
}

/** The top-level record a change belongs to: `path[0]`, or the changed key on the root itself. */
export function recordKeyOf(change: DocChange): string | null {
  return change.path.length ? change.path[0]! : change.key;
}

function rootNameOf(doc: Y.Doc, type: AnyType): string | null {
  for (const [name, t] of doc.share) if (t === type) return name;
  return null;
}

/** Walks from a type up to its root; `null` when the type is detached or deleted. */
function locate(doc: Y.Doc, type: AnyType): { root: string; path: (string | null)[] } | null {
  const path: (string | null)[] = [];
  let current: AnyType = type;
  for (let depth = 0; depth < 64; depth++) {
    const item = current._item;
    if (item === null) {
      const root = rootNameOf(doc, current);
      return root === null ? null : { root, path: path.reverse() };
    }
    path.push(item.parentSub);
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    current = parent as AnyType;
  }
  return null;
}

/** Every change of a transaction (see the module comment for when to call it). */
export function collectChanges(tr: Y.Transaction): DocChange[] {
  const doc = tr.doc;
  const oldValues = new Map<AnyType, Map<string, { action: string; oldValue: unknown }>>();
  for (const events of tr.changedParentTypes.values()) {
    for (const event of events) {
      if (oldValues.has(event.target) || !(event.target instanceof Y.Map)) continue;
      oldValues.set(event.target as AnyType, event.changes.keys);
    }
  }
  const changes: DocChange[] = [];
  for (const [type, keys] of tr.changed) {
    if (type._item?.deleted) continue; // inside something deleted in this transaction: the delete is the change
    const where = locate(doc, type);
    if (!where) {
      // Something outside every root: report it as an unknown root so rules refuse it.
      changes.push({ root: '', path: [null], key: null, existed: false });
      continue;
    }
    for (const key of keys) {
      if (key === null) {
        changes.push({ ...where, key: null, existed: true });
        continue;
      }
      const info = oldValues.get(type)?.get(key);
      const existed = info ? info.action !== 'add' : true;
      changes.push(
        info && info.action !== 'add'
          ? { ...where, key, oldValue: info.oldValue, existed }
          : { ...where, key, existed },
      );
    }
  }
  return changes;
}

/**
 * Gives the named roots their map type. A root that an update creates before anyone
 * asked for it stays an untyped container whose changes carry no events (and so no
 * old values): call this on a room's doc before applying anything untrusted.
 */
export function typeMapRoots(doc: Y.Doc, names: readonly string[]): void {
  for (const name of names) doc.getMap(name);
}
