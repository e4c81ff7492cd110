/**
 * The board's pointer state machine (mouse, pen and touch alike, via Pointer Events):
 * routes each press, move and release to the current state (types.ts) and the tool.
 * Panning (hand tool, Space+drag, middle button, one finger on the empty board) and
 * two-finger pinch live here; selecting and creating in selectTool.ts / createTools.ts.
 *
 * Hit testing is ours (hitTest.ts), so the Konva item layers need no events at all;
 * only the Transformer's handles are Konva's own (the caller skips presses on them).
 */
import type { BoardActions } from '../actions.ts';
import { viewItems, type BoardEnv } from '../env.ts';
import { hitTest } from '../hitTest.ts';
import { pinch } from '../viewport.ts';
import { rectFromPoints } from '../../../../../shared/model/board/geometry.ts';
import {
  arrowDown,
  arrowEndAt,
  arrowEndMove,
  arrowMove,
  finishArrow,
  finishArrowEnd,
  finishFrame,
  placeItem,
} from './createTools.ts';
import { marqueeMove, pointingMove, selectClick, selectDown } from './selectTool.ts';
import { distance, dragThreshold, type PointerInput, type PointerState } from './types.ts';

const DOUBLE_CLICK_MS = 400;
const DOUBLE_CLICK_PX = 10;

export class BoardPointer {
  private state: PointerState = { kind: 'idle' };
  private readonly touches = new Map<number, PointerInput['screen']>();
  private lastClick: { time: number; at: PointerInput['screen']; hit: string | null } | null = null;

  constructor(
    private readonly env: BoardEnv,
    private readonly actions: BoardActions,
  ) {}

  get busy(): boolean {
    return this.state.kind !== 'idle';
  }

  down(p: PointerInput): void {
    if (p.type === 'touch') {
      this.touches.set(p.id, p.screen);
      if (this.touches.size === 2) return this.startPinch();
    }
    if (this.state.kind !== 'idle' || p.button === 2) return;
    this.state = this.pressState(p);
    this.updateCursor(p);
  }

  private pressState(p: PointerInput): PointerState {
    const { tool, spacePan } = this.env.store.getState();
    if (p.button === 1 || spacePan || tool === 'hand') return { kind: 'panning', last: p.screen };
    if (!this.env.props.editable || tool === 'select') return arrowEndAt(this.env, p) ?? selectDown(this.env, p);
    switch (tool) {
      case 'note':
      case 'text':
        return { kind: 'placing', tool, world: p.world, origin: p.screen };
      case 'frame':
        return { kind: 'framing', world: p.world };
      case 'arrow':
        return arrowDown(this.env, p);
    }
  }

  move(p: PointerInput): void {
    this.env.store.setState({ pointer: p.world });
    if (p.type === 'touch' && this.touches.has(p.id)) {
      this.touches.set(p.id, p.screen);
      if (this.state.kind === 'pinching') return this.pinchMove();
    }
    const s = this.state;
    switch (s.kind) {
      case 'idle':
        return this.updateCursor(p);
      case 'pointing':
        this.state = pointingMove(this.env, s, p);
        return;
      case 'dragging':
        return s.drag.move(p.world);
      case 'marquee':
        return marqueeMove(this.env, s, p);
      case 'panning': {
        const v = this.env.store.getState().viewport;
        this.env.store.setViewport({ ...v, x: v.x + p.screen.x - s.last.x, y: v.y + p.screen.y - s.last.y });
        this.state = { ...s, last: p.screen };
        return;
      }
      case 'framing':
        this.env.store.setState({ frameDraft: rectFromPoints(s.world, p.world) });
        return;
      case 'arrowing':
        return arrowMove(this.env, s, p);
      case 'arrowEnd':
        return arrowEndMove(this.env, s, p);
      case 'placing':
      case 'pinching':
        return;
    }
  }

  up(p: PointerInput): void {
    this.touches.delete(p.id);
    const s = this.state;
    this.state = { kind: 'idle' };
    switch (s.kind) {
      case 'pointing':
        return this.click(s, p);
      case 'dragging':
        return s.drag.end();
      case 'marquee':
        return this.env.store.setState({ marquee: null });
      case 'placing':
        if (distance(s.origin, p.screen) < dragThreshold(p.type) * 3)
          placeItem(this.env, this.actions, s.tool, s.world);
        return;
      case 'framing':
        return finishFrame(this.env, s, p);
      case 'arrowing':
        return finishArrow(this.env, s, p);
      case 'arrowEnd':
        return finishArrowEnd(this.env, s, p);
      case 'idle':
      case 'panning':
      case 'pinching':
        return;
    }
  }

  /** The pointer was taken away (system gesture, lost capture): end what was going on. */
  cancel(id: number): void {
    this.touches.delete(id);
    const s = this.state;
    if (s.kind === 'dragging') s.drag.end();
    if (s.kind !== 'idle' && s.kind !== 'pinching') this.state = { kind: 'idle' };
    if (s.kind === 'pinching' && this.touches.size < 2) this.state = { kind: 'idle' };
    this.env.store.setState({ marquee: null, frameDraft: null, arrowDraft: null });
  }

  leave(): void {
    this.env.store.setState({ pointer: null });
  }

  private click(s: Extract<PointerState, { kind: 'pointing' }>, p: PointerInput): void {
    const last = this.lastClick;
    const double =
      last !== null &&
      p.time - last.time < DOUBLE_CLICK_MS &&
      distance(last.at, p.screen) < DOUBLE_CLICK_PX &&
      last.hit === s.hit;
    this.lastClick = double ? null : { time: p.time, at: p.screen, hit: s.hit };
    if (!double) return selectClick(this.env, s);
    if (s.hit) this.actions.startEditing(s.hit);
    else if (this.env.props.editable) placeItem(this.env, this.actions, 'note', p.world);
  }

  /** A second finger: whatever one finger was doing ends, and the two pan and zoom. */
  private startPinch(): void {
    const s = this.state;
    if (s.kind === 'dragging') s.drag.end();
    this.env.store.setState({ marquee: null, frameDraft: null, arrowDraft: null });
    this.state = { kind: 'pinching', ...this.gesture() };
  }

  private pinchMove(): void {
    const s = this.state;
    if (s.kind !== 'pinching' || this.touches.size < 2) return;
    const now = this.gesture();
    this.env.store.setViewport(pinch(this.env.store.getState().viewport, s, now));
    this.state = { kind: 'pinching', ...now };
  }

  private gesture() {
    const [a, b] = [...this.touches.values()];
    if (!a || !b) return { center: { x: 0, y: 0 }, distance: 0 };
    return { center: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, distance: Math.hypot(a.x - b.x, a.y - b.y) };
  }

  /** The cursor says what a press would do (mouse only; cheap: one hit test per move). */
  updateCursor(p?: PointerInput): void {
    const container = this.env.nodes.stage?.container();
    if (!container || (p && (p.type !== 'mouse' || p.onHandle))) return;
    container.style.cursor = this.cursorFor(p);
  }

  private cursorFor(p?: PointerInput): string {
    const { tool, spacePan, viewport } = this.env.store.getState();
    const s = this.state.kind;
    if (s === 'panning') return 'grabbing';
    if (spacePan || tool === 'hand') return 'grab';
    if (s === 'dragging') return 'move';
    if (tool !== 'select') return 'crosshair';
    if (!p || !this.env.props.editable) return 'default';
    if (arrowEndAt(this.env, p)) return 'pointer';
    const { items, byId } = viewItems(this.env);
    return hitTest(items, byId, p.world, viewport.scale) ? 'move' : 'default';
  }
}
