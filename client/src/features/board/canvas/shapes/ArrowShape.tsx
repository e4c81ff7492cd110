import { memo, type Ref } from 'react';
import type Konva from 'konva';
import { Shape } from 'react-konva';
import type { ArrowItem } from '../../../../../../shared/model/board/schema.ts';
import { drawArrow } from './draw.ts';

interface ArrowShapeProps {
  arrow: ArrowItem;
  /** Resolved ends [sx, sy, ex, ey] (bound ends follow their items: geometry.arrowPoints). */
  pts: readonly number[];
  editing: boolean;
  /** Set while dragging: the drag moves this node's `pts` directly (tools/dragItems.ts). */
  nodeRef?: Ref<Konva.Shape>;
}

/**
 * An arrow. It reads its ends from the node's `pts` attribute when drawing, so a drag
 * can move attached arrows without a React render per frame.
 */
export const ArrowShape = memo(
  function ArrowShape({ arrow, pts, editing, nodeRef }: ArrowShapeProps) {
    return (
      <Shape
        ref={nodeRef}
        id={arrow.id}
        pts={pts}
        sceneFunc={(ctx, shape) => drawArrow(ctx._context, arrow, shape.getAttr('pts') as number[], editing)}
      />
    );
  },
  (a, b) =>
    a.arrow === b.arrow &&
    a.editing === b.editing &&
    a.nodeRef === b.nodeRef &&
    a.pts.length === b.pts.length &&
    a.pts.every((v, i) => v === b.pts[i]),
);
