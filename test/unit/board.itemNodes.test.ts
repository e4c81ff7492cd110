import Konva from 'konva';
import { describe, expect, it } from 'vitest';
import type { ArrowItem, BoardItem, FrameItem, NoteItem } from '../../shared/model/board/schema.ts';
import { ItemNodes, type ItemNodesInput } from '../../client/src/features/board/canvas/shapes/itemNodes.ts';

const note = (id: string, x: number, z = 0): NoteItem => ({
  id,
  kind: 'note',
  view: 'canvas',
  z,
  author: '',
  x,
  y: 0,
  w: 100,
  h: 80,
  text: id,
  color: '#fff3a3',
});
const frame = (id: string): FrameItem => ({
  id,
  kind: 'frame',
  view: 'canvas',
  z: 0,
  author: '',
  x: -50,
  y: -50,
  w: 500,
  h: 300,
  title: '',
});
const arrow = (id: string, from: string, to: string): ArrowItem => ({
  id,
  kind: 'arrow',
  view: 'canvas',
  z: 0,
  author: '',
  start: { itemId: from },
  end: { itemId: to },
  label: '',
  color: '#1f2933',
});

/** A Group standing in for the items layer (no canvas in Node), counting its draws. */
function setup() {
  const group = new Konva.Group({ listening: false });
  let draws = 0;
  const layer = Object.assign(group, { batchDraw: () => draws++ });
  const nodes = new ItemNodes(layer);
  const sync = (items: BoardItem[], more: Partial<ItemNodesInput> = {}) =>
    nodes.sync({
      items,
      byId: new Map(items.map((i) => [i.id, i])),
      hidden: new Set(),
      editingId: null,
      notePlaceholder: null,
      textPlaceholder: null,
      ...more,
    });
  const ids = () => group.getChildren().map((n) => n.id());
  const node = (id: string) => group.getChildren().find((n) => n.id() === id) as Konva.Shape | undefined;
  return { group, nodes, sync, ids, node, draws: () => draws };
}

describe('items layer nodes', () => {
  it('adds a node per item, with its id, in drawing order, not listening', () => {
    const t = setup();
    const items = [frame('f'), note('a', 0), note('b', 200), arrow('r', 'a', 'b')];
    t.sync(items);
    expect(t.ids()).toEqual(['f', 'a', 'b', 'r']);
    expect(t.draws()).toBe(1);
    expect(t.node('b')!.x()).toBe(200);
    expect(t.node('a')!.listening()).toBe(false);
    expect(t.node('r')!.getAttr('pts')).toHaveLength(4);
  });

  it('places a new node at its item, found by its id, and its transform follows a move', () => {
    const t = setup();
    const a = note('a', 120);
    t.sync([note('x', 0), a]);
    const found = t.group.findOne('#a') as Konva.Shape;
    expect(found).toBe(t.node('a'));
    // Read once, so Konva caches the transform; the move must clear that cache.
    expect(found.getAbsolutePosition()).toEqual({ x: 120, y: 0 });
    t.sync([note('x', 0), { ...a, x: 300, y: 40 }]);
    expect(found.getAbsolutePosition()).toEqual({ x: 300, y: 40 });
    expect(found.isListening()).toBe(false);
    expect(found.perfectDrawEnabled()).toBe(false);
  });

  it('touches only changed items, and draws only when something changed', () => {
    const t = setup();
    const a = note('a', 0);
    const b = note('b', 200);
    t.sync([a, b]);
    const nodeA = t.node('a');
    t.sync([a, b]); // same items: nothing to do
    expect(t.draws()).toBe(1);
    const moved = { ...b, x: 300 };
    t.sync([a, moved]);
    expect(t.draws()).toBe(2);
    expect(t.node('a')).toBe(nodeA);
    expect(t.node('b')!.x()).toBe(300);
  });

  it('follows bound items with arrows, and leaves out arrows that cannot be placed', () => {
    const t = setup();
    const a = note('a', 0);
    const b = note('b', 200);
    const r = arrow('r', 'a', 'b');
    t.sync([a, b, r]);
    const before = [...(t.node('r')!.getAttr('pts') as number[])];
    t.sync([a, { ...b, x: 400 }, r]);
    expect(t.node('r')!.getAttr('pts')).not.toEqual(before);
    t.sync([a, r]); // b deleted: the arrow has no end to draw
    expect(t.ids()).toEqual(['a']);
  });

  it('keeps hidden items off the layer and puts them back in place', () => {
    const t = setup();
    const items = [note('a', 0), note('b', 100), note('c', 200)];
    t.sync(items);
    const nodeB = t.node('b');
    t.sync(items, { hidden: new Set(['b']) });
    expect(t.ids()).toEqual(['a', 'c']);
    t.sync(items);
    expect(t.ids()).toEqual(['a', 'b', 'c']);
    expect(t.node('b')).toBe(nodeB);
  });

  it('removes deleted items and follows changes of order', () => {
    const t = setup();
    const [a, b, c] = [note('a', 0, 1), note('b', 0, 2), note('c', 0, 3)];
    t.sync([a, b, c]);
    const nodeC = t.node('c')!;
    t.sync([a, c]);
    expect(t.ids()).toEqual(['a', 'c']);
    t.sync([c, a, note('d', 0, 4)]);
    expect(t.ids()).toEqual(['c', 'a', 'd']);
    expect(t.node('c')).toBe(nodeC);
    expect(t.group.getChildren().every((n, i) => n.index === i)).toBe(true);
  });

  it('redraws an item whose editing state or placeholder changes', () => {
    const t = setup();
    const a = note('a', 0);
    t.sync([a]);
    t.sync([a], { editingId: 'a' });
    t.sync([a], { editingId: 'a', notePlaceholder: 'Dubbelklik' });
    expect(t.draws()).toBe(3);
    t.nodes.destroy();
  });

  it('ends with exactly the wanted nodes in order after random changes (seeded)', () => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const t = setup();
    let items: NoteItem[] = Array.from({ length: 60 }, (_, i) => note(`n${i}`, i * 10, i));
    let next = 60;
    for (let step = 0; step < 300; step++) {
      const r = rnd();
      if (r < 0.2)
        items = items.filter(() => rnd() > 0.05); // deletions
      else if (r < 0.4)
        items = [...items, note(`n${next++}`, 0, next)]; // a new one on top
      else if (r < 0.5)
        items = [...items].sort(() => rnd() - 0.5); // any change of order
      else if (r < 0.7 && items.length > 2) {
        const i = Math.floor(rnd() * items.length);
        items = [...items.slice(0, i), { ...items[i]!, x: rnd() * 100 }, ...items.slice(i + 1)]; // a move
      }
      const hidden = new Set(items.filter(() => rnd() < (r < 0.85 ? 0.05 : 0.5)).map((i) => i.id));
      t.sync(items, { hidden });
      expect(t.ids()).toEqual(items.filter((i) => !hidden.has(i.id)).map((i) => i.id));
      expect(t.group.getChildren().every((n, i) => n.index === i && n.getParent() === t.group)).toBe(true);
      for (const i of items) if (!hidden.has(i.id)) expect(t.node(i.id)!.x()).toBe(i.x);
    }
  });
});
