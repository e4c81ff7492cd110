/**
 * Applies the store's viewport to the Konva stage and the grid, directly: a pan or zoom
 * frame re-renders no React component (issue 3 speed). The dot grid is a CSS
 * background of the canvas element that follows pan and zoom: no canvas drawing at all.
 */
import { useEffect } from 'react';
import type Konva from 'konva';
import { firstViewShown } from '../firstView.ts';
import type { BoardStore } from './boardState.ts';
import { gridSpacing, type Viewport } from './viewport.ts';

function apply(stage: Konva.Stage, grid: HTMLElement | null, v: Viewport): void {
  // In one batch (issue 14): Konva then clears the cached transforms of all the stage's
  // nodes once; position() and scale() apart went over every node of the board three times.
  stage.setAttrs({ x: v.x, y: v.y, scaleX: v.scale, scaleY: v.scale });
  stage.batchDraw();
  if (!grid) return;
  const step = gridSpacing(v.scale);
  grid.style.backgroundSize = `${step}px ${step}px`;
  grid.style.backgroundPosition = `${v.x}px ${v.y}px`;
}

export function useStageViewport(store: BoardStore, stage: Konva.Stage | null, grid: HTMLElement | null): void {
  useEffect(() => {
    if (!stage) return;
    let last = store.getState().viewport;
    apply(stage, grid, last);
    // The board is on screen at the next frame (its draw was asked first): parts that wait for it may load.
    requestAnimationFrame(firstViewShown);
    return store.subscribe(() => {
      const v = store.getState().viewport;
      if (v === last) return;
      last = v;
      apply(stage, grid, v);
    });
  }, [store, stage, grid]);
}
