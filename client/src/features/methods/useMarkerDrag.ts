/**
 * Pressing and dragging the markers of a chart (the krachtenveld, the typology): a press
 * selects the actor on the view (only a click opens its card, issue 12); a drag is one
 * undo step, written at most once per frame while it moves so others see it live.
 * `placeAt` says what a position means for the actor (null: nothing to write); it is
 * read through a ref, so the memoised markers keep the same handlers.
 */
import { useCallback, useRef, useState } from 'react';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Point } from '../../../../shared/methods/geometry.ts';
import { updateActor, type NewActor } from '../../../../shared/model/board/actors.ts';
import { useMethods } from './context.ts';
import type { useFrameWriter } from './hooks.ts';

/** What a marker at `pos` writes; `done` at the end of the drag. */
export type PlaceAt = (pos: Point, done: boolean) => NewActor | null;

export function useMarkerDrag(writer: ReturnType<typeof useFrameWriter>, placeAt: PlaceAt) {
  const { doc, select, stopCapturing } = useMethods();
  const [drag, setDrag] = useState<({ id: string } & Point) | null>(null);
  const place = useRef(placeAt);
  place.current = placeAt;

  const onSelect = useCallback((id: string) => select(id, { card: false }), [select]);
  const onDragStart = useCallback(
    (id: string) => {
      onSelect(id);
      stopCapturing();
    },
    [onSelect, stopCapturing],
  );
  const onDragMove = useCallback(
    (id: string, e: KonvaEventObject<DragEvent>) => {
      const pos = e.target.position();
      setDrag({ id, x: pos.x, y: pos.y });
      const patch = place.current(pos, false);
      if (patch) writer.schedule(id, () => updateActor(doc, id, patch));
    },
    [doc, writer],
  );
  const onDragEnd = useCallback(
    (id: string, e: KonvaEventObject<DragEvent>) => {
      writer.flush();
      const patch = place.current(e.target.position(), true);
      if (patch) updateActor(doc, id, patch);
      setDrag(null);
      stopCapturing();
    },
    [doc, writer, stopCapturing],
  );
  return { drag, handlers: { onSelect, onOpen: select, onDragStart, onDragMove, onDragEnd } };
}
