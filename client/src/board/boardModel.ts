/**
 * One reader and one undo manager per board doc, for as long as the doc lives (a doc is
 * dropped when its room closes). They outlive a remount of the canvas (React
 * StrictMode, switching board tabs back and forth), so undo history is kept too.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { migrateBoardDoc } from '../../../shared/model/board/migrations.ts';
import { BoardReader, type BoardSnapshot } from '../../../shared/model/board/read.ts';
import { createBoardUndo, type BoardUndo } from '../../../shared/model/board/undo.ts';
import { Origin, type Doc } from '../../../shared/model/doc.ts';

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
