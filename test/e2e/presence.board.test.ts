/**
 * Presence and offline work on a board (issue 3), two people in their own browser
 * contexts on the built app and the real server: B sees A's pointer with A's name
 * while A moves the mouse; a note A adds while A's network is cut reaches B only
 * after A is back online, and A's screen says so in the meantime.
 */
import { describe, expect, it } from 'vitest';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { BoardPage } from '../helpers/boardPage.ts';
import { presence } from '../helpers/presencePage.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('presence on a board', () => {
  const harness = useMeetingHarness();
  const person = (opts?: Parameters<typeof harness.person>[0]) => harness.person(opts);

  /** A facilitator who started a meeting and a participant who joined it, both on the board. */
  async function meeting(title: string) {
    const anna = await person();
    const code = await ui.startSession(anna.page, harness.server.url, title, 'Anna de Vries');
    const bram = await person();
    await ui.join(bram.page, harness.server.url, code, 'Bram');
    await expect.poll(() => ui.presenceNames(bram.page), WAIT).toEqual(['Bram', 'Anna de Vries']);
    const a = await BoardPage.open(anna.page);
    const b = await BoardPage.open(bram.page);
    await expect.poll(() => ui.connectionState(anna.page), WAIT).toBe('connected');
    await expect.poll(() => ui.connectionState(bram.page), WAIT).toBe('connected');
    return { anna, bram, a, b };
  }

  it("shows A's pointer with A's name to B while A moves the mouse over the board", async () => {
    const { anna, bram, a } = await meeting('Cursors');
    await expect.poll(() => presence.peopleNames(bram.page), WAIT).toEqual(['Anna de Vries']);

    let last = await a.onCanvas({ x: 200, y: 150 });
    for (let i = 0; i <= 20; i++) {
      last = await a.onCanvas({ x: 200 + i * 12, y: 150 + i * 6 });
      await anna.page.mouse.move(last.x, last.y);
      await anna.page.waitForTimeout(20);
    }
    const world = await presence.worldAt(anna.page, last);
    // Drawn where A's pointer is on the board (B's own pan and zoom do not matter: world coordinates).
    await expect
      .poll(async () => {
        const cursors = await presence.cursors(bram.page);
        return cursors.map((c) => ({
          name: c.name,
          there: Math.abs(c.x - world.x) < 1 && Math.abs(c.y - world.y) < 1,
        }));
      }, WAIT)
      .toEqual([{ name: 'Anna de Vries', there: true }]);
    // A does not see a pointer of their own.
    expect(await presence.cursors(anna.page)).toEqual([]);

    // A's pointer leaves the board: B no longer sees it.
    await anna.page.mouse.move(5, 5);
    await expect.poll(() => presence.cursors(bram.page), WAIT).toEqual([]);

    expect(anna.errors).toEqual([]);
    expect(bram.errors).toEqual([]);
  });

  it('keeps a note A adds while offline on A, shows it as unsaved, and delivers it to B on reconnect', async () => {
    const { anna, bram, a, b } = await meeting('Offline');

    await anna.context.setOffline(true);
    await expect.poll(() => ui.connectionState(anna.page), WAIT).toBe('offline');
    const id = await a.addNote({ x: 320, y: 220 }, 'Gemaakt zonder netwerk');
    await anna.page.getByTestId('connection-unsaved').waitFor();

    // B does not have it: nothing left A's browser.
    await bram.page.waitForTimeout(1500);
    expect(await b.noteWithText('Gemaakt zonder netwerk')).toBeNull();

    await anna.context.setOffline(false);
    await expect.poll(async () => (await b.noteWithText('Gemaakt zonder netwerk'))?.id, WAIT).toBe(id);
    await expect.poll(() => ui.connectionState(anna.page), WAIT).toBe('connected');
    await expect.poll(() => anna.page.getByTestId('connection-unsaved').count(), WAIT).toBe(0);
    // Drawn on B's canvas, not only in B's copy of the doc.
    expect(
      await bram.page.evaluate(
        (noteId) =>
          (
            window as unknown as { __veldwerkBoard: { stage: { findOne(s: string): unknown } } }
          ).__veldwerkBoard.stage.findOne(`#${noteId}`) !== undefined,
        id,
      ),
    ).toBe(true);

    // While offline the browser logs failed requests; nothing else may go wrong.
    expect(anna.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to load resource/.test(e))).toEqual(
      [],
    );
    expect(bram.errors).toEqual([]);
  });
});
