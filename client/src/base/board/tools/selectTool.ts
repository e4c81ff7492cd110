/**
 * The select tool: click selects (Shift toggles), a press on a selected item drags the
 * selection, a drag on the empty canvas draws a marquee (with a finger it pans), and a
 * double click types into an item or, on the empty board, makes a note there.
 */
import { rectFromPoints } from '../../../../../shared/model/board/geometry.ts';
import { isBoxItem } from '../../../../../shared/model/board/schema.ts';
import { sameIds } from '../boardState.ts';
import { selectedIds, viewItems, type BoardEnv } from '../env.ts';
import { hitTest, marqueeSelect } from '../hitTest.ts';
import { ItemDrag } from './dragItems.ts';
import { dragThreshold, distance, type PointerInput, type PointerState } from './types.ts';

/** The item under the pointer; inside the box of a selected item counts as that item (drag a frame by its middle). */
function itemAt(env: BoardEnv, p: PointerInput): string | null {
  const { items, byId } = viewItems(env);
  const scale = env.store.getState().viewport.scale;
  const hit = hitTest(items, byId, p.world, scale);
  if (hit) return hit;
  for (const id of selectedIds(env)) {
    const item = byId.get(id);
    if (item && isBoxItem(item) && p.world.x >= item.x && p.world.x <= item.x + item.w) {
      if (p.world.y >= item.y && p.world.y <= item.y + item.h) return id;
    }
  }
  return null;
}

export function selectDown(env: BoardEnv, p: PointerInput): PointerState {
  const hit = itemAt(env, p);
  const selection = selectedIds(env);
  const wasSelected = hit !== null && selection.includes(hit);
  if (hit && !wasSelected) env.store.setState({ selection: p.shift ? [...selection, hit] : [hit] });
  return {
    kind: 'pointing',
    origin: p.screen,
    world: p.world,
    hit,
    wasSelected,
    shift: p.shift,
    touch: p.type === 'touch',
  };
}

/** Pointing turns into a drag, a marquee or a pan once the pointer moved far enough. */
export function pointingMove(
  env: BoardEnv,
  s: Extract<PointerState, { kind: 'pointing' }>,
  p: PointerInput,
): PointerState {
  if (distance(s.origin, p.screen) < dragThreshold(p.type)) return s;
  if (s.hit && env.props.editable) {
    const drag = new ItemDrag(env, selectedIds(env), s.world);
    drag.move(p.world);
    return { kind: 'dragging', drag };
  }
  if (s.touch) return { kind: 'panning', last: s.origin };
  const base = s.shift ? selectedIds(env) : [];
  const next: PointerState = { kind: 'marquee', world: s.world, base };
  marqueeMove(env, next, p);
  return next;
}

export function marqueeMove(env: BoardEnv, s: Extract<PointerState, { kind: 'marquee' }>, p: PointerInput): void {
  const rect = rectFromPoints(s.world, p.world);
  const { items, byId } = viewItems(env);
  const caught = marqueeSelect(items, byId, rect);
  const selection = s.base.length ? [...new Set([...s.base, ...caught])] : caught;
  const current = env.store.getState().selection;
  env.store.setState({ marquee: rect, selection: sameIds(current, selection) ? current : selection });
}

/** A press and release without moving: select, deselect or clear. */
export function selectClick(env: BoardEnv, s: Extract<PointerState, { kind: 'pointing' }>): void {
  const selection = selectedIds(env);
  if (!s.hit) {
    if (!s.shift) env.store.setState({ selection: [] });
    return;
  }
  if (s.shift && s.wasSelected) env.store.setState({ selection: selection.filter((id) => id !== s.hit) });
  else if (!s.shift) env.store.setState({ selection: [s.hit] });
}
