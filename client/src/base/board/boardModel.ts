/**
 * One reader and one undo manager per board doc, for as long as the doc lives (a doc is
 * dropped when its room closes). They outlive a remount of the canvas (React
 * StrictMode, switching board tabs back and forth), so undo history is kept too.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import { migrateBoardDoc } from '../../../../shared/model/board/migrations.ts';
import { BoardReader, type BoardSnapshot } from '../../../../shared/model/board/read.ts';
import { createBoardUndo, type BoardUndo } from '../../../../shared/model/board/undo.ts';
import { Origin, type Doc } from '../../../../shared/model/doc.ts';
import type { BoardStore } from './boardState.ts';

const readers = new WeakMap<Doc, BoardReader>();
const undos = new WeakMap<Doc, BoardUndo>();

export function boardReaderFor(doc: Doc): BoardReader {
  let reader = readers.get(doc);
  if (!reader) {
    reader = new BoardReader(doc);
    readers.set(doc, reader);
  }
  return reader;
}

/** This person's undo (tracks Origin.local only: never a neighbour's change). */
export function boardUndoFor(doc: Doc): BoardUndo {
  let undo = undos.get(doc);
  if (!undo) {
    undo = createBoardUndo(doc);
    undos.set(doc, undo);
  }
  return undo;
}

/** The board snapshot; unchanged items keep their identity between changes (memoised shapes skip them). */
export function useBoardSnapshot(reader: BoardReader): BoardSnapshot {
  return useSyncExternalStore(reader.subscribe, reader.getSnapshot);
}

/** Does `next` differ from `prev` only in the items `ids` (same items otherwise, same order)? */
function changedOnlyIn(prev: BoardSnapshot, next: BoardSnapshot, ids: ReadonlySet<string>): boolean {
  if (prev.schemaVersion !== next.schemaVersion || prev.items.length !== next.items.length) return false;
  const { items } = next;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (prev.items[i] !== item && !(ids.has(item.id) && prev.items[i]?.id === item.id)) return false;
  }
  return true;
}

/**
 * The snapshot the canvas draws (issue 3, drag at 50+ fps). During an item drag the
 * moving items are drawn from their frozen copies in the active layer, and the doc
 * catches up with the drag every few frames (tools/dragItems.ts). A new snapshot that
 * differs only in those items would re-render the whole canvas for nothing, so it is
 * held back until the drop; any other change (someone else's edit) is shown at once.
 */
export function useCanvasSnapshot(reader: BoardReader, store: BoardStore): BoardSnapshot {
  const shown = useRef<BoardSnapshot | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const offReader = reader.subscribe(listener);
      const offStore = store.subscribe(listener);
      return () => {
        offReader();
        offStore();
      };
    },
    [reader, store],
  );
  const get = () => {
    const latest = reader.getSnapshot();
    const prev = shown.current;
    if (prev === latest) return latest;
    const drag = store.getState().drag;
    if (prev && drag && changedOnlyIn(prev, latest, drag.ids)) return prev;
    shown.current = latest;
    return latest;
  };
  return useSyncExternalStore(subscribe, get);
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export function useUndoState(undo: BoardUndo): UndoState {
  const last = useRef<UndoState>({ canUndo: false, canRedo: false });
  const get = () => {
    const next = { canUndo: undo.canUndo(), canRedo: undo.canRedo() };
    const prev = last.current;
    if (prev.canUndo !== next.canUndo || prev.canRedo !== next.canRedo) last.current = next;
    return last.current;
  };
  return useSyncExternalStore(undo.subscribe, get);
}

/**
 * Brings an old board to the current schema once, after the first sync, when this
 * person may write it (viewers and locked boards are read as they are: readers
 * understand every version).
 */
export function useBoardMigration(doc: Doc, synced: boolean, editable: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !synced || !editable) return;
    done.current = true;
    migrateBoardDoc(doc, Origin.migration);
  }, [doc, synced, editable]);
}
