/**
 * The app runs under its own Content-Security-Policy without a single violation
 * (issue 11): the start page, creating a meeting, the invitation's QR code, the board
 * with a note, every method view, and a participant joining by code. Violations are
 * caught in the page (`securitypolicyviolation`) and in the console. Real server, real
 * Chromium, the built client.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BoardPage } from '../helpers/boardPage.ts';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const VIEWS = ['krachtenveld', 'krachten', 'drieB', 'netwerk', 'typologie'] as const;

/** Records every CSP violation the page reports, from the first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportCsp', (line: string) => seen.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(line: string): void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) seen.push(`console: ${msg.text()}`);
  });
  return seen;
}

describe('Content-Security-Policy in the browser', () => {
  const harness = useMeetingHarness();

  it('the whole app runs under it without violations', { timeout: 90_000 }, async () => {
    const { url } = harness.server;
    const fien = await harness.person({ viewport: { width: 1366, height: 768 } });
    const fienViolations = await watchViolations(fien.page);

    const code = await ui.startSession(fien.page, url, 'CSP-proef', 'Fien');
    // The invitation's QR code is a data: image: it must load.
    const qr = fien.page.getByTestId('invite-qr');
    await qr.waitFor(WAIT);
    await expect
      .poll(
        () => qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth),
        WAIT,
      )
      .toBeGreaterThan(0);

    const board = await BoardPage.open(fien.page);
    await board.addNote({ x: 200, y: 160 }, 'Wijkteam');
    for (const view of VIEWS) {
      await fien.page.getByTestId(`method-tab-${view}`).click();
      await fien.page.waitForURL(new RegExp(`[?&]v=${view}`), WAIT);
    }
    await fien.page.getByTestId('view-tab-canvas').click();

    const bram = await harness.person({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const bramViolations = await watchViolations(bram.page);
    await ui.join(bram.page, url, code, 'Bram');
    await bram.page.waitForURL(/\/s\/[A-Za-z0-9_-]+/, WAIT);
    await expect.poll(() => ui.presenceNames(fien.page), WAIT).toContain('Bram');

    expect(fienViolations).toEqual([]);
    expect(bramViolations).toEqual([]);
    expect(fien.errors).toEqual([]);
  });
});
