/**
 * Joining under control in the browser (issue 11): the facilitator changes the code in the
 * invitation panel (code, link and the projector view follow), a participant with the old
 * code or the old link is told the code is unknown, closing joining is explained on the
 * join form, and removing someone with "may not rejoin" changes the code shown.
 */
import { describe, expect, it } from 'vitest';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { WAIT } from '../helpers/participatePage.ts';

const CODE = /^[2-9A-Z]{3}-[2-9A-Z]{3}$/;

describe('joining under control', () => {
  const h = useMeetingHarness();

  it('the facilitator changes the code and closes joining; participants see why they cannot get in', async () => {
    const fien = await h.person();
    const oldCode = await ui.startSession(fien.page, h.server.url, 'Wijkoverleg', 'Fien');
    const panel = fien.page.getByTestId('facilitator-panel');
    const shownCode = () => panel.getByTestId('join-code-display').textContent();
    await expect.poll(() => panel.getByTestId('join-code-expiry').textContent(), WAIT).toMatch(/De code werkt tot /);
    expect(await panel.getByTestId('joining-toggle').getAttribute('aria-checked')).toBe('true');

    // "Nieuwe code": asked first, saying the old code and links stop working.
    await panel.getByTestId('join-code-rotate').click();
    const confirm = panel.getByTestId('join-code-rotate-confirm');
    expect(await confirm.textContent()).toContain(`De huidige code ${oldCode}, de oude link en de QR-code werken dan`);
    await panel.getByTestId('join-code-rotate-yes').click();
    await expect.poll(shownCode, WAIT).not.toBe(oldCode);
    const newCode = (await shownCode()) ?? '';
    expect(newCode).toMatch(CODE);
    expect(await panel.getByTestId('join-url').textContent()).toContain(`/join/${newCode}`);
    expect(await panel.getByTestId('join-controls-message').textContent()).toContain(`Nieuwe code: ${newCode}`);
    // The projector view shows the new code.
    await panel.getByTestId('invite-project').click();
    expect(await fien.page.getByTestId('projection-code').textContent()).toBe(newCode);
    await fien.page.getByTestId('projection-close').click();

    // Ana types the old code: the code is unknown. The old link's code is too.
    const ana = await h.person();
    await ui.join(ana.page, h.server.url, oldCode, 'Ana');
    const error = ana.page.getByTestId('join-form').getByRole('alert');
    await expect.poll(() => error.first().textContent(), WAIT).toContain('Deze code kennen we niet');
    await ana.page.goto(`${h.server.url}/join/${oldCode.replace('-', '')}`);
    await ui.join(ana.page, h.server.url, oldCode, 'Ana');
    await expect.poll(() => error.first().textContent(), WAIT).toContain('Deze code kennen we niet');

    // Joining closed: the new code is refused with that reason; reopened, Ana gets in.
    await panel.getByTestId('joining-toggle').click();
    await expect.poll(() => panel.getByTestId('joining-toggle').getAttribute('aria-checked'), WAIT).toBe('false');
    expect(await panel.getByTestId('joining-state').textContent()).toContain('Deelnemen is gesloten');
    await ui.join(ana.page, h.server.url, newCode, 'Ana');
    await expect.poll(() => error.first().textContent(), WAIT).toContain('Deelnemen aan deze bijeenkomst is gesloten');
    await panel.getByTestId('joining-toggle').click();
    await expect.poll(() => panel.getByTestId('joining-toggle').getAttribute('aria-checked'), WAIT).toBe('true');
    await ui.join(ana.page, h.server.url, newCode, 'Ana');
    await ana.page.waitForURL(/\/s\/[A-Za-z0-9_-]+$/, WAIT);
    await expect.poll(() => ui.presenceNames(fien.page), WAIT).toContain('Ana');

    // Removing Ana with "may not come back until the code changes": the code changes, shown at once.
    const anaRow = fien.page.getByTestId('presence-item').filter({ hasText: 'Ana' });
    await anaRow.getByTestId('participant-manage').click();
    await fien.page.getByTestId('participant-remove').click();
    await fien.page.getByTestId('participant-remove-no-rejoin').check();
    await fien.page.getByTestId('participant-remove-yes').click();
    await expect.poll(shownCode, WAIT).not.toBe(newCode);
    const thirdCode = (await shownCode()) ?? '';
    expect(thirdCode).toMatch(CODE);
    expect(await panel.getByTestId('join-controls-message').textContent()).toContain(`Nieuwe code: ${thirdCode}`);
    await ana.page.getByTestId('access-denied').waitFor(WAIT);
    // Ana is told what happened, not "an error".
    expect(await ana.page.getByTestId('access-denied').textContent()).toContain(
      'De procesbegeleider heeft je uit deze bijeenkomst verwijderd',
    );
    await ana.page.goto(`${h.server.url}/`);
    await ui.join(ana.page, h.server.url, newCode, 'Ana');
    await expect.poll(() => error.first().textContent(), WAIT).toContain('Deze code kennen we niet');
    expect(fien.errors).toEqual([]);
  }, 90_000);
});
