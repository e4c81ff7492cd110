/**
 * A deleted session does not live on in participants' browsers (issue 11): a participant
 * who had the board open (so the device keeps an offline copy in IndexedDB) comes back
 * after the facilitator deleted the meeting; the page says it is gone and every offline
 * copy of that session is removed, while another session's copy stays. Real server,
 * real Chromium.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createMeeting, openSession } from '../helpers/participatePage.ts';
import { api } from '../helpers/server.ts';

const WAIT = { timeout: 15_000, interval: 100 };

const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])));

describe('a deleted session', () => {
  const harness = useMeetingHarness();

  it("is removed from a participant's device when they next open it", async () => {
    const { url } = harness.server;
    const gone = await createMeeting(url, 'Wordt verwijderd', ['Anna']);
    const stays = await createMeeting(url, 'Blijft bestaan', ['Anna']);
    const anna = await harness.person();
    await openSession(anna.page, url, stays.sessionId, stays.participants[0]!.token);
    await openSession(anna.page, url, gone.sessionId, gone.participants[0]!.token);
    await expect
      .poll(async () => (await databases(anna.page)).filter((n) => n.includes(gone.sessionId)).length, WAIT)
      .toBeGreaterThanOrEqual(2); // the session doc and the plenary board
    await anna.page.goto('about:blank');

    const deleted = await api(url, 'DELETE', `/api/sessions/${gone.sessionId}`, undefined, gone.facilitatorToken);
    expect(deleted.status).toBe(204);

    await anna.page.goto(`${url}/s/${gone.sessionId}`);
    await anna.page.getByTestId('access-denied').waitFor(WAIT);
    await expect
      .poll(async () => (await databases(anna.page)).filter((n) => n.includes(gone.sessionId)), WAIT)
      .toEqual([]);
    expect((await databases(anna.page)).some((n) => n.includes(stays.sessionId))).toBe(true);
  });
});
