/**
 * Private mode (issue 5): other people's notes lie face down. Each is a plain card of
 * its size at its place, without its text, so the group sees that others are writing
 * (and where) but not what, until the facilitator reveals. Not listening: face-down
 * notes cannot be selected, moved or edited.
 */
import { memo } from 'react';
import { Group, Layer, Rect, Text } from 'react-konva';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import { concealedItemsOf } from '../../../base/board/env.ts';

interface ConcealedLayerProps {
  snapshot: BoardSnapshot;
  view: string;
  privateFor: string | null;
  label: string;
}

export const ConcealedLayer = memo(function ConcealedLayer({ snapshot, view, privateFor, label }: ConcealedLayerProps) {
  const items = concealedItemsOf(snapshot, view, privateFor);
  if (!items.length) return null;
  return (
    <Layer listening={false} name="concealed">
      {items.map((item) =>
        item.kind === 'note' ? (
          <Group key={item.id} id={`concealed:${item.id}`} x={item.x} y={item.y}>
            <Rect
              width={item.w}
              height={item.h}
              cornerRadius={6}
              fill="#e6eae8"
              stroke="#b9c3bf"
              strokeWidth={1}
              dash={[6, 4]}
            />
            <Text
              width={item.w}
              height={item.h}
              padding={12}
              text={label}
              align="center"
              verticalAlign="middle"
              fontSize={13}
              fill="#6f7e84"
            />
          </Group>
        ) : null,
      )}
    </Layer>
  );
});
