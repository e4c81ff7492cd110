/**
 * Per-person undo: a Y.UndoManager that tracks only transactions with this person's
 * origin. Changes that arrive from others (origin: the provider) are never undone by
 * me, and my undo never takes back a neighbour's change.
 */
import * as Y from 'yjs';
import { Origin } from '../doc.ts';
import { methodRoots } from './actors.ts';
import { answersRoot } from './answers.ts';
import { itemsMapOf } from './store.ts';

export interface BoardUndo {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Ends the current undo step (the next change starts a new one). */
  stopCapturing(): void;
  /**
   * The next change joins the current undo step even after a pause longer than the
   * capture timeout (a drag that stops and goes on is still one step). No effect when
   * no step is open (right after `stopCapturing`).
   */
  continueCapturing(): void;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export function createBoardUndo(doc: Y.Doc, origin: unknown = Origin.local): BoardUndo {
  const manager = new Y.UndoManager([itemsMapOf(doc), ...methodRoots(doc), answersRoot(doc)], {
    trackedOrigins: new Set([origin]),
    // Changes within half a second (a drag, typing) undo as one step.
    captureTimeout: 500,
  });
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) manager.on(event, emit);
  return {
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    stopCapturing: () => manager.stopCapturing(),
    continueCapturing: () => {
      if (manager.lastChange > 0) manager.lastChange = Date.now();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    destroy: () => {
      listeners.clear();
      manager.destroy();
    },
  };
}
