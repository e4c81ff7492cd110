/**
 * The verslag from the browser: the facilitator fills in the report dialog, downloads
 * the report (Word and PDF) and gets files that hold what was set; a participant cannot
 * reach the report endpoint with their own token.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { docxParts, pdfText } from '../helpers/readBack.ts';
import { ui } from '../helpers/browser.ts';

const h = useMeetingHarness();

describe('the verslag in the browser', () => {
  it('the facilitator downloads the report; a participant cannot get it', async () => {
    const fac = await h.person();
    const code = await ui.startSession(fac.page, h.server.url, 'Wijkaanpak Noord', 'Fatima');
    const ana = await h.person();
    await ui.join(ana.page, h.server.url, code, 'Ana');
    await ana.page.waitForURL(/\/s\//);
    // Participants have no report button.
    await ana.page.getByTestId('session-title').waitFor();
    expect(await ana.page.getByTestId('report-open').count()).toBe(0);

    await fac.page.getByTestId('report-open').click();
    const dialog = fac.page.getByTestId('report-dialog');
    await dialog.waitFor();
    await fac.page.getByTestId('report-place').fill('Buurthuis De Linde');
    await fac.page.getByTestId('report-intro').fill('Inleiding: <b>niet vet</b> & eerlijk');
    // Leave out the appendix and the methods' explanation.
    await fac.page.getByTestId('report-part-methods').uncheck();

    const docxDownload = fac.page.waitForEvent('download');
    await fac.page.getByTestId('report-download-docx').click();
    const docx = await docxDownload;
    expect(docx.suggestedFilename()).toMatch(/^verslag-wijkaanpak-noord-\d{4}-\d\d-\d\d\.docx$/);
    const docxPath = await docx.path();
    const parts = await docxParts(new Uint8Array(readFileSync(docxPath)));
    expect(parts.documentXml).toContain('Buurthuis De Linde');
    expect(parts.documentXml).toContain('Inleiding: &lt;b&gt;niet vet&lt;/b&gt; &amp; eerlijk');
    expect(parts.documentXml).not.toContain('Na een korte uiteenzetting');
    await expect.poll(() => fac.page.getByTestId('report-status').textContent()).toContain('gedownload');

    // The theory back in, opened by the facilitator's own sentence (issue 15).
    await fac.page.getByTestId('report-part-methods').check();
    await fac.page.getByTestId('report-sections').locator('summary').click();
    await fac.page.getByTestId('report-section-theorie').fill('We begonnen met drie methodieken uit de Handreiking.');
    const pdfDownload = fac.page.waitForEvent('download');
    await fac.page.getByTestId('report-download-pdf').click();
    const pdf = await pdfDownload;
    const text = await pdfText(new Uint8Array(readFileSync(await pdf.path())));
    expect(text).toContain('Wijkaanpak Noord');
    expect(text).toContain('Buurthuis De Linde');
    expect(text).toContain('We begonnen met drie methodieken uit de Handreiking.');
    expect(text).not.toContain('Na een korte uiteenzetting');
    // Kept in the session: the dialog opened again shows it.
    await fac.page.getByTestId('report-close').click();
    await fac.page.getByTestId('report-open').click();
    await fac.page.getByTestId('report-sections').locator('summary').click();
    expect(await fac.page.getByTestId('report-section-theorie').inputValue()).toBe(
      'We begonnen met drie methodieken uit de Handreiking.',
    );

    // The participant's own token is refused by the report endpoint.
    const status = await ana.page.evaluate(async () => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('veldwerk:identity:'));
      const identity = JSON.parse(localStorage.getItem(key ?? '') ?? '{}') as { token?: string };
      const sessionId = location.pathname.split('/')[2];
      const res = await fetch(`/api/sessions/${sessionId}/report?format=pdf`, {
        headers: { Authorization: `Bearer ${identity.token ?? ''}` },
      });
      return res.status;
    });
    expect(status).toBe(403);
    expect(fac.errors).toEqual([]);
  });
});
