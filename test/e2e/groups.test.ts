/**
 * Groups and the control room (issue 5) with five people in their own browser
 * contexts: the facilitator creates two groups in the sidebar and divides four
 * participants automatically (2 + 2); each participant sees their group and opens
 * their group board; then participants choose a group themselves. The control room
 * shows both group cards, who is on which board, and a note and a placed actor on a
 * group board without a reload. Real server, real Chromium, the built client.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CreateSessionResponse } from '../../shared/api.ts';
import { BoardPage } from '../helpers/boardPage.ts';
import { ui, type Person } from '../helpers/browser.ts';
import { useMeetingHarness } from '../helpers/meeting.ts';
import { api } from '../helpers/server.ts';

const WAIT = { timeout: 15_000, interval: 100 };
const NAMES = ['Ana', 'Bram', 'Carla', 'Daan'];

/** Page object: the groups panel and the control room. */
const groups = {
  card: (page: Page, name: string) => page.locator(`[data-testid="group-card"][data-name="${name}"]`),
  async membersOf(page: Page, name: string): Promise<string[]> {
    const names = await groups
      .card(page, name)
      .getByTestId('group-member')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-name') ?? ''));
    return names.sort();
  },
  async groupOf(page: Page, person: string): Promise<string | null> {
    const member = page.locator(`[data-testid="group-card"] [data-testid="group-member"][data-name="${person}"]`);
    if ((await member.count()) !== 1) return null;
    return member.evaluate((el) => el.closest('[data-testid="group-card"]')?.getAttribute('data-name') ?? null);
  },
  myGroup: (page: Page) => page.getByTestId('my-group').textContent(),
  controlCard: (page: Page, name: string) => page.locator(`[data-testid="control-card"][data-name="${name}"]`),
  async here(page: Page, name: string): Promise<string[]> {
    return (await groups.controlCard(page, name).getByTestId('control-here-person').allTextContents()).sort();
  },
  async thumbText(page: Page, name: string): Promise<string> {
    const src = await groups.controlCard(page, name).getByTestId('control-thumb').getAttribute('src');
    return decodeURIComponent((src ?? '').replace(/^[^,]*,/, ''));
  },
};

describe('groups and the control room', () => {
  const harness = useMeetingHarness();

  it('forms groups, sends everyone to their board, and the control room follows them live', async () => {
    const created = await api<CreateSessionResponse>(harness.server.url, 'POST', '/api/sessions', {
      title: 'Netwerkbijeenkomst gezonde wijk',
      facilitatorName: 'Fien',
      template: 'krachtenveld',
    });
    const fien = await harness.person();
    await fien.page.goto(created.body.facilitatorUrl);
    await fien.page.getByTestId('groups-panel').waitFor();
    // Before there are groups: the explanation and the form.
    expect(await fien.page.getByTestId('groups-panel').textContent()).toContain(
      'Elke groep krijgt een eigen bord, gekopieerd van het sjabloon',
    );

    const people: Record<string, Person> = {};
    for (const name of NAMES) {
      const p = await harness.person();
      await ui.join(p.page, harness.server.url, created.body.joinCode, name);
      await p.page.waitForURL(/\/s\/[A-Za-z0-9_-]+/);
      people[name] = p;
    }
    // Nothing about groups for participants before there are any.
    expect(await people.Ana!.page.getByTestId('my-group-panel').count()).toBe(0);

    // The control room before there are groups: the empty state points to the panel.
    await fien.page.getByTestId('screen-control').click();
    await fien.page.getByTestId('control-empty').waitFor();
    expect(await fien.page.getByTestId('control-empty').textContent()).toContain('Groepen');
    await fien.page.getByTestId('screen-board').click();

    // Two groups, then divided automatically: 2 + 2.
    await fien.page.getByTestId('groups-count').fill('2');
    await fien.page.getByTestId('groups-create').click();
    await expect.poll(() => fien.page.getByTestId('group-card').count(), WAIT).toBe(2);
    await expect
      .poll(() => fien.page.locator('[data-testid="groups-unassigned"] [data-testid="group-member"]').count(), WAIT)
      .toBe(4);
    await fien.page.getByTestId('groups-mode-auto').check();
    await expect.poll(() => groups.membersOf(fien.page, 'Groep 1'), WAIT).toHaveLength(2);
    expect(await groups.membersOf(fien.page, 'Groep 2')).toHaveLength(2);
    const all = [...(await groups.membersOf(fien.page, 'Groep 1')), ...(await groups.membersOf(fien.page, 'Groep 2'))];
    expect(all.sort()).toEqual(NAMES);
    await groups.card(fien.page, 'Groep 2').scrollIntoViewIfNeeded();
    await fien.page.screenshot({ path: '/tmp/groups-sidebar.png' });

    // Each participant sees their group and goes to its board.
    const groupOf: Record<string, string> = {};
    for (const name of NAMES) {
      groupOf[name] = (await groups.groupOf(fien.page, name))!;
      const page = people[name]!.page;
      await expect.poll(() => groups.myGroup(page), WAIT).toBe(groupOf[name]);
      await page.getByTestId('my-group-board').click();
      await page.getByTestId('my-group-here').waitFor();
      expect(await page.getByTestId('my-group-here').textContent()).toContain('Je bent op jullie groepsbord');
      // Their group's board is the open tab.
      expect(await page.locator('[data-testid="board-tab"][aria-selected="true"]').textContent()).toContain(
        groupOf[name],
      );
    }
    await people.Ana!.page.screenshot({ path: '/tmp/groups-participant.png' });
    const [inOne, inTwo] = [
      NAMES.filter((n) => groupOf[n] === 'Groep 1'),
      NAMES.filter((n) => groupOf[n] === 'Groep 2'),
    ];

    // The control room: both group cards and the plenary one; who is where.
    await fien.page.getByTestId('screen-control').click();
    await fien.page.getByTestId('control-room').waitFor();
    await expect.poll(() => fien.page.getByTestId('control-card').count(), WAIT).toBe(3);
    await expect.poll(() => groups.here(fien.page, 'Groep 1'), WAIT).toEqual(inOne);
    await expect.poll(() => groups.here(fien.page, 'Groep 2'), WAIT).toEqual(inTwo);
    expect(await fien.page.getByTestId('control-summary').textContent()).toBe('4 van 4 deelnemers op hun groepsbord');

    // A participant of group 1 writes a note on the free board: it shows in that card.
    const writer = people[inOne[0]!]!;
    const board = await BoardPage.open(writer.page);
    await board.addNote({ x: 200, y: 160 }, 'Wijkteam Noord');
    await fien.page.getByTestId('control-picture-canvas').click();
    await expect.poll(() => groups.controlCard(fien.page, 'Groep 1').getAttribute('data-notes'), WAIT).toBe('1');
    // (The note's text is wrapped over two lines in the picture.)
    await expect.poll(() => groups.thumbText(fien.page, 'Groep 1'), WAIT).toMatch(/>Wijkteam<.*>Noord</);
    expect(await groups.thumbText(fien.page, 'Groep 2')).not.toContain('Wijkteam');
    expect(await groups.controlCard(fien.page, 'Groep 1').getByTestId('control-activity').textContent()).toBe(
      'zojuist',
    );

    // A participant of group 2 adds an actor and places it on the krachtenveld.
    const placer = people[inTwo[0]!]!.page;
    await placer.getByTestId('method-tab-krachtenveld').click();
    await placer.getByTestId('actor-add-name').fill('Huisartsen De Horst');
    await placer.getByTestId('actor-add-submit').click();
    await fien.page.getByTestId('control-picture-field').click();
    await expect
      .poll(() => groups.controlCard(fien.page, 'Groep 2').getByTestId('control-actors').textContent(), WAIT)
      .toBe('0 van 1');
    const chip = placer.locator('[data-testid="field-points"] li[data-name="Huisartsen De Horst"]');
    await chip.waitFor({ state: 'attached' });
    const stage = (await placer.getByTestId('field-stage').boundingBox())!;
    const [cx, cy] = [Number(await chip.getAttribute('data-x')), Number(await chip.getAttribute('data-y'))];
    await placer.mouse.move(stage.x + cx, stage.y + cy);
    await placer.mouse.down();
    await placer.mouse.move(stage.x + stage.width * 0.75, stage.y + stage.height * 0.25, { steps: 12 });
    await placer.mouse.up();
    await expect
      .poll(() => groups.controlCard(fien.page, 'Groep 2').getByTestId('control-actors').textContent(), WAIT)
      .toBe('1 van 1');
    await expect.poll(() => groups.thumbText(fien.page, 'Groep 2'), WAIT).toContain('Huisartsen De Horst');
    expect((await groups.thumbText(fien.page, 'Groep 2')).match(/<circle /g)).toHaveLength(1);
    // Lock group 1 from its card: its members can no longer write.
    const one = groups.controlCard(fien.page, 'Groep 1');
    await one.getByTestId('control-lock').click();
    await expect.poll(() => one.getByTestId('control-lock').getAttribute('aria-pressed'), WAIT).toBe('true');
    await writer.page.getByTestId('board-readonly').waitFor();
    // Spotlight on group 2: everyone looks at its board until it ends.
    const two = groups.controlCard(fien.page, 'Groep 2');
    await two.getByTestId('control-spotlight').click();
    await expect.poll(() => two.getAttribute('class'), WAIT).toContain('is-spotlight');
    expect(await two.getByTestId('control-spotlight').textContent()).toBe('Spotlight uit');
    const openTab = (page: Page) => page.locator('[data-testid="board-tab"][aria-selected="true"]').textContent();
    await expect.poll(() => openTab(writer.page), WAIT).toContain('Groep 2');
    await fien.page.waitForTimeout(300);
    await fien.page.screenshot({ path: '/tmp/groups-control.png' });
    await two.getByTestId('control-spotlight').click();
    await expect.poll(() => openTab(writer.page), WAIT).toContain('Groep 1');
    await one.getByTestId('control-lock').click();
    await expect.poll(() => writer.page.getByTestId('board').getAttribute('data-editable'), WAIT).toBe('true');

    // Participants choose: one of group 1 moves to group 2.
    await fien.page.getByTestId('screen-board').click();
    await fien.page.getByTestId('groups-mode-choose').check();
    const mover = inOne[1]!;
    const moverPage = people[mover]!.page;
    await moverPage.locator('[data-testid="choose-group"][data-name="Groep 2"]').click();
    await expect.poll(() => groups.myGroup(moverPage), WAIT).toBe('Groep 2');
    await expect.poll(() => groups.groupOf(fien.page, mover), WAIT).toBe('Groep 2');
    expect(await moverPage.locator('[data-testid="choose-group"][data-name="Groep 2"]').textContent()).toBe(
      'Jouw groep',
    );
    await moverPage.screenshot({ path: '/tmp/groups-choose.png' });
    // The control room shows the mover as elsewhere (still on the board of group 1).
    await fien.page.getByTestId('screen-control').click();
    await expect
      .poll(
        () => groups.controlCard(fien.page, 'Groep 2').getByTestId('control-elsewhere-person').allTextContents(),
        WAIT,
      )
      .toEqual([`${mover} (Groep 1)`]);
    await moverPage.getByTestId('my-group-board').click();
    await expect.poll(() => groups.here(fien.page, 'Groep 2'), WAIT).toEqual([...inTwo, mover].sort());

    // "Open bord" from a card opens that board for the facilitator.
    await groups.controlCard(fien.page, 'Groep 2').getByTestId('control-open').click();
    await fien.page.getByTestId('board').waitFor();
    expect(await fien.page.locator('[data-testid="board-tab"][aria-selected="true"]').textContent()).toContain(
      'Groep 2',
    );

    // Rename a group (its board's tab follows), then remove it: its board stays.
    const first = groups.card(fien.page, 'Groep 1');
    await first.getByTestId('group-rename').click();
    await fien.page.getByTestId('group-rename-input').fill('Wijk Noord');
    await fien.page.getByTestId('group-rename-input').press('Enter');
    const stayer = people[inOne[0]!]!.page;
    await expect.poll(() => groups.myGroup(stayer), WAIT).toBe('Wijk Noord');
    await stayer.locator('[data-testid="board-tab"]', { hasText: 'Wijk Noord' }).waitFor();
    await groups.card(fien.page, 'Wijk Noord').getByTestId('group-remove').click();
    await fien.page.getByTestId('group-remove-yes').click();
    await expect.poll(() => fien.page.getByTestId('group-card').count(), WAIT).toBe(1);
    await expect.poll(() => stayer.getByTestId('my-group').count(), WAIT).toBe(0);
    expect(await stayer.locator('[data-testid="board-tab"]', { hasText: 'Wijk Noord' }).count()).toBe(1);

    for (const p of [fien, ...Object.values(people)]) expect(p.errors).toEqual([]);
  }, 180_000);
});
