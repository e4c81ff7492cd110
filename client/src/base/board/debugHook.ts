/**
 * `window.__veldwerkBoard`: a small handle for browser tests and the benchmarks (which
 * run the production build with `?debug`). Present in development and test builds, and
 * in production only with `?debug` in the address. Documented in client/CONTEXT.md.
 */
import type Konva from 'konva';
import { addItems, type NewItem } from '../../../../shared/model/board/commands.ts';
import type { BoardSnapshot } from '../../../../shared/model/board/read.ts';
import type { BoardEnv } from './env.ts';
import type { Viewport } from './viewport.ts';

export interface VeldwerkBoardHook {
  /** The board as the canvas draws it (items in stacking order, byId). */
  snapshot(): BoardSnapshot;
  getSelection(): readonly string[];
  setSelection(ids: readonly string[]): void;
  getViewport(): Viewport;
  setViewport(v: Viewport): void;
  /** Adds items as this person would (one undo step); returns their ids. For benchmarks and tests. */
  addItems(items: NewItem[]): string[];
  stage: Konva.Stage;
}

declare global {
  interface Window {
    __veldwerkBoard?: VeldwerkBoardHook;
  }
}

export function debugHookEnabled(): boolean {
  return import.meta.env.MODE !== 'production' || new URLSearchParams(location.search).has('debug');
}

/** Installs the hook for this board; returns the function that removes it. */
export function installDebugHook(env: BoardEnv, stage: Konva.Stage): () => void {
  if (!debugHookEnabled()) return () => undefined;
  const hook: VeldwerkBoardHook = {
    snapshot: () => env.reader.getSnapshot(),
    getSelection: () => env.store.getState().selection,
    setSelection: (ids) => env.store.setState({ selection: [...ids] }),
    getViewport: () => env.store.getState().viewport,
    setViewport: (v) => env.store.setViewport(v),
    addItems: (items) => {
      env.undo.stopCapturing();
      return addItems(
        env.doc,
        // As this person: their name and id, as the write rules expect of a new item.
        items.map((i) => ({
          view: env.props.view,
          author: env.props.author.slice(0, 80),
          authorId: env.props.authorId || undefined,
          ...i,
        })),
      );
    },
    stage,
  };
  window.__veldwerkBoard = hook;
  return () => {
    if (window.__veldwerkBoard === hook) delete window.__veldwerkBoard;
  };
}
