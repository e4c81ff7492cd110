/**
 * The field in motion (issue 15): the facilitator's timeline on a board's krachtenveld.
 * The facilitator places an actor and drags it twice; after each position the server
 * takes a history snapshot (POST /api/sessions/:id/snapshots); a last drag is not
 * snapshotted. On the timeline the actor's marker stands where it stood at each
 * snapshot as the slider moves, playing walks through the moments, and "Nu" is the live
 * board again. A participant has no timeline. Real server, real Chromium, the built client.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { docFromState } from '../../shared/model/doc.ts';
import { readMethods } from '../../shared/model/board/actors.ts';
import { launchBrowser, newPerson, type Person } from '../helpers/browser.ts';
import { api, createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const ACTOR = 'Sociaal wijkteam Noord';

interface Snap {
  id: number;
  room: string;
  createdAt: number;
}

const field = {
  async open(page: Page, baseUrl: string, sessionId: string, token: string) {
    await page.goto(`${baseUrl}/s/${sessionId}/methode/krachtenveld#token=${token}`);
    await page.getByTestId('methods').waitFor();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
  },
  point: (page: Page, name: string) => page.locator(`[data-testid="field-points"] li[data-name="${name}"]`),
  async placed(page: Page, name: string) {
    const li = field.point(page, name);
    if ((await li.count()) === 0) return null;
    return {
      placed: (await li.getAttribute('data-placed')) === 'true',
      houding: Number(await li.getAttribute('data-houding')),
      invloed: Number(await li.getAttribute('data-invloed')),
      x: Number(await li.getAttribute('data-x')),
      y: Number(await li.getAttribute('data-y')),
    };
  },
  /** Drags the actor's marker (or tray chip) to a point given as fractions of the stage. */
  async drag(page: Page, name: string, fx: number, fy: number) {
    const from = (await field.placed(page, name))!;
    const stage = (await page.getByTestId('field-stage').boundingBox())!;
    await page.mouse.move(stage.x + 5, stage.y + 5);
    // A little above the centre: the selected marker's size handle sits at its right edge.
    await page.mouse.move(stage.x + from.x - 2, stage.y + from.y - 4, { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(stage.x + stage.width * fx - 30, stage.y + stage.height * fy + 20, { steps: 10 });
    await page.mouse.move(stage.x + stage.width * fx, stage.y + stage.height * fy, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await field.placed(page, name))?.x, WAIT).not.toBe(from.x);
    // Sent and acknowledged before the server is asked for a snapshot.
    await expect.poll(() => page.getByTestId('connection-unsaved').count(), WAIT).toBe(0);
    return (await field.placed(page, name))!;
  },
};

describe('krachtenveld timeline', () => {
  let server: TestServer;
  let browser: Browser;
  let fac: Person;
  let session: Awaited<ReturnType<typeof createSessionWith>>;
  let token: string;
  /** Where the actor stood at each snapshot we took, with that snapshot's id. */
  const moments: { snapshotId: number; houding: number; invloed: number }[] = [];
  let livePos: { houding: number; invloed: number };

  /** Takes a snapshot of every room; resolves the id of the board's one holding the actor where it is now. */
  async function snapshotNow(expected: { houding: number; invloed: number }): Promise<number> {
    const taken = await api<{ taken: number; snapshots: Snap[] }>(
      server.url,
      'POST',
      `/api/sessions/${session.sessionId}/snapshots`,
      undefined,
      token,
    );
    expect(taken.status).toBe(201);
    const boards = taken.body.snapshots.filter((s) => s.room.startsWith(`s/${session.sessionId}/b/`));
    const newestPerRoom = new Map<string, Snap>();
    for (const s of boards) if (!newestPerRoom.has(s.room)) newestPerRoom.set(s.room, s); // newest first
    for (const s of newestPerRoom.values()) {
      const res = await fetch(`${server.url}/api/sessions/${session.sessionId}/snapshots/${s.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const doc = docFromState(new Uint8Array(await res.arrayBuffer()));
      const actor = readMethods(doc).actors.find((a) => a.name === ACTOR);
      doc.destroy();
      if (actor) {
        // The snapshot holds what the facilitator's screen showed when it was taken.
        expect([actor.houding, actor.invloed]).toEqual([expected.houding, expected.invloed]);
        return s.id;
      }
    }
    throw new Error('no board snapshot holds the actor');
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    session = await createSessionWith(server.url, 'Netwerkbijeenkomst gezonde wijk', ['Bram']);
    token = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    fac = await newPerson(browser, { viewport: { width: 1366, height: 768 } });
    await field.open(fac.page, server.url, session.sessionId, token);
  });

  afterAll(async () => {
    await fac?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('the facilitator places an actor and moves it twice, with a snapshot after each position', async () => {
    const page = fac.page;
    await page.getByTestId('actors-mode-table').click();
    await page.getByTestId('actor-add-name').fill(ACTOR);
    await page.getByTestId('actor-add-submit').click();
    await page.getByTestId('actors-mode-list').click();
    await expect.poll(() => field.placed(page, ACTOR), WAIT).toMatchObject({ placed: false });

    const targets: [number, number][] = [
      [0.25, 0.3], // against, much influence
      [0.55, 0.55],
      [0.8, 0.2], // in favour, much influence
    ];
    for (const [fx, fy] of targets) {
      const at = await field.drag(page, ACTOR, fx, fy);
      expect(at.placed).toBe(true);
      moments.push({ snapshotId: await snapshotNow(at), houding: at.houding, invloed: at.invloed });
    }
    // Moved once more after the last snapshot: only the live board has this position.
    const last = await field.drag(page, ACTOR, 0.65, 0.7);
    livePos = { houding: last.houding, invloed: last.invloed };
    const all = [...moments.map((m) => [m.houding, m.invloed]), [livePos.houding, livePos.invloed]];
    expect(new Set(all.map((p) => p.join())).size).toBe(4);
  });

  it('the slider shows the actor where it stood at each snapshot; "Nu" is the live board', async () => {
    const page = fac.page;
    await page.getByTestId('timeline-toggle').click();
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.getAttribute('data-status'), WAIT).toBe('ready');
    expect(await timeline.getAttribute('data-at')).toBe('now');
    expect(await page.getByTestId('timeline-time').textContent()).toBe('Nu');

    // The slider's stops: one per snapshot of this board, oldest first, then "Nu".
    const ids = (
      await page
        .locator('.mw-timeline datalist option[data-snapshot-id]')
        .evaluateAll((os) => os.map((o) => Number(o.getAttribute('data-snapshot-id'))))
    ).map(Number);
    for (const m of moments) expect(ids).toContain(m.snapshotId);

    const slider = page.getByTestId('timeline-slider');
    const xs: number[] = [];
    for (const m of moments) {
      const index = ids.indexOf(m.snapshotId);
      await slider.focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => timeline.getAttribute('data-at'), WAIT).toBe(String(m.snapshotId));
      expect(await page.getByTestId('timeline-time').textContent()).toMatch(/^\d{2}:\d{2}(:\d{2})?$/);
      expect(await page.getByTestId('view-krachtenveld').getAttribute('data-past')).toMatch(/^\d{2}:\d{2}/);
      const shown = (await field.placed(page, ACTOR))!;
      expect([shown.houding, shown.invloed]).toEqual([m.houding, m.invloed]);
      xs.push(shown.x);
      // The past is read-only: dragging the marker changes nothing.
      const stage = (await page.getByTestId('field-stage').boundingBox())!;
      await page.mouse.move(stage.x + shown.x, stage.y + shown.y);
      await page.mouse.down();
      await page.mouse.move(stage.x + 40, stage.y + 40, { steps: 5 });
      await page.mouse.up();
      expect(await field.placed(page, ACTOR)).toMatchObject({ x: shown.x, y: shown.y, houding: m.houding });
    }
    // The marker really moved on the screen: left, middle, right.
    expect(xs[0]).toBeLessThan(xs[1]!);
    expect(xs[1]).toBeLessThan(xs[2]!);

    await page.getByTestId('timeline-now').click();
    await expect.poll(() => timeline.getAttribute('data-at'), WAIT).toBe('now');
    expect(await page.getByTestId('timeline-time').textContent()).toBe('Nu');
    expect(await page.getByTestId('view-krachtenveld').getAttribute('data-past')).toBeNull();
    const now = (await field.placed(page, ACTOR))!;
    expect([now.houding, now.invloed]).toEqual([livePos.houding, livePos.invloed]);
    // Live again: the view is editable (the drag handle's hint is back).
    await page.locator('.mw-field .mw-hint').waitFor();
  });

  it('playing walks through every snapshot and stops at "Nu"', async () => {
    const page = fac.page;
    const timeline = page.getByTestId('timeline');
    const seen: string[] = [];
    await page.getByTestId('timeline-play').click();
    const end = Date.now() + 15_000;
    while (Date.now() < end) {
      const at = (await timeline.getAttribute('data-at')) ?? '';
      if (seen[seen.length - 1] !== at) seen.push(at);
      if (at === 'now' && seen.length > 1) break;
      await page.waitForTimeout(80);
    }
    const order = moments.map((m) => String(m.snapshotId));
    expect(seen.filter((s) => order.includes(s))).toEqual(order);
    expect(seen[seen.length - 1]).toBe('now');
    const now = (await field.placed(page, ACTOR))!;
    expect([now.houding, now.invloed]).toEqual([livePos.houding, livePos.invloed]);
    expect(fac.errors).toEqual([]);
  });

  it('looks right at 1366×768 and 1280×800 (screenshots when SCREENSHOT_DIR is set)', async () => {
    const dir = process.env.SCREENSHOT_DIR;
    const page = fac.page;
    const ids = await page
      .locator('.mw-timeline datalist option[data-snapshot-id]')
      .evaluateAll((os) => os.map((o) => o.getAttribute('data-snapshot-id')));
    for (const size of [
      { width: 1366, height: 768 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size);
      const slider = page.getByTestId('timeline-slider');
      await slider.focus();
      await page.keyboard.press('Home');
      for (let i = 0; i < ids.indexOf(String(moments[1]!.snapshotId)); i++) await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByTestId('timeline').getAttribute('data-at'), WAIT)
        .toBe(String(moments[1]!.snapshotId));
      // Every control of the timeline is on screen.
      for (const id of ['timeline-play', 'timeline-slider', 'timeline-time', 'timeline-now']) {
        const box = (await page.getByTestId(id).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      }
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, `timeline-${size.width}x${size.height}.png`) });
      }
    }
  });

  it('a participant has no timeline', async () => {
    const bram = await newPerson(browser);
    try {
      await field.open(bram.page, server.url, session.sessionId, session.participants[0]!.token);
      await expect.poll(() => field.placed(bram.page, ACTOR), WAIT).toMatchObject({ placed: true });
      expect(await bram.page.getByTestId('timeline-toggle').count()).toBe(0);
    } finally {
      await bram.context.close();
    }
  });
});
