import { Arrow, Layer, Rect } from 'react-konva';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import { useBoardState, type BoardStore } from '../../../base/board/boardState.ts';
import { ARROW } from '../../../base/board/itemStyle.ts';
import { SELECTION_COLOR } from './SelectionTransformer.tsx';

/**
 * What is being drawn right now: the marquee, a frame or an arrow in the making (and the
 * shape its end would bind to). Its own small layer: a marquee drag redraws nothing else.
 */
export function OverlayLayer({ store, snapshot }: { store: BoardStore; snapshot: BoardSnapshot }) {
  const marquee = useBoardState(store, (s) => s.marquee);
  const frame = useBoardState(store, (s) => s.frameDraft);
  const arrow = useBoardState(store, (s) => s.arrowDraft);
  const target = arrow?.target ? snapshot.byId.get(arrow.target) : undefined;
  return (
    <Layer listening={false} name="overlay">
      {marquee ? (
        <Rect
          x={marquee.x}
          y={marquee.y}
          width={marquee.w}
          height={marquee.h}
          fill="rgba(14,90,99,0.08)"
          stroke={SELECTION_COLOR}
          strokeWidth={1}
          strokeScaleEnabled={false}
        />
      ) : null}
      {frame ? (
        <Rect
          x={frame.x}
          y={frame.y}
          width={frame.w}
          height={frame.h}
          fill="rgba(255,255,255,0.5)"
          stroke="#9aa8a4"
          dash={[6, 4]}
          strokeWidth={1.5}
          strokeScaleEnabled={false}
          cornerRadius={8}
        />
      ) : null}
      {target && target.kind !== 'arrow' ? (
        <Rect
          x={target.x - 3}
          y={target.y - 3}
          width={target.w + 6}
          height={target.h + 6}
          stroke={SELECTION_COLOR}
          strokeWidth={2}
          strokeScaleEnabled={false}
          cornerRadius={8}
          opacity={0.7}
        />
      ) : null}
      {arrow ? (
        <Arrow
          points={[arrow.from.x, arrow.from.y, arrow.to.x, arrow.to.y]}
          stroke={SELECTION_COLOR}
          fill={SELECTION_COLOR}
          strokeWidth={ARROW.width}
          pointerLength={ARROW.head}
          pointerWidth={ARROW.head * 0.85}
          lineCap="round"
        />
      ) : null}
    </Layer>
  );
}
