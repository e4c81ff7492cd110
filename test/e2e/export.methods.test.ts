/**
 * "Exporteren" on a method view: the krachtenveld as PNG and SVG, drawn by the same
 * pure drawing as the verslag (with the actors' names).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ui } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';

const h = useMeetingHarness();

describe('exporting a method view', () => {
  it('saves the krachtenveld of the worked example as SVG and PNG', async () => {
    const fac = await h.person();
    await ui.startSession(fac.page, h.server.url, 'Gezonde wijk', 'Fatima');
    await fac.page.getByTestId('method-tab-krachtenveld').click();
    await fac.page.getByTestId('load-example').click();

    const svgDownload = fac.page.waitForEvent('download');
    await fac.page.getByTestId('export-button').click();
    await fac.page.getByTestId('export-svg').click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toMatch(/^veldwerk-gezonde-wijk-plenair-\d{4}-\d\d-\d\d\.svg$/);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Wethouder volksgezondheid');
    expect(svg).toContain('Houding');

    const pngDownload = fac.page.waitForEvent('download');
    await fac.page.getByTestId('export-button').click();
    await fac.page.getByTestId('export-png').click();
    const png = readFileSync(await (await pngDownload).path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Drawn at twice the SVG's size.
    const width = png.readUInt32BE(16);
    expect(width).toBeGreaterThan(1000);
    expect(fac.errors).toEqual([]);
  });
});
