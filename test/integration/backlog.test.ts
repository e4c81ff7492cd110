/**
 * Big backlogs get in (issue 11): a participant who worked offline and has more than the
 * message limit of unsent changes syncs them all when they come back (y-websocket sends
 * the backlog as one sync step 2), within the document limit, without a reconnect loop;
 * any other message over the limit still closes that connection (1009). Real server,
 * real y-websocket clients.
 */
import { describe, expect, it } from 'vitest';
import { addActor, readMethods } from '../../shared/model/board/actors.ts';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { syncFrame } from '../helpers/hostile.ts';
import { useHarness } from '../helpers/harness.ts';
import { createSessionWith } from '../helpers/server.ts';
import { rawSocket, waitFor } from '../helpers/yclient.ts';

const MiB = 1024 * 1024;

/** Text that does not repeat (nothing in the encoding shrinks it). */
function words(seed: number, length: number): string {
  let x = seed * 7919 + 1;
  let out = '';
  while (out.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += x.toString(36) + ' ';
  }
  return out.slice(0, length);
}

describe('an offline backlog bigger than one message', () => {
  const h = useHarness();

  it('arrives whole after reconnecting: 10 MiB of changes, no 1009, no reconnect loop', async () => {
    const server = await h.server({ env: { MAX_MESSAGE_BYTES: String(2 * MiB) } });
    const s = await createSessionWith(server.url, 'Offline gewerkt');
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const a = h.client(server.wsUrl, room, s.facilitatorToken);
    const b = h.client(server.wsUrl, room, s.facilitatorToken);
    await Promise.all([a.synced, b.synced]);
    const closes: number[] = [];
    a.provider.on('connection-close', (e: { code: number } | null) => e && closes.push(e.code));

    a.provider.disconnect();
    const ACTORS = 560;
    for (let i = 0; i < ACTORS; i++) {
      addActor(a.doc, { id: `actor${i}`, name: `Partner ${i}`, notities: words(i, 19_000) });
    }
    const backlogChars = readMethods(a.doc).actors.reduce((n, x) => n + x.notities.length, 0);
    expect(backlogChars).toBeGreaterThan(10 * MiB);

    a.provider.connect();
    await waitFor(() => readMethods(b.doc).actors.length === ACTORS, 'every actor reaches b', 60_000);
    const got = readMethods(b.doc).actors.find((x) => x.id === 'actor321');
    expect(got?.notities).toBe(words(321, 19_000));
    expect(closes).toEqual([]);
    expect(a.refusals).toEqual([]);
  }, 90_000);

  it('any other message over MAX_MESSAGE_BYTES still closes that connection (1009)', async () => {
    const server = await h.server({ env: { MAX_MESSAGE_BYTES: String(64 * 1024) } });
    const s = await createSessionWith(server.url, 'Te groot');
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const raw = await rawSocket(`${server.wsUrl}/${room}?token=${s.facilitatorToken}`);
    // A sync "update" message (not a step 2) of 100 KiB.
    raw.ws.send(syncFrame(2, new Uint8Array(100 * 1024)));
    expect(await raw.closed).toBe(CloseCode.messageTooBig);
  });
});
