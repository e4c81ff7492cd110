/**
 * The polite live region for a screen reader (issue 12): what others change on the
 * krachtenveld and the free board is said in words, a burst of changes as one message
 * with the rest counted, and one's own changes not at all. The others are a real
 * y-websocket client on the board; Fien is in Chromium. Real server, the built client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addActor, readMethods, updateActor } from '../../shared/model/board/actors.ts';
import { addItems } from '../../shared/model/board/commands.ts';
import { PLENARY_BOARD_ID, boardRoomName } from '../../shared/protocol.ts';
import type { Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { createSessionWith } from '../helpers/server.ts';
import { connectClient, type TestClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const NAMES = ['Wethouder', 'GGD', 'Huisartsen', 'Woningcorporatie', 'Sportbedrijf'];

describe('the live region', () => {
  const harness = useMeetingHarness();
  let session: Awaited<ReturnType<typeof createSessionWith>>;
  let token: string;
  let other: TestClient;
  let fien: Person;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    session = await createSessionWith(harness.server.url, 'Gezonde wijk', []);
    token = new URL(session.facilitatorUrl).hash.replace('#token=', '');
    other = connectClient(harness.server.wsUrl, boardRoomName(session.sessionId, PLENARY_BOARD_ID), token);
    await other.synced;
    for (const name of NAMES) ids.set(name, addActor(other.doc, { name })!);
    fien = await harness.person({ viewport: { width: 1366, height: 768 } });
  });

  afterAll(() => other?.destroy());

  it("says where another placed an actor, a burst as one message, and not one's own moves", async () => {
    await fien.page.goto(`${harness.server.url}/s/${session.sessionId}?v=krachtenveld#token=${token}`);
    const live = fien.page.getByTestId('methods-live');
    await fien.page
      .locator('[data-testid="methods-live"][data-listening="true"]')
      .waitFor({ ...WAIT, state: 'attached' });
    expect(await live.getAttribute('aria-live')).toBe('polite');

    updateActor(other.doc, ids.get('Wethouder')!, { houding: 0.8, invloed: 0.9, betrokkenheid: 0.9 });
    await expect
      .poll(() => live.textContent(), WAIT)
      .toBe('Wethouder geplaatst: veel invloed, houding voor, groot belang.');

    // Four actors placed at once: one message, three named and the rest counted.
    for (const name of NAMES.slice(1)) updateActor(other.doc, ids.get(name)!, { houding: -0.8, invloed: 0.1 });
    await expect.poll(() => live.textContent(), WAIT).toMatch(/^GGD geplaatst: .*\. En nog 1 wijziging\.$/);
    const burst = (await live.textContent()) ?? '';
    expect(burst.split('geplaatst').length - 1).toBe(3);

    // Fien's own move (keyboard on the field) is not announced; another's next one is.
    await fien.page.getByTestId('field-stage').focus();
    await fien.page.keyboard.press(']');
    await fien.page.keyboard.press('ArrowRight');
    await expect.poll(() => readMethods(other.doc).actors.find((a) => a.name === 'Wethouder')?.houding, WAIT).toBe(0.9);
    updateActor(other.doc, ids.get('GGD')!, { houding: 0.9, invloed: 0.9 });
    await expect.poll(() => live.textContent(), WAIT).toMatch(/^GGD verplaatst: veel invloed, houding voor/);
    expect(await live.textContent()).not.toContain('Wethouder');
  });

  it('says what another wrote on the free board', async () => {
    await fien.page.goto(`${harness.server.url}/s/${session.sessionId}#token=${token}`);
    const live = fien.page.getByTestId('board-live');
    await fien.page
      .locator('[data-testid="board-live"][data-listening="true"]')
      .waitFor({ ...WAIT, state: 'attached' });
    addItems(other.doc, [
      { kind: 'note', x: 0, y: 0, w: 180, h: 140, text: 'Wie trekt dit?', color: '#fff3a3', author: 'Anna' },
    ]);
    await expect.poll(() => live.textContent(), WAIT).toBe('Nieuw: Briefje van Anna: Wie trekt dit? (midden).');
  });
});
