import { memo } from 'react';
import { Shape } from 'react-konva';
import type { FrameItem } from '../../../../../../shared/model/board/schema.ts';
import { drawFrame } from './draw.ts';

/** A frame: a titled area drawn behind everything else (see hitTest.renderOrder). */
export const FrameShape = memo(function FrameShape({ frame, editing }: { frame: FrameItem; editing: boolean }) {
  return <Shape id={frame.id} x={frame.x} y={frame.y} sceneFunc={(ctx) => drawFrame(ctx._context, frame, editing)} />;
});
