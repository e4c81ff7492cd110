/**
 * Undo inside one of an actor's texts (the 3 B's, notes), by word or pause, not by letter
 * (issue 12): a Y.UndoManager on that one Y.Text, tracking only this person's own typing.
 * A step ends after a pause (`TEXT_CAPTURE_MS`) or where the caller says a new word
 * begins (`stopCapturing`); others' words in the same field are never undone.
 */
import * as Y from 'yjs';
import { Origin } from '../doc.ts';
import { ACTOR_TEXT_FIELDS, type ActorTextField } from './actorSchema.ts';

/** Typing without a pause this long is one step. */
export const TEXT_CAPTURE_MS = 1000;

export interface TextUndo {
  undo(): boolean;
  redo(): boolean;
  /** The next change starts a new step (a new word begins). */
  stopCapturing(): void;
  destroy(): void;
}

/**
 * The undo of `field` of actor `id`, or `null` when the actor is not there. A field that
 * has no text yet gets one first (one change), so that its first letter is undoable too.
 */
export function createTextUndo(
  doc: Y.Doc,
  id: string,
  field: ActorTextField,
  origin: unknown = Origin.local,
): TextUndo | null {
  if (!ACTOR_TEXT_FIELDS.includes(field)) return null;
  const actor = doc.getMap<unknown>('actors').get(id);
  if (!(actor instanceof Y.Map)) return null;
  let text = actor.get(field);
  if (!(text instanceof Y.Text)) {
    const initial = typeof text === 'string' ? text : '';
    doc.transact(() => actor.set(field, new Y.Text(initial)), origin);
    text = actor.get(field);
  }
  if (!(text instanceof Y.Text)) return null;
  const manager = new Y.UndoManager(text, { trackedOrigins: new Set([origin]), captureTimeout: TEXT_CAPTURE_MS });
  return {
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    stopCapturing: () => manager.stopCapturing(),
    destroy: () => manager.destroy(),
  };
}

/**
 * Does this edit begin a new word-step? Typing a space or a line break right after a
 * word ends the word's step, so that undo takes back " woord", not one letter.
 */
export function startsNewWord(before: string, after: string): boolean {
  if (after.length !== before.length + 1) return false;
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  if (before.slice(i) !== after.slice(i + 1)) return false;
  const typed = after[i]!;
  const previous = i > 0 ? after[i - 1]! : '';
  return /\s/.test(typed) && previous !== '' && !/\s/.test(previous);
}
