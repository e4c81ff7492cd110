/**
 * Typed commands on a board. Each is one `doc.transact(fn, origin)`: pass the person's
 * origin (Origin.local in the app) so their undo manager tracks it and nobody else's.
 * Inputs are validated; what cannot be valid is ignored rather than written.
 */
import * as Y from 'yjs';
import { Origin } from '../doc.ts';
import { arrowPoints, type Point, type Rect } from './geometry.ts';
import { writeItem } from './migrations.ts';
import { itemsMapOf, readBoard, readItem } from './read.ts';
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
  for (const m of itemsMapOf(doc).values()) {
    const z = m instanceof Y.Map ? m.get('z') : undefined;
    if (typeof z === 'number' && Number.isFinite(z) && z > max) max = z;
  }
  return max;
}

/** Adds items (in front of everything); returns their ids. Invalid items are skipped. */
export function addItems(doc: Y.Doc, items: NewItem[], origin: unknown = Origin.local): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    stampVersion(doc);
    const map = itemsMapOf(doc);
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
      writeItem(map, parsed.data);
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
  const m = itemsMapOf(doc).get(id);
  const current = readItem(id, m);
  if (!current || !(m instanceof Y.Map)) return false;
  const next = BoardItem.safeParse({ ...current, ...patch, id, kind: current.kind });
  if (!next.success) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(next.data)) {
      if (JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, v);
    }
  }, origin);
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
  const map = itemsMapOf(doc);
  const shift = (end: ArrowEnd): ArrowEnd => ('x' in end ? { x: end.x + dx, y: end.y + dy } : end);
  doc.transact(() => {
    for (const id of ids) {
      const m = map.get(id);
      const item = readItem(id, m);
      if (!item || !(m instanceof Y.Map)) continue;
      if (isBoxItem(item)) {
        m.set('x', item.x + dx);
        m.set('y', item.y + dy);
      } else {
        m.set('start', shift(item.start));
        m.set('end', shift(item.end));
      }
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
  const map = itemsMapOf(doc);
  doc.transact(() => {
    for (const item of items) {
      if (item.kind !== 'arrow' || gone.has(item.id)) continue;
      const startGone = 'itemId' in item.start && gone.has(item.start.itemId);
      const endGone = 'itemId' in item.end && gone.has(item.end.itemId);
      if (!startGone && !endGone) continue;
      const pts = arrowPoints(item, byId);
      const m = map.get(item.id);
      if (!pts || !(m instanceof Y.Map)) continue;
      if (startGone) m.set('start', { x: pts.start.x, y: pts.start.y });
      if (endGone) m.set('end', { x: pts.end.x, y: pts.end.y });
    }
    for (const id of ids) map.delete(id);
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
  const map = itemsMapOf(doc);
  doc.transact(() => {
    chosen.forEach((item, n) => {
      const z = where === 'front' ? Math.max(...zs) + 1 + n : Math.min(...zs) - chosen.length + n;
      const m = map.get(item.id);
      if (m instanceof Y.Map) m.set('z', z);
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
