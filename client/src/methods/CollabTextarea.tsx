/**
 * A textarea bound to one of an actor's collaborative texts (the 3 B's, notes). Every
 * keystroke goes to the model as a minimal edit, so several people can type in the same
 * field; words arriving from others are put in without moving your caret.
 */
import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';
import type { ActorTextField } from '../../../shared/model/board/actorSchema.ts';
import { readMethods, setActorText } from '../../../shared/model/board/actors.ts';
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

export function CollabTextarea({ actorId, field, value, autoGrow = true, ...rest }: CollabTextareaProps) {
  const { doc, editable } = useMethods();
  const ref = useRef<HTMLTextAreaElement>(null);
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
    base.current = next;
    setActorText(doc, actorId, field, next);
    if (next !== typed) {
      const caret = mapCaret(typed, next, el.selectionStart);
      el.value = next;
      el.setSelectionRange(caret, caret);
    }
    fit(el);
  };

  return (
    <textarea
      ref={ref}
      defaultValue={value}
      readOnly={!editable}
      onInput={onInput}
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
