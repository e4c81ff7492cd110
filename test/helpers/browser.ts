/**
 * Debian's Chromium driven by playwright-core, for end-to-end tests. Each person in a
 * test gets their own browser context (own storage, own IndexedDB), like separate
 * laptops and phones in one meeting.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian installs Chromium; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to assert a clean run. */
  errors: string[];
}

/** A new person: a fresh browser context (nothing shared with others) and one page. */
export async function newPerson(
  browser: Browser,
  opts: { viewport?: { width: number; height: number }; locale?: string; isMobile?: boolean; hasTouch?: boolean } = {},
): Promise<Person> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.locale ?? 'nl-NL',
    // A phone: mobile viewport meta and touch events (off unless asked).
    isMobile: opts.isMobile ?? false,
    hasTouch: opts.hasTouch ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return { context, page, errors };
}

/** Page objects: the steps people take in the UI, by the `data-testid`s the client sets. */
export const ui = {
  /** Starts a meeting from the start page; resolves the join code shown to the facilitator. */
  async startSession(page: Page, baseUrl: string, title: string, name: string): Promise<string> {
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('create-title').fill(title);
    await page.getByTestId('create-name').fill(name);
    await page.getByTestId('create-submit').click();
    await page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    const code = page.getByTestId('join-code-display').filter({ hasText: /^[A-Z0-9]{3}-[A-Z0-9]{3}$/ });
    await code.waitFor();
    return (await code.textContent()) ?? '';
  },

  /** Fills in the join form (on `/` unless the page is already there). */
  async join(page: Page, baseUrl: string, code: string, name: string): Promise<void> {
    if (!/\/(join\/[^/]*)?$/.test(new URL(page.url()).pathname) || page.url() === 'about:blank') {
      await page.goto(`${baseUrl}/`);
    }
    await page.getByTestId('join-code').fill(code);
    await page.getByTestId('join-name').fill(name);
    await page.getByTestId('join-submit').click();
  },

  /** Names in the presence list ("Aanwezig"), in display order (you first). */
  presenceNames(page: Page): Promise<string[]> {
    return page.getByTestId('presence-name').allTextContents();
  },

  connectionState(page: Page): Promise<string | null> {
    return page.getByTestId('connection-status').getAttribute('data-state');
  },
};
