/**
 * A real server and one Chromium for a describe block of browser tests; every person
 * made through it gets a fresh browser context, and all are closed afterwards.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPerson, type Person } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface MeetingHarness {
  /** The running server (after beforeAll). */
  readonly server: TestServer;
  /** A new person in their own browser context. */
  person(opts?: Parameters<typeof newPerson>[1]): Promise<Person>;
}

export function useMeetingHarness(): MeetingHarness {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const p of people) await p.context.close();
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    async person(opts) {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const p = await newPerson(browser, opts);
      people.push(p);
      return p;
    },
  };
}
