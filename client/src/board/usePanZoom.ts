/**
 * Pan and zoom handlers for the Konva stage: wheel zooms at the pointer, dragging the
 * empty stage pans (Konva's stage drag), two fingers pinch-zoom on touch screens.
 */
import { useCallback, useRef, useState } from 'react';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Stage } from 'konva/lib/Stage';
import { INITIAL_VIEWPORT, zoomAt, type Point, type Viewport } from './viewport.ts';

interface Pinch {
  center: Point;
  distance: number;
}

function touchPoints(stage: Stage, e: TouchEvent): [Point, Point] | null {
  const [a, b] = [e.touches[0], e.touches[1]];
  if (!a || !b) return null;
  const box = stage.container().getBoundingClientRect();
  return [
    { x: a.clientX - box.left, y: a.clientY - box.top },
    { x: b.clientX - box.left, y: b.clientY - box.top },
  ];
}

export function usePanZoom() {
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const pinch = useRef<Pinch | null>(null);

  const onWheel = useCallback((e: KonvaEventObject<WheelEvent>) => {
    e.evt.preventDefault();
    const stage = e.target.getStage();
    const pointer = stage?.getPointerPosition();
    if (!pointer) return;
    // Trackpad pinches arrive as wheel events with ctrlKey and small deltas.
    const factor = Math.exp(-e.evt.deltaY * (e.evt.ctrlKey ? 0.01 : 0.0015));
    setViewport((v) => zoomAt(v, factor, pointer));
  }, []);

  const onDragMove = useCallback((e: KonvaEventObject<DragEvent>) => {
    const stage = e.target.getStage();
    if (!stage || e.target !== stage) return;
    setViewport((v) => ({ ...v, x: stage.x(), y: stage.y() }));
  }, []);

  const onTouchMove = useCallback((e: KonvaEventObject<TouchEvent>) => {
    const stage = e.target.getStage();
    const points = stage ? touchPoints(stage, e.evt) : null;
    if (!stage || !points) return;
    e.evt.preventDefault();
    if (stage.isDragging()) stage.stopDrag();
    const [a, b] = points;
    const center = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    const distance = Math.hypot(a.x - b.x, a.y - b.y);
    const last = pinch.current;
    pinch.current = { center, distance };
    if (!last || last.distance === 0) return;
    setViewport((v) => {
      const zoomed = zoomAt(v, distance / last.distance, center);
      return { ...zoomed, x: zoomed.x + center.x - last.center.x, y: zoomed.y + center.y - last.center.y };
    });
  }, []);

  const onTouchEnd = useCallback(() => {
    pinch.current = null;
  }, []);

  return {
    viewport,
    setViewport,
    stageHandlers: { onWheel, onDragMove, onDragEnd: onDragMove, onTouchMove, onTouchEnd },
  };
}
