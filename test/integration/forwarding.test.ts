/**
 * Updates sent on as the client sent them (issue 14): the room forwards a client's own
 * bytes only when they hold nothing but structs the doc lacked. A forged copy of a struct
 * the room already has (its id, other content) must never reach the others that way: the
 * room then sends what it applied, encoded by itself. Real server, real SQLite, a real
 * y-websocket client and raw clients.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { connectHostile } from '../helpers/hostile.ts';
import { mark, markOf, unmark } from '../helpers/marks.ts';
import { createSessionWith } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

describe('forwarding a client update as it came', () => {
  it('a forged copy of a struct the room has never reaches the others, even beside a new change', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Doorsturen', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = h.client(server.wsUrl, room, s.participants[0]!.token);
    await anna.synced;
    const before = Y.encodeStateAsUpdate(anna.doc);
    const beforeVector = Y.encodeStateVector(anna.doc);
    mark(anna.doc, 'echt', 'echt');
    await waitFor(() => server.server.metrics.updatesTotal === 1, 'the mark stored');

    const watcher = await connectHostile(server.wsUrl, room, s.participants[1]!.token);
    expect(await watcher.roundTrip()).toBe(true);

    // Anna's client id and clocks with other content, and a new mark of another client.
    const forger = new Y.Doc();
    Y.applyUpdate(forger, before);
    forger.clientID = anna.doc.clientID;
    mark(forger, 'echt', 'vervalst');
    const forged = Y.encodeStateAsUpdate(forger, beforeVector);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(anna.doc));
    mark(other, 'nieuw', 'nieuw');
    const fresh = Y.encodeStateAsUpdate(other, Y.encodeStateVector(anna.doc));

    const hostile = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    const seen = watcher.updates.length;
    hostile.sendUpdate(Y.mergeUpdates([forged, fresh]));
    await waitFor(() => server.server.metrics.updatesTotal === 2, 'the new mark stored');
    expect(await watcher.roundTrip()).toBe(true);
    expect(hostile.refusals).toEqual([]);

    // What the watcher got since: the new mark, and no struct of Anna's client at all.
    const got = watcher.updates.slice(seen, -1); // the last one is the round trip's answer
    expect(got.length).toBeGreaterThan(0);
    const clients = got.flatMap((u) => Y.decodeUpdate(u).structs.map((st) => st.id.client));
    expect(clients).toContain(other.clientID);
    expect(clients).not.toContain(anna.doc.clientID);
    const view = new Y.Doc();
    for (const u of watcher.updates) Y.applyUpdate(view, u);
    expect([markOf(view, 'echt'), markOf(view, 'nieuw')]).toEqual(['echt', 'nieuw']);
    await waitFor(() => markOf(anna.doc, 'nieuw') === 'nieuw', 'Anna has the new mark');
    expect(markOf(anna.doc, 'echt')).toBe('echt');
  });

  it('an update of only new structs reaches the others byte for byte as it was sent', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Doorsturen', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const writer = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    const watcher = await connectHostile(server.wsUrl, room, s.participants[1]!.token);
    expect(await writer.roundTrip()).toBe(true);
    expect(await watcher.roundTrip()).toBe(true);
    const doc = new Y.Doc();
    for (const u of writer.updates) Y.applyUpdate(doc, u);
    const send = (edit: () => void) => {
      const vector = Y.encodeStateVector(doc);
      edit();
      // As a sync step 2 does: what the room lacks, with the doc's whole delete set.
      const update = Y.encodeStateAsUpdate(doc, vector);
      writer.sendUpdate(update);
      return update;
    };
    send(() => mark(doc, 'weg', 0));
    send(() => unmark(doc, 'weg'));
    await waitFor(() => server.server.metrics.updatesTotal === 2, 'both stored');
    expect(await watcher.roundTrip()).toBe(true);
    // Not what Yjs writes for the change it applies: that holds no deletion, this one repeats one.
    const seen = watcher.updates.length;
    const sent = send(() => mark(doc, 'een', 1));
    expect(Y.decodeUpdate(sent).ds.clients.size).toBe(1);
    await waitFor(() => watcher.updates.length > seen, 'the watcher got it');
    expect(Buffer.from(watcher.updates[seen]!).equals(Buffer.from(sent))).toBe(true);
  });
});
