/**
 * A client's update is read once before it is applied (issue 14): the limits scan also
 * reads the struct clocks and deletions the room's checks need, and refuses as malformed
 * what Yjs cannot decode. Real server, real SQLite, real y-websocket clients and raw clients.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActor, readMethods, setActorText } from '../../shared/model/board/actors.ts';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { connectHostile, patchBytes } from '../helpers/hostile.ts';
import { createSessionWith } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

/** Text whose UTF-16 length (Yjs clocks) is not its UTF-8 length. */
const TEXT = 'Gezonde wijk 😀 é€ 𝄞 huisarts';

describe('one read of a client update before it is applied', () => {
  it('text beyond the BMP: its edits reach the others as sent, and sending it all again stores nothing', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Eén keer lezen', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = h.client(server.wsUrl, room, s.participants[0]!.token);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await Promise.all([anna.synced, bram.synced]);
    const id = addActor(anna.doc, { name: 'Huisarts 😀' })!;
    setActorText(anna.doc, id, 'notities', TEXT);
    await waitFor(() => readMethods(bram.doc).actorsById.get(id)?.notities === TEXT, 'Bram has the text');

    const watcher = await connectHostile(server.wsUrl, room, s.participants[1]!.token);
    expect(await watcher.roundTrip()).toBe(true);
    const sent: Uint8Array[] = [];
    anna.doc.on('update', (u: Uint8Array) => sent.push(u));
    const seen = watcher.updates.length;
    setActorText(anna.doc, id, 'notities', `${TEXT} 😀`);
    await waitFor(() => watcher.updates.length > seen, 'the watcher got the edit');
    expect(sent).toHaveLength(1);
    expect(Buffer.from(watcher.updates[seen]!).equals(Buffer.from(sent[0]!))).toBe(true);
    await waitFor(() => readMethods(bram.doc).actorsById.get(id)?.notities === `${TEXT} 😀`, 'Bram has the edit');

    // A client that sends its whole state (all of it known to the room) changes nothing:
    // the ends of its text structs are counted in UTF-16 units, as Yjs counts them.
    const stored = server.server.metrics.updatesTotal;
    const resend = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    resend.sendUpdate(Y.encodeStateAsUpdate(anna.doc));
    expect(await resend.roundTrip()).toBe(true);
    expect(resend.refusals).toEqual([]);
    expect(server.server.metrics.updatesTotal).toBe(stored);
  });

  it('an update Yjs cannot decode (a string that is no UTF-8) closes that connection with 4400', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Eén keer lezen', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const bram = h.client(server.wsUrl, room, s.participants[1]!.token);
    await bram.synced;
    const stored = server.server.metrics.updatesTotal;

    const forger = new Y.Doc();
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(bram.doc));
    const vector = Y.encodeStateVector(forger);
    addActor(forger, { name: 'Wijkverpleging' }, 'test');
    setActorText(forger, readMethods(forger).actors[0]!.id, 'notities', 'één');
    const update = Y.encodeStateAsUpdate(forger, vector);
    // 'é' is 0xc3 0xa9 in UTF-8; 0xc3 0x28 is no UTF-8 (the length stays the same).
    const broken = patchBytes(update, [0xc3, 0xa9], [0xc3, 0x28]);
    expect(() => Y.decodeUpdate(broken)).toThrow();

    const hostile = await connectHostile(server.wsUrl, room, s.participants[0]!.token);
    hostile.sendUpdate(broken);
    expect(await hostile.closed).toBe(CloseCode.malformed);
    expect(hostile.refusals).toEqual([]);
    expect(server.server.metrics.updatesTotal).toBe(stored);

    // The room goes on: a correct edit is stored and reaches Bram.
    const anna = h.client(server.wsUrl, room, s.participants[0]!.token);
    await anna.synced;
    const id = addActor(anna.doc, { name: 'Apotheek' })!;
    await waitFor(() => readMethods(bram.doc).actorsById.has(id), 'Bram has the new actor');
    expect(readMethods(bram.doc).actors.map((a) => a.name)).toEqual(['Apotheek']);
  });
});
