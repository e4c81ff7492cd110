/**
 * Restoring a doc's content to a snapshot (the admin's `restore-board`, issue 10) as ONE
 * new update on top of the current doc, never by rewinding history: clients that hold a
 * newer copy merge the update and converge to the restored content, instead of bringing
 * the newer one back. For each root of either doc, the current root is changed (keys set
 * or deleted, sequences replaced) until it equals the snapshot's; nested maps are walked,
 * other nested types are copied from the snapshot.
 */
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are generic over their content
type AnyType = Y.AbstractType<any>;

export interface RevertResult {
  /** The update that makes the current doc equal the snapshot; `null` when they are equal. */
  update: Uint8Array | null;
  /** Map entries set (added or changed) and deleted, over all roots. */
  set: number;
  deleted: number;
  /** Roots whose sequence content (array or text) was replaced. */
  replaced: number;
}

type RootKind = 'map' | 'array' | 'text';

/** What a root holds, from its content (a doc built from an update has untyped roots). */
function kindOf(type: AnyType): RootKind | null {
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.Array) return 'array';
  if (type._map.size) return 'map';
  for (let item = type._start; item; item = item.right) {
    const c = item.content;
    if (c instanceof Y.ContentString || c instanceof Y.ContentFormat || c instanceof Y.ContentEmbed) return 'text';
    if (!item.deleted) return 'array';
  }
  return null;
}

function rootOf(doc: Y.Doc, name: string, kind: RootKind): AnyType {
  if (kind === 'map') return doc.getMap(name);
  return kind === 'text' ? doc.getText(name) : doc.getArray(name);
}

/** A copy of a value for another doc (Yjs types are cloned, plain values kept). */
function copyOf(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value as AnyType).clone() : value;
}

/** Whether two values have the same content (types by their JSON). */
function sameContent(a: unknown, b: unknown): boolean {
  const json = (v: unknown) => JSON.stringify(v instanceof Y.AbstractType ? [v.constructor.name, v.toJSON()] : v);
  return json(a) === json(b);
}

function revertMap(current: Y.Map<unknown>, target: Y.Map<unknown>, counts: RevertResult): void {
  for (const key of [...current.keys()]) {
    if (!target.has(key)) {
      current.delete(key);
      counts.deleted++;
    }
  }
  for (const [key, want] of target.entries()) {
    const have = current.get(key);
    if (have instanceof Y.Map && want instanceof Y.Map) revertMap(have, want, counts);
    else if (!current.has(key) || !sameContent(have, want)) {
      current.set(key, copyOf(want));
      counts.set++;
    }
  }
}

function revertSequence(current: AnyType, target: AnyType, kind: 'array' | 'text', counts: RevertResult): void {
  if (kind === 'text') {
    const text = current as Y.Text;
    const want = target as Y.Text;
    if (JSON.stringify(text.toDelta()) === JSON.stringify(want.toDelta())) return;
    text.delete(0, text.length);
    text.applyDelta(want.toDelta());
  } else {
    const array = current as Y.Array<unknown>;
    const want = target as Y.Array<unknown>;
    if (sameContent(array, want)) return;
    array.delete(0, array.length);
    array.insert(0, want.toArray().map(copyOf));
  }
  counts.replaced++;
}

/**
 * The update that makes `current` equal `snapshot`, written by `clientId` (by default a
 * client id that `current` does not hold). Neither argument is changed.
 */
export function revertUpdate(current: Uint8Array, snapshot: Uint8Array, clientId?: number): RevertResult {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, current);
  const target = new Y.Doc();
  Y.applyUpdate(target, snapshot);
  const before = Y.encodeStateVector(doc);
  let id = clientId ?? 0;
  while (id === 0 || (clientId === undefined && doc.store.clients.has(id))) id = Math.floor(Math.random() * 0xffffffff);
  doc.clientID = id;
  const counts: RevertResult = { update: null, set: 0, deleted: 0, replaced: 0 };
  const names = new Set([...doc.share.keys(), ...target.share.keys()]);
  doc.transact(() => {
    for (const name of names) {
      const want = target.share.get(name);
      const have = doc.share.get(name);
      const kind = (want && kindOf(want)) ?? (have && kindOf(have));
      if (!kind) continue;
      const cur = rootOf(doc, name, kind);
      const tgt = rootOf(target, name, kind);
      if (kind === 'map') revertMap(cur as Y.Map<unknown>, tgt as Y.Map<unknown>, counts);
      else revertSequence(cur, tgt, kind, counts);
    }
  });
  const changed = counts.set + counts.deleted + counts.replaced > 0;
  counts.update = changed ? Y.encodeStateAsUpdate(doc, before) : null;
  doc.destroy();
  target.destroy();
  return counts;
}
