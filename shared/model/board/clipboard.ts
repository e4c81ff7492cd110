/**
 * Copy and paste of board items, within a board and between boards (and browser
 * tabs): a small JSON payload that is validated like any other untrusted input.
 */
import { z } from 'zod';
import type * as Y from 'yjs';
import { Origin } from '../doc.ts';
import { addItems, cloneItems } from './commands.ts';
import { itemBounds, unionRects, type Point } from './geometry.ts';
import type { BoardSnapshot } from './read.ts';
import { BoardItem } from './schema.ts';

export const CLIPBOARD_TYPE = 'veldwerk/board-items';
const MAX_CLIPBOARD_ITEMS = 2000;

const Payload = z.object({
  type: z.literal(CLIPBOARD_TYPE),
  version: z.literal(2),
  items: z.array(z.unknown()).max(MAX_CLIPBOARD_ITEMS),
});

/** The text to put on the clipboard for the selected items. */
export function serializeSelection(board: BoardSnapshot, ids: readonly string[]): string | null {
  const items = board.items.filter((i) => ids.includes(i.id));
  if (!items.length) return null;
  return JSON.stringify({ type: CLIPBOARD_TYPE, version: 2, items });
}

/** Items from clipboard text; `null` if it is not ours. Invalid items are dropped. */
export function parseClipboard(text: string): BoardItem[] | null {
  if (text.length > 5_000_000 || !text.includes(CLIPBOARD_TYPE)) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const payload = Payload.safeParse(json);
  if (!payload.success) return null;
  return payload.data.items.flatMap((raw) => {
    const item = BoardItem.safeParse(raw);
    return item.success ? [item.data] : [];
  });
}

/**
 * Pastes items with new ids, centred on `at` (or offset from where they were), on the
 * given view; returns the new ids in their original stacking order.
 */
export function pasteItems(
  doc: Y.Doc,
  items: readonly BoardItem[],
  at: Point | null,
  view: string,
  origin: unknown = Origin.local,
): string[] {
  if (!items.length) return [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const bounds = unionRects(items.flatMap((i) => itemBounds(i, byId) ?? []));
  const offset =
    at && bounds
      ? { x: Math.round(at.x - (bounds.x + bounds.w / 2)), y: Math.round(at.y - (bounds.y + bounds.h / 2)) }
      : { x: 24, y: 24 };
  const ordered = [...items].sort((a, b) => a.z - b.z);
  const copies = cloneItems(ordered, byId, offset).map(({ z: _z, ...rest }) => ({ ...rest, view }));
  return addItems(doc, copies as never, origin);
}
