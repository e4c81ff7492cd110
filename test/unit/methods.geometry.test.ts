import { describe, expect, it } from 'vitest';
import {
  bandAt,
  betrokkenheidFor,
  fieldLayout,
  fromFieldPoint,
  placeLabels,
  placeLineLabels,
  pointOnRing,
  polar,
  radiusFor,
  ringAngles,
  ringGeometry,
  toFieldPoint,
  trayChip,
  trayOptions,
  type Rect,
} from '../../shared/methods/geometry.ts';
import { networkLayout, nodeAt, ringDrop } from '../../shared/methods/networkLayout.ts';
import { readMethods } from '../../shared/model/board/index.ts';
import { seedGezondeWijk } from '../../shared/model/templates/gezondeWijk.ts';
import { createDoc } from '../../shared/model/doc.ts';

const inside = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x - 1e-9 &&
  inner.y >= outer.y - 1e-9 &&
  inner.x + inner.w <= outer.x + outer.w + 1e-9 &&
  inner.y + inner.h <= outer.y + outer.h + 1e-9;

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Small seeded random source (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('krachtenveld layout', () => {
  it('puts the plot inside the stage, the mapping area inside the plot and the tray below', () => {
    const stage = { x: 0, y: 0, w: 1000, h: 700 };
    const l = fieldLayout(1000, 700, 16, 3);
    expect(inside(stage, l.plot)).toBe(true);
    expect(inside(l.plot, l.area)).toBe(true);
    expect(l.tray).not.toBeNull();
    expect(l.tray!.y).toBeGreaterThan(l.plot.y + l.plot.h);
    expect(inside(stage, l.tray!)).toBe(true);
    // The quadrant lines are the same in the plot and in the mapping area.
    expect(l.area.x + l.area.w / 2).toBeCloseTo(l.plot.x + l.plot.w / 2);
  });

  it('has no tray when read-only with everyone placed, and a taller one for more waiting actors', () => {
    expect(fieldLayout(1000, 700, 16, null).tray).toBeNull();
    const few = fieldLayout(1000, 700, 16, 1);
    const many = fieldLayout(1000, 700, 16, 20);
    expect(many.tray!.h).toBeGreaterThan(few.tray!.h);
    expect(many.plot.h).toBeLessThan(few.plot.h);
    expect(fieldLayout(1000, 700, 16, 0).tray!.h).toBeLessThan(few.tray!.h);
  });

  it('maps houding to x and invloed to y (high influence at the top) and back', () => {
    const area = { x: 50, y: 20, w: 800, h: 600 };
    expect(toFieldPoint(area, -1, 0)).toEqual({ x: 50, y: 620 });
    expect(toFieldPoint(area, 1, 1)).toEqual({ x: 850, y: 20 });
    expect(toFieldPoint(area, 0, 0.5)).toEqual({ x: 450, y: 320 });
    for (const [h, i] of [
      [-0.7, 0.2],
      [0.35, 0.9],
      [1, 0],
    ] as const) {
      const back = fromFieldPoint(area, toFieldPoint(area, h, i));
      expect(back.houding).toBeCloseTo(h, 3);
      expect(back.invloed).toBeCloseTo(i, 3);
    }
    // Outside the area clamps to the axis ends.
    expect(fromFieldPoint(area, { x: -100, y: 9999 })).toEqual({ houding: -1, invloed: 0 });
  });

  it('turns betrokkenheid into a radius and a dragged radius back', () => {
    const { radii } = fieldLayout(1000, 700, 16, null);
    expect(radiusFor(radii, 0)).toBe(radii.min);
    expect(radiusFor(radii, 1)).toBeCloseTo(radii.max);
    expect(radiusFor(radii, 0.7)).toBeGreaterThan(radiusFor(radii, 0.3));
    expect(betrokkenheidFor(radii, radiusFor(radii, 0.42))).toBeCloseTo(0.42, 3);
    expect(betrokkenheidFor(radii, radii.max * 4)).toBe(1);
    expect(betrokkenheidFor(radii, 0)).toBe(0);
  });

  it('lays tray chips in rows without overlap', () => {
    const o = trayOptions(16);
    const tray = { x: 40, y: 600, w: 700, h: 200 };
    const chips = Array.from({ length: 9 }, (_, i) => ({ ...trayChip(tray, i, o), w: o.chipWidth, h: o.chipHeight }));
    for (let i = 0; i < chips.length; i++) {
      expect(chips[i]!.x + o.chipWidth).toBeLessThanOrEqual(tray.x + tray.w);
      for (let j = 0; j < i; j++) expect(overlaps(chips[i]!, chips[j]!)).toBe(false);
    }
  });
});

describe('network rings', () => {
  it('divides the space around the goal into contiguous bands', () => {
    const g = ringGeometry(800, 600, 5);
    expect(g.bands).toHaveLength(5);
    expect(g.bands[0]!.inner).toBeCloseTo(g.goal);
    for (let i = 1; i < 5; i++) expect(g.bands[i]!.inner).toBeCloseTo(g.bands[i - 1]!.outer);
    expect(g.bands[4]!.outer).toBeLessThanOrEqual(300);
  });

  it('finds the band of a point and puts an actor on the middle of its band', () => {
    const g = ringGeometry(800, 600, 4);
    expect(bandAt(g, 0)).toBe(0); // inside the goal counts as the innermost ring
    expect(bandAt(g, g.bands[2]!.mid)).toBe(2);
    expect(bandAt(g, 10_000)).toBe(3);
    const p = pointOnRing(g, 2, Math.PI / 3);
    const { angle, distance } = polar(g, p);
    expect(distance).toBeCloseTo(g.bands[2]!.mid);
    expect(angle).toBeCloseTo(Math.PI / 3, 3);
    expect(bandAt(g, distance)).toBe(2);
  });

  it('keeps stored angles and spreads the others evenly into the free gaps', () => {
    const auto = ringAngles([
      { id: 'a', angle: null },
      { id: 'b', angle: null },
      { id: 'c', angle: null },
      { id: 'd', angle: null },
    ]);
    const sorted = [...auto.values()].sort((x, y) => x - y);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeCloseTo(Math.PI / 2);

    const mixed = ringAngles([
      { id: 'fixed', angle: 0 },
      { id: 'new', angle: null },
    ]);
    expect(mixed.get('fixed')).toBe(0);
    expect(mixed.get('new')).toBeCloseTo(Math.PI); // opposite: the widest gap
  });
});

describe('label placement', () => {
  const bounds = { x: 0, y: 0, w: 800, h: 600 };

  it('puts a name below its marker when there is room', () => {
    const at = placeLabels([{ id: 'a', x: 400, y: 300, r: 10, w: 80, h: 16 }], bounds).get('a')!;
    expect(at.y).toBeGreaterThanOrEqual(10);
    expect(at.x).toBeCloseTo(-40);
  });

  it('moves a name aside when the place below is taken, and keeps it inside the bounds', () => {
    const labels = placeLabels(
      [
        { id: 'top', x: 400, y: 300, r: 10, w: 80, h: 16 },
        { id: 'below', x: 400, y: 330, r: 10, w: 80, h: 16 },
        { id: 'edge', x: 795, y: 595, r: 10, w: 120, h: 16 },
      ],
      bounds,
    );
    const box = (id: string, p: { x: number; y: number }, x: number, y: number, w: number) => ({
      x: x + p.x,
      y: y + p.y,
      w,
      h: 16,
      id,
    });
    const top = box('top', labels.get('top')!, 400, 300, 80);
    const below = box('below', labels.get('below')!, 400, 330, 80);
    expect(overlaps(top, below)).toBe(false);
    expect(overlaps(top, { x: 390, y: 320, w: 20, h: 20 })).toBe(false); // not over the lower marker
    expect(inside(bounds, box('edge', labels.get('edge')!, 795, 595, 120))).toBe(true);
  });

  it('leaves no two labels on top of each other when markers are spread out (seeded)', () => {
    const rnd = random(42);
    const points = Array.from({ length: 12 }, (_, i) => ({
      id: String(i),
      x: 60 + Math.floor(rnd() * 6) * 130,
      y: 40 + Math.floor(rnd() * 2) * 300 + i * 20,
      r: 8,
      w: 70,
      h: 14,
    }));
    const labels = placeLabels(points, bounds);
    const boxes = points.map((p) => ({ x: p.x + labels.get(p.id)!.x, y: p.y + labels.get(p.id)!.y, w: p.w, h: p.h }));
    let collisions = 0;
    for (let i = 0; i < boxes.length; i++) for (let j = 0; j < i; j++) if (overlaps(boxes[i]!, boxes[j]!)) collisions++;
    expect(collisions).toBe(0);
  });

  it('slides the labels of two lines that share a middle apart', () => {
    const labels = placeLineLabels(
      [
        { id: 'a', from: { x: 0, y: 100 }, to: { x: 400, y: 100 }, w: 60, h: 16 },
        { id: 'b', from: { x: 0, y: 100 }, to: { x: 400, y: 104 }, w: 60, h: 16 },
      ],
      [],
    );
    const a = { ...labels.get('a')!, w: 60, h: 16 };
    const b = { ...labels.get('b')!, w: 60, h: 16 };
    expect(a.x).toBeCloseTo(170);
    expect(overlaps(a, b)).toBe(false);
  });
});

describe('network layout', () => {
  const example = () => {
    const doc = createDoc();
    seedGezondeWijk(doc);
    return readMethods(doc);
  };
  const input = (m: ReturnType<typeof example>, rings: 'participation' | 'relation') => ({
    actors: m.actors,
    relations: m.relations,
    rings,
    width: 900,
    height: 700,
    font: 16,
    drag: null,
    name: (a: { name: string }) => a.name,
  });

  it('puts every actor on the ring of its participation level, undecided ones outside', () => {
    const m = example();
    const l = networkLayout(input(m, 'participation'));
    expect(l.values).toEqual(['meebeslissen', 'meedoen', 'meedenken', 'meeweten']);
    for (const a of m.actors) {
      const band = l.values.indexOf(a.participation ?? '');
      const { distance } = polar(l.g, l.positions.get(a.id)!);
      expect(distance).toBeCloseTo(l.g.bands[band < 0 ? 4 : band]!.mid);
    }
  });

  it('switches the rings to the relation to us', () => {
    const m = example();
    const l = networkLayout(input(m, 'relation'));
    const opponent = m.actors.find((a) => a.relation === 'opponent')!;
    expect(bandAt(l.g, polar(l.g, l.positions.get(opponent.id)!).distance)).toBe(2);
  });

  it('keeps labels of nodes apart from each other and off the goal', () => {
    const m = example();
    const l = networkLayout(input(m, 'participation'));
    const goal = { x: l.g.center.x - l.g.goal, y: l.g.center.y - l.g.goal, w: 2 * l.g.goal, h: 2 * l.g.goal };
    let onGoal = 0;
    for (const a of m.actors) {
      const p = l.positions.get(a.id)!;
      const lab = l.nodeLabel(a.id);
      if (overlaps({ x: p.x + lab.x, y: p.y + lab.y, w: lab.w, h: 14 }, goal)) onGoal++;
    }
    expect(onGoal).toBe(0);
    expect(l.relationLabels.size).toBe(m.relations.filter((r) => r.label).length);
  });

  it('turns a drop into an angle and a ring value, and finds the actor under a dropped relation', () => {
    const m = example();
    const l = networkLayout(input(m, 'participation'));
    const drop = ringDrop(l, pointOnRing(l.g, 1, 0.5));
    expect(drop.value).toBe('meedoen');
    expect(drop.angle).toBeCloseTo(0.5, 3);
    expect(ringDrop(l, pointOnRing(l.g, 4, 0)).value).toBeNull();
    const [first, second] = m.actors;
    const at = l.positions.get(second!.id)!;
    expect(nodeAt(l.positions, { x: at.x + 2, y: at.y }, l.nodeR, first!.id)).toBe(second!.id);
    expect(nodeAt(l.positions, { x: -500, y: -500 }, l.nodeR, first!.id)).toBeNull();
  });
});
