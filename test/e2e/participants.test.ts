/**
 * The facilitator manages participants (issue 5): renames one (everyone's presence
 * list follows) and removes another (they are disconnected and their invitation stops
 * working), from the presence list and from the "Niet verbonden" list.
 */
import { describe, expect, it } from 'vitest';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { WAIT } from '../helpers/participatePage.ts';

describe('managing participants', () => {
  const h = useMeetingHarness();

  it('renames and removes participants from the presence list', async () => {
    const fien = await h.person();
    const code = await ui.startSession(fien.page, h.server.url, 'Wijkoverleg', 'Fien');
    const ana = await h.person();
    const bram = await h.person();
    await ui.join(ana.page, h.server.url, code, 'Ana');
    await ui.join(bram.page, h.server.url, code, 'Bram');
    await expect.poll(() => ui.presenceNames(fien.page), WAIT).toEqual(['Fien', 'Ana', 'Bram']);
    // Participants have no "Beheren".
    expect(await ana.page.getByTestId('participant-manage').count()).toBe(0);

    // Rename Ana: everyone sees the new name.
    const anaRow = fien.page.getByTestId('presence-item').filter({ hasText: 'Ana' });
    await anaRow.getByTestId('participant-manage').click();
    await fien.page.getByTestId('participant-rename').click();
    await fien.page.getByTestId('participant-rename-input').fill('Ana (GGD)');
    await fien.page.getByTestId('participant-rename-input').press('Enter');
    for (const p of [fien, ana, bram]) {
      await expect.poll(() => ui.presenceNames(p.page), WAIT).toContain('Ana (GGD)');
    }

    // Remove Bram: asked first, then he is disconnected and told so.
    const bramRow = fien.page.getByTestId('presence-item').filter({ hasText: 'Bram' });
    await bramRow.getByTestId('participant-manage').click();
    await fien.page.getByTestId('participant-remove').click();
    await fien.page.getByTestId('participant-remove-yes').click();
    await bram.page.getByTestId('access-denied').waitFor(WAIT);
    await expect.poll(() => ui.presenceNames(fien.page), WAIT).toEqual(['Fien', 'Ana (GGD)']);
    // A reload does not bring him back.
    await bram.page.reload();
    await bram.page.getByTestId('no-identity').or(bram.page.getByTestId('access-denied')).waitFor(WAIT);

    // Ana leaves: she is listed as not connected, and can be managed there too.
    await ana.context.close();
    const absent = fien.page.getByTestId('absent-participant').filter({ hasText: 'Ana (GGD)' });
    await absent.waitFor(WAIT);
    await fien.page.screenshot({ path: '/tmp/participants-absent.png' });
    await absent.getByTestId('participant-manage').click();
    await fien.page.getByTestId('participant-remove').click();
    await fien.page.getByTestId('participant-remove-yes').click();
    await absent.waitFor({ state: 'detached', ...WAIT });
    expect(fien.errors).toEqual([]);
  }, 90_000);
});
