/**
 * The board in two browsers (issue 3): a facilitator and a participant, each in their
 * own browser context, on the built app and the real server. They draw with the mouse
 * and keyboard; what the board holds is read through the test hook (`?debug`).
 */
import { describe, expect, it } from 'vitest';
import { ui, type Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { BoardPage } from '../helpers/boardPage.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('the board', () => {
  const harness = useMeetingHarness();
  const person = (opts?: Parameters<typeof harness.person>[0]) => harness.person(opts);

  /** A facilitator who started a meeting, and a participant who joined it. */
  async function meeting(title: string): Promise<{ anna: Person; mo: Person; a: BoardPage; b: BoardPage }> {
    const anna = await person();
    const code = await ui.startSession(anna.page, harness.server.url, title, 'Anna');
    const mo = await person();
    await ui.join(mo.page, harness.server.url, code, 'Mo');
    await expect.poll(() => ui.presenceNames(mo.page), WAIT).toEqual(['Mo', 'Anna']);
    return { anna, mo, a: await BoardPage.open(anna.page), b: await BoardPage.open(mo.page) };
  }

  it('shows a note that A adds and moves at its new place for B, and undo is per person', async () => {
    const { anna, mo, a, b } = await meeting('Krachtenveld gezonde wijk');

    const id = await a.addNote({ x: 420, y: 260 }, 'Huisartsen');
    const made = await a.noteWithText('Huisartsen');
    expect(made?.id).toBe(id);
    await a.drag(id, 150, 80);
    const moved = (await a.items()).find((i) => i.id === id)!;
    expect(moved.x).toBe(made!.x! + 150);
    expect(moved.y).toBe(made!.y! + 80);

    // B sees it, at the new place.
    await expect.poll(async () => (await b.noteWithText('Huisartsen'))?.x, WAIT).toBe(moved.x);
    expect((await b.noteWithText('Huisartsen'))?.y).toBe(moved.y);

    // B makes a note of their own; B's undo takes back only that.
    await b.addNote({ x: 300, y: 520 }, 'Wijkverpleging');
    await expect.poll(async () => (await a.noteWithText('Wijkverpleging')) !== null, WAIT).toBe(true);
    await b.press('Control+z');
    await expect.poll(async () => (await a.noteWithText('Wijkverpleging')) === null, WAIT).toBe(true);
    await b.press('Control+z');
    await anna.page.waitForTimeout(500);
    expect((await a.noteWithText('Huisartsen'))?.x).toBe(moved.x);
    expect((await b.noteWithText('Huisartsen'))?.x).toBe(moved.x);

    // A's undo takes back A's move, for both.
    await a.press('Control+z');
    await expect.poll(async () => (await b.noteWithText('Huisartsen'))?.x, WAIT).toBe(made!.x);
    expect((await a.noteWithText('Huisartsen'))?.y).toBe(made!.y);
    // And redo puts it back.
    await a.press('Control+Shift+z');
    await expect.poll(async () => (await b.noteWithText('Huisartsen'))?.x, WAIT).toBe(moved.x);

    expect(anna.errors).toEqual([]);
    expect(mo.errors).toEqual([]);
  });

  it('copies a note on one board and pastes it on a second board the facilitator added', async () => {
    const { anna, mo, a, b } = await meeting('Twee borden');
    await anna.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.server.url });
    const id = await a.addNote({ x: 400, y: 300 }, 'Gemeente: beleidsadviseur');
    await a.click(id);
    expect(await a.selection()).toEqual([id]);
    await a.press('Control+c');

    const title = await a.addBoard();
    expect(title).toBe('Bord 2');
    expect(new URL(anna.page.url()).searchParams.get('b')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await a.notes()).toEqual([]);
    await a.hover({ x: 500, y: 350 });
    await a.press('Control+v');
    await expect.poll(async () => (await a.notes()).map((n) => n.text), WAIT).toEqual(['Gemeente: beleidsadviseur']);
    const pasted = (await a.notes())[0]!;
    expect(pasted.id).not.toBe(id);
    expect(await a.selection()).toEqual([pasted.id]);

    // The participant gets the new tab and sees the pasted note there; board 1 still has the original.
    await expect.poll(() => b.tabTitles(), WAIT).toEqual(['Plenair', 'Bord 2']);
    await b.openBoard('Bord 2');
    await expect.poll(async () => (await b.notes()).map((n) => n.text), WAIT).toEqual(['Gemeente: beleidsadviseur']);
    await a.openBoard('Plenair');
    expect((await a.notes()).map((n) => n.id)).toEqual([id]);

    // A reload keeps you on the board in the address.
    await a.openBoard('Bord 2');
    await anna.page.reload();
    await a.ready();
    await expect.poll(() => a.currentTab(), WAIT).toBe('Bord 2');
    await expect.poll(async () => (await a.notes()).length, WAIT).toBe(1);

    expect(anna.errors).toEqual([]);
    expect(mo.errors).toEqual([]);
  });

  it('deletes with Delete and duplicates with Ctrl+D', async () => {
    const anna = await person();
    await ui.startSession(anna.page, harness.server.url, 'Toetsenbord', 'Anna');
    const a = await BoardPage.open(anna.page);
    const id = await a.addNote({ x: 400, y: 300 }, 'Woningcorporatie');
    await a.click(id);

    await a.press('Control+d');
    await expect.poll(async () => (await a.notes()).length, WAIT).toBe(2);
    const notes = await a.notes();
    const original = notes.find((n) => n.id === id)!;
    const copy = notes.find((n) => n.id !== id)!;
    expect(copy.text).toBe('Woningcorporatie');
    expect(copy.x).toBe(original.x! + 24);
    expect(copy.y).toBe(original.y! + 24);
    expect(await a.selection()).toEqual([copy.id]);

    await a.press('Delete');
    await expect.poll(async () => (await a.notes()).map((n) => n.id), WAIT).toEqual([id]);
    expect(await a.selection()).toEqual([]);

    // Escape clears the selection; Backspace then deletes nothing.
    await a.click(id);
    await a.press('Escape');
    await a.press('Backspace');
    expect((await a.notes()).length).toBe(1);
    expect(anna.errors).toEqual([]);
  });
});
