/**
 * Private mode on the board (issue 5): while it is on, a participant sees their own
 * notes and the others' notes face down (not readable, not selectable); the facilitator
 * sees everything; revealing shows everyone everything again.
 */
import type Konva from 'konva';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setPrivateMode } from '../../shared/model/meeting/live.ts';
import { BoardPage } from '../helpers/boardPage.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, openSession, WAIT } from '../helpers/participatePage.ts';

/** Ids of the shapes drawn on a layer of the canvas ("items": readable notes; "concealed": face down). */
function drawnIds(page: Page, layer: 'items' | 'concealed'): Promise<string[]> {
  return page.evaluate((name) => {
    const hook = (window as unknown as { __veldwerkBoard: { stage: Konva.Stage } }).__veldwerkBoard;
    const found = hook.stage.findOne(`.${name}`) as Konva.Container | undefined;
    return found ? found.getChildren().map((n) => n.id()) : [];
  }, layer);
}

/** The label on the face-down notes. */
function concealedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __veldwerkBoard: { stage: Konva.Stage } }).__veldwerkBoard;
    const found = hook.stage.findOne('.concealed') as Konva.Container | undefined;
    return found ? found.find('Text').map((t) => (t as Konva.Text).text()) : [];
  });
}

describe('private mode on the board', () => {
  const h = useMeetingHarness();

  it("hides others' notes from participants until the facilitator reveals", async () => {
    const meeting = await createMeeting(h.server.url, 'Privé', ['Ana', 'Bram']);
    const fac = await facilitatorClient(h.server.wsUrl, meeting);
    const [ana, bram, fien] = [await h.person(), await h.person(), await h.person()];
    await openSession(ana.page, h.server.url, meeting.sessionId, meeting.participants[0]!.token);
    await openSession(bram.page, h.server.url, meeting.sessionId, meeting.participants[1]!.token);
    await openSession(fien.page, h.server.url, meeting.sessionId, meeting.facilitatorToken);
    const [a, b, f] = [
      await BoardPage.open(ana.page),
      await BoardPage.open(bram.page),
      await BoardPage.open(fien.page),
    ];

    const anaNote = await a.addNote({ x: 200, y: 200 }, 'Geheim van Ana');
    const bramNote = await b.addNote({ x: 500, y: 200 }, 'Van Bram');
    await expect.poll(() => drawnIds(bram.page, 'items'), WAIT).toContain(anaNote);

    setPrivateMode(fac.doc, true);
    await bram.page.getByTestId('private-banner').waitFor(WAIT);
    // Bram: his own note readable, Ana's face down without its text.
    await expect.poll(() => drawnIds(bram.page, 'items'), WAIT).not.toContain(anaNote);
    expect(await drawnIds(bram.page, 'items')).toContain(bramNote);
    expect(await drawnIds(bram.page, 'concealed')).toEqual([`concealed:${anaNote}`]);
    expect(await concealedLabels(bram.page)).toEqual(['Verborgen tot de procesbegeleider onthult']);
    // Ana's face-down note cannot be selected by Bram.
    const at = await b.centerOf(anaNote);
    await bram.page.mouse.click(at.x, at.y);
    expect(await b.selection()).toEqual([]);
    // Ana sees hers, not Bram's; the facilitator sees both.
    await expect.poll(() => drawnIds(ana.page, 'items'), WAIT).not.toContain(bramNote);
    expect(await drawnIds(ana.page, 'items')).toContain(anaNote);
    expect(await drawnIds(fien.page, 'items')).toEqual(expect.arrayContaining([anaNote, bramNote]));
    expect(await drawnIds(fien.page, 'concealed')).toEqual([]);
    await bram.page.screenshot({ path: '/tmp/private-board.png' });

    // Revealed: everyone sees every note.
    setPrivateMode(fac.doc, false);
    await expect.poll(() => drawnIds(bram.page, 'items'), WAIT).toContain(anaNote);
    expect(await drawnIds(bram.page, 'concealed')).toEqual([]);
    await expect.poll(() => drawnIds(ana.page, 'items'), WAIT).toContain(bramNote);
    expect(await f.selection()).toEqual([]);
    fac.destroy();
  }, 90_000);
});
