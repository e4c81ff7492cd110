/**
 * Board schema versions and how to move a doc from each earlier one to the current.
 *
 *   0: an empty doc, or one written before versions existed (treated as 1 if `notes` exist)
 *   1: `notes: Y.Map<id, {id, x, y, text, color, author}>` (plain JSON values)
 *   2: `items: Y.Map<id, Y.Map {r, t}>` (store.ts) with kinds note, text, frame, arrow (schema.ts)
 *
 * Readers understand every version (see `readLegacyItems`), so a viewer sees an old
 * board before anyone with write access has migrated it. Migrating is idempotent: two
 * clients doing it at once end in the same doc.
 */
import type * as Y from 'yjs';
import { NOTE_COLORS, parseItem, type BoardItem } from './schema.ts';
import { BOARD_SCHEMA_VERSION } from './schema.ts';
import { itemsMapOf, writeStoredItem } from './store.ts';

export function boardSchemaVersion(doc: Y.Doc): number {
  const v = doc.getMap<unknown>('meta').get('schemaVersion');
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  return doc.getMap('notes').size > 0 ? 1 : 0;
}

/** Items of a version-1 doc, converted (invalid ones skipped). */
export function readLegacyItems(doc: Y.Doc): BoardItem[] {
  const out: BoardItem[] = [];
  let z = 0;
  for (const [id, value] of doc.getMap<unknown>('notes').entries()) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    const item = parseItem(id, {
      id,
      kind: 'note',
      view: 'canvas',
      z: z++,
      x: v.x,
      y: v.y,
      w: 180,
      h: 120,
      text: v.text,
      color: NOTE_COLORS.includes(v.color as (typeof NOTE_COLORS)[number]) ? v.color : NOTE_COLORS[0],
      author: v.author,
    });
    if (item) out.push(item);
  }
  return out;
}

/**
 * Brings the doc to the current version in one transaction. Returns the version it
 * had. Does nothing for a doc newer than this code knows (it never downgrades).
 */
export function migrateBoardDoc(doc: Y.Doc, origin: unknown): number {
  const from = boardSchemaVersion(doc);
  if (from >= BOARD_SCHEMA_VERSION) return from;
  doc.transact(() => {
    const items = itemsMapOf(doc);
    if (from <= 1) {
      for (const item of readLegacyItems(doc)) if (!items.has(item.id)) writeStoredItem(doc, item, null);
      const notes = doc.getMap('notes');
      for (const key of [...notes.keys()]) notes.delete(key);
    }
    doc.getMap<unknown>('meta').set('schemaVersion', BOARD_SCHEMA_VERSION);
  }, origin);
  return from;
}
