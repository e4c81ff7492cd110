/**
 * Seed 003's template meeting in a group phase, for layout tests and measurements: a
 * facilitator and a participant (each in their own browser context at the given screen
 * size), two groups, the programme moved on to "Uitwisseling in kleine groepen".
 */
import type { Page } from 'playwright-core';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import type { MeetingHarness } from './meeting.ts';
import type { Person } from './browser.ts';
import { api } from './server.ts';

export const WAIT = { timeout: 20_000, interval: 100 };

export interface GroupPhaseMeeting {
  created: CreateSessionResponse;
  fac: Person;
  part: Person;
  /** The participant's group board id. */
  boardId: string;
}

/** The work surface of each method view, as people see it (`?v=` of the open board). */
export const METHOD_VIEWS = ['krachtenveld', 'krachten', 'drieB', 'netwerk', 'typologie'] as const;

export async function groupPhaseMeeting(
  h: MeetingHarness,
  viewport: { width: number; height: number },
): Promise<GroupPhaseMeeting> {
  const created = (
    await api<CreateSessionResponse>(h.server.url, 'POST', '/api/sessions', {
      title: 'Netwerkbijeenkomst De Horst',
      facilitatorName: 'Fien',
      template: 'krachtenveld',
    })
  ).body;
  const joined = (
    await api<JoinResponse>(h.server.url, 'POST', '/api/join', { joinCode: created.joinCode, name: 'Ana' })
  ).body;
  const fac = await h.person({ viewport });
  await fac.page.goto(created.facilitatorUrl);
  await fac.page.getByTestId('groups-panel').waitFor(WAIT);
  const part = await h.person({ viewport });
  await part.page.goto(`${h.server.url}/s/${created.sessionId}#token=${joined.token}`);
  await part.page.getByTestId('session-title').waitFor(WAIT);
  await fac.page.getByTestId('groups-count').fill('2');
  await fac.page.getByTestId('groups-create').click();
  await fac.page.getByTestId('group-card').nth(1).waitFor(WAIT);
  await fac.page.locator('[data-testid="groups-unassigned"] [data-testid="group-member"]').first().waitFor(WAIT);
  await fac.page.getByTestId('groups-mode-auto').check();
  await fac.page.locator('[data-testid="group-card"] [data-testid="group-member"][data-name="Ana"]').waitFor(WAIT);
  await fac.page.getByTestId('meeting-start').click();
  await fac.page.getByTestId('phase-next').click();
  await fac.page.getByTestId('phase-next').click();
  await part.page
    .getByTestId('meeting-phase-title')
    .filter({ hasText: 'Uitwisseling in kleine groepen' })
    .waitFor(WAIT);
  // The participant lands on their group's board.
  let boardId = '';
  for (let i = 0; i < 200 && !boardId; i++) {
    boardId = new URL(part.page.url()).searchParams.get('b') ?? '';
    if (!boardId) await part.page.waitForTimeout(100);
  }
  if (!boardId) throw new Error('the participant did not reach a group board');
  return { created, fac, part, boardId };
}

/** Opens a view (`canvas` or a method view) of the page's open board through the view tabs. */
export async function openView(page: Page, view: string): Promise<void> {
  const tab = page.getByTestId(view === 'canvas' ? 'view-tab-canvas' : `method-tab-${view}`);
  // Tablets in portrait and phones choose the view in a select instead of the tabs.
  if (await tab.isVisible()) await tab.click();
  else await page.getByTestId('method-select').selectOption(view);
  await page
    .locator(view === 'canvas' ? '[data-testid="board"]' : `[data-testid="view-${view}"]`)
    .waitFor({ ...WAIT, state: 'attached' });
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounding box of the first element matching `selector`, or null. */
export async function box(page: Page, selector: string): Promise<Box | null> {
  const loc = page.locator(selector).first();
  if ((await loc.count()) === 0) return null;
  return loc.boundingBox();
}
