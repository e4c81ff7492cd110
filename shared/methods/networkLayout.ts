/**
 * Where everything goes on the network map, pure (no React, no Konva): rings, actors on
 * their ring, their name labels and the relations' labels, out of each other's way.
 */
import { PARTICIPATION, RELATIONS, type Actor, type RelationRecord } from '../model/board/actorSchema.ts';
import type { BoardSettings } from '../model/board/actorSchema.ts';
import {
  bandAt,
  labelWidth,
  markerLabelSize,
  placeLabels,
  placeLineLabels,
  type LabelSpot,
  type MeasureText,
  pointOnRing,
  polar,
  ringAngles,
  ringGeometry,
  type Point,
  type Rect,
  type RingGeometry,
} from './geometry.ts';

/** Ring values from the inside (closest to the goal) out; one more ring outside: "not decided". */
export const RING_VALUES = {
  participation: [...PARTICIPATION].reverse(),
  relation: [...RELATIONS],
} as const;

export const relationLabelFont = (font: number) => Math.round(font * 0.72);

export interface NetworkLayout {
  g: RingGeometry;
  nodeR: number;
  /** The actor field the rings stand for. */
  field: 'participation' | 'relation';
  values: readonly string[];
  bandOf: (a: Actor) => number;
  positions: ReadonlyMap<string, Point>;
  /** Name label of an actor: top-left relative to the node, width, and a leader line when it stands away. */
  nodeLabel: (id: string) => { x: number; y: number; w: number; leader?: LabelSpot['leader'] };
  /** Top-left of each labelled relation's label. */
  relationLabels: ReadonlyMap<string, Point>;
}

export interface NetworkInput {
  actors: readonly Actor[];
  relations: readonly RelationRecord[];
  rings: BoardSettings['networkRings'];
  width: number;
  height: number;
  font: number;
  /** An actor being dragged stands where the pointer is. */
  drag: ({ id: string } & Point) | null;
  name: (a: Actor) => string;
  /** Measures a name (the app's canvas); else an estimate. */
  measure?: MeasureText;
}

export function networkLayout(input: NetworkInput): NetworkLayout {
  const { actors, width, height, font } = input;
  const values: readonly string[] = RING_VALUES[input.rings];
  const field = input.rings;
  const g = ringGeometry(width, height, values.length + 1);
  const nodeR = Math.max(10, Math.min(font * 0.95, (g.bands[0]!.outer - g.bands[0]!.inner) * 0.32));
  const bandOf = (a: Actor) => {
    const i = values.indexOf(a[field] ?? '');
    return i < 0 ? values.length : i;
  };

  const positions = new Map<string, Point>();
  for (let band = 0; band <= values.length; band++) {
    const onBand = actors.filter((a) => bandOf(a) === band);
    // Each ring starts somewhere else, so a new actor per ring does not line up with the others.
    const angles = ringAngles(
      onBand.map((a) => ({ id: a.id, angle: a.netHoek })),
      -Math.PI / 2 + 0.45 + band * 0.6,
    );
    for (const [id, angle] of angles) positions.set(id, pointOnRing(g, band, angle));
  }
  if (input.drag && positions.has(input.drag.id)) positions.set(input.drag.id, input.drag);

  const goalBox: Rect = { x: g.center.x - g.goal, y: g.center.y - g.goal, w: 2 * g.goal, h: 2 * g.goal };
  const sizes = new Map(actors.map((a) => [a.id, markerLabelSize(input.name(a), font, input.measure)]));
  const placed = placeLabels(
    actors.map((a) => ({ id: a.id, ...positions.get(a.id)!, r: nodeR, ...sizes.get(a.id)! })),
    { x: 0, y: 0, w: width, h: height },
    [goalBox],
  );
  const nodeLabel = (id: string) => {
    const w = sizes.get(id)?.w ?? 60;
    return { ...(placed.get(id) ?? { x: -w / 2, y: nodeR + 3 }), w };
  };
  const relFont = relationLabelFont(font);
  const relationLabels = placeLineLabels(
    input.relations.flatMap((r) => {
      const from = positions.get(r.from);
      const to = positions.get(r.to);
      return from && to && r.label
        ? [{ id: r.id, from, to, w: labelWidth(r.label, relFont, 1e4), h: relFont + 8 }]
        : [];
    }),
    [
      goalBox,
      ...actors.flatMap((a) => {
        const p = positions.get(a.id)!;
        const l = nodeLabel(a.id);
        return [
          { x: p.x - nodeR, y: p.y - nodeR, w: 2 * nodeR, h: 2 * nodeR },
          { x: p.x + l.x, y: p.y + l.y, w: l.w, h: sizes.get(a.id)!.h },
        ];
      }),
    ],
  );
  return { g, nodeR, field, values, bandOf, positions, nodeLabel, relationLabels };
}

/** What a drop at `pos` means: the angle on the ring and the ring's value (null: not decided). */
export function ringDrop(
  layout: Pick<NetworkLayout, 'g' | 'values'>,
  pos: Point,
): { angle: number; value: string | null } {
  const { angle, distance } = polar(layout.g, pos);
  return { angle, value: layout.values[bandAt(layout.g, distance)] ?? null };
}

/** The actor (other than `from`) whose node is under `at`, for a relation dragged onto it. */
export function nodeAt(positions: ReadonlyMap<string, Point>, at: Point, radius: number, from: string): string | null {
  let best: string | null = null;
  let bestD = radius * 1.8;
  for (const [id, p] of positions) {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (id !== from && d <= bestD) {
      best = id;
      bestD = d;
    }
  }
  return best;
}
