/** Small hooks of the method views: element size, one write per frame, per-person undo. */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import type { Doc } from '../../../../shared/model/doc.ts';
import { createBoardUndo, type BoardUndo } from '../../../../shared/model/board/undo.ts';
import { useElementSize } from '../../base/board/useElementSize.ts';

/** The element's content size in whole CSS pixels, kept up to date (the views' Konva stages). */
export function useBoxSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  return useElementSize(ref, { wholePixels: true });
}

/**
 * The same object as long as every field is the same (`Object.is`), like `useMemo` over
 * all its fields: a context value without a dependency list that repeats it.
 */
export function useShallowMemo<T extends object>(value: T): T {
  const kept = useRef(value);
  const before = kept.current as Record<string, unknown>;
  const now = value as Record<string, unknown>;
  const keys = Object.keys(now);
  const same = keys.length === Object.keys(before).length && keys.every((k) => Object.is(before[k], now[k]));
  if (!same) kept.current = value;
  return kept.current;
}

/**
 * Writes at most once per animation frame per key (a drag, a slider): others see the
 * movement live without a transaction per pointer event. `flush` writes what is
 * pending now (at the end of a drag).
 */
export function useFrameWriter(): { schedule: (key: string, write: () => void) => void; flush: () => void } {
  const pending = useRef(new Map<string, () => void>());
  const frame = useRef<number | null>(null);
  const flush = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    const writes = [...pending.current.values()];
    pending.current.clear();
    for (const w of writes) w();
  }, []);
  const schedule = useCallback(
    (key: string, write: () => void) => {
      pending.current.set(key, write);
      if (frame.current === null) frame.current = requestAnimationFrame(flush);
    },
    [flush],
  );
  useEffect(() => flush, [flush]);
  return useMemo(() => ({ schedule, flush }), [schedule, flush]);
}

export interface UndoState {
  undo: BoardUndo | null;
  canUndo: boolean;
  canRedo: boolean;
}

const noSubscribe = () => () => undefined;

/**
 * This person's undo for the board's method data (and free items): created per doc, or
 * the host's own when it passes one (one undo history per person and board).
 */
export function useBoardUndo(doc: Doc, external?: BoardUndo): UndoState {
  const [own, setOwn] = useState<BoardUndo | null>(null);
  useEffect(() => {
    if (external) return;
    const u = createBoardUndo(doc);
    setOwn(u);
    return () => {
      u.destroy();
      setOwn(null);
    };
  }, [doc, external]);
  const undo = external ?? own;
  const state = useSyncExternalStore(undo ? undo.subscribe : noSubscribe, () =>
    undo ? (undo.canUndo() ? 1 : 0) + (undo.canRedo() ? 2 : 0) : 0,
  );
  return { undo, canUndo: (state & 1) !== 0, canRedo: (state & 2) !== 0 };
}
