/**
 * Other people on the board, drawn on the canvas (issue 3, "Presence"): each one's
 * pointer with their name, and the items they have selected outlined in their colour.
 *
 * Mount it as the LAST layer inside the board's `<Stage>` (on top, in world
 * coordinates, like the item layers):
 *
 *   <CursorLayer peers={presence.peers} items={snapshot.byId} scale={viewport.scale} />
 *
 * Konva choices: one layer of its own with `listening={false}` (no hit graph, never
 * takes a click), so cursor motion redraws only this layer, never the items. Cursor
 * positions are not React props: a small animation loop moves the Konva nodes toward
 * the latest position each frame and stops when all cursors have arrived.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type Konva from 'konva';
import { Group, Label, Layer, Line, Rect, Tag, Text } from 'react-konva';
import { FONT } from '../../../../../shared/drawing/itemStyle.ts';
import { itemBounds } from '../../../../../shared/model/board/geometry.ts';
import type { BoardItem } from '../../../../../shared/model/board/schema.ts';
import type { PeerPresence, Point } from '../../../base/presence/presenceState.ts';
import { stepToward } from '../../../base/presence/smoothing.ts';

export interface CursorLayerProps {
  /** From `useBoardPresence(...).peers`. */
  peers: readonly PeerPresence[];
  /** The board snapshot's items by id (`BoardSnapshot.byId`), to outline what others selected. */
  items: ReadonlyMap<string, BoardItem>;
  /** The stage's current zoom (`viewport.scale`): pointers and tags keep their size on screen. */
  scale: number;
}

/** A classic arrow pointer, tip at (0, 0), in screen pixels. */
const POINTER = [0, 0, 0, 17, 4.6, 13, 7.6, 19.6, 10.4, 18.4, 7.5, 12, 13, 12];
const MAX_NAME = 24;
/** Outlines drawn per person at most (a huge selection is still clear from a few hundred). */
const MAX_OUTLINES = 500;
/** A pointer further than this many screen pixels from where it was drawn jumps instead of gliding. */
const JUMP_PX = 1200;

function shortName(name: string): string {
  const chars = [...name];
  return chars.length > MAX_NAME ? `${chars.slice(0, MAX_NAME - 1).join('')}…` : name;
}

interface Outline {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

function outlinesOf(peers: readonly PeerPresence[], items: ReadonlyMap<string, BoardItem>, pad: number): Outline[] {
  const out: Outline[] = [];
  for (const peer of peers) {
    for (const id of peer.selection.slice(0, MAX_OUTLINES)) {
      const item = items.get(id);
      const box = item ? itemBounds(item, items) : null;
      if (!box) continue;
      out.push({
        key: `${peer.clientId}:${id}`,
        x: box.x - pad,
        y: box.y - pad,
        w: box.w + 2 * pad,
        h: box.h + 2 * pad,
        color: peer.user.color,
      });
    }
  }
  return out;
}

/** One person's pointer and name tag; its position is set by the layer's animation loop. */
const PeerCursor = memo(function PeerCursor(props: {
  clientId: number;
  name: string;
  color: string;
  scale: number;
  register: (clientId: number, node: Konva.Group | null) => void;
}) {
  const { clientId, name, color, scale, register } = props;
  const ref = useCallback((node: Konva.Group | null) => register(clientId, node), [clientId, register]);
  return (
    <Group ref={ref} scaleX={1 / scale} scaleY={1 / scale} name="peer-cursor">
      <Line points={POINTER} closed fill={color} stroke="#ffffff" strokeWidth={1.5} lineJoin="round" />
      <Label x={12} y={19}>
        <Tag fill={color} cornerRadius={4} stroke="#ffffff" strokeWidth={1} />
        <Text text={shortName(name)} fontFamily={FONT} fontSize={12} fontStyle="600" fill="#ffffff" padding={4} />
      </Label>
    </Group>
  );
});

export function CursorLayer({ peers, items, scale }: CursorLayerProps) {
  const layerRef = useRef<Konva.Layer>(null);
  const nodes = useRef(new Map<number, Konva.Group>());
  const drawn = useRef(new Map<number, Point>());
  const targets = useRef(new Map<number, Point>());
  const frame = useRef<number | null>(null);
  const lastTime = useRef(0);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  const animate = useCallback((time: number) => {
    frame.current = null;
    const dt = lastTime.current ? time - lastTime.current : 16;
    lastTime.current = time;
    let moving = false;
    for (const [id, node] of nodes.current) {
      const target = targets.current.get(id);
      if (!target) continue;
      const from = drawn.current.get(id) ?? target;
      const next = stepToward(from, target, dt, JUMP_PX / scaleRef.current);
      drawn.current.set(id, next);
      node.position(next);
      if (next.x !== target.x || next.y !== target.y) moving = true;
    }
    layerRef.current?.batchDraw();
    if (moving) frame.current = requestAnimationFrame(animate);
    else lastTime.current = 0;
  }, []);

  const kick = useCallback(() => {
    if (frame.current === null) frame.current = requestAnimationFrame(animate);
  }, [animate]);

  const register = useCallback((clientId: number, node: Konva.Group | null) => {
    if (node) nodes.current.set(clientId, node);
    else {
      nodes.current.delete(clientId);
      drawn.current.delete(clientId);
    }
  }, []);

  // After each commit (children's refs are attached by now): new targets, then animate.
  useLayoutEffect(() => {
    targets.current = new Map(peers.flatMap((p) => (p.cursor ? [[p.clientId, p.cursor] as const] : [])));
    for (const [id, node] of nodes.current) {
      const at = targets.current.get(id);
      // A pointer that appears starts where it is, instead of gliding in from the corner.
      if (at && !drawn.current.has(id)) {
        drawn.current.set(id, at);
        node.position(at);
      }
    }
    kick();
  }, [peers, kick]);
  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  const pad = 4 / scale;
  const outlines = useMemo(() => outlinesOf(peers, items, pad), [peers, items, pad]);
  return (
    <Layer ref={layerRef} listening={false} name="presence-layer">
      {outlines.map((o) => (
        <Rect
          key={o.key}
          x={o.x}
          y={o.y}
          width={o.w}
          height={o.h}
          stroke={o.color}
          strokeWidth={2}
          strokeScaleEnabled={false}
          cornerRadius={6 / scale}
          perfectDrawEnabled={false}
        />
      ))}
      {peers.map((p) =>
        p.cursor ? (
          <PeerCursor
            key={p.clientId}
            clientId={p.clientId}
            name={p.user.name}
            color={p.user.color}
            scale={scale}
            register={register}
          />
        ) : null,
      )}
    </Layer>
  );
}
