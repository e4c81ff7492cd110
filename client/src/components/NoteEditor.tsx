import { useEffect, useRef } from 'react';
import type { NoteRecord } from '../../../shared/model/boardDoc.ts';
import { NOTE_HEIGHT, NOTE_WIDTH, type Viewport } from '../board/viewport.ts';
import { NOTE_FONT, NOTE_FONT_SIZE, NOTE_PADDING } from './NoteShape.tsx';

interface NoteEditorProps {
  note: NoteRecord;
  viewport: Viewport;
  label: string;
  /** `text` is `null` when editing was cancelled. */
  onDone: (text: string | null) => void;
}

/** An HTML textarea laid exactly over the note, for typing (and IME, spell check, mobile keyboards). */
export function NoteEditor({ note, viewport, label, onDone }: NoteEditorProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(text);
  };

  useEffect(() => {
    const area = ref.current;
    if (!area) return;
    // The canvas clips; without preventScroll the browser would scroll it to show the caret.
    area.focus({ preventScroll: true });
    area.setSelectionRange(area.value.length, area.value.length);
  }, []);

  const { scale } = viewport;
  return (
    <textarea
      ref={ref}
      className="note-editor"
      aria-label={label}
      defaultValue={note.text}
      maxLength={2000}
      data-testid="note-editor"
      style={{
        left: note.x * scale + viewport.x,
        top: note.y * scale + viewport.y,
        width: NOTE_WIDTH * scale,
        height: NOTE_HEIGHT * scale,
        padding: NOTE_PADDING * scale,
        fontSize: NOTE_FONT_SIZE * scale,
        fontFamily: NOTE_FONT,
        backgroundColor: note.color,
        borderRadius: 4 * scale,
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
          e.preventDefault();
          finish(e.currentTarget.value);
        }
      }}
    />
  );
}
