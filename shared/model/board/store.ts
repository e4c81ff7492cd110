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
import {
  COORD_LIMIT,
  INK_COLORS,
  ITEM_ID_RE,
  NOTE_COLORS,
  parseItem,
  type ArrowEnd,
  type BoardItem,
  type ItemKind,
} from './schema.ts';

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
      const t = stored.get('t');
      const text = typeof t === 'string' ? t : '';
      return quickItem(id, raw, field ? text : undefined) ?? parseItem(id, field ? { ...raw, [field]: text } : raw);
    }
    return parseItem(id, stored.toJSON());
  }
  return typeof stored === 'object' && stored !== null ? parseItem(id, stored) : null;
}

// The fast path of reading (issue 3, first paint: zod took ~50 ms for 5,000 items).
// The bounds repeat schema.ts; test/unit/board.store.test.ts checks that both agree.
const NOTE_COLOR_SET: ReadonlySet<unknown> = new Set(NOTE_COLORS);
const INK_COLOR_SET: ReadonlySet<unknown> = new Set(INK_COLORS);
const isCoord = (v: unknown): v is number => typeof v === 'number' && v >= -COORD_LIMIT && v <= COORD_LIMIT; // NaN fails both
const isSize = (v: unknown): v is number => typeof v === 'number' && v >= 8 && v <= 20_000;
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function quickEnd(v: unknown): ArrowEnd | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const end = v as Record<string, unknown>;
  if ('itemId' in end) {
    const itemId = end.itemId;
    return typeof itemId === 'string' && ITEM_ID_RE.test(itemId) ? { itemId } : null;
  }
  return isCoord(end.x) && isCoord(end.y) ? { x: end.x, y: end.y } : null;
}

/**
 * A stored record that is already well-formed, as the zod schema would give it (the
 * same fields in the same order, unknown fields left out), without running zod: plain
 * checks of what a writer of this app stores. `null` when anything looks off (an
 * invalid, missing or repaired field, a hostile value): the caller then parses with
 * the schema, which repairs or rejects. It never accepts what the schema would change.
 *
 * @param text the item's text field, `undefined` when it is in `raw` itself
 */
export function quickItem(id: string, raw: Record<string, unknown>, text?: string): BoardItem | null {
  const { view, z, author } = raw;
  if (
    raw.id !== id ||
    typeof id !== 'string' ||
    !ITEM_ID_RE.test(id) ||
    typeof view !== 'string' ||
    view.length < 1 ||
    view.length > 40 ||
    typeof z !== 'number' ||
    !Number.isFinite(z) ||
    !isString(author, 80)
  ) {
    return null;
  }
  // Absent stays absent; present must be valid (zod would turn a bad one into `undefined`).
  let authorId: string | undefined;
  const hasAuthorId = 'authorId' in raw;
  if (hasAuthorId) {
    if (!isString(raw.authorId, 64)) return null;
    authorId = raw.authorId;
  }
  const kind = raw.kind;
  if (kind === 'arrow') {
    const label = text ?? raw.label;
    const start = quickEnd(raw.start);
    const end = quickEnd(raw.end);
    if (!start || !end || !isString(label, 200) || !INK_COLOR_SET.has(raw.color)) return null;
    const color = raw.color as (typeof INK_COLORS)[number];
    return hasAuthorId
      ? { id, view, z, author, authorId, kind, start, end, label, color }
      : { id, view, z, author, kind, start, end, label, color };
  }
  const { x, y, w, h } = raw;
  if (!isCoord(x) || !isCoord(y) || !isSize(w) || !isSize(h)) return null;
  if (kind === 'note') {
    const body = text ?? raw.text;
    if (!isString(body, 5000) || !NOTE_COLOR_SET.has(raw.color)) return null;
    const color = raw.color as (typeof NOTE_COLORS)[number];
    return hasAuthorId
      ? { id, view, z, author, authorId, kind, x, y, w, h, text: body, color }
      : { id, view, z, author, kind, x, y, w, h, text: body, color };
  }
  if (kind === 'text') {
    const body = text ?? raw.text;
    const fontSize = raw.fontSize;
    if (
      !isString(body, 5000) ||
      typeof fontSize !== 'number' ||
      !(fontSize >= 8 && fontSize <= 200) ||
      !INK_COLOR_SET.has(raw.color)
    ) {
      return null;
    }
    const color = raw.color as (typeof INK_COLORS)[number];
    return hasAuthorId
      ? { id, view, z, author, authorId, kind, x, y, w, h, text: body, fontSize, color }
      : { id, view, z, author, kind, x, y, w, h, text: body, fontSize, color };
  }
  if (kind === 'frame') {
    const title = text ?? raw.title;
    if (!isString(title, 200)) return null;
    return hasAuthorId
      ? { id, view, z, author, authorId, kind, x, y, w, h, title }
      : { id, view, z, author, kind, x, y, w, h, title };
  }
  return null;
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
