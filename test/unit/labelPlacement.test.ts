/**
 * The one label placement of the charts (issue 12, shared/drawing/labelPlacement.ts):
 * in dense fields no two placed labels intersect, none lies over an axis label, each
 * stays inside its bounds and off its own marker, and a label moved off its marker
 * has a leader line. Also the Regiekamer's thumbnail of the worked example (the names
 * that used to overlap: Zorgverzekeraar/Wethouder, Bewonersplatform/Huisartsen).
 */
import { describe, expect, it } from 'vitest';
import {
  boxesOverlap,
  placeLabelBoxes,
  placeTextLabels,
  type Box,
  type LabelAnchor,
} from '../../shared/drawing/labelPlacement.ts';
import { fieldLabelBounds, placeLabels } from '../../shared/methods/geometry.ts';
import { fieldThumbSvg } from '../../client/src/features/control/thumbnail.ts';
import { createDoc } from '../../shared/model/doc.ts';
import { readMethods } from '../../shared/model/board/actors.ts';
import { seedGezondeWijk } from '../../shared/model/templates/gezondeWijk.ts';

/** A small seeded random source (mulberry32), so a failing layout can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inside = (outer: Box, b: Box) =>
  b.x >= outer.x - 1e-6 &&
  b.y >= outer.y - 1e-6 &&
  b.x + b.w <= outer.x + outer.w + 1e-6 &&
  b.y + b.h <= outer.y + outer.h + 1e-6;

/** A krachtenveld-like stage: the plot, the axis names left of it and below it as obstacles. */
const PLOT: Box = { x: 48, y: 16, w: 700, h: 440 };
const AXES: Box[] = [
  { x: 4, y: 16, w: 18, h: 110 }, // "Veel invloed", rotated, upper left
  { x: 4, y: 200, w: 18, h: 60 }, // "Invloed"
  { x: 4, y: 346, w: 18, h: 110 }, // "Weinig invloed"
  { x: 48, y: 470, w: 60, h: 16 }, // "Tegen"
  { x: 700, y: 470, w: 48, h: 16 }, // "Voor"
];

function denseField(seed: number, n: number): LabelAnchor[] {
  const rnd = random(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    x: PLOT.x + 10 + rnd() * (PLOT.w - 20),
    y: PLOT.y + 10 + rnd() * (PLOT.h - 20),
    r: 6 + rnd() * 14,
    w: 50 + rnd() * 90,
    h: 17,
  }));
}

describe('label placement', () => {
  it('puts a lone label right below its marker, without a leader', () => {
    const l = placeLabelBoxes([{ id: 'a', x: 300, y: 200, r: 10, w: 80, h: 16 }], { bounds: PLOT }).get('a')!;
    expect(l).toMatchObject({ x: 260, y: 213, w: 80, h: 16, leader: null, free: true });
  });

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`dense field (seed ${seed}, 40 actors): no two labels intersect, none over the axis labels`, () => {
      const anchors = denseField(seed, 40);
      const bounds = fieldLabelBounds(PLOT, 760);
      const placed = placeLabelBoxes(anchors, { bounds, obstacles: AXES });
      const boxes = anchors.map((a) => ({ a, l: placed.get(a.id)! }));
      // In a field this full every label still finds a free place.
      expect(boxes.filter((b) => !b.l.free).map((b) => b.a.id)).toEqual([]);
      for (let i = 0; i < boxes.length; i++) {
        const { a, l } = boxes[i]!;
        expect(inside(bounds, l)).toBe(true);
        for (const axis of AXES) expect(boxesOverlap(l, axis)).toBe(false);
        // Not over its own marker.
        expect(boxesOverlap(l, { x: a.x - a.r, y: a.y - a.r, w: 2 * a.r, h: 2 * a.r })).toBe(false);
        for (let j = i + 1; j < boxes.length; j++)
          expect(boxesOverlap(l, boxes[j]!.l), `${a.id} × ${boxes[j]!.a.id}`).toBe(false);
        // A label away from its marker is tied to it by a line that starts on the marker's edge.
        const gap = Math.hypot(
          Math.min(Math.max(a.x, l.x), l.x + l.w) - a.x,
          Math.min(Math.max(a.y, l.y), l.y + l.h) - a.y,
        );
        if (gap > a.r + 6) {
          expect(l.leader).not.toBeNull();
          expect(Math.hypot(l.leader!.x1 - a.x, l.leader!.y1 - a.y)).toBeCloseTo(a.r, 5);
        }
      }
    });
  }

  it('an overfull field: labels with no free place say so (free: false), the free ones never overlap', () => {
    const anchors = denseField(9, 160);
    const placed = placeLabelBoxes(anchors, { bounds: PLOT, obstacles: AXES });
    const free = anchors.map((a) => placed.get(a.id)!).filter((l) => l.free);
    expect(free.length).toBeLessThan(160);
    for (let i = 0; i < free.length; i++)
      for (let j = i + 1; j < free.length; j++) expect(boxesOverlap(free[i]!, free[j]!)).toBe(false);
  });

  it('a name next to the "Veel invloed" axis label goes into the field, not over the axis (Vergelijken)', () => {
    const bounds = fieldLabelBounds(PLOT, 760);
    const spot = placeLabels([{ id: 'w', x: PLOT.x + 8, y: PLOT.y + 40, r: 8, w: 90, h: 17 }], bounds, AXES).get('w')!;
    const box = { x: PLOT.x + 8 + spot.x, y: PLOT.y + 40 + spot.y, w: 90, h: 17 };
    expect(box.x).toBeGreaterThanOrEqual(PLOT.x);
    for (const axis of AXES) expect(boxesOverlap(box, axis)).toBe(false);
  });

  it('measures the text with the function it is given', () => {
    const seen: string[] = [];
    const placed = placeTextLabels(
      [{ id: 'a', x: 300, y: 200, r: 10, text: 'Wethouder' }],
      (t) => {
        seen.push(t);
        return 70;
      },
      { bounds: PLOT, lineHeight: 16, padX: 5 },
    );
    expect(seen).toEqual(['Wethouder']);
    expect(placed.get('a')!.w).toBe(80);
  });
});

describe('the Regiekamer thumbnail of the worked example', () => {
  it('draws every name and no two names over each other', () => {
    const doc = createDoc();
    seedGezondeWijk(doc);
    const { actors } = readMethods(doc);
    const svg = fieldThumbSvg(actors, 'category');
    const texts = [
      ...svg.matchAll(
        /<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => {
      const size = Number(m[3]);
      const w = m[4]!.length * size * 0.56 + 2;
      return { name: m[4]!, x: Number(m[1]) - w / 2, y: Number(m[2]) - size, w, h: size + 3 };
    });
    const placed = actors.filter((a) => a.houding !== null && a.invloed !== null);
    // Names with no free place left are left out (the marker stays); most find one.
    expect(texts.length).toBeGreaterThanOrEqual(placed.length - 3);
    for (const name of ['Zorgverzekeraar', 'Wethouder', 'Bewonersplatform', 'Huisartsen']) {
      expect(
        texts.some((t) => t.name.startsWith(name)),
        name,
      ).toBe(true);
    }
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        expect(boxesOverlap(texts[i]!, texts[j]!), `${texts[i]!.name} × ${texts[j]!.name}`).toBe(false);
  });
});
