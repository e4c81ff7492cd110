/**
 * Binds the stage's DOM element to the pointer state machine: Pointer Events for mouse,
 * pen and touch, and the wheel for zoom (at the pointer; trackpad pinches arrive as
 * wheel events with Ctrl). Listeners are native (not React's) so a move costs no render.
 */
import { useEffect } from 'react';
import type Konva from 'konva';
import type { BoardEnv } from './env.ts';
import type { BoardPointer } from './tools/BoardPointer.ts';
import type { PointerInput } from './tools/types.ts';
import { screenToWorld, zoomAt } from './viewport.ts';

/** Is the point on one of the Transformer's handles (Konva handles that press itself)? */
function onTransformerHandle(stage: Konva.Stage, x: number, y: number): boolean {
  const shape = stage.getIntersection({ x, y });
  // By class name: the Transformer's code loads only when the board has painted (SelectionTransformer).
  return shape?.getParent()?.getClassName() === 'Transformer';
}

function wheelFactor(e: WheelEvent): number {
  const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
  const delta = Math.max(-120, Math.min(120, e.deltaY * lines));
  return Math.exp(-delta * (e.ctrlKey ? 0.01 : 0.002));
}

export function useBoardInput(env: BoardEnv, pointer: BoardPointer, stage: Konva.Stage | null): void {
  useEffect(() => {
    if (!stage) return;
    const el = stage.container();
    // The stage's place on the page, read when first needed (issue 14: reading it as the
    // board mounts forced a layout of the whole page before the board's first frame).
    let box: DOMRect | null = null;
    const place = () => (box ??= el.getBoundingClientRect());
    const input = (e: PointerEvent): PointerInput => {
      const { left, top } = place();
      const screen = { x: e.clientX - left, y: e.clientY - top };
      return {
        id: e.pointerId,
        type: e.pointerType,
        button: e.button,
        screen,
        world: screenToWorld(env.store.getState().viewport, screen),
        shift: e.shiftKey,
        mod: e.ctrlKey || e.metaKey,
        time: e.timeStamp,
      };
    };
    const down = (e: PointerEvent) => {
      box = el.getBoundingClientRect();
      const p = input(e);
      if (onTransformerHandle(stage, p.screen.x, p.screen.y)) return;
      // Typing elsewhere ends when the board is pressed (the editor commits on blur).
      if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
        document.activeElement.blur();
      }
      if (e.button === 1) e.preventDefault();
      el.setPointerCapture(e.pointerId);
      pointer.down(p);
    };
    const move = (e: PointerEvent) => {
      // The board can shift without a window resize (a toolbar row wraps, a panel opens):
      // re-read its place while hovering; during a drag the layout holds still.
      if (!pointer.busy) box = el.getBoundingClientRect();
      const p = input(e);
      if (!pointer.busy && e.pointerType === 'mouse') p.onHandle = onTransformerHandle(stage, p.screen.x, p.screen.y);
      pointer.move(p);
    };
    const up = (e: PointerEvent) => {
      if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
      pointer.up(input(e));
    };
    const cancel = (e: PointerEvent) => pointer.cancel(e.pointerId);
    const leave = () => {
      if (!pointer.busy) pointer.leave();
    };
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      box = el.getBoundingClientRect();
      const at = { x: e.clientX - box.left, y: e.clientY - box.top };
      env.store.setViewport(zoomAt(env.store.getState().viewport, wheelFactor(e), at));
    };
    const resize = () => (box = null);
    el.addEventListener('pointerdown', down);
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', cancel);
    el.addEventListener('pointerleave', leave);
    el.addEventListener('wheel', wheel, { passive: false });
    window.addEventListener('resize', resize);
    window.addEventListener('scroll', resize, true);
    return () => {
      el.removeEventListener('pointerdown', down);
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', cancel);
      el.removeEventListener('pointerleave', leave);
      el.removeEventListener('wheel', wheel);
      window.removeEventListener('resize', resize);
      window.removeEventListener('scroll', resize, true);
    };
  }, [env, pointer, stage]);
}
