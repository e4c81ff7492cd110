import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COORD_LIMIT, parseItem } from '../../shared/model/board/schema.ts';
import { quickItem, readStoredItem, TEXT_FIELD } from '../../shared/model/board/store.ts';

type Rec = Record<string, unknown>;

const valid: Rec[] = [
  {
    id: 'n1',
    kind: 'note',
    view: 'canvas',
    z: 3,
    author: 'Ana',
    x: 10,
    y: -20,
    w: 180,
    h: 120,
    text: 'Hoi',
    color: '#caffbf',
  },
  {
    id: 'n2',
    kind: 'note',
    view: 'krachtenveld',
    z: -1.5,
    author: '',
    authorId: 'p-1',
    x: 0,
    y: 0,
    w: 8,
    h: 20_000,
    text: '',
    color: '#fff3a3',
  },
  {
    id: 't_1',
    kind: 'text',
    view: 'canvas',
    z: 0,
    author: 'Bram',
    x: COORD_LIMIT,
    y: -COORD_LIMIT,
    w: 240,
    h: 40,
    text: 'Titel',
    fontSize: 8,
    color: '#0e5a63',
  },
  {
    id: 't2',
    kind: 'text',
    view: 'c',
    z: 1e9,
    author: 'x'.repeat(80),
    authorId: '',
    x: 1.5,
    y: 2.5,
    w: 300,
    h: 50,
    text: 'x'.repeat(5000),
    fontSize: 200,
    color: '#1f2933',
  },
  { id: 'f1', kind: 'frame', view: 'canvas', z: -100, author: 'Fien', x: -5, y: 5, w: 480, h: 320, title: 'Kader' },
  {
    id: 'f2',
    kind: 'frame',
    view: 'v'.repeat(40),
    z: 0,
    author: '',
    authorId: 'a'.repeat(64),
    x: 0,
    y: 0,
    w: 20_000,
    h: 8,
    title: 't'.repeat(200),
  },
  {
    id: 'a1',
    kind: 'arrow',
    view: 'canvas',
    z: 7,
    author: 'Ana',
    start: { itemId: 'n1' },
    end: { itemId: 'n2' },
    label: 'helpt',
    color: '#b42318',
  },
  {
    id: 'a2',
    kind: 'arrow',
    view: 'canvas',
    z: 7,
    author: 'Ana',
    authorId: 'p2',
    start: { x: 1, y: 2 },
    end: { itemId: 'f1' },
    label: '',
    color: '#5b3cc4',
  },
  {
    id: 'a3',
    kind: 'arrow',
    view: 'canvas',
    z: 0,
    author: '',
    start: { x: -COORD_LIMIT, y: 0 },
    end: { x: 3, y: COORD_LIMIT },
    label: 'l'.repeat(200),
    color: '#2e7d32',
  },
];

/** Values that are wrong somewhere (or odd but fine), tried in every field. */
const odd: unknown[] = [
  undefined,
  null,
  0,
  -0,
  7,
  8,
  7.99,
  200,
  200.01,
  20_000,
  20_001,
  -1,
  1e300,
  COORD_LIMIT,
  COORD_LIMIT + 1,
  -COORD_LIMIT - 1,
  NaN,
  Infinity,
  -Infinity,
  '',
  '12',
  'canvas',
  'n1',
  'a b',
  '#caffbf',
  '#1f2933',
  '#FFF3A3',
  'x'.repeat(41),
  'x'.repeat(65),
  'x'.repeat(81),
  'x'.repeat(201),
  'x'.repeat(5001),
  true,
  [],
  [1, 2],
  {},
  { itemId: 'n1' },
  { itemId: 'bad id' },
  { itemId: 'n1', x: 1, y: 2 },
  { itemId: 5, x: 1, y: 2 },
  { x: 1, y: 2 },
  { x: 1, y: 2, extra: 1 },
  { x: NaN, y: 2 },
  { x: 1 },
  'note',
  'text',
  'frame',
  'arrow',
];

/** The item as zod gives it, or the fast path's answer (null: it left it to zod). */
function both(id: string, raw: Rec, text?: string) {
  const field = TEXT_FIELD[raw.kind as keyof typeof TEXT_FIELD] as string | undefined;
  const merged = text !== undefined && field ? { ...raw, [field]: text } : raw;
  return { zod: parseItem(id, merged), quick: quickItem(id, raw, field ? text : undefined) };
}

function expectAgree(id: string, raw: Rec, text?: string): boolean {
  const { zod, quick } = both(id, raw, text);
  if (quick === null) return false;
  expect(quick).toStrictEqual(zod);
  expect(Object.keys(quick)).toEqual(Object.keys(zod!));
  return true;
}

describe('fast reading of stored records', () => {
  it('reads well-formed records exactly as the schema does', () => {
    for (const rec of valid) {
      expect(expectAgree(rec.id as string, rec)).toBe(true);
      // Stored apart: the record without its text, plus the text.
      const field = TEXT_FIELD[rec.kind as keyof typeof TEXT_FIELD];
      const { [field]: text, ...record } = rec;
      expect(expectAgree(rec.id as string, record, text as string)).toBe(true);
      // Unknown fields are dropped, as zod drops them.
      expect(expectAgree(rec.id as string, { ...rec, extra: 1, points: [1, 2] })).toBe(true);
    }
  });

  it('agrees with the schema or leaves the record to it, field by field', () => {
    let fast = 0;
    for (const rec of valid) {
      const fields = new Set([...Object.keys(rec), 'authorId', 'fontSize', 'title', 'label', 'start', 'kind']);
      for (const key of fields) {
        for (const value of odd) {
          if (expectAgree(rec.id as string, { ...rec, [key]: value })) fast++;
        }
        const { [key]: _drop, ...without } = rec;
        expectAgree(rec.id as string, without);
      }
    }
    expect(fast).toBeGreaterThan(50); // harmless variations still take the fast path
  });

  it('never takes the fast path for a record zod repairs or rejects', () => {
    const id = 'n1';
    const base = valid[0]!;
    const cases: Rec[] = [
      { ...base, color: '#000000' }, // repaired to the first colour
      { ...base, w: 2 }, // repaired to 180
      { ...base, view: '' }, // repaired to canvas
      { ...base, z: 'front' }, // repaired to 0
      { ...base, author: 5 }, // repaired to ''
      { ...base, authorId: 5 }, // repaired to undefined
      { ...base, authorId: undefined },
      { ...base, text: 5 }, // repaired to ''
      { ...base, x: 'bad' }, // rejected
      { ...base, x: COORD_LIMIT + 1 }, // rejected
      { ...base, id: 'n2' }, // another item's id: rejected
      { ...base, kind: 'circle' }, // rejected
      { ...base, kind: 'arrow' }, // rejected (no ends)
    ];
    for (const rec of cases) expect(quickItem(id, rec)).toBeNull();
  });

  it('agrees with the schema on random mutations (seeded)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    for (let i = 0; i < 3000; i++) {
      const rec: Rec = { ...pick(valid) };
      const n = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k++) {
        const key = pick([...Object.keys(rec), 'authorId', 'fontSize', 'extra']);
        if (rnd() < 0.2) delete rec[key];
        else rec[key] = pick(odd);
      }
      expectAgree(typeof rec.id === 'string' ? rec.id : 'n1', rec);
    }
  });

  it('reads items stored in a doc the same with or without the fast path', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<unknown>('items');
    const stored: [string, Rec, unknown][] = [
      ...valid.map((rec): [string, Rec, unknown] => {
        const field = TEXT_FIELD[rec.kind as keyof typeof TEXT_FIELD];
        const { [field]: text, ...record } = rec;
        return [rec.id as string, record, text];
      }),
      ['bad1', { id: 'bad1', kind: 'note', x: 1, y: 2 }, 42], // text not a string: ''
      ['bad2', { id: 'bad2', kind: 'frame', x: 1, y: 'no' }, 'x'],
      ['bad3', { id: 'other', kind: 'frame', view: 'canvas', z: 0, author: '', x: 1, y: 1, w: 50, h: 50 }, 'x'],
    ];
    doc.transact(() => {
      for (const [id, record, text] of stored) {
        const m = new Y.Map<unknown>();
        m.set('r', record);
        if (text !== undefined) m.set('t', text);
        items.set(id, m);
      }
    });
    for (const [id, record, text] of stored) {
      const field = TEXT_FIELD[record.kind as keyof typeof TEXT_FIELD];
      const expected = parseItem(id, { ...record, [field]: typeof text === 'string' ? text : '' });
      expect(readStoredItem(id, items.get(id))).toStrictEqual(expected);
    }
    expect(readStoredItem('bad1', items.get('bad1'))).toMatchObject({ text: '', w: 180, color: '#fff3a3' });
    expect(readStoredItem('bad2', items.get('bad2'))).toBeNull();
    expect(readStoredItem('bad3', items.get('bad3'))).toBeNull();
  });
});
