/**
 * What moves with a selection, pure: frames carry their contents, arrows bound to a
 * moving item change shape. Used by drags and arrow-key nudges.
 */
import { arrowPoints, itemsInFrame, type Point } from '../../../../shared/model/board/geometry.ts';
import type { ArrowEnd, ArrowItem, BoardItem } from '../../../../shared/model/board/schema.ts';

type ById = ReadonlyMap<string, BoardItem>;

/** The ids that still exist, in the given order. */
export function existing(ids: readonly string[], byId: ById): string[] {
  return ids.filter((id) => byId.has(id));
}

/** The selection plus everything inside selected frames (moving a frame carries its content). */
export function withFrameContents(ids: readonly string[], items: readonly BoardItem[], byId: ById): string[] {
  const out = new Set(ids.filter((id) => byId.has(id)));
  for (const id of ids) {
    const item = byId.get(id);
    if (item?.kind === 'frame') for (const inner of itemsInFrame(item, items)) out.add(inner);
  }
  return [...out];
}

const boundTo = (end: ArrowEnd): string | null => ('itemId' in end ? end.itemId : null);

/** Does the arrow move as one piece with the set (all its ends move), so it can be translated? */
export function arrowTranslates(arrow: ArrowItem, moving: ReadonlySet<string>): boolean {
  const endMoves = (end: ArrowEnd) => {
    const target = boundTo(end);
    return target === null ? moving.has(arrow.id) : moving.has(target);
  };
  return endMoves(arrow.start) && endMoves(arrow.end);
}

/** Arrows that change shape (not just place) when `moving` moves: one end moves and the other does not. */
export function attachedArrows(items: readonly BoardItem[], moving: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.kind !== 'arrow') continue;
    const touches =
      moving.has(item.id) || moving.has(boundTo(item.start) ?? '\u0000') || moving.has(boundTo(item.end) ?? '\u0000');
    if (touches && !arrowTranslates(item, moving)) out.push(item.id);
  }
  return out;
}

/** An arrow's ends [sx, sy, ex, ey] while `moving` is shifted by `delta`, or null. */
export function movedArrowPts(
  arrow: ArrowItem,
  byId: Pick<ById, 'get'>,
  moving: ReadonlySet<string>,
  delta: Point,
): number[] | null {
  const shifted = new Map<string, BoardItem>();
  const shiftEnd = (end: ArrowEnd): ArrowEnd => {
    if (!('itemId' in end)) return moving.has(arrow.id) ? { x: end.x + delta.x, y: end.y + delta.y } : end;
    const target = end.itemId;
    const item = byId.get(target);
    if (item && item.kind !== 'arrow') {
      shifted.set(target, moving.has(target) ? { ...item, x: item.x + delta.x, y: item.y + delta.y } : item);
    }
    return end;
  };
  const moved = { ...arrow, start: shiftEnd(arrow.start), end: shiftEnd(arrow.end) } as ArrowItem;
  const p = arrowPoints(moved, shifted);
  return p ? [p.start.x, p.start.y, p.end.x, p.end.y] : null;
}

/**
 * How often a drag writes positions to the doc (others see the drag live). Each write
 * re-validates and re-sends every moving item, so a big selection writes less often;
 * the local picture moves every frame regardless (see tools/dragItems.ts).
 */
export function liveWriteInterval(count: number): number {
  if (count <= 50) return 0;
  return Math.min(250, Math.round(count / 4));
}
