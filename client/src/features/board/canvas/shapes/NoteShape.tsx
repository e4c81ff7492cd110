import { memo, useMemo } from 'react';
import { Shape } from 'react-konva';
import type { NoteItem } from '../../../../../../shared/model/board/schema.ts';
import { noteLayout, notePlaceholderLayout } from '../../../../base/board/itemStyle.ts';
import { drawNote, lazy } from './draw.ts';

interface NoteShapeProps {
  note: NoteItem;
  editing: boolean;
  /** Grey text on an empty note ("Dubbelklik om te schrijven"), `null` when it may not be written. */
  placeholder: string | null;
}

/** A sticky note: one Konva Shape drawing paper, fitted text and author (see draw.ts for why). */
export const NoteShape = memo(function NoteShape({ note, editing, placeholder }: NoteShapeProps) {
  const layout = useMemo(() => lazy(() => noteLayout(note, note.text)), [note]);
  const hint = useMemo(
    () => (placeholder ? lazy(() => notePlaceholderLayout(note, placeholder)) : null),
    [note, placeholder],
  );
  return (
    <Shape
      id={note.id}
      x={note.x}
      y={note.y}
      sceneFunc={(ctx) => drawNote(ctx._context, { note, layout, placeholder: hint, editing })}
    />
  );
});
