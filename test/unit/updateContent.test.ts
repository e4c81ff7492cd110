import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesDoc, onlyNewStructs } from '../../server/sync/updateContent.ts';

/** A client that has synced with `server`, then made `edit` (if any). */
function clientUpdate(server: Y.Doc, edit?: (doc: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  edit?.(client);
  // What a y-websocket client sends as its sync step 2: everything the server lacks.
  return Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
}

describe('changesDoc', () => {
  const server = new Y.Doc();
  const notes = server.getMap('notes');
  notes.set('a', 1);
  notes.set('b', 2);
  notes.delete('a'); // the doc has deletions: every step 2 carries them
  server.getArray('list').insert(0, [1, 2, 3]);
  server.getArray('list').delete(1, 1);

  it('a reconnecting client with nothing new changes nothing', () => {
    const u = clientUpdate(server);
    expect(Y.decodeUpdate(u).ds.clients.size).toBeGreaterThan(0);
    expect(changesDoc(server, Y.decodeUpdate(u))).toBe(false);
  });

  it('new content, new deletions and overwrites are changes', () => {
    expect(changesDoc(server, Y.decodeUpdate(clientUpdate(server, (d) => d.getMap('notes').set('c', 3))))).toBe(true);
    expect(changesDoc(server, Y.decodeUpdate(clientUpdate(server, (d) => d.getArray('list').delete(0, 1))))).toBe(true);
    expect(changesDoc(server, Y.decodeUpdate(clientUpdate(server, (d) => d.getMap('notes').delete('b'))))).toBe(true);
  });

  it('an update from a doc the server has not seen is a change', () => {
    const other = new Y.Doc();
    other.getText('t').insert(0, 'hallo');
    expect(changesDoc(server, Y.decodeUpdate(Y.encodeStateAsUpdate(other)))).toBe(true);
  });
});

describe('onlyNewStructs (issue 14: the client bytes go to the others as they came)', () => {
  const server = new Y.Doc();
  server.getMap('notes').set('a', 1);

  it('an edit on top of the doc holds only new structs', () => {
    const u = clientUpdate(server, (d) => d.getMap('notes').set('b', 2));
    expect(onlyNewStructs(server, Y.decodeUpdate(u))).toBe(true);
  });

  it('a deletion only (no structs) counts as new', () => {
    const u = clientUpdate(server, (d) => d.getMap('notes').delete('a'));
    expect(Y.decodeUpdate(u).structs.length).toBe(0);
    expect(onlyNewStructs(server, Y.decodeUpdate(u))).toBe(true);
  });

  it('an update that repeats what the doc has is not: the doc re-encodes what it applied', () => {
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getMap('notes').set('c', 3);
    // The client's whole state: the server's own struct again, with the new one.
    const whole = Y.encodeStateAsUpdate(client);
    expect(onlyNewStructs(server, Y.decodeUpdate(whole))).toBe(false);
  });

  it('a forged struct with an id the doc has is not new, whatever its content', () => {
    const forger = new Y.Doc();
    forger.clientID = server.clientID;
    forger.getMap('notes').set('a', 'forged');
    expect(onlyNewStructs(server, Y.decodeUpdate(Y.encodeStateAsUpdate(forger)))).toBe(false);
  });
});
