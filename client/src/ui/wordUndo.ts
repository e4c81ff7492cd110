/**
 * Undo by word or pause in a plain text field (issue 12): answers, notes, the canvas
 * note editor. The browser's own undo there takes back one letter at a time; this one
 * keeps a step per word (a space after a word starts the next) or per burst of typing
 * (a pause of `PAUSE_MS` starts the next). Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y, and
 * the Edit menu's undo (`beforeinput` historyUndo), go through it. A value it puts back
 * is set as typing would (an `input` event), so a React field's `onChange` follows.
 * Collaborative texts have their own, in the doc model (`shared/model/board/textUndo.ts`).
 */
import { useEffect, type RefObject } from 'react';
import { startsNewWord, TEXT_CAPTURE_MS } from '../../../shared/model/board/textUndo.ts';

type Field = HTMLTextAreaElement | HTMLInputElement;

interface Step {
  value: string;
  caret: number;
}

const MAX_STEPS = 200;

function setFieldValue(el: Field, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  // The native setter, so that React sees the change as the user's (its own setter is bypassed).
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Gives `el` undo by word or pause; returns the function that takes it off again. */
export function attachWordUndo(el: Field): () => void {
  const undo: Step[] = [];
  const redo: Step[] = [];
  let last: Step = { value: el.value, caret: el.selectionStart ?? el.value.length };
  let lastInputAt = 0;
  let replaying = false;

  const onInput = () => {
    if (replaying) return;
    const now = Date.now();
    const next = el.value;
    if (next === last.value) return;
    const newStep = lastInputAt === 0 || now - lastInputAt > TEXT_CAPTURE_MS || startsNewWord(last.value, next);
    if (newStep) {
      undo.push(last);
      if (undo.length > MAX_STEPS) undo.shift();
    }
    redo.length = 0;
    lastInputAt = now;
    last = { value: next, caret: el.selectionStart ?? next.length };
  };

  const go = (from: Step[], to: Step[]) => {
    const step = from.pop();
    if (!step) return;
    to.push({ value: el.value, caret: el.selectionStart ?? el.value.length });
    replaying = true;
    try {
      setFieldValue(el, step.value);
    } finally {
      replaying = false;
    }
    const caret = Math.min(step.caret, step.value.length);
    el.setSelectionRange(caret, caret);
    last = step;
    // The next letter typed after an undo starts a step of its own.
    lastInputAt = 0;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) go(undo, redo);
    else if ((key === 'z' && e.shiftKey) || key === 'y') go(redo, undo);
    else return;
    e.preventDefault();
    // Not the board's undo: this field's.
    e.stopPropagation();
  };

  const onBeforeInput = (e: InputEvent) => {
    if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
    e.preventDefault();
    if (e.inputType === 'historyUndo') go(undo, redo);
    else go(redo, undo);
  };

  const target = el as HTMLElement;
  const keys = onKeyDown as EventListener;
  const history = onBeforeInput as EventListener;
  target.addEventListener('input', onInput);
  target.addEventListener('keydown', keys);
  target.addEventListener('beforeinput', history);
  return () => {
    target.removeEventListener('input', onInput);
    target.removeEventListener('keydown', keys);
    target.removeEventListener('beforeinput', history);
  };
}

/**
 * {@link attachWordUndo} as a ref callback (React 19 runs the cleanup it returns): for a
 * field in a list or a small component, `ref={wordUndoRef}`.
 */
export const wordUndoRef = (el: Field | null): (() => void) | undefined => (el ? attachWordUndo(el) : undefined);

/** {@link attachWordUndo} for the field in `ref` while it is mounted (`active`: false leaves it alone). */
export function useWordUndo(ref: RefObject<Field | null>, active = true): void {
  useEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    return attachWordUndo(el);
  }, [ref, active]);
}
