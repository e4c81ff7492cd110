import { memo, useCallback, useMemo, useRef, useState } from 'react';
import type Konva from 'konva';
import { Circle, Group, Layer, Line, Rect } from 'react-konva';
import { arrowPoints } from '../../../../../shared/model/board/geometry.ts';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import { isBoxItem, type ArrowItem, type BoardItem } from '../../../../../shared/model/board/schema.ts';
import { useBoardState, type DragState } from '../../../base/board/boardState.ts';
import { viewItemsOf, type BoardEnv } from '../../../base/board/env.ts';
import { renderOrder } from '../../../base/board/hitTest.ts';
import { SelectionTransformer, SELECTION_COLOR } from './SelectionTransformer.tsx';
import { ArrowShape } from './shapes/ArrowShape.tsx';
import { arrowPts, itemShape } from './shapes/ItemShape.tsx';

type Lookup = Pick<ReadonlyMap<string, BoardItem>, 'get'>;

/** The dragged items, drawn from the copy taken when the drag started (the group moves, not they). */
const DragContents = memo(function DragContents({
  drag,
  byId,
}: {
  drag: DragState;
  byId: ReadonlyMap<string, BoardItem>;
}) {
  const items = useMemo(() => {
    const attached = new Set(drag.attachedArrows);
    return renderOrder([...drag.frozen.values()].filter((i) => !attached.has(i.id)));
  }, [drag]);
  // Taken once per drag: the doc catches up during the drag, the picture must not move twice.
  const [lookup] = useState(() => new Map([...byId, ...drag.frozen]));
  const ctx = { byId: lookup, editingId: null, notePlaceholder: null, textPlaceholder: null };
  return <>{items.map((item) => itemShape(item, ctx))}</>;
});

/** Arrows bound to dragged items: the drag reshapes these nodes directly (tools/dragItems.ts). */
function AttachedArrows({ env, drag, byId }: { env: BoardEnv; drag: DragState; byId: ReadonlyMap<string, BoardItem> }) {
  const [arrows] = useState(() => {
    const lookup = new Map([...byId, ...drag.frozen]);
    return drag.attachedArrows.flatMap((id) => {
      const arrow = drag.frozen.get(id);
      const pts = arrow ? arrowPts(arrow, lookup) : null;
      return arrow?.kind === 'arrow' && pts ? [{ arrow, pts }] : [];
    });
  });
  const nodes = env.nodes.arrowNodes;
  const refFor = useCallback(
    (id: string) => (node: Konva.Shape | null) => {
      if (node) nodes.set(id, node);
      else nodes.delete(id);
    },
    [nodes],
  );
  return (
    <Group listening={false}>
      {arrows.map(({ arrow, pts }) => (
        <ArrowShape key={arrow.id} arrow={arrow} pts={pts} editing={false} nodeRef={refFor(arrow.id)} />
      ))}
    </Group>
  );
}

/** A selected arrow: a soft highlight along it and a handle on each end (drag to re-bind). */
function ArrowSelection({
  arrow,
  byId,
  scale,
  editable,
}: {
  arrow: ArrowItem;
  byId: Lookup;
  scale: number;
  editable: boolean;
}) {
  const p = arrowPoints(arrow, byId as ReadonlyMap<string, BoardItem>);
  if (!p) return null;
  const handle = (at: { x: number; y: number }, bound: boolean) => (
    <Circle
      x={at.x}
      y={at.y}
      radius={6 / scale}
      fill={bound ? SELECTION_COLOR : '#ffffff'}
      stroke={SELECTION_COLOR}
      strokeWidth={1.5}
      strokeScaleEnabled={false}
      listening={false}
    />
  );
  return (
    <Group listening={false}>
      <Line
        points={[p.start.x, p.start.y, p.end.x, p.end.y]}
        stroke={SELECTION_COLOR}
        opacity={0.25}
        strokeWidth={8}
        strokeScaleEnabled={false}
        lineCap="round"
      />
      {editable ? handle(p.start, 'itemId' in arrow.start) : null}
      {editable ? handle(p.end, 'itemId' in arrow.end) : null}
    </Group>
  );
}

interface ActiveLayerProps {
  env: BoardEnv;
  snapshot: BoardSnapshot;
  editable: boolean;
}

/**
 * The layer that changes often: selection outlines, the Transformer, and during a drag
 * the dragged items (in one Group the drag moves) with the arrows attached to them.
 */
export function ActiveLayer({ env, snapshot, editable }: ActiveLayerProps) {
  const { store, nodes } = env;
  const selection = useBoardState(store, (s) => s.selection);
  const drag = useBoardState(store, (s) => s.drag);
  const editing = useBoardState(store, (s) => s.editing !== null);
  const scale = useBoardState(store, (s) => s.viewport.scale);
  const { byId } = viewItemsOf(snapshot);
  const source: Lookup = drag ? { get: (id) => drag.frozen.get(id) ?? byId.get(id) } : byId;
  const selected = selection.flatMap((id) => source.get(id) ?? []);
  const boxes = selected.filter(isBoxItem);
  const group = useRef<Konva.Group>(null);
  const setLayer = useCallback((layer: Konva.Layer | null) => void (nodes.activeLayer = layer), [nodes]);
  const setGroup = useCallback(
    (g: Konva.Group | null) => {
      group.current = g;
      nodes.dragGroup = g;
    },
    [nodes],
  );
  return (
    <Layer ref={setLayer} name="active">
      {/* Nothing here takes events (only the Transformer's handles do): no hit drawing per drag frame. */}
      <Group ref={setGroup} listening={false}>
        {drag ? <DragContents drag={drag} byId={byId} /> : null}
        {boxes.map((item) => (
          <Rect
            key={item.id}
            name="selection-proxy"
            itemId={item.id}
            x={item.x}
            y={item.y}
            width={item.w}
            height={item.h}
            stroke={SELECTION_COLOR}
            strokeWidth={1.5}
            strokeScaleEnabled={false}
            listening={false}
          />
        ))}
      </Group>
      {drag ? <AttachedArrows env={env} drag={drag} byId={byId} /> : null}
      {drag
        ? null
        : selected.map((item) =>
            item.kind === 'arrow' ? (
              <ArrowSelection key={item.id} arrow={item} byId={byId} scale={scale} editable={editable} />
            ) : null,
          )}
      {editable && !editing ? (
        <SelectionTransformer env={env} group={group} ids={boxes.map((b) => b.id).join(' ')} />
      ) : null}
    </Layer>
  );
}
