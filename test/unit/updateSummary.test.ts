// The one pass over a client's update (issue 14): the limits scan also reads what the checks
// before applying need, and must say exactly what decoding the update said before.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesDoc, onlyNewStructs } from '../../server/sync/updateContent.ts';
import { CLIENT_UPDATE_LIMITS, decodeWithinLimits, scanWithinLimits } from '../../server/sync/updateLimits.ts';
import { flipBit, patchBytes, seededRandom } from '../helpers/hostile.ts';

/** A client doc with every kind of content, made after syncing `base`. */
function richClient(base: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const items = doc.getMap('items');
  items.set('plain', { a: [1, -2, 3.5, 2 ** 40, null, true, 'x'], b: { c: 'é€😀' } });
  items.set('bytes', new Uint8Array([1, 2, 3]));
  items.set('big', BigInt(2) ** BigInt(60));
  const text = doc.getText('notes');
  // Text whose UTF-16 length differs from its UTF-8 length, and items after it (their clocks count it).
  text.insert(0, 'a😀é\uFEFFwijk', { bold: true, meta: { deep: [1, [2]] } });
  text.insertEmbed(3, { image: 'x.png' });
  text.insert(1, '€');
  text.delete(2, 2);
  doc.getArray<unknown>('list').push([1, 'twee', { drie: 3 }, [4]]);
  doc.getArray<unknown>('json').insert(0, ['x']);
  const el = new Y.XmlElement('p');
  el.setAttribute('class', 'intro');
  el.insert(0, [new Y.XmlText('hallo')]);
  doc.getXmlFragment('xml').insert(0, [el]);
  items.set('hook', new Y.XmlHook('hook'));
  items.delete('bytes');
  return doc;
}

/** Server docs at different states: empty, partly synced, fully synced. */
function serverStates(update: Uint8Array, base: Uint8Array): Y.Doc[] {
  const empty = new Y.Doc();
  const partial = new Y.Doc();
  Y.applyUpdate(partial, base);
  const full = new Y.Doc();
  Y.applyUpdate(full, base);
  Y.applyUpdate(full, update);
  return [empty, partial, full];
}

/** The scan says what decoding said: the same verdict, and the same answers of the checks. */
function expectSameAsDecoding(update: Uint8Array, servers: Y.Doc[]): 'ok' | 'over' | 'malformed' {
  const decoded = decodeWithinLimits(update, CLIENT_UPDATE_LIMITS);
  const scanned = scanWithinLimits(update, CLIENT_UPDATE_LIMITS);
  expect(scanned.ok).toBe(decoded.ok);
  if (!decoded.ok || !scanned.ok) {
    expect(!scanned.ok && scanned.malformed).toBe(!decoded.ok && decoded.malformed);
    return !decoded.ok && decoded.malformed ? 'malformed' : 'over';
  }
  for (const server of servers) {
    expect(changesDoc(server, scanned.summary)).toBe(changesDoc(server, decoded.decoded));
    expect(onlyNewStructs(server, scanned.summary)).toBe(onlyNewStructs(server, decoded.decoded));
  }
  return 'ok';
}

/** An update of one client's edits with a gap in its clocks (Yjs merges it with a Skip). */
function gapUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.getText('notes').insert(0, 'één😀');
  const first = Y.encodeStateAsUpdate(doc);
  doc.getMap('items').set('between', 1);
  const sv = Y.encodeStateVector(doc);
  doc.getMap('items').set('after', '€');
  const gap = Y.mergeUpdates([first, Y.encodeStateAsUpdate(doc, sv)]);
  expect(Y.decodeUpdate(gap).structs.some((s) => s instanceof Y.Skip)).toBe(true);
  return gap;
}

describe('scanWithinLimits (issue 14: one pass instead of a scan and a decode)', () => {
  const baseDoc = new Y.Doc();
  baseDoc.clientID = 1;
  baseDoc.getMap('items').set('start', 1);
  baseDoc.getText('notes').insert(0, 'begin');
  const base = Y.encodeStateAsUpdate(baseDoc);
  const client = richClient(baseDoc, 2);
  const whole = Y.encodeStateAsUpdate(client);
  const step2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(baseDoc));
  const servers = serverStates(whole, base);

  it('gives the checks the same answers as the decoded update, for whole updates and differences', () => {
    expect(expectSameAsDecoding(whole, servers)).toBe('ok');
    expect(expectSameAsDecoding(step2, servers)).toBe('ok');
    for (const u of [gapUpdate(), Y.encodeStateAsUpdate(client, Y.encodeStateVector(client))])
      expect(expectSameAsDecoding(u, servers)).toBe('ok');
    // The ends of text runs count UTF-16 units: the fully synced server has all of it.
    const scanned = scanWithinLimits(whole, CLIENT_UPDATE_LIMITS);
    expect(scanned.ok && changesDoc(servers[2]!, scanned.summary)).toBe(false);
    expect(scanned.ok && onlyNewStructs(servers[0]!, scanned.summary)).toBe(true);
  });

  it('is malformed wherever decoding threw: no UTF-8, JSON that does not parse, a Skip with flags', () => {
    const broken = new Y.Doc();
    broken.getMap('items').set('k', 'é'); // é: 0xc3 0xa9
    const utf8 = Y.encodeStateAsUpdate(broken);
    expect(expectSameAsDecoding(patchBytes(utf8, [0xc3, 0xa9], [0xc3, 0x28]), [])).toBe('malformed');
    const json = new Y.Doc();
    json.getText('t').insertEmbed(0, { a: 1 }); // embed content: JSON text {"a":1}
    const embed = Y.encodeStateAsUpdate(json);
    expect(expectSameAsDecoding(patchBytes(embed, [0x7b, 0x22, 0x61, 0x22], [0x7b, 0x27, 0x61, 0x27]), [])).toBe(
      'malformed',
    );
    // A skip's info byte (10) with the origin flag: Yjs reads an item of content 10 and throws.
    const gap = gapUpdate();
    let flagged = 0;
    for (let at = 0; at < gap.length; at++) {
      if (gap[at] !== 10) continue;
      const verdict = expectSameAsDecoding(
        Uint8Array.from(gap, (b, i) => (i === at ? 0x8a : b)),
        servers,
      );
      if (verdict === 'malformed') flagged++;
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it('says what decoding said for thousands of corrupted updates', () => {
    const random = seededRandom(14);
    const counts = { ok: 0, over: 0, malformed: 0 };
    for (const valid of [whole, step2]) {
      for (let i = 0; i < 3000; i++) {
        const flipped = flipBit(valid, Math.floor(random() * valid.length * 8));
        counts[expectSameAsDecoding(flipped, servers)]++;
      }
    }
    expect(counts.ok).toBeGreaterThan(100);
    expect(counts.malformed).toBeGreaterThan(100);
  });
});
