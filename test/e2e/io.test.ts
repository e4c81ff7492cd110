/**
 * Data in and out from the browser (issue 6): the facilitator imports a CSV through the
 * dialog (preview, a rejected row, a changed column), sees the actors in the table, and
 * downloads the actors as CSV and the meeting as JSON; a participant has only the
 * downloads. Real server, real Chromium, the built client.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createSessionWith } from '../helpers/server.ts';

const h = useMeetingHarness();
const WAIT = { timeout: 15_000, interval: 100 };

const CSV = [
  'Naam;Organisatie;Rol;Houding;Invloed;Wat ze willen',
  'Huisartsen De Horst;Huisartsenpraktijk;uitvoerder;0,5;0,6;Minder zorgvraag',
  'Gemeente Noord;Gemeente;beslisser;0,8;0,9;Gezonde wijk',
  ';Zonder naam;;0;0;',
  'Woningcorporatie Thuis;Thuis;financier;-0,4;0,7;Leefbare buurt',
  'Sportclub;;koning;;;',
].join('\r\n');

async function openMethods(page: Page, url: string, sessionId: string, token: string) {
  await page.goto(`${url}/s/${sessionId}/methode/krachtenveld#token=${token}`);
  await page.getByTestId('methods').waitFor();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
}

describe('data in and out in the browser', () => {
  it('the facilitator imports a CSV with a preview and rejected rows, sees the actors, and downloads them', async () => {
    const s = await createSessionWith(h.server.url, 'Gezonde wijk Noord', ['Bram']);
    const fac = await h.person({ viewport: { width: 1280, height: 800 } });
    await openMethods(fac.page, h.server.url, s.sessionId, s.facilitatorToken);

    await fac.page.getByTestId('io-button').click();
    await fac.page.getByTestId('io-import').click();
    const dialog = fac.page.getByTestId('import-dialog');
    await dialog.waitFor();
    // Nothing chosen yet: nothing to import.
    expect(await fac.page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await fac.page.getByTestId('import-why').textContent()).toBe('Kies eerst een bestand.');
    await fac.page.screenshot({ path: '/tmp/io-dialog-empty.png' });

    await fac.page
      .getByTestId('import-file')
      .setInputFiles({ name: 'actoren.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    const preview = fac.page.getByTestId('import-preview');
    await preview.waitFor();
    await expect.poll(() => preview.locator('tbody tr').count(), WAIT).toBe(3);
    const rejected = fac.page.getByTestId('import-rejected');
    expect(await rejected.textContent()).toContain('Rij 4: naam ontbreekt');
    expect(await rejected.textContent()).toContain('Rij 6: rol “koning” ken ik niet');
    // The unknown header is not imported until the facilitator maps it.
    const lastColumn = fac.page.getByLabel('Kolom “Wat ze willen”');
    expect(await lastColumn.inputValue()).toBe('');
    await lastColumn.selectOption('bedoeling');
    await expect.poll(() => preview.locator('thead th').allTextContents(), WAIT).toContain('Bedoeling');
    expect(await preview.textContent()).toContain('Minder zorgvraag');
    await fac.page.screenshot({ path: '/tmp/io-dialog-preview.png' });

    // "All or nothing" with rejected rows: the button says why it cannot.
    await fac.page.getByTestId('import-all-or-nothing').check();
    expect(await fac.page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect(await fac.page.getByTestId('import-why').textContent()).toContain('alles of niets');
    await fac.page.getByTestId('import-all-or-nothing').uncheck();
    expect(await fac.page.getByTestId('import-commit').textContent()).toBe('Importeer 3 actoren');
    await fac.page.getByTestId('import-commit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => fac.page.getByRole('status').allTextContents(), WAIT)
      .toContain('3 actoren geïmporteerd op “Plenair”.');

    // The actors are in the table, with what was mapped.
    await fac.page.getByTestId('actors-mode-table').click();
    const rows = fac.page.getByTestId('actor-row');
    await expect.poll(() => rows.count(), WAIT).toBe(3);
    const names = await rows
      .getByTestId('row-name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(['Huisartsen De Horst', 'Gemeente Noord', 'Woningcorporatie Thuis']);
    await fac.page.screenshot({ path: '/tmp/io-after-import.png' });

    // Download the actors as CSV.
    await fac.page.getByTestId('io-button').click();
    const csvDownload = fac.page.waitForEvent('download');
    await fac.page.getByTestId('io-csv').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('Gezonde-wijk-Noord-Plenair-actoren.csv');
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFFNaam;Organisatie;Rol;')).toBe(true);
    expect(text).toContain('Huisartsen De Horst;Huisartsenpraktijk;uitvoerder;;;;;;0,5;0,6;0,5;;;Minder zorgvraag');

    // And the whole meeting as JSON.
    await fac.page.getByTestId('io-button').click();
    const jsonDownload = fac.page.waitForEvent('download');
    await fac.page.getByTestId('io-session').click();
    const json = await jsonDownload;
    expect(json.suggestedFilename()).toMatch(/^Gezonde-wijk-Noord-\d{4}-\d\d-\d\d\.veldwerk\.json$/);
    const file = JSON.parse(readFileSync(await json.path(), 'utf8')) as { format: string; docs: object };
    expect(file.format).toBe('veldwerk-session');
    expect(Object.keys(file.docs)).toContain('b/plenair');
    expect(fac.errors).toEqual([]);

    // A participant can download the actors, but has no import or session export.
    const bram = await h.person();
    await openMethods(bram.page, h.server.url, s.sessionId, s.participants[0]!.token);
    await bram.page.getByTestId('io-button').click();
    expect(await bram.page.getByTestId('io-csv').count()).toBe(1);
    expect(await bram.page.getByTestId('io-import').count()).toBe(0);
    expect(await bram.page.getByTestId('io-session').count()).toBe(0);
  });

  it('a meeting file imported on the start page opens as a new meeting; a broken file says why', async () => {
    const s = await createSessionWith(h.server.url, 'Oude bijeenkomst');
    const res = await fetch(`${h.server.url}/api/sessions/${s.sessionId}/export`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    const file = Buffer.from(await res.arrayBuffer());
    const fac = await h.person({ viewport: { width: 390, height: 844 } });
    await fac.page.goto(`${h.server.url}/`);
    await fac.page
      .getByTestId('session-import-file')
      .setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await expect
      .poll(() => fac.page.getByTestId('session-import-error').textContent(), WAIT)
      .toContain('geen JSON-bestand');
    await fac.page.screenshot({ path: '/tmp/io-home-phone.png', fullPage: true });
    await fac.page
      .getByTestId('session-import-file')
      .setInputFiles({ name: 'bijeenkomst.veldwerk.json', mimeType: 'application/json', buffer: file });
    await fac.page.waitForURL((u) => /\/s\/[A-Za-z0-9_-]+$/.test(u.pathname) && !u.pathname.includes(s.sessionId));
    // The title fills in once the new meeting's record has loaded.
    await expect.poll(() => fac.page.getByTestId('session-title').textContent(), WAIT).toContain('Oude bijeenkomst');
  });
});
