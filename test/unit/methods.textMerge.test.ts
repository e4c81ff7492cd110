import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActor, readMethods, setActorText } from '../../shared/model/board/index.ts';
import { diffSpan, mapCaret, rebaseEdit } from '../../client/src/features/methods/textMerge.ts';

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

describe('diffSpan', () => {
  it('finds the one changed region', () => {
    expect(diffSpan('abcdef', 'abXYef')).toEqual({ start: 2, endA: 4, endB: 4 });
    expect(diffSpan('abc', 'abc')).toEqual({ start: 3, endA: 3, endB: 3 });
    expect(diffSpan('', 'new')).toEqual({ start: 0, endA: 0, endB: 3 });
    expect(diffSpan('keep this', 'keep')).toEqual({ start: 4, endA: 9, endB: 4 });
  });

  it('never splits an emoji', () => {
    // 😀 and 😃 share their first UTF-16 unit.
    const span = diffSpan('a😀b', 'a😃b');
    expect(span).toEqual({ start: 1, endA: 3, endB: 3 });
  });
});

describe('mapCaret', () => {
  it('keeps the caret on the same words when text arrives before, after or at it', () => {
    const before = 'Werkdruk; geen administratie';
    const caret = before.indexOf('geen');
    expect(mapCaret(before, 'Hoge werkdruk; geen administratie', caret)).toBe(caret + 5);
    expect(mapCaret(before, `${before} en tijd`, caret)).toBe(caret);
    expect(mapCaret(before, before.replace('Werkdruk', 'Druk'), caret)).toBe(caret - 4);
    // Inserted exactly at the caret: the caret stays in front of the new words.
    expect(mapCaret('ab', 'aXb', 1)).toBe(1);
  });

  it('moves a caret inside deleted text to the end of what replaced it', () => {
    expect(mapCaret('one two three', 'one 2 three', 6)).toBe(5);
  });
});

describe('rebaseEdit', () => {
  it('puts a keystroke on top of a remote change it had not seen', () => {
    const base = 'Minder zorgvraag';
    expect(rebaseEdit(base, `${base}!`, `Veel ${base}`)).toBe(`Veel ${base}!`);
    expect(rebaseEdit(base, `X${base}`, `${base} en meer`)).toBe(`X${base} en meer`);
    expect(rebaseEdit(base, base, 'other')).toBe('other');
    expect(rebaseEdit(base, 'mine', base)).toBe('mine');
  });

  it('keeps both insertions at different places (seeded)', () => {
    const rnd = random(7);
    for (let n = 0; n < 500; n++) {
      const base = 'abcdefghij'.slice(0, 3 + Math.floor(rnd() * 8));
      const i = Math.floor(rnd() * (base.length + 1));
      let j = Math.floor(rnd() * (base.length + 1));
      if (j === i) j = (j + 1) % (base.length + 1);
      const local = `${base.slice(0, i)}L${base.slice(i)}`;
      const remote = `${base.slice(0, j)}R${base.slice(j)}`;
      const merged = rebaseEdit(base, local, remote);
      const [first, second] = i < j ? [i, j] : [j, i];
      const expected = `${base.slice(0, first)}${i < j ? 'L' : 'R'}${base.slice(first, second)}${i < j ? 'R' : 'L'}${base.slice(second)}`;
      expect(merged).toBe(expected);
    }
  });
});

/**
 * Two textareas bound to the same `belang`, as CollabTextarea does it: every keystroke
 * is rebased on the doc's current text and written with setActorText; remote text is
 * shown later (a render) with the caret mapped. Both people's words stay whole.
 */
describe('two people typing in one field', () => {
  interface Editor {
    doc: Y.Doc;
    value: string;
    base: string;
    caret: number;
  }
  const text = (doc: Y.Doc, id: string) => readMethods(doc).actorsById.get(id)!.belang;
  const type = (e: Editor, id: string, ch: string) => {
    const typed = e.value.slice(0, e.caret) + ch + e.value.slice(e.caret);
    const current = text(e.doc, id);
    const next = current === e.base ? typed : rebaseEdit(e.base, typed, current);
    setActorText(e.doc, id, 'belang', next);
    e.caret = mapCaret(typed, next, e.caret + 1);
    e.value = next;
    e.base = next;
  };
  const render = (e: Editor, id: string) => {
    const current = text(e.doc, id);
    if (current !== e.value) e.caret = mapCaret(e.value, current, e.caret);
    e.value = current;
    e.base = current;
  };

  it.each([1, 2, 3, 4, 5])('keeps each run of typing contiguous (seed %i)', (seed) => {
    const rnd = random(seed);
    const a = new Y.Doc();
    const b = new Y.Doc();
    const start = 'Werkdruk; geen extra administratie.';
    const id = addActor(a, { name: 'Huisartsen', belang: start })!;
    const sync = () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'remote');
    };
    sync();
    const anna: Editor = { doc: a, value: start, base: start, caret: 0 };
    const piet: Editor = { doc: b, value: start, base: start, caret: start.length };
    // Every keystroke a different character, so a misplaced one shows.
    let typedA = '';
    let typedB = '';
    for (let step = 0; step < 200; step++) {
      const r = rnd();
      if (r < 0.35) {
        const ch = String.fromCharCode(97 + (typedA.length % 26));
        type(anna, id, ch);
        typedA += ch;
      } else if (r < 0.7) {
        const ch = String(typedB.length % 10);
        type(piet, id, ch);
        typedB += ch;
      } else if (r < 0.85) sync();
      else render(rnd() < 0.5 ? anna : piet, id);
    }
    sync();
    render(anna, id);
    render(piet, id);
    const expected = typedA + start + typedB;
    expect(anna.value).toBe(expected);
    expect(piet.value).toBe(expected);
  });
});
