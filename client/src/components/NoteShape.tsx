import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { NoteRecord } from '../../../shared/model/boardDoc.ts';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../board/viewport.ts';

export const NOTE_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const NOTE_PADDING = 12;
export const NOTE_FONT_SIZE = 15;
const AUTHOR_HEIGHT = 18;

interface NoteShapeProps {
  note: NoteRecord;
  selected: boolean;
  editable: boolean;
  /** Hide the text while the HTML editor covers the note. */
  editing: boolean;
  placeholder: string;
  onSelect: (id: string) => void;
  onEdit: (id: string) => void;
  onMoved: (id: string, x: number, y: number) => void;
}

/** One sticky note: paper, wrapped text, and the author's name at the bottom. */
export const NoteShape = memo(function NoteShape(props: NoteShapeProps) {
  const { note, selected, editable, editing, placeholder, onSelect, onEdit, onMoved } = props;
  const select = (e: KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    onSelect(note.id);
  };
  const edit = (e: KonvaEventObject<Event>) => {
    e.cancelBubble = true;
    if (editable) onEdit(note.id);
  };
  const empty = note.text.trim() === '';
  return (
    <Group
      x={note.x}
      y={note.y}
      draggable={editable}
      onMouseDown={select}
      onTouchStart={select}
      onDblClick={edit}
      onDblTap={edit}
      onDragEnd={(e) => onMoved(note.id, Math.round(e.target.x()), Math.round(e.target.y()))}
      onMouseEnter={(e) => {
        const container = e.target.getStage()?.container();
        if (container && editable) container.style.cursor = 'grab';
      }}
      onMouseLeave={(e) => {
        const container = e.target.getStage()?.container();
        if (container) container.style.cursor = '';
      }}
    >
      <Rect
        width={NOTE_WIDTH}
        height={NOTE_HEIGHT}
        fill={note.color}
        cornerRadius={4}
        shadowColor="#1d2a30"
        shadowOpacity={selected ? 0.28 : 0.16}
        shadowBlur={selected ? 14 : 6}
        shadowOffsetY={selected ? 4 : 2}
        stroke={selected ? '#0e5a63' : 'rgba(0,0,0,0.06)'}
        strokeWidth={selected ? 2 : 1}
      />
      {editing ? null : (
        <Text
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={NOTE_WIDTH - 2 * NOTE_PADDING}
          height={NOTE_HEIGHT - 2 * NOTE_PADDING - AUTHOR_HEIGHT}
          text={empty && editable ? placeholder : note.text}
          fontFamily={NOTE_FONT}
          fontSize={NOTE_FONT_SIZE}
          fontStyle={empty ? 'italic' : 'normal'}
          lineHeight={1.3}
          fill={empty ? 'rgba(29,42,48,0.45)' : '#1d2a30'}
          wrap="word"
          ellipsis
          listening={false}
        />
      )}
      <Text
        x={NOTE_PADDING}
        y={NOTE_HEIGHT - NOTE_PADDING - AUTHOR_HEIGHT + 6}
        width={NOTE_WIDTH - 2 * NOTE_PADDING}
        text={note.author}
        fontFamily={NOTE_FONT}
        fontSize={11}
        fill="rgba(29,42,48,0.6)"
        wrap="none"
        ellipsis
        listening={false}
      />
    </Group>
  );
});
