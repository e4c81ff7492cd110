import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Origin } from '../../shared/model/doc.ts';
import {
  addItems,
  arrowPoints,
  BoardReader,
  createBoardUndo,
  deleteItems,
  duplicateItems,
  itemsInFrame,
  moveItems,
  parseClipboard,
  pasteItems,
  readBoard,
  reorderItems,
  resizeItem,
  serializeSelection,
  updateItem,
  type NoteItem,
} from '../../shared/model/board/index.ts';

const note = (id: string, x: number, y: number, text = id) => ({
  id,
  kind: 'note' as const,
  x,
  y,
  w: 100,
  h: 80,
  text,
  color: '#fff3a3' as const,
});

/** Two replicas that exchange updates synchronously, like two browsers through the server. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { a, b };
}

describe('board commands', () => {
  it('adds items in front, with ids, and skips invalid ones', () => {
    const doc = new Y.Doc();
    const ids = addItems(doc, [
      note('n1', 0, 0),
      { kind: 'note', x: Number.NaN, y: 0 } as never,
      { kind: 'text', x: 5, y: 5, text: 'Titel' } as never,
    ]);
    expect(ids).toHaveLength(2);
    const { items } = readBoard(doc);
    expect(items.map((i) => i.kind)).toEqual(['note', 'text']);
    expect(items[1]!.z).toBeGreaterThan(items[0]!.z);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
  });

  it('each new item lands in front of what is already there', () => {
    const doc = new Y.Doc();
    addItems(doc, [note('a', 0, 0)]);
    addItems(doc, [note('b', 0, 0)]);
    const [copy] = duplicateItems(doc, ['a']);
    expect(readBoard(doc).items.map((i) => i.id)).toEqual(['a', 'b', copy]);
  });

  it('moves boxes and free arrow ends; bound ends follow', () => {
    const doc = new Y.Doc();
    addItems(doc, [note('a', 0, 0), note('b', 400, 0)]);
    addItems(doc, [{ id: 'ar', kind: 'arrow', start: { itemId: 'a' }, end: { itemId: 'b' } } as never]);
    addItems(doc, [{ id: 'free', kind: 'arrow', start: { x: 0, y: 300 }, end: { x: 100, y: 300 } } as never]);
    moveItems(doc, ['b', 'free'], 0, 100);
    const { byId } = readBoard(doc);
    expect(byId.get('b')).toMatchObject({ x: 400, y: 100 });
    expect(byId.get('free')).toMatchObject({ start: { x: 0, y: 400 }, end: { x: 100, y: 400 } });
    const pts = arrowPoints(byId.get('ar') as never, byId)!;
    expect(pts.start.x).toBeCloseTo(104, 0); // right edge of a (+ gap)
    expect(pts.end.y).toBeGreaterThan(100); // follows b down
  });

  it('rejects updates that would make an item invalid', () => {
    const doc = new Y.Doc();
    addItems(doc, [note('n', 0, 0)]);
    expect(updateItem(doc, 'n', { x: 'left' })).toBe(false);
    expect(updateItem(doc, 'n', { kind: 'frame', text: 'Nieuw' })).toBe(true); // kind cannot change
    expect(readBoard(doc).byId.get('n')).toMatchObject({ kind: 'note', text: 'Nieuw', x: 0 });
    expect(resizeItem(doc, 'n', { x: 5, y: 5, w: 2, h: 300 })).toBe(true);
    expect(readBoard(doc).byId.get('n')).toMatchObject({ x: 5, w: 8, h: 300 });
  });

  it('deleting a shape frees the arrows bound to it, at their last place', () => {
    const doc = new Y.Doc();
    addItems(doc, [
      note('a', 0, 0),
      note('b', 400, 0),
      { id: 'ar', kind: 'arrow', start: { itemId: 'a' }, end: { itemId: 'b' } } as never,
    ]);
    const before = arrowPoints(readBoard(doc).byId.get('ar') as never, readBoard(doc).byId)!;
    deleteItems(doc, ['b']);
    const ar = readBoard(doc).byId.get('ar')!;
    expect(ar).toMatchObject({ start: { itemId: 'a' }, end: { x: before.end.x, y: before.end.y } });
  });

  it('duplicates with arrows rebound to the copies', () => {
    const doc = new Y.Doc();
    addItems(doc, [
      note('a', 0, 0),
      note('b', 400, 0),
      { id: 'ar', kind: 'arrow', start: { itemId: 'a' }, end: { itemId: 'b' } } as never,
    ]);
    const copies = duplicateItems(doc, ['a', 'b', 'ar'], { x: 0, y: 200 });
    const { byId } = readBoard(doc);
    const arrowCopy = copies.map((id) => byId.get(id)!).find((i) => i.kind === 'arrow')!;
    expect(arrowCopy.kind === 'arrow' && 'itemId' in arrowCopy.start && copies.includes(arrowCopy.start.itemId)).toBe(
      true,
    );
    expect(byId.get(copies[0]!)).toMatchObject({ x: 0, y: 200 });
  });

  it('brings to front and sends to back', () => {
    const doc = new Y.Doc();
    addItems(doc, [note('a', 0, 0), note('b', 0, 0), note('c', 0, 0)]);
    reorderItems(doc, ['a'], 'front');
    expect(readBoard(doc).items.map((i) => i.id)).toEqual(['b', 'c', 'a']);
    reorderItems(doc, ['c', 'a'], 'back');
    expect(readBoard(doc).items.map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('a frame carries what lies inside it', () => {
    const doc = new Y.Doc();
    addItems(doc, [
      { id: 'f', kind: 'frame', x: 0, y: 0, w: 500, h: 400, title: 'Groep 1' } as never,
      note('in', 50, 50),
      note('half', 450, 50),
      { id: 'line', kind: 'arrow', start: { x: 10, y: 300 }, end: { x: 200, y: 300 } } as never,
    ]);
    const { items, byId } = readBoard(doc);
    expect(itemsInFrame(byId.get('f') as never, items).sort()).toEqual(['in', 'line']);
  });
});

describe('clipboard', () => {
  it('copies between boards with new ids and keeps arrows bound', () => {
    const one = new Y.Doc();
    addItems(one, [
      note('a', 0, 0, 'Wijkteam'),
      note('b', 300, 0),
      { id: 'ar', kind: 'arrow', start: { itemId: 'a' }, end: { itemId: 'b' } } as never,
    ]);
    const text = serializeSelection(readBoard(one), ['a', 'b', 'ar'])!;
    const two = new Y.Doc();
    const pasted = pasteItems(two, parseClipboard(text)!, { x: 1000, y: 1000 }, 'canvas');
    const { items, byId } = readBoard(two);
    expect(items).toHaveLength(3);
    expect(pasted.some((id) => ['a', 'b', 'ar'].includes(id))).toBe(false);
    expect(items.find((i) => i.kind === 'note' && i.text === 'Wijkteam')).toBeDefined();
    const arrow = items.find((i) => i.kind === 'arrow')!;
    expect(arrow.kind === 'arrow' && 'itemId' in arrow.end && byId.has(arrow.end.itemId)).toBe(true);
  });

  it('ignores foreign or hostile clipboard text', () => {
    expect(parseClipboard('gewone tekst')).toBeNull();
    expect(parseClipboard('{"type":"veldwerk/board-items","version":2,"items":"x"}')).toBeNull();
    const mixed = parseClipboard(
      JSON.stringify({
        type: 'veldwerk/board-items',
        version: 2,
        items: [note('ok', 0, 0), { kind: 'note', x: 'no' }, null],
      }),
    );
    expect(mixed?.map((i) => i.id)).toEqual(['ok']);
  });
});

describe('per-person undo', () => {
  it("I undo my change, not my neighbour's", () => {
    const { a, b } = pair();
    const undoA = createBoardUndo(a);
    const undoB = createBoardUndo(b);
    addItems(a, [note('mine', 0, 0)]);
    undoA.stopCapturing();
    addItems(b, [note('theirs', 0, 0)]);
    undoB.stopCapturing();
    moveItems(a, ['theirs'], 10, 0); // A moves B's note
    undoA.stopCapturing();
    expect(undoB.canUndo()).toBe(true);
    undoB.undo(); // B takes back only B's own note
    expect(readBoard(a).byId.has('theirs')).toBe(false);
    expect(readBoard(a).byId.has('mine')).toBe(true);
    undoA.undo(); // the move (now of a deleted note) - then A's add
    undoA.undo();
    expect(readBoard(b).items).toEqual([]);
    undoA.redo();
    expect(readBoard(b).byId.has('mine')).toBe(true);
  });

  it("migration and remote changes are not on anyone's undo stack", () => {
    const { a, b } = pair();
    const undoA = createBoardUndo(a);
    addItems(b, [note('remote', 0, 0)]);
    addItems(a, [note('server', 0, 0)], Origin.migration);
    expect(undoA.canUndo()).toBe(false);
  });
});

describe('incremental reader', () => {
  it('matches a full read after random concurrent edits (seeded)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const { a, b } = pair();
    const reader = new BoardReader(b);
    const ids: string[] = [];
    for (let step = 0; step < 400; step++) {
      const doc = rnd() < 0.5 ? a : b;
      const r = rnd();
      if (r < 0.35 || ids.length < 3) ids.push(...addItems(doc, [note(`n${step}`, Math.round(rnd() * 1000), 0)]));
      else if (r < 0.6) moveItems(doc, [ids[Math.floor(rnd() * ids.length)]!], 5, 5);
      else if (r < 0.7) reorderItems(doc, [ids[Math.floor(rnd() * ids.length)]!], rnd() < 0.5 ? 'front' : 'back');
      else if (r < 0.8) deleteItems(doc, [ids[Math.floor(rnd() * ids.length)]!]);
      else if (r < 0.9) updateItem(doc, ids[Math.floor(rnd() * ids.length)]!, { text: `t${step}` });
      else doc.getMap<unknown>('items').set(`junk${step}`, { kind: 'note', x: 'bad' }); // a hostile write
    }
    const full = readBoard(b);
    expect(reader.getSnapshot().items).toEqual(full.items);
    expect(readBoard(a).items).toEqual(full.items);
    reader.destroy();
  });

  it('keeps the identity of items that did not change', () => {
    const doc = new Y.Doc();
    addItems(doc, [note('a', 0, 0), note('b', 0, 0)]);
    const reader = new BoardReader(doc);
    const before = reader.getSnapshot();
    moveItems(doc, ['a'], 1, 1);
    const after = reader.getSnapshot();
    expect(after.byId.get('b')).toBe(before.byId.get('b'));
    expect(after.byId.get('a')).not.toBe(before.byId.get('a'));
    expect((after.byId.get('a') as NoteItem).x).toBe(1);
    reader.destroy();
  });
});
