/**
 * First paint (issue 14): a session's page opens its rooms from their own small entry
 * (client/src/app/earlyStart.ts), so the server sends the board while the app's entry
 * (React), the session page's code and the API client (zod, the schemas) still load.
 * Those three scripts are held back by the test until the board's websocket has opened:
 * were the rooms opened from any of them, the websocket would never open and the test
 * fails. The page then uses the rooms opened early: one connection per room, also when
 * the token comes from this device instead of the link. Real server, real Chromium, the
 * built client.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../helpers/boardPage.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createSessionWith } from '../helpers/server.ts';
import { PLENARY_BOARD_ID, boardRoomName, sessionRoomName } from '../../shared/protocol.ts';

const WAIT = { timeout: 15_000, interval: 100 };
/** The app's entry, the session page's chunk and the API client's. */
const HELD = /\/assets\/(index|SessionPage|sessions)-[\w-]{8}\.js$/;

/** The websockets the page opens, by room name (`/sync/<room>`). */
function watchSockets(page: Page): string[] {
  const rooms: string[] = [];
  page.on('websocket', (ws) => {
    const room = /\/sync\/([^?]+)/.exec(ws.url())?.[1];
    if (room) rooms.push(decodeURIComponent(room));
  });
  return rooms;
}

/** Holds the requests for {@link HELD} until `release` is called. */
async function holdScripts(page: Page): Promise<{ held: string[]; release(): void }> {
  const held: string[] = [];
  const waiting: Route[] = [];
  let released = false;
  await page.route(HELD, (route) => {
    if (released) return route.continue();
    held.push(new URL(route.request().url()).pathname);
    waiting.push(route);
  });
  return {
    held,
    release() {
      released = true;
      for (const r of waiting.splice(0)) void r.continue().catch(() => undefined);
    },
  };
}

describe("a session's page opens its rooms early", () => {
  const harness = useMeetingHarness();

  it('before the app, the session page and the API client have loaded, and uses those rooms', async () => {
    const { url } = harness.server;
    const session = await createSessionWith(url, 'Vroege kamers');
    const board = boardRoomName(session.sessionId, PLENARY_BOARD_ID);
    const sessionRoom = sessionRoomName(session.sessionId);
    const person = await harness.person();
    const { page } = person;
    const rooms = watchSockets(page);
    const scripts = await holdScripts(page);

    await page.goto(`${url}/s/${session.sessionId}?debug#token=${session.facilitatorToken}`, {
      waitUntil: 'commit',
    });
    await expect.poll(() => rooms, WAIT).toContain(board);
    expect(rooms).toContain(sessionRoom);
    // The scripts are asked for (the session page's once the rooms' own have loaded) and held.
    await expect
      .poll(() => scripts.held.map((p) => /\/assets\/(\w+)-/.exec(p)?.[1]), WAIT)
      .toEqual(expect.arrayContaining(['SessionPage', 'index']));
    scripts.release();

    await new BoardPage(page).ready();
    // The page took the rooms over: no second connection to either.
    expect(rooms.filter((r) => r === board)).toHaveLength(1);
    expect(rooms.filter((r) => r === sessionRoom)).toHaveLength(1);
    // The token was taken from the address once.
    expect(new URL(page.url()).hash).toBe('');

    // Again with the token kept on this device (no token in the address).
    rooms.splice(0);
    await page.goto(`${url}/s/${session.sessionId}?debug`);
    await new BoardPage(page).ready();
    expect(rooms.filter((r) => r === board)).toHaveLength(1);
    expect(rooms.filter((r) => r === sessionRoom)).toHaveLength(1);
    expect(person.errors).toEqual([]);
  });
});
