import type { ReactElement, Ref } from 'react';
import type Konva from 'konva';
import { arrowPoints } from '../../../../../../shared/model/board/geometry.ts';
import type { BoardItem } from '../../../../../../shared/model/board/schema.ts';
import { assertNever } from '../../../../../../shared/roles.ts';
import { ArrowShape } from './ArrowShape.tsx';
import { FrameShape } from './FrameShape.tsx';
import { NoteShape } from './NoteShape.tsx';
import { TextShape } from './TextShape.tsx';

export interface ShapeContext {
  byId: ReadonlyMap<string, BoardItem>;
  editingId: string | null;
  /** Placeholders for empty notes and texts, `null` when read-only. */
  notePlaceholder: string | null;
  textPlaceholder: string | null;
  arrowRef?: (id: string) => Ref<Konva.Shape> | undefined;
}

/** Resolved arrow ends as a flat array, or null if an end cannot be placed. */
export function arrowPts(item: BoardItem, byId: ReadonlyMap<string, BoardItem>): number[] | null {
  if (item.kind !== 'arrow') return null;
  const p = arrowPoints(item, byId);
  return p ? [p.start.x, p.start.y, p.end.x, p.end.y] : null;
}

/** The shape element for one item, keyed by its id. */
export function itemShape(item: BoardItem, c: ShapeContext): ReactElement | null {
  const editing = item.id === c.editingId;
  switch (item.kind) {
    case 'note':
      return <NoteShape key={item.id} note={item} editing={editing} placeholder={c.notePlaceholder} />;
    case 'text':
      return <TextShape key={item.id} item={item} editing={editing} placeholder={c.textPlaceholder} />;
    case 'frame':
      return <FrameShape key={item.id} frame={item} editing={editing} />;
    case 'arrow': {
      const pts = arrowPts(item, c.byId);
      if (!pts) return null;
      return <ArrowShape key={item.id} arrow={item} pts={pts} editing={editing} nodeRef={c.arrowRef?.(item.id)} />;
    }
    default:
      return assertNever(item);
  }
}
