import { memo, useMemo } from 'react';
import { Shape } from 'react-konva';
import type { TextItem } from '../../../../../../shared/model/board/schema.ts';
import { textItemLayout } from '../../../../base/board/itemStyle.ts';
import { drawText, lazy } from './draw.ts';

interface TextShapeProps {
  item: TextItem;
  editing: boolean;
  placeholder: string | null;
}

/** Free text: wrapped at the item's width, no background. */
export const TextShape = memo(function TextShape({ item, editing, placeholder }: TextShapeProps) {
  const layout = useMemo(() => lazy(() => textItemLayout(item, item.text)), [item]);
  const hint = useMemo(() => (placeholder ? lazy(() => textItemLayout(item, placeholder)) : null), [item, placeholder]);
  return (
    <Shape
      id={item.id}
      x={item.x}
      y={item.y}
      sceneFunc={(ctx) => drawText(ctx._context, item, layout, editing, hint)}
    />
  );
});
