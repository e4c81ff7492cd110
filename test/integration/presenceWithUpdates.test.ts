/**
 * Presence in a busy room (issue 14): while someone edits, the room's presence waits for its
 * next update and goes out with it; when the edits stop, what still waits goes out on its
 * own. Whatever the timing, the others end with the last presence of everyone, with the name
 * from the token, and with every edit. Real server, real SQLite, real y-websocket clients.
 */
import { describe, expect, it } from 'vitest';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { mark, markOf } from '../helpers/marks.ts';
import { createSessionWith } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/yclient.ts';

const h = useHarness();

type Cursor = { cursor?: { x: number }; user?: { name?: string } };

describe('presence beside a stream of edits', () => {
  it('every edit and the last cursor of each editor reach the others, also a cursor moved after the edits', async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Druk', ['Anna', 'Bram', 'Cas']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const [anna, bram, cas] = s.participants.map((p) => h.client(server.wsUrl, room, p.token));
    await Promise.all([anna!.synced, bram!.synced, cas!.synced]);

    // Anna and Bram edit and move their cursors together, a few moves apart; Cas watches.
    const MOVES = 40;
    for (let i = 1; i <= MOVES; i++) {
      mark(anna!.doc, 'anna', i);
      anna!.provider.awareness.setLocalStateField('cursor', { x: i });
      if (i % 3 === 0) {
        mark(bram!.doc, 'bram', i);
        bram!.provider.awareness.setLocalStateField('cursor', { x: i });
      }
      await sleep(i % 4 === 0 ? 60 : 5);
    }
    // Then only the cursors move, right after the last edits: no update comes to take them along.
    anna!.provider.awareness.setLocalStateField('cursor', { x: 1000 });
    bram!.provider.awareness.setLocalStateField('cursor', { x: 2000 });
    const cursorOf = (clientId: number) => (cas!.provider.awareness.getStates().get(clientId) as Cursor)?.cursor?.x;
    await waitFor(() => markOf(cas!.doc, 'anna') === MOVES && markOf(cas!.doc, 'bram') === 39, 'every edit');
    await waitFor(
      () => cursorOf(anna!.doc.clientID) === 1000 && cursorOf(bram!.doc.clientID) === 2000,
      'the last cursor of both',
    );
    const annaSeen = cas!.provider.awareness.getStates().get(anna!.doc.clientID) as Cursor;
    expect(annaSeen.user?.name).toBe('Anna');
    expect(server.server.metrics.updatesTotal).toBe(MOVES + 13);
  });
});
