/**
 * The board's UI state (not in the doc): tool, selection, viewport, pointer, what is
 * being edited or dragged. One small store per open board, after zustand's vanilla
 * store: `getState`, `setState`, `subscribe`, and `useBoardState(store, selector)`
 * so a component re-renders only when its slice changes.
 *
 * This is the integration point for presence (issue 3): selection ids, the viewport,
 * the canvas size and the pointer in world coordinates live here; a "follow" feature
 * drives the view with `setViewport(v, 'follow')` and sees the person take over when
 * `viewportBy` turns back to 'user' (every pan, zoom or fit of theirs sets 'user').
 */
import { useRef, useSyncExternalStore } from 'react';
import type { BoardItem, NoteColor } from '../../../../shared/model/board/schema.ts';
import { INITIAL_VIEWPORT, sameViewport, type Point, type Rect, type Size, type Viewport } from './viewport.ts';

export const TOOLS = ['select', 'hand', 'note', 'text', 'arrow', 'frame'] as const;
export type Tool = (typeof TOOLS)[number];
/** Tools that need no write access. */
export const READ_ONLY_TOOLS: readonly Tool[] = ['select', 'hand'];

/** Who set the viewport last: the person (pan, zoom, keys), following someone, or the first fit. */
export type ViewportSource = 'user' | 'follow' | 'init';

/** An item drag in progress: the moving items as they were when it started (see tools/dragItems.ts). */
export interface DragState {
  /** Everything that moves: the selection plus the contents of selected frames. */
  ids: ReadonlySet<string>;
  /** Items drawn from this copy while dragging; the doc catches up at most once per frame. */
  frozen: ReadonlyMap<string, BoardItem>;
  /** Arrows whose ends change shape during the drag (bound to a moving item). */
  attachedArrows: readonly string[];
}

/** An arrow being drawn with the arrow tool, or an arrow end being dragged. */
export interface ArrowDraft {
  from: Point;
  to: Point;
  /** The box item an end would bind to, outlined while drawing. */
  target: string | null;
  /** The arrow whose end is being dragged (hidden while the draft stands in for it). */
  arrowId: string | null;
}

export interface BoardUiState {
  tool: Tool;
  /** Selected item ids (may briefly hold ids deleted by someone else: filter on read). */
  selection: readonly string[];
  viewport: Viewport;
  viewportBy: ViewportSource;
  /** The canvas's size in CSS pixels (0 x 0 until it is laid out). */
  size: Size;
  /** Last pointer position over the canvas in world coordinates, `null` when outside. */
  pointer: Point | null;
  /** The item whose text is being typed; `isNew` items are removed when left empty. */
  editing: { id: string; isNew: boolean } | null;
  drag: DragState | null;
  /** Resizing with the Transformer (hides the context toolbar). */
  resizing: boolean;
  marquee: Rect | null;
  /** A frame being drawn with the frame tool. */
  frameDraft: Rect | null;
  arrowDraft: ArrowDraft | null;
  /** Space is held: the next drag pans. */
  spacePan: boolean;
  helpOpen: boolean;
  /** Colour of the next note (the last one picked). */
  noteColor: NoteColor | null;
}

export interface BoardStore {
  getState(): BoardUiState;
  setState(patch: Partial<BoardUiState> | ((s: BoardUiState) => Partial<BoardUiState>)): void;
  /** Sets the viewport; `by` tells a follow feature whether the person moved the view themselves. */
  setViewport(v: Viewport, by?: ViewportSource): void;
  subscribe(listener: () => void): () => void;
}

export function createBoardStore(initial: Partial<BoardUiState> = {}): BoardStore {
  let state: BoardUiState = {
    tool: 'select',
    selection: [],
    viewport: INITIAL_VIEWPORT,
    viewportBy: 'init',
    size: { width: 0, height: 0 },
    pointer: null,
    editing: null,
    drag: null,
    resizing: false,
    marquee: null,
    frameDraft: null,
    arrowDraft: null,
    spacePan: false,
    helpOpen: false,
    noteColor: null,
    ...initial,
  };
  const listeners = new Set<() => void>();
  const store: BoardStore = {
    getState: () => state,
    setState(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      let changed = false;
      for (const key of Object.keys(next) as (keyof BoardUiState)[]) {
        if (!Object.is(state[key], next[key])) changed = true;
      }
      if (!changed) return;
      state = { ...state, ...next };
      for (const l of listeners) l();
    },
    setViewport(v, by = 'user') {
      if (sameViewport(v, state.viewport) && by === state.viewportBy) return;
      store.setState({ viewport: v, viewportBy: by });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return store;
}

/** Selection equality by content, so re-selecting the same ids does not re-render. */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Reads a slice of the store; re-renders when `Object.is` says the slice changed. */
export function useBoardState<T>(store: BoardStore, selector: (s: BoardUiState) => T): T {
  const last = useRef<{ state: BoardUiState; selector: (s: BoardUiState) => T; value: T } | null>(null);
  const get = () => {
    const s = store.getState();
    const prev = last.current;
    if (prev && prev.state === s && prev.selector === selector) return prev.value;
    const value = selector(s);
    // Keep the previous value when equal: useSyncExternalStore compares with Object.is.
    last.current = { state: s, selector, value: prev && Object.is(prev.value, value) ? prev.value : value };
    return last.current.value;
  };
  return useSyncExternalStore(store.subscribe, get);
}
