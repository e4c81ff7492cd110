/**
 * The Konva stage of a chart (issue 16: one set-up instead of a copy per view): the
 * krachtenveld, network and typology views and Vergelijken's fields. A box the stage
 * fills, measured first (`useStageBox`: the view lays itself out for that size); the
 * view's backdrop in a layer that takes no events, its markers in a layer above;
 * pressing or tapping the empty stage calls `onEmptyPress` (the views deselect). Drawn
 * once the box has a size. What else belongs in the box (the keyboard's status line,
 * the accessible list of points) comes as `after`.
 */
import { useRef, type HTMLAttributes, type ReactNode, type RefObject } from 'react';
import { Layer, Stage } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { useBoxSize } from './hooks.ts';
import './MethodStage.css';

export interface StageBox {
  ref: RefObject<HTMLDivElement | null>;
  /** The box's size in whole CSS pixels (0 before it is measured). */
  width: number;
  height: number;
}

/** The box a stage fills and its size, kept up to date. */
export function useStageBox(): StageBox {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useBoxSize(ref);
  return { ref, width, height };
}

export interface MethodStageProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  box: StageBox;
  /** Quadrants, rings, zones: drawn behind, never the target of a press. */
  backdrop: ReactNode;
  /** The markers and lines people press and drag. */
  children: ReactNode;
  /** A press or tap on the stage itself, not on a marker. */
  onEmptyPress?: () => void;
  /** In the box, after the stage. */
  after?: ReactNode;
}

export function MethodStage({
  box,
  backdrop,
  children,
  onEmptyPress,
  after,
  className = 'mw-stage',
  ...div
}: MethodStageProps) {
  const empty = onEmptyPress
    ? (e: KonvaEventObject<Event>) => {
        if (e.target === e.target.getStage()) onEmptyPress();
      }
    : undefined;
  return (
    <div className={className} ref={box.ref} {...div}>
      {box.width > 0 && box.height > 0 ? (
        <Stage width={box.width} height={box.height} onMouseDown={empty} onTap={empty}>
          <Layer listening={false}>{backdrop}</Layer>
          <Layer>{children}</Layer>
        </Stage>
      ) : null}
      {after}
    </div>
  );
}
