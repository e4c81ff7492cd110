/**
 * The board without a mouse (issue 12, WCAG 2.1.1): Enter with a making tool does what
 * a click or a drag does with the pointer. Note (N) and text (T): a new item in the
 * middle of the view, clear of what already lies there, open for typing. Frame (F): a
 * frame of the default size there. Arrow (A): an arrow from the first selected item to
 * the second (both ends bound), or, with one selected, from it to a free point beside it.
 */
import { addItems } from '../../../../shared/model/board/commands.ts';
import { INK_COLORS, isBoxItem, type BoardItem } from '../../../../shared/model/board/schema.ts';
import type { BoardActions } from './actions.ts';
import { selectedIds, viewItems, type BoardEnv } from './env.ts';
import { FRAME, NOTE } from './itemStyle.ts';
import { placeItem } from './tools/createTools.ts';
import type { Point } from './viewport.ts';

/** How far a new item steps aside from one already at the same place. */
const STEP = 32;

/** A box item's top left corner exactly here? Then a new one would hide it. */
function taken(items: readonly BoardItem[], at: Point, w: number, h: number): boolean {
  const x = Math.round(at.x - w / 2);
  const y = Math.round(at.y - h / 2);
  return items.some((i) => isBoxItem(i) && Math.abs(i.x - x) < STEP / 2 && Math.abs(i.y - y) < STEP / 2);
}

/** The middle of the view, stepped down and right until nothing starts there. */
export function freeSpot(items: readonly BoardItem[], center: Point, w: number, h: number): Point {
  let at = center;
  for (let i = 0; i < 50 && taken(items, at, w, h); i++) at = { x: at.x + STEP, y: at.y + STEP };
  return at;
}

function create(env: BoardEnv, item: Parameters<typeof addItems>[1][number]): string | null {
  env.undo.stopCapturing();
  const [id] = addItems(env.doc, [
    {
      author: env.props.author.slice(0, 80),
      ...item,
      view: env.props.view,
      authorId: env.props.authorId || undefined,
    },
  ]);
  env.undo.stopCapturing();
  return id ?? null;
}

/** Enter with a making tool: returns true when it made something (else Enter edits the selection). */
export function placeWithKeyboard(env: BoardEnv, actions: BoardActions): boolean {
  const { tool } = env.store.getState();
  if (!env.props.editable) return false;
  const { items, byId } = viewItems(env);
  const center = actions.viewCenter();
  if (tool === 'note' || tool === 'text') {
    placeItem(env, actions, tool, freeSpot(items, center, NOTE.defaultW, NOTE.defaultH));
    return true;
  }
  if (tool === 'frame') {
    const at = freeSpot(items, center, FRAME.defaultW, FRAME.defaultH);
    const id = create(env, {
      kind: 'frame',
      x: Math.round(at.x - FRAME.defaultW / 2),
      y: Math.round(at.y - FRAME.defaultH / 2),
      w: FRAME.defaultW,
      h: FRAME.defaultH,
      title: env.props.t('board.frameTitle'),
    });
    env.store.setState({ tool: 'select', selection: id ? [id] : [] });
    return true;
  }
  if (tool === 'arrow') {
    const boxes = selectedIds(env).filter((id) => {
      const item = byId.get(id);
      return item !== undefined && isBoxItem(item);
    });
    const [from, to] = boxes;
    const fromItem = from ? byId.get(from) : undefined;
    if (!from || !fromItem || !isBoxItem(fromItem)) return false;
    const end = to
      ? { itemId: to }
      : { x: Math.round(fromItem.x + fromItem.w + 160), y: Math.round(fromItem.y + fromItem.h / 2) };
    const id = create(env, { kind: 'arrow', start: { itemId: from }, end, label: '', color: INK_COLORS[0] });
    env.store.setState({ tool: 'select', selection: id ? [id] : [] });
    return true;
  }
  return false;
}
