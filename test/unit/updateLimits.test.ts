// The byte scan that bounds an update before Yjs decodes it (issue 10).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLIENT_UPDATE_LIMITS, decodeWithinLimits, STORED_ROW_LIMITS } from '../../server/sync/updateLimits.ts';
import { deeplyNestedUpdate, flipBit, seededRandom } from '../helpers/hostile.ts';

/** A doc with every kind of content the scan must walk. */
function richUpdate(): Uint8Array {
  const doc = new Y.Doc();
  const items = doc.getMap('items');
  items.set('plain', { a: [1, -2, 3.5, 2 ** 40, -(2 ** 40), null, true, false, 'x'], b: { c: 'é€😀' } });
  items.set('bytes', new Uint8Array([1, 2, 3]));
  items.set('big', BigInt(2) ** BigInt(60));
  items.set('undef', undefined);
  const nested = new Y.Map<unknown>();
  items.set('nested', nested);
  nested.set('text', new Y.Text('Huisarts'));
  const text = doc.getText('notes');
  text.insert(0, 'Gezonde wijk', { bold: true, meta: { deep: [1, [2]] } });
  text.insertEmbed(3, { image: 'x.png', size: [1, 2] });
  text.delete(1, 2);
  const list = doc.getArray<unknown>('list');
  list.push([1, 'two', { three: 3 }, [4]]);
  list.delete(1, 1);
  const xml = doc.getXmlFragment('xml');
  const el = new Y.XmlElement('p');
  el.setAttribute('class', 'intro');
  el.insert(0, [new Y.XmlText('hallo')]);
  xml.insert(0, [el]);
  items.set('hook', new Y.XmlHook('hook'));
  items.delete('undef');
  return Y.encodeStateAsUpdate(doc);
}

describe('decodeWithinLimits', () => {
  it('accepts every kind of content and agrees with Yjs on what the update holds', () => {
    const update = richUpdate();
    const checked = decodeWithinLimits(update, CLIENT_UPDATE_LIMITS);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.decoded.structs.length).toBe(Y.decodeUpdate(update).structs.length);
  });

  it('refuses a value nested deeper than the limit, without recursion (7,000 deep is no stack overflow)', () => {
    const deep = decodeWithinLimits(deeplyNestedUpdate(7000), CLIENT_UPDATE_LIMITS);
    expect(deep).toMatchObject({ ok: false, malformed: false });
    expect(decodeWithinLimits(deeplyNestedUpdate(7000), STORED_ROW_LIMITS).ok).toBe(false);
    expect(decodeWithinLimits(deeplyNestedUpdate(CLIENT_UPDATE_LIMITS.maxDepth + 1), CLIENT_UPDATE_LIMITS).ok).toBe(
      false,
    );
    expect(decodeWithinLimits(deeplyNestedUpdate(CLIENT_UPDATE_LIMITS.maxDepth - 2), CLIENT_UPDATE_LIMITS).ok).toBe(
      true,
    );
  });

  it('refuses deeply nested JSON in a text format attribute', () => {
    const doc = new Y.Doc();
    let value: unknown = 1;
    for (let i = 0; i < 40; i++) value = { v: value };
    doc.getText('t').insert(0, 'x', { deep: value });
    expect(decodeWithinLimits(Y.encodeStateAsUpdate(doc), CLIENT_UPDATE_LIMITS)).toMatchObject({ ok: false });
  });

  it('refuses too many structs, long strings, long arrays and large delete sets', () => {
    const limits = { ...CLIENT_UPDATE_LIMITS, maxStructs: 10, maxStringLength: 100, maxArrayLength: 5 };
    const many = new Y.Doc();
    for (let i = 0; i < 20; i++) many.getMap('m').set(`k${i}`, i);
    expect(decodeWithinLimits(Y.encodeStateAsUpdate(many), limits).ok).toBe(false);
    const long = new Y.Doc();
    long.getText('t').insert(0, 'x'.repeat(101));
    expect(decodeWithinLimits(Y.encodeStateAsUpdate(long), limits).ok).toBe(false);
    const wide = new Y.Doc();
    wide.getMap('m').set('a', [1, 2, 3, 4, 5, 6]);
    expect(decodeWithinLimits(Y.encodeStateAsUpdate(wide), limits).ok).toBe(false);
    const key = new Y.Doc();
    key.getMap('m').set('k'.repeat(101), 1);
    expect(decodeWithinLimits(Y.encodeStateAsUpdate(key), limits).ok).toBe(false);
    const deletes = new Y.Doc({ gc: false });
    const arr = deletes.getArray<number>('a');
    for (let i = 0; i < 40; i++) arr.insert(arr.length, [i]);
    for (let i = 0; i < 20; i++) arr.delete(i, 1); // every other one: 20 ranges
    expect(
      decodeWithinLimits(Y.encodeStateAsUpdate(deletes), { ...CLIENT_UPDATE_LIMITS, maxDeleteRanges: 10 }).ok,
    ).toBe(false);
  });

  it('reports bytes that are no update as malformed, and never throws', () => {
    expect(decodeWithinLimits(new Uint8Array([5, 9, 9]), CLIENT_UPDATE_LIMITS)).toMatchObject({
      ok: false,
      malformed: true,
    });
    const valid = richUpdate();
    const random = seededRandom(42);
    for (let i = 0; i < 2000; i++) {
      const flipped = flipBit(valid, Math.floor(random() * valid.length * 8));
      const checked = decodeWithinLimits(flipped, CLIENT_UPDATE_LIMITS);
      if (!checked.ok) continue;
      expect(() => Y.decodeUpdate(flipped)).not.toThrow();
    }
  });
});
