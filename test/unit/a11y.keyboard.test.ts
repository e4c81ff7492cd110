/**
 * The keyboard's pure parts (issue 12): what a key does on the krachtenveld, which
 * actor comes next, which shortcuts count as single character keys (WCAG 2.1.4), and
 * where a note made with Enter lands, and what Alt+arrows do to an item's size.
 */
import { describe, expect, it } from 'vitest';
import { addActor, readMethods } from '../../shared/model/board/actors.ts';
import type { BoardItem } from '../../shared/model/board/schema.ts';
import { createDoc } from '../../shared/model/doc.ts';
import { NOTE } from '../../client/src/base/board/itemStyle.ts';
import { freeSpot } from '../../client/src/base/board/keyboardPlace.ts';
import { keyboardResizePatch } from '../../client/src/base/board/keyboardResize.ts';
import { SHORTCUTS, findShortcut, isCharacterShortcut, type KeyLike } from '../../client/src/base/board/shortcuts.ts';
import {
  ANGLE_STEP,
  BIG,
  STEP,
  fieldKeyAction,
  networkKeyAction,
  nextActor,
} from '../../client/src/features/methods/keyboardPlacement.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : /^[0-9]$/.test(k) ? `Digit${k}` : k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

function actors(...places: { houding?: number; invloed?: number; betrokkenheid?: number }[]) {
  const doc = createDoc();
  places.forEach((p, i) => addActor(doc, { name: `A${i}`, ...p }));
  return readMethods(doc).actors;
}

describe('the krachtenveld keys', () => {
  it('puts an actor from the tray in the middle on its first arrow, then steps', () => {
    const [tray] = actors({});
    expect(tray!.houding).toBeNull();
    expect(fieldKeyAction(key('ArrowUp'), tray)).toEqual({
      kind: 'patch',
      patch: { houding: 0, invloed: 0.5 + STEP.invloed },
    });
    // Shift: BIG steps (0.5 - 4 × 0.1), rounded to the scale's thousandths.
    expect(BIG * STEP.houding).toBeCloseTo(0.4);
    const [placed] = actors({ houding: 0.5, invloed: 0.5 });
    expect(fieldKeyAction(key('ArrowLeft', { shiftKey: true }), placed)).toEqual({
      kind: 'patch',
      patch: { houding: 0.1, invloed: 0.5 },
    });
  });

  it('keeps values on their scales, sizes with + and -, and Delete puts it back', () => {
    const [edge] = actors({ houding: 1, invloed: 0, betrokkenheid: 1 });
    expect(fieldKeyAction(key('ArrowRight'), edge)).toMatchObject({ patch: { houding: 1 } });
    expect(fieldKeyAction(key('ArrowDown'), edge)).toMatchObject({ patch: { invloed: 0 } });
    expect(fieldKeyAction(key('+'), edge)).toEqual({ kind: 'patch', patch: { betrokkenheid: 1 } });
    expect(fieldKeyAction(key('-'), edge)).toEqual({ kind: 'patch', patch: { betrokkenheid: 0.9 } });
    expect(fieldKeyAction(key('Delete'), edge)).toEqual({ kind: 'patch', patch: { houding: null, invloed: null } });
    const [tray] = actors({});
    expect(fieldKeyAction(key('Delete'), tray)).toBeNull();
  });

  it('leaves keys with Ctrl, Cmd or Alt alone, and chooses with [ ] Page Up/Down', () => {
    const [a] = actors({ houding: 0, invloed: 0.5 });
    expect(fieldKeyAction(key('ArrowUp', { ctrlKey: true }), a)).toBeNull();
    expect(fieldKeyAction(key('z', { metaKey: true }), a)).toBeNull();
    expect(fieldKeyAction(key(']'), undefined)).toEqual({ kind: 'choose', step: 1 });
    expect(fieldKeyAction(key('PageUp'), a)).toEqual({ kind: 'choose', step: -1 });
    expect(fieldKeyAction(key('ArrowUp'), undefined)).toBeNull();
  });

  it('chooses the next actor round the list', () => {
    const list = actors({}, {}, {});
    const ids = list.map((a) => a.id);
    expect(nextActor(list, null, 1)).toBe(ids[0]);
    expect(nextActor(list, null, -1)).toBe(ids[2]);
    expect(nextActor(list, ids[2]!, 1)).toBe(ids[0]);
    expect(nextActor(list, ids[0]!, -1)).toBe(ids[2]);
    expect(nextActor([], null, 1)).toBeNull();
  });
});

describe('single character key shortcuts (WCAG 2.1.4)', () => {
  const character = (k: KeyLike) => {
    const s = findShortcut(k);
    return s ? isCharacterShortcut(s, k) : null;
  };

  it('counts letters, digits and signs, with or without Shift', () => {
    expect(character(key('n'))).toBe(true);
    expect(character(key('?', { shiftKey: true }))).toBe(true);
    expect(character(key('!', { code: 'Digit1', shiftKey: true }))).toBe(true);
    expect(character(key('+'))).toBe(true);
    expect(character(key(']', { code: 'BracketRight' }))).toBe(true);
  });

  it('does not count Ctrl/Cmd combinations, arrows, Enter, Delete or Escape', () => {
    expect(character(key('z', { ctrlKey: true }))).toBe(false);
    expect(character(key('a', { metaKey: true }))).toBe(false);
    expect(character(key('ArrowLeft'))).toBe(false);
    expect(character(key('ArrowLeft', { shiftKey: true }))).toBe(false);
    expect(character(key('Enter'))).toBe(false);
    expect(character(key('Delete'))).toBe(false);
    expect(character(key('Escape'))).toBe(false);
  });

  it('every shortcut of the table is one or the other', () => {
    const tools = SHORTCUTS.filter((s) => s.group === 'tools');
    for (const s of tools) expect(isCharacterShortcut(s, key(s.combos[0]!))).toBe(true);
  });
});

describe('a note made with Enter', () => {
  const note = (x: number, y: number): BoardItem => ({
    id: `n${x}${y}`,
    kind: 'note',
    view: 'canvas',
    z: 0,
    author: '',
    x,
    y,
    w: 180,
    h: 140,
    text: '',
    color: '#fff3a3',
  });

  it('lands in the middle of the view, or steps aside from one already there', () => {
    expect(freeSpot([], { x: 500, y: 300 }, 180, 140)).toEqual({ x: 500, y: 300 });
    const there = note(500 - 90, 300 - 70);
    expect(freeSpot([there], { x: 500, y: 300 }, 180, 140)).toEqual({ x: 532, y: 332 });
    const twice = [there, note(532 - 90, 332 - 70)];
    expect(freeSpot(twice, { x: 500, y: 300 }, 180, 140)).toEqual({ x: 564, y: 364 });
  });
});

describe('the network keys', () => {
  const rings = { field: 'participation' as const, values: ['meebeslissen', 'meedoen', 'meedenken', 'meeweten'] };

  it('takes an actor a ring in or out, past the outermost to not decided', () => {
    const [a] = actors({});
    expect(a!.participation).toBeNull();
    expect(networkKeyAction(key('ArrowUp'), a, { ...rings, angle: 0 })).toEqual({
      kind: 'patch',
      patch: { participation: 'meeweten' },
    });
    expect(networkKeyAction(key('ArrowDown'), a, { ...rings, angle: 0 })).toBeNull();
    const inner = { ...a!, participation: 'meebeslissen' as const };
    expect(networkKeyAction(key('ArrowUp'), inner, { ...rings, angle: 0 })).toBeNull();
    expect(networkKeyAction(key('ArrowDown'), inner, { ...rings, angle: 0 })).toEqual({
      kind: 'patch',
      patch: { participation: 'meedoen' },
    });
  });

  it('turns it round the ring, a bigger step with Shift, within one turn', () => {
    const [a] = actors({});
    expect(networkKeyAction(key('ArrowRight'), a, { ...rings, angle: 0 })).toEqual({
      kind: 'patch',
      patch: { netHoek: Math.round(ANGLE_STEP * 1000) / 1000 },
    });
    const back = networkKeyAction(key('ArrowLeft', { shiftKey: true }), a, { ...rings, angle: 0 });
    expect(back).toEqual({
      kind: 'patch',
      patch: { netHoek: Math.round((2 * Math.PI - 4 * ANGLE_STEP) * 1000) / 1000 },
    });
  });
});

describe('resizing with Alt+arrows', () => {
  const note: BoardItem = {
    id: 'n1',
    kind: 'note',
    view: 'canvas',
    z: 0,
    author: '',
    x: 10,
    y: 20,
    w: 180,
    h: 140,
    text: '',
    color: '#fff3a3',
  };

  it('are their own shortcuts, not the nudge, and not single character keys', () => {
    expect(findShortcut(key('ArrowRight', { altKey: true }))?.id).toBe('arrange.resize');
    expect(findShortcut(key('ArrowDown', { altKey: true, shiftKey: true }))?.id).toBe('arrange.resizeFar');
    expect(findShortcut(key('ArrowRight'))?.id).toBe('arrange.nudge');
    const resize = SHORTCUTS.find((s) => s.id === 'arrange.resize')!;
    expect(isCharacterShortcut(resize, key('ArrowRight', { altKey: true }))).toBe(false);
  });

  it('change the size from the top left corner, within the mouse resize’s minimum', () => {
    expect(keyboardResizePatch(note, 10, 0)).toEqual({ x: 10, y: 20, w: 190, h: 140 });
    expect(keyboardResizePatch(note, 0, -50)).toEqual({ x: 10, y: 20, w: 180, h: 90 });
    expect(keyboardResizePatch(note, -150, 0)).toEqual({ x: 10, y: 20, w: NOTE.minW, h: 140 });
    // Already at the minimum: nothing to change.
    expect(keyboardResizePatch({ ...note, w: NOTE.minW }, -10, 0)).toBeNull();
    const arrow = { id: 'a1', kind: 'arrow', view: 'canvas', z: 0, author: '' } as unknown as BoardItem;
    expect(keyboardResizePatch(arrow, 10, 0)).toBeNull();
  });
});
