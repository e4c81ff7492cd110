/**
 * How board items are stored (schema version 2):
 *
 *   items: Y.Map<itemId, Y.Map { r: record, t: text }>
 *
 * `r` is the item without its text (kind, place, size, colour...) as one plain JSON
 * value, replaced whole; `t` is its text (a note's or text's `text`, a frame's `title`,
 * an arrow's `label`). Three Yjs entries per item keep a 5,000-item board small and
 * quick to load (a nested map with one entry per field was 3-4x slower to apply).
 * Text lives apart from the record so that someone typing in a note and someone
 * moving it at the same moment both keep their change; other simultaneous changes to
 * one item resolve to one of them (last writer wins). One map per item keeps undo
 * whole: undoing "add note" removes the note even after a neighbour moved it.
 *
 * Readers also accept an item stored as a map with one entry per field, or as a plain
 * object (odd clients): both repair into the same item.
 */
import * as Y from 'yjs';
import { parseItem, type BoardItem, type ItemKind } from './schema.ts';

export const TEXT_FIELD = { note: 'text', text: 'text', frame: 'title', arrow: 'label' } as const satisfies Record<
  ItemKind,
  string
>;

export const itemsMapOf = (doc: Y.Doc) => doc.getMap<unknown>('items');

/** Reads one stored item; `null` when it cannot be repaired. */
export function readStoredItem(id: string, stored: unknown): BoardItem | null {
  if (stored instanceof Y.Map) {
    const record = stored.get('r');
    if (typeof record === 'object' && record !== null && !Array.isArray(record)) {
      const raw = record as Record<string, unknown>;
      const field = TEXT_FIELD[raw.kind as ItemKind] as string | undefined;
      const text = stored.get('t');
      return parseItem(id, field ? { ...raw, [field]: typeof text === 'string' ? text : '' } : raw);
    }
    return parseItem(id, stored.toJSON());
  }
  return typeof stored === 'object' && stored !== null ? parseItem(id, stored) : null;
}

export function readItemFromDoc(doc: Y.Doc, id: string): BoardItem | null {
  return readStoredItem(id, itemsMapOf(doc).get(id));
}

function split(item: BoardItem): { record: Record<string, unknown>; text: string } {
  const field = TEXT_FIELD[item.kind];
  const { [field]: text, ...record } = item as unknown as Record<string, unknown>;
  return { record, text: typeof text === 'string' ? text : '' };
}

/**
 * Writes an item, touching only what differs from the stored one: a move rewrites the
 * record and leaves the text alone, typing the reverse. Call inside a transaction.
 */
export function writeStoredItem(doc: Y.Doc, item: BoardItem, previous: BoardItem | null): void {
  const { record, text } = split(item);
  const stored = itemsMapOf(doc).get(item.id);
  if (!(stored instanceof Y.Map) || !stored.has('r')) {
    const m = new Y.Map<unknown>();
    m.set('r', record);
    if (text) m.set('t', text);
    itemsMapOf(doc).set(item.id, m);
    return;
  }
  const before = previous ? split(previous) : null;
  if (!before || JSON.stringify(before.record) !== JSON.stringify(record)) stored.set('r', record);
  if ((stored.get('t') ?? '') !== text) stored.set('t', text);
}

export function deleteStoredItem(doc: Y.Doc, id: string): void {
  itemsMapOf(doc).delete(id);
}
