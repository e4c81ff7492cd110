/**
 * The canvas's pure helpers (client/src/board): viewport maths, hit testing and the
 * marquee, what moves with a selection, text layout, the shortcut table, edits and
 * resizes, the UI store; and the model's `continueCapturing` (one drag, one undo step).
 */
import { describe, expect, it } from 'vitest';
import { addItems, arrowPoints, createBoardUndo, moveItems, readBoard } from '../../shared/model/board/index.ts';
import type { ArrowItem, BoardItem, FrameItem, NoteItem, TextItem } from '../../shared/model/board/schema.ts';
import { createDoc } from '../../shared/model/doc.ts';
import { createBoardStore, sameIds } from '../../client/src/base/board/boardState.ts';
import { editPatch, editableText } from '../../client/src/base/board/editing.ts';
import {
  bindTarget,
  boundsOf,
  distanceToSegment,
  hitTest,
  marqueeSelect,
  renderOrder,
  segmentTouchesRect,
} from '../../client/src/base/board/hitTest.ts';
import {
  arrowTranslates,
  attachedArrows,
  liveWriteInterval,
  movedArrowPts,
  withFrameContents,
} from '../../client/src/base/board/selection.ts';
import {
  SHORTCUTS,
  comboLabel,
  findShortcut,
  matchCombo,
  type KeyLike,
} from '../../client/src/base/board/shortcuts.ts';
import { fitText, layoutText, truncateToWidth, wrapText, type Measure } from '../../shared/drawing/textLayout.ts';
import { resizePatch } from '../../client/src/base/board/tools/resizeItems.ts';
import {
  fitRect,
  gridSpacing,
  panToShow,
  pinch,
  rectFullyVisible,
  screenToWorld,
  visibleWorldRect,
  worldToScreen,
  zoomAt,
  zoomTo,
  MAX_SCALE,
  MIN_SCALE,
} from '../../client/src/base/board/viewport.ts';

const base = { view: 'canvas', z: 0, author: '' };
const note = (id: string, x: number, y: number, z = 0): NoteItem => ({
  ...base,
  id,
  z,
  kind: 'note',
  x,
  y,
  w: 100,
  h: 80,
  text: id,
  color: '#fff3a3',
});
const frame = (id: string, x: number, y: number, w: number, h: number): FrameItem => ({
  ...base,
  id,
  kind: 'frame',
  x,
  y,
  w,
  h,
  title: id,
});
const arrow = (id: string, start: ArrowItem['start'], end: ArrowItem['end']): ArrowItem => ({
  ...base,
  id,
  kind: 'arrow',
  start,
  end,
  label: '',
  color: '#1f2933',
});
const byIdOf = (items: BoardItem[]) => new Map(items.map((i) => [i.id, i]));

/** Every character is half an em wide: easy sums. */
const halfEm: Measure = (text, font) => text.length * 0.5 * font.size;

describe('viewport maths', () => {
  const v = { x: 100, y: 50, scale: 2 };

  it('converts between screen and world both ways', () => {
    const world = screenToWorld(v, { x: 300, y: 250 });
    expect(world).toEqual({ x: 100, y: 100 });
    expect(worldToScreen(v, world)).toEqual({ x: 300, y: 250 });
    expect(visibleWorldRect(v, { width: 800, height: 600 })).toEqual({ x: -50, y: -25, w: 400, h: 300 });
  });

  it('zooms around the pointer: the world point under it stays put, within the limits', () => {
    const at = { x: 400, y: 300 };
    const before = screenToWorld(v, at);
    const zoomed = zoomAt(v, 1.5, at);
    expect(zoomed.scale).toBe(3);
    const after = screenToWorld(zoomed, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAt(v, 100, at).scale).toBe(MAX_SCALE);
    expect(zoomAt(v, 0.0001, at).scale).toBe(MIN_SCALE);
    expect(zoomTo(v, Number.NaN, at).scale).toBe(1);
  });

  it('pinches: zooms by the change in finger distance and pans with their midpoint', () => {
    const start = { x: 0, y: 0, scale: 1 };
    const out = pinch(
      start,
      { center: { x: 100, y: 100 }, distance: 100 },
      { center: { x: 120, y: 90 }, distance: 200 },
    );
    expect(out.scale).toBe(2);
    // The world point that was under the fingers' midpoint is under it again.
    const w = screenToWorld(out, { x: 120, y: 90 });
    expect(w.x).toBeCloseTo(100);
    expect(w.y).toBeCloseTo(100);
  });

  it('fits a rectangle centred, never past the given zoom', () => {
    const size = { width: 1000, height: 600 };
    const small = fitRect({ x: 0, y: 0, w: 100, h: 100 }, size, 1);
    expect(small.scale).toBe(1);
    expect(worldToScreen(small, { x: 50, y: 50 })).toEqual({ x: 500, y: 300 });
    const big = fitRect({ x: -1000, y: -1000, w: 4000, h: 2000 }, size, 1, 50);
    expect(big.scale).toBeCloseTo(0.225);
    expect(rectFullyVisible(big, { x: -1000, y: -1000, w: 4000, h: 2000 }, size)).toBe(true);
  });

  it('pans just enough to show a rectangle', () => {
    const size = { width: 400, height: 300 };
    const v0 = { x: 0, y: 0, scale: 1 };
    expect(panToShow(v0, { x: 20, y: 20, w: 50, h: 50 }, size)).toBe(v0);
    const moved = panToShow(v0, { x: 380, y: 20, w: 50, h: 50 }, size);
    expect(moved.x).toBe(400 - 12 - 430);
    expect(rectFullyVisible(moved, { x: 380, y: 20, w: 50, h: 50 }, size)).toBe(true);
  });

  it('spaces grid dots at least 12 px apart at any zoom', () => {
    expect(gridSpacing(1)).toBe(24);
    for (const s of [0.1, 0.2, 0.49, 0.5, 2]) expect(gridSpacing(s)).toBeGreaterThanOrEqual(12);
  });
});

describe('hit testing', () => {
  const f = frame('f', 0, 0, 400, 300);
  const a = note('a', 50, 50, 1);
  const b = note('b', 100, 80, 2);
  const c = note('c', 600, 50, 3);
  const arr = arrow('arr', { itemId: 'a' }, { itemId: 'c' });
  const items = renderOrder([a, arr, b, f, c]);
  const byId = byIdOf(items);

  it('draws frames first, then the rest in stacking order', () => {
    expect(items.map((i) => i.id)).toEqual(['f', 'a', 'arr', 'b', 'c']);
  });

  it('finds the front-most item under the pointer', () => {
    expect(hitTest(items, byId, { x: 120, y: 100 }, 1)).toBe('b');
    expect(hitTest(items, byId, { x: 60, y: 60 }, 1)).toBe('a');
    expect(hitTest(items, byId, { x: 800, y: 800 }, 1)).toBeNull();
  });

  it('hits a frame on its title strip and border, not inside (a drag there draws a marquee)', () => {
    expect(hitTest(items, byId, { x: 300, y: 250 }, 1)).toBeNull();
    expect(hitTest(items, byId, { x: 300, y: -10 }, 1)).toBe('f');
    expect(hitTest(items, byId, { x: 399, y: 250 }, 1)).toBe('f');
  });

  it('hits an arrow near its line, with a tolerance that follows the zoom', () => {
    expect(hitTest(items, byId, { x: 500, y: 92 }, 1)).toBe('arr');
    expect(hitTest(items, byId, { x: 500, y: 100 }, 1)).toBeNull();
    expect(hitTest(items, byId, { x: 500, y: 100 }, 0.5)).toBe('arr');
    expect(distanceToSegment({ x: 5, y: 5 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
  });

  it('binds arrow ends to boxes (the area of a frame too), never to the excluded one', () => {
    expect(bindTarget(items, { x: 120, y: 100 })).toBe('b');
    expect(bindTarget(items, { x: 120, y: 100 }, new Set(['b']))).toBe('a');
    expect(bindTarget(items, { x: 300, y: 250 })).toBe('f');
  });

  it('selects with a marquee what it touches, frames only when held whole', () => {
    expect(marqueeSelect(items, byId, { x: 40, y: 40, w: 30, h: 30 }).sort()).toEqual(['a']);
    expect(marqueeSelect(items, byId, { x: -10, y: -40, w: 420, h: 350 }).sort()).toEqual(['a', 'arr', 'b', 'f']);
    expect(marqueeSelect(items, byId, { x: 400, y: 60, w: 20, h: 60 })).toEqual(['arr']);
    expect(segmentTouchesRect({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 20, w: 5, h: 5 })).toBe(false);
  });

  it('gives the bounds of a selection, skipping ids that are gone', () => {
    expect(boundsOf(['a', 'b', 'gone'], byId)).toEqual({ x: 50, y: 50, w: 150, h: 110 });
    expect(boundsOf(['gone'], byId)).toBeNull();
  });
});

describe('what moves with a selection', () => {
  const f = frame('f', 0, 0, 400, 300);
  const inner = note('in', 50, 50);
  const outer = note('out', 600, 50);
  const bound = arrow('bound', { itemId: 'in' }, { itemId: 'out' });
  const inside = arrow('inside', { x: 10, y: 10 }, { itemId: 'in' });
  const items = [f, inner, outer, bound, inside];
  const byId = byIdOf(items);

  it('a frame carries the items inside it (arrows only when both ends are free and inside)', () => {
    expect(withFrameContents(['f'], items, byId).sort()).toEqual(['f', 'in']);
    expect(withFrameContents(['out', 'gone'], items, byId)).toEqual(['out']);
  });

  it('arrows with one end moving change shape; arrows moving whole are translated', () => {
    expect(arrowTranslates(inside, new Set(['in', 'inside']))).toBe(true);
    expect(arrowTranslates(bound, new Set(['in', 'bound']))).toBe(false);
    expect(attachedArrows(items, new Set(['f', 'in']))).toEqual(['bound', 'inside']);
    expect(attachedArrows(items, new Set(['out']))).toEqual(['bound']);
  });

  it('reshapes an attached arrow for a drag in progress like the model will after the move', () => {
    const delta = { x: 30, y: -20 };
    const during = movedArrowPts(bound, byId, new Set(['in']), delta);
    const doc = createDoc();
    addItems(
      doc,
      items.map(({ z: _z, ...i }) => i as never),
    );
    moveItems(doc, ['in'], delta.x, delta.y);
    const after = readBoard(doc);
    const moved = after.byId.get('bound') as ArrowItem;
    const p = arrowPoints(moved, after.byId)!;
    expect(during).toEqual([p.start.x, p.start.y, p.end.x, p.end.y]);
  });

  it('writes a big drag less often than a small one', () => {
    expect(liveWriteInterval(1)).toBe(0);
    expect(liveWriteInterval(50)).toBe(0);
    expect(liveWriteInterval(400)).toBe(100);
    expect(liveWriteInterval(100_000)).toBe(250);
  });
});

describe('text layout', () => {
  it('wraps words greedily and keeps explicit line breaks', () => {
    // "aaaa bbbb cccc" at size 10: words 20 wide, space 5; lines of 50 fit two words.
    expect(wrapText('aaaa bbbb cccc', 50, { size: 10 }, Infinity, undefined, halfEm).lines).toEqual([
      'aaaa bbbb',
      'cccc',
    ]);
    expect(wrapText('één\n\ntwee', 500, { size: 10 }, Infinity, undefined, halfEm).lines).toEqual(['één', '', 'twee']);
  });

  it('breaks a word that is wider than the line', () => {
    const w = wrapText('samenwerkingsverband', 40, { size: 10 }, Infinity, undefined, halfEm);
    expect(w.brokeWord).toBe(true);
    expect(w.lines).toEqual(['samenwer', 'kingsver', 'band']);
  });

  it('shrinks a note text until it fits, largest size first', () => {
    const opts = { minFont: 10, maxFont: 24, lineHeight: 1.25, measure: halfEm };
    const short = fitText('GGD', { w: 150, h: 100 }, opts);
    expect(short.fontSize).toBe(24);
    const long = fitText('Sociaal wijkteam wil meer samenwerken met de woningcorporatie', { w: 150, h: 100 }, opts);
    expect(long.fontSize).toBeLessThan(24);
    expect(long.height).toBeLessThanOrEqual(100);
    expect(long.width).toBeLessThanOrEqual(150);
    expect(long.truncated).toBe(false);
    // One size larger would not fit.
    const bigger = wrapText(
      'Sociaal wijkteam wil meer samenwerken met de woningcorporatie',
      150,
      { size: long.fontSize + 1 },
      Infinity,
      undefined,
      halfEm,
    );
    expect(bigger.lines.length * (long.fontSize + 1) * 1.25 > 100 || bigger.brokeWord).toBe(true);
  });

  it('ends text that does not fit even at the smallest size with an ellipsis', () => {
    const opts = { minFont: 10, maxFont: 24, lineHeight: 1.25, measure: halfEm };
    const layout = fitText('woord '.repeat(200), { w: 100, h: 50 }, opts);
    expect(layout.fontSize).toBe(10);
    expect(layout.truncated).toBe(true);
    expect(layout.lines.length).toBe(4);
    expect(layout.lines.at(-1)?.endsWith('…')).toBe(true);
    expect(truncateToWidth('abcdefghij', 30, { size: 10 }, halfEm)).toBe('abcde…');
  });

  it('lays out free text at its own size; the height grows with the lines', () => {
    const one = layoutText('kort', 200, { size: 20 }, { lineHeight: 1.3, measure: halfEm });
    const three = layoutText(
      'een wat langere tekst over drie regels',
      120,
      { size: 20 },
      { lineHeight: 1.3, measure: halfEm },
    );
    expect(one.lines.length).toBe(1);
    expect(three.height).toBeCloseTo(three.lines.length * 26);
    expect(three.lines.length).toBeGreaterThan(1);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
    key: k,
    code,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });

  it('finds the shortcut for tools, edits and views', () => {
    expect(findShortcut(key('n', 'KeyN'))?.id).toBe('tool.note');
    expect(findShortcut(key('z', 'KeyZ', { ctrlKey: true }))?.id).toBe('edit.undo');
    expect(findShortcut(key('z', 'KeyZ', { metaKey: true }))?.id).toBe('edit.undo');
    expect(findShortcut(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }))?.id).toBe('edit.redo');
    expect(findShortcut(key('y', 'KeyY', { ctrlKey: true }))?.id).toBe('edit.redo');
    expect(findShortcut(key('Delete', 'Delete'))?.id).toBe('edit.delete');
    expect(findShortcut(key('Backspace', 'Backspace'))?.id).toBe('edit.delete');
    expect(findShortcut(key('ArrowLeft', 'ArrowLeft', { shiftKey: true }))?.id).toBe('arrange.nudgeFar');
    expect(findShortcut(key('ArrowLeft', 'ArrowLeft'))?.id).toBe('arrange.nudge');
  });

  it('matches by key place where layouts differ: Shift+1, brackets, letters on other layouts', () => {
    expect(findShortcut(key('!', 'Digit1', { shiftKey: true }))?.id).toBe('view.zoomFit');
    expect(findShortcut(key('@', 'Digit2', { shiftKey: true }))?.id).toBe('view.zoomSelection');
    expect(findShortcut(key('}', 'BracketRight', { ctrlKey: true, shiftKey: true }))?.id).toBe('arrange.front');
    expect(findShortcut(key(']', 'BracketRight'))?.id).toBe('arrange.front');
    expect(findShortcut(key('[', 'BracketLeft'))?.id).toBe('arrange.back');
    expect(findShortcut(key('ф', 'KeyA', { ctrlKey: true }))?.id).toBe('edit.selectAll');
  });

  it('ignores Shift for ?, + and - and leaves Ctrl+plus to the browser', () => {
    expect(findShortcut(key('?', 'Slash', { shiftKey: true }))?.id).toBe('view.help');
    expect(findShortcut(key('+', 'Equal', { shiftKey: true }))?.id).toBe('view.zoomIn');
    expect(findShortcut(key('=', 'Equal'))?.id).toBe('view.zoomIn');
    expect(findShortcut(key('-', 'Minus'))?.id).toBe('view.zoomOut');
    expect(findShortcut(key('+', 'Equal', { ctrlKey: true }))).toBeNull();
    expect(findShortcut(key('0', 'Digit0'))?.id).toBe('view.zoomReset');
    expect(matchCombo('v', key('v', 'KeyV', { altKey: true }))).toBe(false);
  });

  it('has one entry per id, and labels for the help list', () => {
    const ids = SHORTCUTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(comboLabel('mod+shift+z', false, {})).toBe('Ctrl+Shift+Z');
    expect(comboLabel('mod+shift+z', true, {})).toBe('⌘⇧Z');
    expect(comboLabel('space+drag', false, { space: 'Spatie', drag: 'slepen' })).toBe('Spatie+slepen');
    expect(comboLabel('+', false, {})).toBe('+');
  });
});

describe('edits and resizes', () => {
  const n = note('n', 0, 0);
  const t: TextItem = {
    ...base,
    id: 't',
    kind: 'text',
    x: 0,
    y: 0,
    w: 200,
    h: 30,
    text: 'oud',
    fontSize: 20,
    color: '#1f2933',
  };

  it('removes a new note left empty, keeps an old one', () => {
    expect(editPatch({ ...n, text: '' }, '  ', true)).toBe('delete');
    expect(editPatch(n, '', false)).toEqual({ text: '' });
    expect(editPatch(n, n.text, false)).toBeNull();
    expect(editableText(n)).toBe('n');
  });

  it('removes an emptied text and sets a frame title or an arrow label, trimmed', () => {
    expect(editPatch(t, ' ', false)).toBe('delete');
    const patch = editPatch(t, 'nieuw', false);
    expect(patch).toMatchObject({ text: 'nieuw' });
    expect(editPatch(frame('f', 0, 0, 100, 100), '  Partners  ', false)).toEqual({ title: 'Partners' });
    expect(editPatch(arrow('a', { x: 0, y: 0 }, { x: 1, y: 1 }), 'overleg', false)).toEqual({ label: 'overleg' });
  });

  it('keeps a minimum size for notes and frames', () => {
    expect(resizePatch(n, { x: 1.4, y: 2.6, w: 10, h: 500 }, true)).toEqual({ x: 1, y: 3, w: 80, h: 500 });
    expect(resizePatch(frame('f', 0, 0, 100, 100), { x: 0, y: 0, w: 5, h: 5 }, false)).toEqual({
      x: 0,
      y: 0,
      w: 80,
      h: 60,
    });
    expect(resizePatch(arrow('a', { x: 0, y: 0 }, { x: 1, y: 1 }), { x: 0, y: 0, w: 5, h: 5 }, false)).toBeNull();
  });

  it('scales text at a corner, keeps its size at a side', () => {
    expect(resizePatch(t, { x: 0, y: 0, w: 300, h: 60 }, true)).toMatchObject({ w: 300, fontSize: 40 });
    expect(resizePatch(t, { x: 0, y: 0, w: 300, h: 60 }, false)).toMatchObject({ w: 300, fontSize: 20 });
  });
});

describe('the board UI store', () => {
  it('notifies only on real changes and tells who set the viewport', () => {
    const store = createBoardStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.setState({ tool: 'select' });
    expect(calls).toBe(0);
    store.setState({ tool: 'note' });
    store.setViewport({ x: 1, y: 2, scale: 1 });
    expect(store.getState().viewportBy).toBe('user');
    store.setViewport({ x: 1, y: 2, scale: 1 }, 'follow');
    expect(store.getState().viewportBy).toBe('follow');
    expect(calls).toBe(3);
    expect(sameIds(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameIds(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});

describe('one drag, one undo step', () => {
  it('continueCapturing keeps a paused drag in the step it started', async () => {
    const doc = createDoc();
    const undo = createBoardUndo(doc);
    const [id] = addItems(doc, [{ kind: 'note', x: 0, y: 0, w: 100, h: 80, text: '', color: '#fff3a3' }]);
    undo.stopCapturing();
    moveItems(doc, [id!], 10, 0);
    // A pause longer than the capture timeout (500 ms), as when someone holds still mid-drag.
    await new Promise((r) => setTimeout(r, 600));
    undo.continueCapturing();
    moveItems(doc, [id!], 10, 0);
    undo.stopCapturing();
    expect((readBoard(doc).byId.get(id!) as NoteItem).x).toBe(20);
    undo.undo();
    expect((readBoard(doc).byId.get(id!) as NoteItem).x).toBe(0);
    undo.undo();
    expect(readBoard(doc).byId.has(id!)).toBe(false);
  });

  it('continueCapturing does not join a change to a step that was closed', () => {
    const doc = createDoc();
    const undo = createBoardUndo(doc);
    const [id] = addItems(doc, [{ kind: 'note', x: 0, y: 0, w: 100, h: 80, text: '', color: '#fff3a3' }]);
    undo.stopCapturing();
    undo.continueCapturing();
    moveItems(doc, [id!], 10, 0);
    undo.undo();
    expect((readBoard(doc).byId.get(id!) as NoteItem).x).toBe(0);
  });
});
