/**
 * Private means private (issue 10), in Chromium: while private mode is on, participant
 * Bram's browser never holds Ana's hidden note or answer: not in the websocket frames
 * it received, not in its Yjs doc, not in any of its IndexedDB databases. The
 * facilitator sees them; after the reveal Bram sees them on screen.
 */
import type Konva from 'konva';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setPrivateMode } from '../../shared/model/meeting/live.ts';
import { readProgram, setCurrentPhase, setPhases } from '../../shared/model/meeting/program.ts';
import { BoardPage } from '../helpers/boardPage.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, facilitatorClient, openSession, participate, WAIT } from '../helpers/participatePage.ts';

const SECRET_NOTE = 'Geheim van Ana over de wethouder';
const SECRET_ANSWER = 'Ana antwoordt in het geheim';

/** Ids of the readable notes drawn on the canvas. */
function drawnIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __veldwerkBoard: { stage: Konva.Stage } }).__veldwerkBoard;
    const found = hook.stage.findOne('.items') as Konva.Container | undefined;
    return found ? found.getChildren().map((n) => n.id()) : [];
  });
}

/** Marks the canvas's test hook, to see the canvas drawn anew on another room. */
function markBoardHook(): void {
  (window as unknown as { __veldwerkBoard: { marked?: boolean } }).__veldwerkBoard.marked = true;
}
function isNewBoardHook(): boolean {
  const hook = (window as unknown as { __veldwerkBoard?: { marked?: boolean; stage?: unknown } }).__veldwerkBoard;
  return Boolean(hook?.stage) && !hook?.marked;
}

/** Every text of the board doc the page has (its Yjs doc, as the board reads it). */
function docTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __veldwerkBoard: { snapshot(): { items: unknown[] } } }).__veldwerkBoard;
    return JSON.stringify(hook.snapshot().items);
  });
}

/**
 * Which of `needles` occur in any record of any IndexedDB database of the page (the
 * offline copies: Yjs updates as bytes, anything else as JSON), and the databases' names.
 */
function searchIndexedDb(page: Page, needles: string[]): Promise<{ found: string[]; databases: string[] }> {
  return page.evaluate(async (texts) => {
    const encoded = texts.map((t) => new TextEncoder().encode(t));
    const contains = (hay: Uint8Array, needle: Uint8Array) => {
      outer: for (let i = 0; i + needle.length <= hay.length; i++) {
        for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    const asBytes = (v: unknown): Uint8Array =>
      v instanceof Uint8Array
        ? v
        : v instanceof ArrayBuffer
          ? new Uint8Array(v)
          : new TextEncoder().encode(JSON.stringify(v) ?? '');
    const found = new Set<string>();
    const databases = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store, 'readonly').objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const v of values) {
          const bytes = asBytes(v);
          encoded.forEach((e, i) => {
            if (contains(bytes, e)) found.add(texts[i]!);
          });
        }
      }
      db.close();
    }
    return { found: [...found], databases };
  }, needles);
}

describe('private mode is private in the browser', () => {
  const h = useMeetingHarness();

  it("participant B's frames, Yjs doc and IndexedDB hold none of A's hidden text until reveal", async () => {
    const meeting = await createMeeting(h.server.url, 'Privé op de server', ['Ana', 'Bram']);
    const fac = await facilitatorClient(h.server.wsUrl, meeting);
    // The plenary phase: its questions are answered on the plenary board, here on its free canvas.
    const phases = readProgram(fac.doc).phases.map((p) => (p.id === 'plenair' ? { ...p, view: 'canvas' as const } : p));
    setPhases(fac.doc, phases);
    setCurrentPhase(fac.doc, 'plenair');
    const [ana, bram, fien] = [await h.person(), await h.person(), await h.person()];

    // Everything Bram's browser receives over any websocket.
    const frames: Buffer[] = [];
    const socketUrls: string[] = [];
    bram.page.on('websocket', (ws) => {
      socketUrls.push(ws.url());
      ws.on('framereceived', ({ payload }) => frames.push(Buffer.from(payload)));
    });
    const received = (text: string) => Buffer.concat(frames).includes(Buffer.from(text, 'utf8'));

    await openSession(ana.page, h.server.url, meeting.sessionId, meeting.participants[0]!.token);
    await openSession(bram.page, h.server.url, meeting.sessionId, meeting.participants[1]!.token);
    await openSession(fien.page, h.server.url, meeting.sessionId, meeting.facilitatorToken);
    const [a, b] = [await BoardPage.open(ana.page), await BoardPage.open(bram.page)];
    await BoardPage.open(fien.page);
    const shared = await a.addNote({ x: 150, y: 150 }, 'Gedeeld voor privé');
    await expect.poll(() => drawnIds(bram.page), WAIT).toContain(shared);

    // The canvas is drawn again on the private copy: mark the hooks of the board room's.
    for (const p of [ana.page, bram.page]) await p.evaluate(markBoardHook);
    // The facilitator switches private mode on in her own browser (her page sees it
    // before the server does: her overview must still open).
    await fien.page.getByTestId('live-menu').click();
    await fien.page.getByTestId('live-private').click();
    await fien.page.keyboard.press('Escape');
    await ana.page.getByTestId('private-banner').waitFor(WAIT);
    await bram.page.getByTestId('private-banner').waitFor(WAIT);
    expect(await bram.page.getByTestId('private-banner-text').textContent()).toBe(
      'Privémodus: je notities en antwoorden zijn alleen voor jou en de procesbegeleider zichtbaar tot die ze onthult.',
    );
    expect(await fien.page.getByTestId('private-banner-text').textContent()).toContain('jij ziet ieders notities');
    // Ana's canvas is her private copy now (the board redraws on the new room).
    await expect.poll(() => socketUrls.some((u) => u.includes('/p/')), WAIT).toBe(true);
    for (const p of [ana.page, bram.page]) await p.waitForFunction(isNewBoardHook, undefined, WAIT);

    const secret = await a.addNote({ x: 450, y: 150 }, SECRET_NOTE);
    await participate.answer(ana.page, 'p1', SECRET_ANSWER);
    // The facilitator (on the overview) sees both, live.
    await expect.poll(() => drawnIds(fien.page), WAIT).toContain(secret);
    await participate.openTab(fien.page, 'questions');
    await expect.poll(() => participate.answerTexts(fien.page, 'p1'), WAIT).toContain(SECRET_ANSWER);
    // Bram keeps working in his own copy meanwhile.
    const bramsOwn = await b.addNote({ x: 420, y: 200 }, 'Van Bram, privé');
    await expect.poll(() => drawnIds(fien.page), WAIT).toContain(bramsOwn);
    await bram.page.waitForTimeout(1000);

    // Nothing of Ana's hidden work in Bram's browser.
    for (const text of [SECRET_NOTE, SECRET_ANSWER]) {
      expect(received(text)).toBe(false);
      expect(await docTexts(bram.page)).not.toContain(text);
    }
    expect(await participate.answerTexts(bram.page, 'p1')).not.toContain(SECRET_ANSWER);
    const before = await searchIndexedDb(bram.page, [SECRET_NOTE, SECRET_ANSWER, 'Van Bram, privé']);
    expect(before.found).toEqual(['Van Bram, privé']); // the search does find what is there
    expect(before.databases.some((n) => n.includes('/p/'))).toBe(true);
    expect(frames.length).toBeGreaterThan(0);
    expect(received('Van Bram, privé') || received('Gedeeld voor privé')).toBe(true);

    // Reveal: Bram sees Ana's note and answer on screen.
    await fien.page.getByTestId('private-reveal').click();
    await expect.poll(() => drawnIds(bram.page), WAIT).toContain(secret);
    await expect.poll(() => docTexts(bram.page), WAIT).toContain(SECRET_NOTE);
    await expect.poll(() => participate.answerTexts(bram.page, 'p1'), WAIT).toContain(SECRET_ANSWER);
    // Everyone sees Bram's private note now, and Ana's too on Ana's screen.
    await expect.poll(() => drawnIds(ana.page), WAIT).toContain(bramsOwn);
    await expect.poll(() => drawnIds(ana.page), WAIT).toContain(secret);
    // The revealed private copy's offline data is gone from Bram's browser.
    await expect
      .poll(async () => (await searchIndexedDb(bram.page, [])).databases.filter((n) => n.includes('/p/')), WAIT)
      .toEqual([]);
    expect(bram.errors).toEqual([]);
    expect(ana.errors).toEqual([]);
    fac.destroy();
  }, 120_000);

  it('a note made offline in private mode reaches the board after a reveal that happened meanwhile', async () => {
    const meeting = await createMeeting(h.server.url, 'Privé offline', ['Ana', 'Bram']);
    const fac = await facilitatorClient(h.server.wsUrl, meeting);
    const [ana, bram] = [await h.person(), await h.person()];
    await openSession(ana.page, h.server.url, meeting.sessionId, meeting.participants[0]!.token);
    await openSession(bram.page, h.server.url, meeting.sessionId, meeting.participants[1]!.token);
    await BoardPage.open(ana.page);
    const b = await BoardPage.open(bram.page);
    await bram.page.evaluate(markBoardHook);
    setPrivateMode(fac.doc, true);
    await bram.page.getByTestId('private-banner').waitFor(WAIT);
    await bram.page.waitForFunction(isNewBoardHook, undefined, WAIT);
    await bram.page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor(WAIT);

    // Bram loses the network, writes a note in his private copy; meanwhile the reveal.
    await bram.context.setOffline(true);
    const offline = await b.addNote({ x: 420, y: 150 }, 'Offline geschreven');
    setPrivateMode(fac.doc, false);
    await ana.page.getByTestId('private-banner').waitFor({ state: 'detached', ...WAIT });
    expect(await drawnIds(ana.page)).not.toContain(offline);

    // Back online: his page sees the reveal, goes back to the board and takes the note along.
    await bram.context.setOffline(false);
    await bram.page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => drawnIds(ana.page), WAIT).toContain(offline);
    await expect.poll(() => drawnIds(bram.page), WAIT).toContain(offline);
    fac.destroy();
  }, 120_000);
});
