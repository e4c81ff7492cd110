/**
 * Two people in one meeting, each in their own browser context: the facilitator starts
 * it from the start page, a participant joins with the code shown on the facilitator's
 * screen, and both see each other in "Aanwezig". Real server, real Chromium, no mocks.
 */
import { describe, expect, it } from 'vitest';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';

const WAIT = { timeout: 15_000, interval: 100 };

describe('presence in a meeting', () => {
  const harness = useMeetingHarness();
  const person = (opts?: Parameters<typeof harness.person>[0]) => harness.person(opts);

  it('shows facilitator and participant to each other, and a reload keeps you yourself', async () => {
    const anna = await person();
    const code = await ui.startSession(
      anna.page,
      harness.server.url,
      'Netwerkbijeenkomst gezonde wijk',
      'Anna de Vries',
    );
    expect(code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    // The facilitator's token never shows in the address bar (projector).
    expect(anna.page.url()).not.toContain('token');
    await expect
      .poll(() => anna.page.getByTestId('session-title').textContent(), WAIT)
      .toBe('Netwerkbijeenkomst gezonde wijk');

    const mo = await person();
    await ui.join(mo.page, harness.server.url, code, 'Mohammed El Amrani');
    await mo.page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/);
    expect(new URL(mo.page.url()).pathname).toBe(new URL(anna.page.url()).pathname);

    // You first, then by role.
    await expect.poll(() => ui.presenceNames(anna.page), WAIT).toEqual(['Anna de Vries', 'Mohammed El Amrani']);
    await expect.poll(() => ui.presenceNames(mo.page), WAIT).toEqual(['Mohammed El Amrani', 'Anna de Vries']);
    const moInAnnasList = anna.page.getByTestId('presence-item').filter({ hasText: 'Mohammed El Amrani' });
    expect(await moInAnnasList.getAttribute('data-role')).toBe('participant');
    expect(await moInAnnasList.getAttribute('data-self')).toBeNull();
    const moSelf = mo.page.locator('[data-testid="presence-item"][data-self="true"]');
    expect(await moSelf.getByTestId('presence-name').textContent()).toBe('Mohammed El Amrani');
    expect(await mo.page.getByTestId('facilitator-panel').count()).toBe(0);
    await expect.poll(() => ui.connectionState(mo.page), WAIT).toBe('connected');

    // Reload: same person, same name, listed once on both screens.
    await mo.page.reload();
    await expect.poll(() => ui.presenceNames(mo.page), WAIT).toEqual(['Mohammed El Amrani', 'Anna de Vries']);
    expect(await mo.page.locator('[data-self="true"]').getByTestId('presence-name').textContent()).toBe(
      'Mohammed El Amrani',
    );
    await expect.poll(() => ui.presenceNames(anna.page), WAIT).toEqual(['Anna de Vries', 'Mohammed El Amrani']);
    // And it stays that way once the old tab's presence has been cleaned up.
    await anna.page.waitForTimeout(1500);
    expect(await ui.presenceNames(anna.page)).toEqual(['Anna de Vries', 'Mohammed El Amrani']);

    expect(anna.errors).toEqual([]);
    expect(mo.errors).toEqual([]);
  });

  it('says so at the code field when a join code is unknown', async () => {
    const p = await person();
    await p.page.goto(`${harness.server.url}/join/ZZZ-ZZZ`);
    expect(await p.page.getByTestId('join-code').inputValue()).toBe('ZZZ-ZZZ');
    await ui.join(p.page, harness.server.url, 'ZZZ-ZZZ', 'Iemand');
    await p.page.getByRole('alert').filter({ hasText: 'Deze code kennen we niet' }).waitFor();
    expect(new URL(p.page.url()).pathname).toBe('/join/ZZZ-ZZZ');
  });

  it('makes the board read-only for participants while the facilitator has it locked', async () => {
    const anna = await person();
    const code = await ui.startSession(anna.page, harness.server.url, 'Vergrendeltest', 'Anna');
    const piet = await person();
    await ui.join(piet.page, harness.server.url, code, 'Piet');
    await expect.poll(() => ui.presenceNames(piet.page), WAIT).toEqual(['Piet', 'Anna']);
    expect(await piet.page.getByTestId('board').getAttribute('data-editable')).toBe('true');

    await anna.page.getByTestId('lock-toggle').click();
    await piet.page.getByTestId('board-readonly').filter({ hasText: 'Vergrendeld' }).waitFor();
    expect(await piet.page.getByTestId('board').getAttribute('data-editable')).toBe('false');
    // Double-clicking the empty board adds nothing while it is locked.
    const canvas = piet.page.locator('[data-testid="board"] canvas').first();
    await canvas.dblclick({ position: { x: 200, y: 200 } });
    expect(await piet.page.getByTestId('note-editor').count()).toBe(0);

    await anna.page.getByTestId('lock-toggle').click();
    await expect.poll(() => piet.page.getByTestId('board').getAttribute('data-editable'), WAIT).toBe('true');
    await canvas.dblclick({ position: { x: 200, y: 200 } });
    await piet.page.getByTestId('note-editor').waitFor();
    expect(piet.errors).toEqual([]);
  });
});
