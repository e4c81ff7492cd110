/**
 * Tools that make items: note (N) and text (T) on a click, frame (F) by dragging a
 * rectangle (or a click for the default size), arrow (A) by dragging from one shape to
 * another (both ends bind and then follow their shapes) or between free points; and
 * dragging a selected arrow's end to bind it elsewhere.
 */
import { addItems, connectArrow } from '../../../../../shared/model/board/commands.ts';
import { arrowPoints, clipToRectEdge, rectFromPoints } from '../../../../../shared/model/board/geometry.ts';
import { INK_COLORS, isBoxItem, type ArrowEnd } from '../../../../../shared/model/board/schema.ts';
import type { BoardActions } from '../actions.ts';
import { noteColorFor, viewItems, type BoardEnv } from '../env.ts';
import { bindTarget } from '../hitTest.ts';
import { FRAME, NOTE, TEXT, textItemHeight } from '../itemStyle.ts';
import type { Point } from '../viewport.ts';
import { distance, type PointerInput, type PointerState } from './types.ts';

/** Makes one item as its own undo step; returns its id. */
function create(env: BoardEnv, item: Parameters<typeof addItems>[1][number]): string | null {
  env.undo.stopCapturing();
  // Every new item carries who made it (the write rules refuse a participant's item without).
  const [id] = addItems(env.doc, [
    { author: env.props.author.slice(0, 80), ...item, view: env.props.view, authorId: env.props.authorId || undefined },
  ]);
  return id ?? null;
}

/** A new note (centred on `at`) or text (starting at `at`), opened for typing. */
export function placeItem(env: BoardEnv, actions: BoardActions, tool: 'note' | 'text', at: Point): void {
  const author = env.props.author.slice(0, 80);
  const id =
    tool === 'note'
      ? create(env, {
          kind: 'note',
          x: Math.round(at.x - NOTE.defaultW / 2),
          y: Math.round(at.y - NOTE.defaultH / 2),
          w: NOTE.defaultW,
          h: NOTE.defaultH,
          text: '',
          color: noteColorFor(env),
          author,
        })
      : create(env, {
          kind: 'text',
          x: Math.round(at.x),
          y: Math.round(at.y - TEXT.defaultFont * 0.8),
          w: TEXT.defaultW,
          h: textItemHeight({ w: TEXT.defaultW, fontSize: TEXT.defaultFont }, ''),
          text: '',
          fontSize: TEXT.defaultFont,
          color: INK_COLORS[0],
          author,
        });
  if (id) actions.startEditing(id, true);
}

/** Frame tool release: the drawn rectangle, or the default size around a click. */
export function finishFrame(env: BoardEnv, s: Extract<PointerState, { kind: 'framing' }>, p: PointerInput): void {
  const drawn = rectFromPoints(s.world, p.world);
  const scale = env.store.getState().viewport.scale;
  const small = drawn.w * scale < 16 && drawn.h * scale < 16;
  const rect = small
    ? { x: s.world.x - FRAME.defaultW / 2, y: s.world.y - FRAME.defaultH / 2, w: FRAME.defaultW, h: FRAME.defaultH }
    : { ...drawn, w: Math.max(FRAME.minW, drawn.w), h: Math.max(FRAME.minH, drawn.h) };
  const id = create(env, {
    kind: 'frame',
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    w: Math.round(rect.w),
    h: Math.round(rect.h),
    title: env.props.t('board.frameTitle'),
    author: env.props.author.slice(0, 80),
  });
  env.store.setState({ frameDraft: null, tool: 'select', selection: id ? [id] : [] });
}

/** Where an arrow end is drawn: on the edge of its shape, facing the other end. */
function endPoint(env: BoardEnv, itemId: string | null, free: Point, toward: Point): Point {
  const item = itemId ? viewItems(env).byId.get(itemId) : undefined;
  return item && isBoxItem(item) ? clipToRectEdge(item, toward) : free;
}

export function arrowDown(env: BoardEnv, p: PointerInput): PointerState {
  const { items } = viewItems(env);
  const startItem = bindTarget(items, p.world);
  const start: ArrowEnd = startItem ? { itemId: startItem } : { x: Math.round(p.world.x), y: Math.round(p.world.y) };
  return { kind: 'arrowing', start, startItem, world: p.world };
}

export function arrowMove(env: BoardEnv, s: Extract<PointerState, { kind: 'arrowing' }>, p: PointerInput): void {
  const { items } = viewItems(env);
  const target = bindTarget(items, p.world, new Set(s.startItem ? [s.startItem] : []));
  const to = endPoint(env, target, p.world, s.world);
  env.store.setState({ arrowDraft: { from: endPoint(env, s.startItem, s.world, to), to, target, arrowId: null } });
}

export function finishArrow(env: BoardEnv, s: Extract<PointerState, { kind: 'arrowing' }>, p: PointerInput): void {
  const draft = env.store.getState().arrowDraft;
  env.store.setState({ arrowDraft: null });
  const scale = env.store.getState().viewport.scale;
  const target = draft?.target ?? null;
  // A click (no drag) or a drag that stays on its own shape makes no arrow.
  if (!target && distance(s.world, p.world) * scale < 12) return;
  const end: ArrowEnd = target ? { itemId: target } : { x: Math.round(p.world.x), y: Math.round(p.world.y) };
  const id = create(env, { kind: 'arrow', start: s.start, end, label: '', color: INK_COLORS[0] });
  env.store.setState({ tool: 'select', selection: id ? [id] : [] });
}

/** Is `p` on an end handle of the one selected arrow? Then that end can be dragged. */
export function arrowEndAt(env: BoardEnv, p: PointerInput): PointerState | null {
  const { selection, viewport } = env.store.getState();
  const { byId } = viewItems(env);
  const arrow = selection.length === 1 && selection[0] ? byId.get(selection[0]) : undefined;
  if (arrow?.kind !== 'arrow' || !env.props.editable) return null;
  const pts = arrowPoints(arrow, byId);
  if (!pts) return null;
  const reach = 10 / viewport.scale;
  if (distance(pts.end, p.world) <= reach) return { kind: 'arrowEnd', arrowId: arrow.id, which: 'end' };
  if (distance(pts.start, p.world) <= reach) return { kind: 'arrowEnd', arrowId: arrow.id, which: 'start' };
  return null;
}

export function arrowEndMove(env: BoardEnv, s: Extract<PointerState, { kind: 'arrowEnd' }>, p: PointerInput): void {
  const { items, byId } = viewItems(env);
  const arrow = byId.get(s.arrowId);
  const pts = arrow?.kind === 'arrow' ? arrowPoints(arrow, byId) : null;
  if (!pts || arrow?.kind !== 'arrow') return;
  const other = s.which === 'end' ? arrow.start : arrow.end;
  const otherItem = 'itemId' in other ? other.itemId : null;
  const target = bindTarget(items, p.world, new Set(otherItem ? [otherItem, arrow.id] : [arrow.id]));
  const fixed = s.which === 'end' ? pts.start : pts.end;
  const to = endPoint(env, target, p.world, fixed);
  const from = endPoint(env, otherItem, fixed, to);
  // The head stays at the arrow's end, whichever end is dragged.
  const ends = s.which === 'end' ? { from, to } : { from: to, to: from };
  env.store.setState({ arrowDraft: { ...ends, target, arrowId: arrow.id } });
}

export function finishArrowEnd(env: BoardEnv, s: Extract<PointerState, { kind: 'arrowEnd' }>, p: PointerInput): void {
  const draft = env.store.getState().arrowDraft;
  env.store.setState({ arrowDraft: null });
  if (!draft) return;
  const to: ArrowEnd = draft.target ? { itemId: draft.target } : { x: Math.round(p.world.x), y: Math.round(p.world.y) };
  env.undo.stopCapturing();
  connectArrow(env.doc, s.arrowId, s.which, to);
  env.undo.stopCapturing();
}
