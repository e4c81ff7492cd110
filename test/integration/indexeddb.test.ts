// The unmodified y-indexeddb keeps an offline copy that syncs through our server.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/yclient.ts';
import { mark, markOf, marks } from '../helpers/marks.ts';

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

describe('y-indexeddb against the server', () => {
  it('edits made offline are kept on the device and merge on reconnect', async () => {
    server = await startTestServer();
    const s = await createSessionWith(server.url, 'Offline', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const idbName = `veldwerk:${room}`;

    // Anna syncs once, with a local copy.
    const doc1 = new Y.Doc();
    const idb1 = new IndexeddbPersistence(idbName, doc1);
    await idb1.whenSynced;
    const online = connectClient(server.wsUrl, room, s.participants[0]!.token, { doc: doc1 });
    await online.synced;
    mark(doc1, 'online', 1);
    const bram = connectClient(server.wsUrl, room, s.participants[1]!.token);
    clients.push(bram);
    await waitFor(() => markOf(bram.doc, 'online') === 1, 'bram sees the online edit');

    // Offline: the network goes, Anna keeps typing, then closes the tab.
    online.provider.disconnect();
    mark(doc1, 'offline', 'typed without network');
    await new Promise((r) => setTimeout(r, 100)); // y-indexeddb stores the update
    online.provider.destroy();
    await idb1.destroy();
    doc1.destroy();
    mark(bram.doc, 'meanwhile', 'bram');

    // A new tab: the local copy loads first, then the reconnect merges both ways.
    const doc2 = new Y.Doc();
    const idb2 = new IndexeddbPersistence(idbName, doc2);
    await idb2.whenSynced;
    expect(markOf(doc2, 'offline')).toBe('typed without network');
    const back = connectClient(server.wsUrl, room, s.participants[0]!.token, { doc: doc2 });
    clients.push(back);
    await back.synced;
    await waitFor(() => markOf(bram.doc, 'offline') === 'typed without network', 'bram gets the offline edit');
    await waitFor(() => markOf(doc2, 'meanwhile') === 'bram', 'anna gets what she missed');
    expect(marks(doc2)).toEqual(marks(bram.doc));
    await idb2.destroy();
  });
});
