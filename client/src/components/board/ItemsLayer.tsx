import { memo } from 'react';
import { Layer } from 'react-konva';
import type { BoardSnapshot } from '../../../../shared/model/board/read.ts';
import { viewItemsOf } from '../../board/env.ts';
import { itemShape } from './shapes/ItemShape.tsx';

interface ItemsLayerProps {
  snapshot: BoardSnapshot;
  /** The view whose items are drawn. */
  view: string;
  /** Private mode: whose notes are shown (others' are drawn face down elsewhere); `null`: all. */
  privateFor: string | null;
  /** Items drawn elsewhere right now (being dragged, in the active layer). */
  hidden: ReadonlySet<string>;
  editingId: string | null;
  notePlaceholder: string | null;
  textPlaceholder: string | null;
}

/**
 * The static items layer: everything not being dragged, frames first. It does not
 * listen to events (no hit canvas is drawn; hit testing is ours, see hitTest.ts), and
 * its shapes are memoised by item identity, so a change re-renders only what changed
 * (BoardReader keeps unchanged items' identity). It is not redrawn during a drag: the
 * dragged items live in the active layer until they are dropped.
 */
export const ItemsLayer = memo(function ItemsLayer(props: ItemsLayerProps) {
  const { snapshot, view, privateFor, hidden, editingId, notePlaceholder, textPlaceholder } = props;
  const { items, byId } = viewItemsOf(snapshot, view, privateFor);
  const ctx = { byId, editingId, notePlaceholder, textPlaceholder };
  return (
    // Keyed on "has items": the first load mounts a new layer with all shapes at once,
    // instead of inserting thousands of children one by one into a mounted one.
    <Layer key={items.length ? 'items' : 'empty'} listening={false} name="items">
      {items.map((item) => (hidden.has(item.id) ? null : itemShape(item, ctx)))}
    </Layer>
  );
});
