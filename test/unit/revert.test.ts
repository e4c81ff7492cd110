// Restoring a doc to a snapshot as one update (shared/model/revert.ts, issue 10).
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { revertUpdate } from '../../shared/model/revert.ts';

const json = (doc: Y.Doc) =>
  JSON.stringify({
    items: doc.getMap('items').toJSON(),
    meta: doc.getMap('meta').toJSON(),
    list: doc.getArray('list').toJSON(),
  });

describe('revertUpdate', () => {
  it('makes the current content equal the snapshot, also for a client with a newer copy', () => {
    const doc = new Y.Doc();
    const items = doc.getMap<unknown>('items');
    const note = new Y.Map<unknown>();
    items.set('n1', note);
    note.set('text', 'Huisarts');
    note.set('body', new Y.Text('eerste'));
    items.set('n2', { x: 1 });
    doc.getArray('list').push([1, 2]);
    const snapshotDoc = new Y.Doc();
    Y.applyUpdate(snapshotDoc, Y.encodeStateAsUpdate(doc));
    const wanted = json(snapshotDoc);
    const snapshot = Y.encodeStateAsUpdate(doc);

    // Later: edits, deletes, a new root key, a broken record.
    note.set('text', 'Wijkverpleegkundige');
    (note.get('body') as Y.Text).insert(0, 'nieuw ');
    items.delete('n2');
    items.set('n3', { x: 3 });
    doc.getMap('meta').set('schemaVersion', 99);
    doc.getArray('list').push([3]);

    const newer = new Y.Doc(); // a client that has everything
    Y.applyUpdate(newer, Y.encodeStateAsUpdate(doc));
    const result = revertUpdate(Y.encodeStateAsUpdate(doc), snapshot);
    expect(result.update).not.toBeNull();
    expect(result.deleted).toBeGreaterThanOrEqual(2); // n3 and meta.schemaVersion
    Y.applyUpdate(doc, result.update!);
    Y.applyUpdate(newer, result.update!);
    expect(json(doc)).toBe(wanted);
    expect(json(newer)).toBe(wanted);
    // Applying the revert again changes nothing; reverting an equal doc gives no update.
    expect(revertUpdate(Y.encodeStateAsUpdate(doc), snapshot).update).toBeNull();
  });
});
