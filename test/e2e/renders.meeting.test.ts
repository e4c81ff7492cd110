/**
 * What a meeting change re-renders (issue 16): the timer's start, its ticks and "+1
 * minute", and someone coming in, re-render only what shows them: the timer, and "who is
 * here". The board, the meeting bar's phase, the participate panel and the header stay as
 * they are. Real server, real Chromium, real y-websocket clients for the changes.
 *
 * Renders are counted from React's own commits: the page gets a minimal devtools hook
 * (`__REACT_DEVTOOLS_GLOBAL_HOOK__`, which React calls in production builds too) that walks
 * each committed tree the way React DevTools does and counts the components that ran, by
 * the `data-testid` (or first class) of the first element they render.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { addTimerTime, startTimer } from '../../shared/model/meeting/live.ts';
import { sessionRoomName } from '../../shared/protocol.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { api } from '../helpers/server.ts';
import { connectClient } from '../helpers/yclient.ts';

const WAIT = { timeout: 15_000, interval: 100 };

declare global {
  interface Window {
    __renders?: Record<string, number>;
  }
}

/** Installed before the page's scripts: counts, per label, the components each commit ran. */
function countRenders(): void {
  const PERFORMED_WORK = 1;
  // FunctionComponent, ClassComponent, ForwardRef, SimpleMemoComponent.
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  const HOST = 5;
  type Fiber = {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    stateNode: unknown;
  };
  const counts: Record<string, number> = {};
  window.__renders = counts;
  // The first element a component renders (depth first), named by its test id or first class.
  const label = (fiber: Fiber): string | null => {
    const stack: Fiber[] = fiber.child ? [fiber.child] : [];
    while (stack.length) {
      const f = stack.pop() as Fiber;
      if (f.tag === HOST) {
        const el = f.stateNode as Element | null;
        if (!el || typeof el.getAttribute !== 'function') return null;
        const cls = typeof el.className === 'string' ? el.className.split(' ')[0] : '';
        return el.getAttribute('data-testid') ?? (cls ? `.${cls}` : el.tagName.toLowerCase());
      }
      if (f.sibling) stack.push(f.sibling);
      if (f.child) stack.push(f.child);
    }
    return null;
  };
  // A subtree that did no work keeps its old child fibers: walk only where they changed.
  const walk = (first: Fiber | null): void => {
    for (let f = first; f; f = f.sibling) {
      const mounted = f.alternate === null;
      if (COMPONENT_TAGS.has(f.tag) && (mounted || (f.flags & PERFORMED_WORK) !== 0)) {
        const name = label(f);
        if (name) counts[name] = (counts[name] ?? 0) + 1;
      }
      if (mounted || f.child !== f.alternate?.child) walk(f.child);
    }
  };
  let nextId = 1;
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => nextId++,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      const top = root.current;
      if (top.alternate === null || top.child !== top.alternate.child) walk(top.child);
    },
  };
}

const resetRenders = (page: Page) =>
  page.evaluate(() => Object.keys(window.__renders ?? {}).forEach((k) => delete window.__renders?.[k]));
const renders = (page: Page) => page.evaluate(() => ({ ...window.__renders }));
const timerSeconds = async (page: Page) => Number(await page.getByTestId('timer').getAttribute('data-seconds'));

/** Lets pending commits land: two animation frames with nothing in between. */
const settle = (page: Page) =>
  page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/**
 * Lets the page finish its start: the parts it loads after the first view (`ui/lazyPart.ts`:
 * the participate panel, the live menu, the report button…) are on screen, and no commit has
 * come for a while. A part that lands late would mount inside the measured window and move
 * the board's size with it.
 */
async function untilStarted(page: Page): Promise<void> {
  for (const id of ['participate-panel', 'live-menu', 'report-open']) {
    await page
      .getByTestId(id)
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
  }
  let last = '';
  let quiet = 0;
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await renders(page));
        quiet = now === last ? quiet + 1 : 0;
        last = now;
        return quiet;
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBeGreaterThanOrEqual(4);
}

/** What must not re-render when only the timer or the people present change. */
const UNRELATED = ['.page', 'board', 'meeting-bar', 'participate-panel', 'sidebar'] as const;

const pick = (counts: Record<string, number>, names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, counts[n] ?? 0]));

describe('what a meeting change re-renders', () => {
  const harness = useMeetingHarness();

  it('a timer tick, a timer change and someone coming in re-render the timer and the presence list only', async () => {
    const { url, wsUrl } = harness.server;
    const created = await api<CreateSessionResponse>(url, 'POST', '/api/sessions', {
      title: 'Netwerkbijeenkomst Gezonde Wijk',
      facilitatorName: 'Fien',
      template: 'krachtenveld',
    });
    expect(created.status).toBe(201);
    const { sessionId, joinCode } = created.body;
    const token = new URL(created.body.facilitatorUrl).hash.replace('#token=', '');

    const fien = await harness.person();
    await fien.page.addInitScript(countRenders);
    await fien.page.goto(`${url}/s/${sessionId}#token=${token}`);
    await fien.page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor(WAIT);
    await fien.page.getByTestId('meeting-start').click();
    await fien.page.getByTestId('meeting-phase-title').waitFor();
    await expect.poll(async () => (await renders(fien.page))['board'] ?? 0, WAIT).toBeGreaterThan(0);
    await untilStarted(fien.page);

    // The timer starts (from another device: the session doc changes), ticks twice, gets a minute more.
    const fac = connectClient(wsUrl, sessionRoomName(sessionId), token);
    await fac.synced;
    await settle(fien.page);
    await resetRenders(fien.page);
    startTimer(fac.doc, 10 * 60_000);
    await fien.page.getByTestId('timer').waitFor(WAIT);
    const first = await timerSeconds(fien.page);
    await expect.poll(() => timerSeconds(fien.page), WAIT).toBeLessThanOrEqual(first - 2);
    const before = await timerSeconds(fien.page);
    addTimerTime(fac.doc, 60_000);
    await expect.poll(() => timerSeconds(fien.page), WAIT).toBeGreaterThan(before + 30);
    await settle(fien.page);
    const timerRenders = await renders(fien.page);
    console.log('renders while the timer starts, ticks and gets a minute:', JSON.stringify(timerRenders));
    expect(timerRenders['timer'] ?? 0).toBeGreaterThanOrEqual(3);
    expect.soft(pick(timerRenders, UNRELATED)).toEqual(pick({}, UNRELATED));

    // Someone comes in: the presence list (and its count) re-render, nothing else.
    const joined = await api<JoinResponse>(url, 'POST', '/api/join', { joinCode, name: 'Anna (wijkverpleging)' });
    expect(joined.status).toBe(201);
    await settle(fien.page);
    await resetRenders(fien.page);
    const anna = connectClient(wsUrl, sessionRoomName(sessionId), joined.body.token);
    anna.provider.awareness.setLocalStateField('user', {
      id: joined.body.participantId,
      name: 'Anna (wijkverpleging)',
      role: 'participant',
      color: '#1f77b4',
    });
    await anna.synced;
    await fien.page
      .getByTestId('presence-name')
      .filter({ hasText: 'Anna (wijkverpleging)' })
      .waitFor({ ...WAIT, state: 'attached' });
    await settle(fien.page);
    const presenceRenders = await renders(fien.page);
    console.log('renders while someone comes in:', JSON.stringify(presenceRenders));
    expect(pick(presenceRenders, UNRELATED)).toEqual(pick({}, UNRELATED));

    anna.destroy();
    fac.destroy();
    expect(fien.errors).toEqual([]);
  });
});
