/**
 * Reading a board: a cached, incremental snapshot for rendering. Only items whose
 * record or text changed are parsed again, and unchanged items keep their object
 * identity, so React can skip them (a 5,000-item board re-renders only what moved).
 */
import type * as Y from 'yjs';
import { boardSchemaVersion, readLegacyItems } from './migrations.ts';
import type { BoardItem } from './schema.ts';
import { itemsMapOf, readItemFromDoc, readStoredItem } from './store.ts';

export interface BoardSnapshot {
  schemaVersion: number;
  /** In stacking order, back to front. */
  items: readonly BoardItem[];
  byId: ReadonlyMap<string, BoardItem>;
}

const byStacking = (a: BoardItem, b: BoardItem) => a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export { itemsMapOf };

/** Reads one stored item of a doc. */
export function readItem(doc: Y.Doc, id: string): BoardItem | null {
  return readItemFromDoc(doc, id);
}

/** A full, uncached read: for the server, exports and tests. */
export function readBoard(doc: Y.Doc): BoardSnapshot {
  const byId = new Map<string, BoardItem>();
  for (const [id, value] of itemsMapOf(doc).entries()) {
    const item = readStoredItem(id, value);
    if (item) byId.set(id, item);
  }
  // A version-1 board not yet migrated: show its notes all the same.
  for (const item of readLegacyItems(doc)) if (!byId.has(item.id)) byId.set(item.id, item);
  return { schemaVersion: boardSchemaVersion(doc), items: [...byId.values()].sort(byStacking), byId };
}

/** Keeps a snapshot of a board doc up to date; `subscribe` + `getSnapshot` fit React's useSyncExternalStore. */
export class BoardReader {
  private snapshot: BoardSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly items: Y.Map<unknown>;

  constructor(private readonly doc: Y.Doc) {
    this.items = itemsMapOf(doc);
    this.snapshot = readBoard(doc);
    this.items.observeDeep(this.onItems);
    doc.getMap('notes').observe(this.onLegacy);
    doc.getMap('meta').observe(this.onMeta);
  }

  getSnapshot = (): BoardSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.items.unobserveDeep(this.onItems);
    this.doc.getMap('notes').unobserve(this.onLegacy);
    this.doc.getMap('meta').unobserve(this.onMeta);
    this.listeners.clear();
  }

  // Only the version lives in meta: no need to read 5,000 items again when it arrives
  // in the same sync as they do.
  private readonly onMeta = () => {
    const schemaVersion = boardSchemaVersion(this.doc);
    if (schemaVersion === this.snapshot.schemaVersion) return;
    this.snapshot = { ...this.snapshot, schemaVersion };
    this.emit();
  };

  private readonly onLegacy = () => {
    this.snapshot = readBoard(this.doc);
    this.emit();
  };

  private readonly onItems = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>();
    for (const e of events) {
      if (e.target === this.items) for (const key of e.keys.keys()) changed.add(key);
      else if (typeof e.path[0] === 'string') changed.add(e.path[0]); // a change inside an item's map
    }
    this.refresh(changed);
  };

  private refresh(changed: ReadonlySet<string>): void {
    if (!changed.size) return;
    const prev = this.snapshot;
    const byId = new Map(prev.byId);
    let orderChanged = false;
    for (const id of changed) {
      const before = byId.get(id);
      const after = readStoredItem(id, this.items.get(id));
      if (after) byId.set(id, after);
      else byId.delete(id);
      if (!before || !after || before.z !== after.z) orderChanged = true;
    }
    const items = orderChanged
      ? [...byId.values()].sort(byStacking)
      : prev.items.map((item) => (changed.has(item.id) ? byId.get(item.id)! : item));
    this.snapshot = { schemaVersion: prev.schemaVersion, items, byId };
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}
