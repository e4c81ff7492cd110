/**
 * Typed commands on a board. Each is one `doc.transact(fn, origin)`: pass the person's
 * origin (Origin.local in the app) so their undo manager tracks it and nobody else's.
 * Inputs are validated; what cannot be valid is ignored rather than written.
 */
import type * as Y from 'yjs';
import { Origin } from '../doc.ts';
import { arrowPoints, type Point, type Rect } from './geometry.ts';
import { readBoard } from './read.ts';
import { deleteStoredItem, itemsMapOf, readItemFromDoc, readStoredItem, writeStoredItem } from './store.ts';
import { BOARD_SCHEMA_VERSION, BoardItem, isBoxItem, type ArrowEnd } from './schema.ts';
import { newItemId } from './ids.ts';

/** A new item as the caller describes it; id, z and view are filled in when missing. */
export type NewItem = BoardItem extends infer T
  ? T extends BoardItem
    ? Omit<T, 'id' | 'z' | 'view' | 'author'> & Partial<Pick<T, 'id' | 'z' | 'view' | 'author'>>
    : never
  : never;

function stampVersion(doc: Y.Doc): void {
  const meta = doc.getMap<unknown>('meta');
  if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', BOARD_SCHEMA_VERSION);
}

function maxZ(doc: Y.Doc): number {
  let max = 0;
  for (const [id, stored] of itemsMapOf(doc).entries()) {
    const z = readStoredItem(id, stored)?.z;
    if (z !== undefined && z > max) max = z;
  }
  return max;
}

/** Adds items (in front of everything); returns their ids. Invalid items are skipped. */
export function addItems(doc: Y.Doc, items: NewItem[], origin: unknown = Origin.local): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    stampVersion(doc);
    let z = maxZ(doc);
    for (const input of items) {
      const parsed = BoardItem.safeParse({
        view: 'canvas',
        author: '',
        ...input,
        id: input.id ?? newItemId(),
        z: input.z ?? ++z,
      });
      if (!parsed.success) continue;
      writeStoredItem(doc, parsed.data, null);
      ids.push(parsed.data.id);
    }
  }, origin);
  return ids;
}

/** Changes fields of one item; the result must still be a valid item of the same kind. */
export function updateItem(
  doc: Y.Doc,
  id: string,
  patch: Record<string, unknown>,
  origin: unknown = Origin.local,
): boolean {
  const current = readItemFromDoc(doc, id);
  if (!current) return false;
  const next = BoardItem.safeParse({ ...current, ...patch, id, kind: current.kind });
  if (!next.success) return false;
  doc.transact(() => writeStoredItem(doc, next.data, current), origin);
  return true;
}

/** Moves items by (dx, dy): boxes move, free arrow ends move, bound ends follow their items. */
export function moveItems(
  doc: Y.Doc,
  ids: readonly string[],
  dx: number,
  dy: number,
  origin: unknown = Origin.local,
): void {
  if (!ids.length || (dx === 0 && dy === 0) || !Number.isFinite(dx + dy)) return;
  const shift = (end: ArrowEnd): ArrowEnd => ('x' in end ? { x: end.x + dx, y: end.y + dy } : end);
  doc.transact(() => {
    for (const id of ids) {
      const item = readItemFromDoc(doc, id);
      if (!item) continue;
      const moved = isBoxItem(item)
        ? { ...item, x: item.x + dx, y: item.y + dy }
        : { ...item, start: shift(item.start), end: shift(item.end) };
      const valid = BoardItem.safeParse(moved);
      if (valid.success) writeStoredItem(doc, valid.data, item);
    }
  }, origin);
}

/** Sets a box item's position and size (resize). */
export function resizeItem(doc: Y.Doc, id: string, rect: Rect, origin: unknown = Origin.local): boolean {
  return updateItem(doc, id, { x: rect.x, y: rect.y, w: Math.max(8, rect.w), h: Math.max(8, rect.h) }, origin);
}

/** Deletes items. Arrows bound to a deleted item keep their place as a free end. */
export function deleteItems(doc: Y.Doc, ids: readonly string[], origin: unknown = Origin.local): void {
  if (!ids.length) return;
  const gone = new Set(ids);
  const { items, byId } = readBoard(doc);
  doc.transact(() => {
    for (const item of items) {
      if (item.kind !== 'arrow' || gone.has(item.id)) continue;
      const startGone = 'itemId' in item.start && gone.has(item.start.itemId);
      const endGone = 'itemId' in item.end && gone.has(item.end.itemId);
      const pts = startGone || endGone ? arrowPoints(item, byId) : null;
      if (!pts) continue;
      const freed = {
        ...item,
        start: startGone ? { x: pts.start.x, y: pts.start.y } : item.start,
        end: endGone ? { x: pts.end.x, y: pts.end.y } : item.end,
      };
      const valid = BoardItem.safeParse(freed);
      if (valid.success) writeStoredItem(doc, valid.data, item);
    }
    for (const id of ids) deleteStoredItem(doc, id);
  }, origin);
}

/** Brings items to the front or sends them to the back, keeping their order among themselves. */
export function reorderItems(
  doc: Y.Doc,
  ids: readonly string[],
  where: 'front' | 'back',
  origin: unknown = Origin.local,
): void {
  const { items } = readBoard(doc);
  const chosen = items.filter((i) => ids.includes(i.id));
  if (!chosen.length) return;
  const zs = items.map((i) => i.z);
  doc.transact(() => {
    chosen.forEach((item, n) => {
      const z = where === 'front' ? Math.max(...zs) + 1 + n : Math.min(...zs) - chosen.length + n;
      writeStoredItem(doc, { ...item, z }, item);
    });
  }, origin);
}

/**
 * Copies of items with new ids, offset by (dx, dy). Arrows between copied items are
 * bound to the copies; arrows bound to items outside the set become free ends.
 */
export function cloneItems(
  source: readonly BoardItem[],
  byId: ReadonlyMap<string, BoardItem>,
  offset: Point,
  newId: () => string = newItemId,
): BoardItem[] {
  const idMap = new Map(source.map((i) => [i.id, newId()]));
  const remapEnd = (end: ArrowEnd, fallback: Point): ArrowEnd => {
    if ('itemId' in end) {
      const mapped = idMap.get(end.itemId);
      return mapped ? { itemId: mapped } : { x: fallback.x + offset.x, y: fallback.y + offset.y };
    }
    return { x: end.x + offset.x, y: end.y + offset.y };
  };
  return source.map((item) => {
    const id = idMap.get(item.id)!;
    if (isBoxItem(item)) return { ...item, id, x: item.x + offset.x, y: item.y + offset.y };
    const pts = arrowPoints(item, byId) ?? { start: { x: 0, y: 0 }, end: { x: 0, y: 0 } };
    return { ...item, id, start: remapEnd(item.start, pts.start), end: remapEnd(item.end, pts.end) };
  });
}

/** Duplicates items next to the originals; returns the new ids. */
export function duplicateItems(
  doc: Y.Doc,
  ids: readonly string[],
  offset: Point = { x: 24, y: 24 },
  origin: unknown = Origin.local,
): string[] {
  const { items, byId } = readBoard(doc);
  const chosen = items.filter((i) => ids.includes(i.id));
  return addItems(
    doc,
    cloneItems(chosen, byId, offset).map(({ z: _z, ...rest }) => rest as never),
    origin,
  );
}

/** Binds or frees one end of an arrow. */
export function connectArrow(
  doc: Y.Doc,
  arrowId: string,
  which: 'start' | 'end',
  to: ArrowEnd,
  origin: unknown = Origin.local,
): boolean {
  return updateItem(doc, arrowId, { [which]: to }, origin);
}
