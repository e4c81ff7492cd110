/**
 * Presence goes out only from the person it is about (issue 14): the y-websocket provider
 * on its own sends every awareness change on, also the states it has just received, so
 * each move of one person came back to the server from every other page in the room.
 * Here the facilitator's page watches a participant join and move over the board, and
 * none of the frames it sends carries the participant's presence, while the frames it
 * receives do. Real server, real Chromium, the websocket frames as the browser sends them.
 */
import * as decoding from 'lib0/decoding';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const MESSAGE_AWARENESS = 1;

/** The names in the awareness states a frame carries, or none when it is not about presence. */
function presenceNames(payload: string | Buffer): string[] {
  if (typeof payload === 'string') return [];
  const decoder = decoding.createDecoder(new Uint8Array(payload));
  if (decoding.readVarUint(decoder) !== MESSAGE_AWARENESS) return [];
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const names: string[] = [];
  for (let n = decoding.readVarUint(update); n > 0; n--) {
    decoding.readVarUint(update); // client id
    decoding.readVarUint(update); // clock
    const state = JSON.parse(decoding.readVarString(update)) as { user?: { name?: string } } | null;
    if (state?.user?.name) names.push(state.user.name);
  }
  return names;
}

/** Every presence name this page sends and receives over its websockets. */
function watchPresenceFrames(page: Page): { sent: string[]; received: string[] } {
  const seen = { sent: [] as string[], received: [] as string[] };
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => seen.sent.push(...presenceNames(f.payload)));
    ws.on('framereceived', (f) => seen.received.push(...presenceNames(f.payload)));
  });
  return seen;
}

describe('presence from the person it is about', () => {
  const harness = useMeetingHarness();

  it("a page sends its own presence, never another person's it received", async () => {
    const anna = await harness.person();
    const annaFrames = watchPresenceFrames(anna.page);
    const code = await ui.startSession(anna.page, harness.server.url, 'Netwerkbijeenkomst', 'Anna de Vries');

    const mo = await harness.person();
    await ui.join(mo.page, harness.server.url, code, 'Mohammed El Amrani');
    await expect.poll(() => ui.presenceNames(anna.page), WAIT).toEqual(['Anna de Vries', 'Mohammed El Amrani']);

    // Mohammed moves over the board: his cursor is presence too.
    const box = await mo.page.locator('canvas').first().boundingBox();
    expect(box).not.toBeNull();
    for (let i = 0; i < 20; i++) {
      await mo.page.mouse.move(box!.x + 40 + i * 10, box!.y + 40 + i * 5);
      await mo.page.waitForTimeout(50);
    }
    await expect
      .poll(() => annaFrames.received.filter((n) => n === 'Mohammed El Amrani').length, WAIT)
      .toBeGreaterThan(1);
    // Her page keeps sending presence of its own…
    await anna.page.mouse.move(300, 300);
    await anna.page.mouse.move(320, 310);
    await expect.poll(() => annaFrames.sent.filter((n) => n === 'Anna de Vries').length, WAIT).toBeGreaterThan(0);
    // …and none of his.
    expect(annaFrames.sent.filter((n) => n !== 'Anna de Vries')).toEqual([]);

    expect(anna.errors).toEqual([]);
    expect(mo.errors).toEqual([]);
  });
});
