/**
 * A textarea bound to one of an actor's collaborative texts (the 3 B's, notes). Every
 * keystroke goes to the model as a minimal edit, so several people can type in the same
 * field; words arriving from others are put in without moving your caret. Ctrl/Cmd+Z
 * undoes your own typing a word or a pause at a time (issue 12: `textUndo.ts`), never
 * someone else's.
 */
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import type { ActorTextField } from '../../../../shared/model/board/actorSchema.ts';
import { readMethods, setActorText } from '../../../../shared/model/board/actors.ts';
import { createTextUndo, startsNewWord, type TextUndo } from '../../../../shared/model/board/textUndo.ts';
import { useMethods } from './context.ts';
import { mapCaret, rebaseEdit } from './textMerge.ts';

interface CollabTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  actorId: string;
  field: ActorTextField;
  /** The text as the model has it now. */
  value: string;
  /** Grow with the text instead of scrolling. */
  autoGrow?: boolean;
}

function grow(el: HTMLTextAreaElement): void {
  el.style.height = 'auto';
  el.style.height = `${el.scrollHeight + 2}px`;
}

export function CollabTextarea({ actorId, field, value, autoGrow = true, onKeyDown, ...rest }: CollabTextareaProps) {
  const { doc, editable } = useMethods();
  const ref = useRef<HTMLTextAreaElement>(null);
  // This field's own undo, made at the first keystroke (it may give the field its text).
  const undoRef = useRef<TextUndo | null>(null);
  useEffect(
    () => () => {
      undoRef.current?.destroy();
      undoRef.current = null;
    },
    [doc, actorId, field],
  );
  const history = (step: 'undo' | 'redo') => {
    if (!editable || composing.current) return;
    const undo = undoRef.current;
    if (!undo) return;
    undo.stopCapturing();
    if (step === 'undo') undo.undo();
    else undo.redo();
  };
  // The browser's own undo (Edit menu, a phone's shake) would undo letters behind the model's back.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onBeforeInput = (e: InputEvent) => {
      if (e.inputType !== 'historyUndo' && e.inputType !== 'historyRedo') return;
      e.preventDefault();
      historyRef.current(e.inputType === 'historyUndo' ? 'undo' : 'redo');
    };
    el.addEventListener('beforeinput', onBeforeInput);
    return () => el.removeEventListener('beforeinput', onBeforeInput);
  }, []);
  const historyRef = useRef(history);
  historyRef.current = history;
  // The model text the textarea's content was last brought in line with.
  const base = useRef(value);
  const composing = useRef(false);
  // The text the height was last fitted to: fitting forces a layout, so only when it changed.
  const grownFor = useRef<string | null>(null);
  const fit = (el: HTMLTextAreaElement) => {
    if (!autoGrow || grownFor.current === el.value) return;
    grownFor.current = el.value;
    grow(el);
  };

  // Remote text: replace the content, keep the caret (and selection) on the same words.
  const sync = () => {
    const el = ref.current;
    if (!el || composing.current) return;
    if (el.value !== value) {
      const before = el.value;
      const focused = document.activeElement === el;
      const { selectionStart, selectionEnd, selectionDirection } = el;
      el.value = value;
      if (focused) {
        el.setSelectionRange(
          mapCaret(before, value, selectionStart),
          mapCaret(before, value, selectionEnd),
          selectionDirection,
        );
      }
    }
    base.current = value;
    fit(el);
  };
  useLayoutEffect(sync);

  const onInput = () => {
    const el = ref.current;
    if (!el || !editable) return;
    const typed = el.value;
    // The doc may hold words the textarea has not shown yet: put this keystroke on top of them.
    const current = readMethods(doc).actorsById.get(actorId)?.[field] ?? base.current;
    const next = current === base.current ? typed : rebaseEdit(base.current, typed, current);
    undoRef.current ??= createTextUndo(doc, actorId, field);
    // A space after a word starts the next step: undo takes back a word, not a letter.
    if (startsNewWord(current, next)) undoRef.current?.stopCapturing();
    base.current = next;
    setActorText(doc, actorId, field, next);
    if (next !== typed) {
      const caret = mapCaret(typed, next, el.selectionStart);
      el.value = next;
      el.setSelectionRange(caret, caret);
    }
    fit(el);
  };

  const onKeys = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    onKeyDown?.(e);
    if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) history('undo');
    else if ((key === 'z' && e.shiftKey) || key === 'y') history('redo');
    else return;
    e.preventDefault();
    // The board's and the workspace's undo keys are for the board, not this field.
    e.stopPropagation();
  };

  return (
    <textarea
      ref={ref}
      defaultValue={value}
      readOnly={!editable}
      onInput={onInput}
      onKeyDown={onKeys}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={() => {
        composing.current = false;
        onInput();
      }}
      rows={autoGrow ? 2 : 4}
      {...rest}
    />
  );
}
