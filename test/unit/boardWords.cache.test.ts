/**
 * The board's mirror in words (issue 14): with a cache, an item whose object and whose
 * line's other parts (its ninth of the board, its frame, an arrow's ends) are the same
 * keeps its entry object, and every line reads exactly as without the cache. Real docs,
 * real model commands, the incremental reader (unchanged items keep their object).
 */
import { describe, expect, it } from 'vitest';
import { addItems, moveItems, updateItem } from '../../shared/model/board/commands.ts';
import { BoardReader } from '../../shared/model/board/read.ts';
import { createDoc } from '../../shared/model/doc.ts';
import { translator } from '../../client/src/base/i18n/useT.ts';
import { coreTexts } from '../../client/src/base/i18n/core.ts';
import { boardChanges, boardEntries, entryCache } from '../../client/src/features/board/boardWords.ts';

const t = translator(coreTexts, 'nl');

function board() {
  const doc = createDoc();
  addItems(doc, [
    { id: 'f', kind: 'frame', x: 0, y: 0, w: 400, h: 400, title: 'Kansen' },
    { id: 'a', kind: 'note', x: 10, y: 10, w: 100, h: 100, text: 'Eén trekker', author: 'Anna' },
    { id: 'b', kind: 'note', x: 800, y: 800, w: 100, h: 100, text: 'Wijkteam' },
    { id: 'c', kind: 'note', x: 500, y: 20, w: 100, h: 100, text: 'GGD' },
    { id: 'ar', kind: 'arrow', start: { itemId: 'a' }, end: { itemId: 'b' }, label: '' },
  ] as never);
  return { doc, reader: new BoardReader(doc) };
}

const read = (reader: BoardReader, cache?: ReturnType<typeof entryCache>) => {
  const { items, byId } = reader.getSnapshot();
  return boardEntries(t, items, byId, cache);
};

describe('the mirror lines with a cache', () => {
  it('keeps the entries of unchanged items and makes the changed ones again, word for word as without it', () => {
    const { doc, reader } = board();
    const cache = entryCache();
    const first = read(reader, cache);
    expect(first.map((e) => e.id)).toEqual(['f', 'a', 'b', 'c', 'ar']);
    expect(first).toEqual(read(reader));

    // Nothing changed: the same objects.
    const again = read(reader, cache);
    again.forEach((e, i) => expect(e).toBe(first[i]));

    // One note's text: its line and the arrow that names it, nothing else.
    updateItem(doc, 'a', { text: 'Twee trekkers' });
    const edited = read(reader, cache);
    expect(edited).toEqual(read(reader));
    const byId = (list: typeof first) => new Map(list.map((e) => [e.id, e]));
    const [was, now] = [byId(first), byId(edited)];
    expect(now.get('a')).not.toBe(was.get('a'));
    expect(now.get('a')!.text).toContain('Twee trekkers');
    expect(now.get('ar')).not.toBe(was.get('ar'));
    expect(now.get('ar')!.text).toContain('Twee trekkers');
    for (const id of ['f', 'b', 'c']) expect(now.get(id)).toBe(was.get(id));

    // A move that changes the board's bounds: the lines whose ninth changed are new and right.
    moveItems(doc, ['b'], 3000, 3000);
    const moved = read(reader, cache);
    expect(moved).toEqual(read(reader));
    // The note that left the frame says so; an unmoved one in another ninth now says that.
    moveItems(doc, ['a'], 1000, 0);
    expect(read(reader, cache)).toEqual(read(reader));
    reader.destroy();
  });

  it('starts over when the language changes', () => {
    const { reader } = board();
    const cache = entryCache();
    const nl = read(reader, cache);
    const { items, byId } = reader.getSnapshot();
    const en = boardEntries(translator(coreTexts, 'en'), items, byId, cache);
    expect(en).toEqual(boardEntries(translator(coreTexts, 'en'), items, byId));
    expect(en.map((e) => e.text)).not.toEqual(nl.map((e) => e.text));
    reader.destroy();
  });

  it('says the added and edited items in the live region as the mirror does', () => {
    const { doc, reader } = board();
    const before = reader.getSnapshot();
    addItems(doc, [{ id: 'd', kind: 'note', x: 20, y: 300, w: 100, h: 100, text: 'Huisarts' }] as never);
    updateItem(doc, 'c', { text: 'GGD regio' });
    const after = reader.getSnapshot();
    const lines = new Map(boardEntries(t, after.items, after.byId).map((e) => [e.id, e.text]));
    expect(boardChanges(t, before.items, after.items, after.byId)).toEqual([
      { key: 'd', text: t('a11y.added', { item: lines.get('d')! }) },
      { key: 'c', text: t('a11y.changed', { item: lines.get('c')! }) },
    ]);
    reader.destroy();
  });
});
