import { memo, useLayoutEffect, useRef } from 'react';
import type Konva from 'konva';
import { Layer } from 'react-konva';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import { viewItemsOf } from '../../../base/board/env.ts';
import { ItemNodes } from './shapes/itemNodes.ts';

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
 * listen to events (no hit canvas is drawn; hit testing is ours, see hitTest.ts). React
 * renders only the empty layer: its nodes, one per item, are built and updated by
 * `ItemNodes` (shapes/itemNodes.ts), diffed by item identity (BoardReader keeps
 * unchanged items' identity), so a change touches only what changed and draws the layer
 * once; the first load adds all nodes at once. It is not redrawn during a drag: the
 * dragged items live in the active layer until they are dropped.
 */
export const ItemsLayer = memo(function ItemsLayer(props: ItemsLayerProps) {
  const { snapshot, view, privateFor, hidden, editingId, notePlaceholder, textPlaceholder } = props;
  const layer = useRef<Konva.Layer>(null);
  const nodes = useRef<ItemNodes | null>(null);
  useLayoutEffect(() => {
    const own = new ItemNodes(layer.current!);
    nodes.current = own;
    return () => {
      own.destroy();
      if (nodes.current === own) nodes.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    const { items, byId } = viewItemsOf(snapshot, view, privateFor);
    nodes.current?.sync({ items, byId, hidden, editingId, notePlaceholder, textPlaceholder });
  }, [snapshot, view, privateFor, hidden, editingId, notePlaceholder, textPlaceholder]);
  return <Layer ref={layer} listening={false} name="items" />;
});
