/**
 * The board with the keyboard only (issue 12, WCAG 2.1.1 and 2.1.4): no mouse click in
 * the first three tests. The facilitator tabs to the free board, places a note (N, Enter,
 * typing, Escape), moves it with Shift+arrow
 * and resizes it with Alt+arrows; adds an actor, tabs to the krachtenveld
 * and puts it on all three axes (] to choose, arrows, +); fills its 3 B's; makes a
 * relation in the network view. A second
 * client on the board (real y-websocket) reads what the doc holds. Then the single-key
 * shortcuts and the hint line naming them: off after the switch (remembered on the device), and never acting while a
 * text field or something outside the board has the focus. Real server, real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readMethods } from '../../shared/model/board/actors.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { PLENARY_BOARD_ID, boardRoomName } from '../../shared/protocol.ts';
import { BoardPage } from '../helpers/boardPage.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createSessionWith } from '../helpers/server.ts';
import { connectClient, type TestClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const ACTOR = 'GGD Gezond Leven';

/** What has the keyboard focus: its test id, or a short description. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    if (el.tagName === 'SUMMARY') return `summary:${el.textContent ?? ''}`;
    return (
      el.getAttribute('data-testid') ??
      el.getAttribute('data-keyboard') ??
      `${el.tagName.toLowerCase()}.${el.className}`
    );
  });
}

/** Presses Tab until `want` has the focus (at most `max` times); fails with where it went. */
async function tabTo(page: Page, want: (f: string) => boolean, max = 120): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (want(f)) return;
    seen.push(f);
  }
  throw new Error(`Tab never reached it; went through: ${seen.join(' | ')}`);
}

const isCanvas = (f: string) => f.startsWith('div.board-canvas');

describe('the board with the keyboard only', () => {
  const harness = useMeetingHarness();
  let session: Awaited<ReturnType<typeof createSessionWith>>;
  let token: string;
  let board: TestClient;
  let fien: Person;

  beforeAll(async () => {
    session = await createSessionWith(harness.server.url, 'Gezonde wijk', ['Anna']);
    token = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    board = connectClient(harness.server.wsUrl, boardRoomName(session.sessionId, PLENARY_BOARD_ID), token);
    await board.synced;
    fien = await harness.person({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(() => board?.destroy());

  it('places a note on the free board and moves it with the arrows', async () => {
    await fien.page.goto(`${harness.server.url}/s/${session.sessionId}?debug#token=${token}`);
    const b = await new BoardPage(fien.page).ready();
    await tabTo(fien.page, isCanvas);
    await fien.page.keyboard.press('n');
    await fien.page.keyboard.press('Enter');
    await fien.page.getByTestId('note-editor').waitFor(WAIT);
    await fien.page.keyboard.type('Eén trekker nodig');
    await fien.page.keyboard.press('Escape');
    await fien.page.getByTestId('note-editor').waitFor({ state: 'detached' });

    await expect
      .poll(() => readBoard(board.doc).items.find((i) => i.kind === 'note' && i.text === 'Eén trekker nodig'), WAIT)
      .toBeTruthy();
    const note = (await b.noteWithText('Eén trekker nodig'))!;
    // The focus is back on the canvas, the new note selected: Shift+→ moves it 10 px.
    expect(isCanvas(await focused(fien.page))).toBe(true);
    expect(await b.selection()).toEqual([note.id]);
    await fien.page.keyboard.press('Shift+ArrowRight');
    await fien.page.keyboard.press('ArrowDown');
    await expect
      .poll(() => {
        const n = readBoard(board.doc).byId.get(note.id);
        return n && 'x' in n ? [n.x - note.x!, n.y - note.y!] : null;
      }, WAIT)
      .toEqual([10, 1]);

    // The board in words lists it, with who wrote it.
    const mirror = fien.page.getByTestId('board-mirror');
    expect(await mirror.getByTestId('mirror-item').allTextContents()).toEqual([
      expect.stringMatching(/^Briefje van Procesbegeleider: Eén trekker nodig \(midden\)/),
    ]);

    // Chosen from that list: Escape lets go of it, "Kies" selects it again and the arrows move it.
    await fien.page.keyboard.press('Escape');
    expect(await b.selection()).toEqual([]);
    await tabTo(fien.page, (f) => f.startsWith('summary:Het bord in woorden'));
    await fien.page.keyboard.press('Enter');
    await tabTo(fien.page, (f) => f === 'mirror-choose', 3);
    await fien.page.keyboard.press('Enter');
    expect(isCanvas(await focused(fien.page))).toBe(true);
    expect(await b.selection()).toEqual([note.id]);
    await fien.page.keyboard.press('Shift+ArrowUp');
    await expect
      .poll(() => {
        const n = readBoard(board.doc).byId.get(note.id);
        return n && 'y' in n ? n.y - note.y! : null;
      }, WAIT)
      .toBe(1 - 10);

    // Alt+arrows resize it: → 10 px wider, Shift+↓ 50 px taller; narrower stops at a note's
    // minimum, the one the mouse resize keeps. The page stays (Alt+← is not "back" here).
    const size = () => {
      const n = readBoard(board.doc).byId.get(note.id);
      return n && 'w' in n ? [n.w, n.h] : null;
    };
    const [w0, h0] = (await size())!;
    const url = fien.page.url();
    await fien.page.keyboard.press('Alt+ArrowRight');
    await fien.page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(size, WAIT).toEqual([w0! + 10, h0! + 50]);
    for (let i = 0; i < 6; i++) await fien.page.keyboard.press('Alt+Shift+ArrowLeft');
    await expect.poll(size, WAIT).toEqual([80, h0! + 50]);
    expect(fien.page.url()).toBe(url);
    expect(await b.selection()).toEqual([note.id]);
  });

  it('places an actor on the three axes of the krachtenveld and fills its 3 B’s', async () => {
    await fien.page.goto(`${harness.server.url}/s/${session.sessionId}?v=krachtenveld#token=${token}`);
    await fien.page.getByTestId('methods').waitFor(WAIT);
    await tabTo(fien.page, (f) => f === 'actor-add-name');
    await fien.page.keyboard.type(ACTOR);
    await fien.page.keyboard.press('Enter');
    await expect.poll(() => readMethods(board.doc).actors.map((a) => a.name), WAIT).toEqual([ACTOR]);

    // The field is one tab stop; ] chooses the actor, the keys place it.
    await fien.page.getByTestId('view-krachtenveld').waitFor(WAIT);
    await tabTo(fien.page, (f) => f === 'field-stage');
    await fien.page.keyboard.press(']');
    for (let i = 0; i < 4; i++) await fien.page.keyboard.press('ArrowUp');
    await fien.page.keyboard.press('Shift+ArrowRight');
    await fien.page.keyboard.press('+');
    await fien.page.keyboard.press('+');
    await expect
      .poll(() => {
        const a = readMethods(board.doc).actors[0];
        return a && [a.houding, a.invloed, a.betrokkenheid];
      }, WAIT)
      .toEqual([0.4, 0.7, 0.7]);
    // In words, for the screen reader: where it stands now.
    await expect
      .poll(() => fien.page.getByTestId('field-keyboard-status').textContent(), WAIT)
      .toBe(`${ACTOR}: veel invloed, houding voor, groot belang`);
    expect(await fien.page.getByTestId('actors-mirror').getByTestId('mirror-item').allTextContents()).toEqual([
      expect.stringContaining(`${ACTOR}: veel invloed, houding voor, groot belang`),
    ]);

    // The 3 B's: to the tab with the keyboard, then into its fields.
    await tabTo(fien.page, (f) => f === 'method-tab-drieB', 200);
    // The arrows move along the tabs (the ARIA tabs pattern), Enter opens one.
    await fien.page.keyboard.press('ArrowRight');
    expect(await focused(fien.page)).toBe('method-tab-netwerk');
    await fien.page.keyboard.press('ArrowLeft');
    expect(await focused(fien.page)).toBe('method-tab-drieB');
    await fien.page.keyboard.press('Enter');
    await fien.page.getByTestId('bees-table').waitFor(WAIT);
    const bees = { bedoeling: 'Meer mensen bewegen', belang: 'Gezondheid in de wijk', bijdrage: 'Voorlichting' };
    for (const [field, text] of Object.entries(bees)) {
      await tabTo(fien.page, (f) => f === `bees-${field}`);
      await fien.page.keyboard.type(text);
    }
    await expect
      .poll(() => {
        const a = readMethods(board.doc).actors[0];
        return a && { bedoeling: a.bedoeling, belang: a.belang, bijdrage: a.bijdrage };
      }, WAIT)
      .toEqual(bees);
  });

  it('makes a relation in the network view', async () => {
    await fien.page.goto(`${harness.server.url}/s/${session.sessionId}?v=netwerk#token=${token}`);
    await fien.page.getByTestId('methods').waitFor(WAIT);
    await tabTo(fien.page, (f) => f === 'actor-add-name');
    await fien.page.keyboard.type('Huisartsen De Horst');
    await fien.page.keyboard.press('Enter');
    await expect.poll(() => readMethods(board.doc).actors.length, WAIT).toBe(2);

    await tabTo(fien.page, (f) => f === 'summary:Relatie toevoegen');
    await fien.page.keyboard.press('Enter');
    await tabTo(fien.page, (f) => f === 'relation-from', 3);
    await fien.page.keyboard.press('ArrowDown');
    await tabTo(fien.page, (f) => f === 'relation-to', 3);
    await fien.page.keyboard.press('ArrowDown');
    await fien.page.keyboard.press('ArrowDown');
    await tabTo(fien.page, (f) => f === 'relation-add', 5);
    await fien.page.keyboard.press('Enter');
    await expect
      .poll(() => {
        const m = readMethods(board.doc);
        const name = (id: string) => m.actorsById.get(id)?.name;
        return m.relations.map((r) => [name(r.from), name(r.to)]);
      }, WAIT)
      .toEqual([[ACTOR, 'Huisartsen De Horst']]);

    // On the rings (participation, from not decided inwards): ] chooses, ↑ a ring in, → round it.
    await tabTo(fien.page, (f) => f === 'network-stage');
    await fien.page.keyboard.press(']');
    for (let i = 0; i < 3; i++) await fien.page.keyboard.press('ArrowUp');
    await fien.page.keyboard.press('ArrowRight');
    await expect
      .poll(() => {
        const a = readMethods(board.doc).actors.find((x) => x.name === ACTOR);
        return a && [a.participation, a.netHoek !== null];
      }, WAIT)
      .toEqual(['meedoen', true]);
    expect(await fien.page.getByTestId('network-keyboard-status').textContent()).toBe(`${ACTOR}: Meedoen`);
  });

  it('single-key shortcuts: only on the board, never in a text field, and off when switched off', async () => {
    await fien.page.goto(`${harness.server.url}/s/${session.sessionId}?debug#token=${token}`);
    await new BoardPage(fien.page).ready();
    const tool = () => fien.page.locator('[data-testid^="tool-"][aria-pressed="true"]').getAttribute('data-testid');
    await expect.poll(tool, WAIT).toBe('tool-select');

    // Focus outside the board (the sidebar's first button): N does nothing to the board.
    const outside = fien.page.locator('aside button, .sidebar button').first();
    await outside.focus();
    await fien.page.keyboard.press('n');
    expect(await tool()).toBe('tool-select');

    // In a text field: the letter is typed, the tool stays.
    await tabTo(fien.page, isCanvas);
    await fien.page.keyboard.press('n');
    await fien.page.keyboard.press('Enter');
    await fien.page.getByTestId('note-editor').waitFor(WAIT);
    await fien.page.keyboard.type('taf');
    await expect.poll(() => fien.page.getByTestId('note-editor').inputValue(), WAIT).toBe('taf');
    expect(await tool()).toBe('tool-select');
    await fien.page.keyboard.press('Escape');
    await fien.page.getByTestId('note-editor').waitFor({ state: 'detached' });

    // On the board: N picks the note tool, V back.
    await fien.page.keyboard.press('n');
    expect(await tool()).toBe('tool-note');
    await fien.page.keyboard.press('v');
    expect(await tool()).toBe('tool-select');

    // The hint line names the single keys while they are on.
    const hint = fien.page.locator('.board-hint');
    await expect.poll(() => hint.textContent(), WAIT).toContain('N: briefje');

    // Switched off in the shortcut list (opened with its button, not with ?).
    await tabTo(fien.page, (f) => f === 'help-button');
    await fien.page.keyboard.press('Enter');
    await fien.page.getByTestId('help-overlay').waitFor(WAIT);
    await tabTo(fien.page, (f) => f === 'shortcuts-switch', 10);
    await fien.page.keyboard.press('Space');
    expect(await fien.page.getByTestId('shortcuts-switch').getAttribute('aria-checked')).toBe('false');
    await fien.page.keyboard.press('Escape');
    await fien.page.getByTestId('help-overlay').waitFor({ state: 'detached' });
    // Off, the hint line with those keys is gone.
    await hint.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await tabTo(fien.page, isCanvas);
    await fien.page.keyboard.press('n');
    await fien.page.keyboard.press('?');
    expect(await tool()).toBe('tool-select');
    expect(await fien.page.getByTestId('help-overlay').count()).toBe(0);
    // Keys with Ctrl, the arrows and Delete still work: select all, delete.
    const before = readBoard(board.doc).items.length;
    expect(before).toBeGreaterThan(0);
    await fien.page.keyboard.press('Control+a');
    await fien.page.keyboard.press('Delete');
    await expect.poll(() => readBoard(board.doc).items.length, WAIT).toBe(0);

    // Remembered on this device: still off after a reload.
    await fien.page.reload();
    await new BoardPage(fien.page).ready();
    expect(await hint.count()).toBe(0);
    await tabTo(fien.page, isCanvas);
    await fien.page.keyboard.press('n');
    expect(await tool()).toBe('tool-select');
  });
});
