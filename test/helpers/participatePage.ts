/**
 * Taking part (issue 5) in browser tests: a meeting made from the krachtenveld template
 * with participants joined, the facilitator's hand on the session doc (a real
 * y-websocket client with the facilitator's token, for switching phases and private
 * mode), and page objects for the panel beside the board and the phone view.
 */
import type { Page } from 'playwright-core';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { boardRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { api } from './server.ts';
import { connectClient, type TestClient } from './yclient.ts';

export const WAIT = { timeout: 15_000, interval: 100 };

export interface Meeting {
  sessionId: string;
  facilitatorToken: string;
  participants: JoinResponse[];
}

/** A session from the "Netwerkbijeenkomst krachtenveld" template, with `names` joined. */
export async function createMeeting(baseUrl: string, title: string, names: string[]): Promise<Meeting> {
  const created = await api<CreateSessionResponse>(baseUrl, 'POST', '/api/sessions', {
    title,
    facilitatorName: 'Fien',
    template: 'krachtenveld',
  });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const participants: JoinResponse[] = [];
  for (const name of names) {
    const joined = await api<JoinResponse>(baseUrl, 'POST', '/api/join', { joinCode: created.body.joinCode, name });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    participants.push(joined.body);
  }
  return { sessionId: created.body.sessionId, facilitatorToken: created.body.facilitatorToken, participants };
}

/** A y-websocket client on the session doc (or a board) with the facilitator's token, synced. */
export async function facilitatorClient(
  wsUrl: string,
  meeting: Meeting,
  boardId: string | null = null,
): Promise<TestClient> {
  const room = boardId ? boardRoomName(meeting.sessionId, boardId) : sessionRoomName(meeting.sessionId);
  const client = connectClient(wsUrl, room, meeting.facilitatorToken);
  await client.synced;
  return client;
}

/** Opens the session page with a token and waits until it is connected. */
export async function openSession(page: Page, baseUrl: string, sessionId: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/s/${sessionId}#token=${token}`);
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor({ timeout: 15_000 });
}

/** Page object: the panel beside the board and its sections (also inside the phone view). */
export const participate = {
  panel: (page: Page) => page.getByTestId('participate-panel'),
  async openTab(page: Page, tab: 'questions' | 'vote' | 'evaluation') {
    await page.getByTestId(`panel-tab-${tab}`).click();
    await page.locator(`[data-testid="participate-panel"][data-tab="${tab}"]`).waitFor();
  },
  question: (page: Page, questionId: string) =>
    page.locator(`[data-testid="question"][data-question-id="${questionId}"]`),
  async answer(page: Page, questionId: string, text: string) {
    const q = participate.question(page, questionId);
    await q.getByTestId('answer-input').fill(text);
    await q.getByTestId('answer-input').press('Enter');
  },
  answerTexts: (page: Page, questionId: string) =>
    participate.question(page, questionId).getByTestId('answer-text').allTextContents(),
  async hiddenCount(page: Page, questionId: string): Promise<number> {
    const el = participate.question(page, questionId).getByTestId('answers-hidden');
    if ((await el.count()) === 0) return 0;
    return Number(await el.getAttribute('data-count'));
  },
  candidate: (page: Page, targetId: string) => page.locator(`[data-testid="candidate"][data-target-id="${targetId}"]`),
  /** Puts `n` more of my dots on the candidate showing `text`; resolves its target id. */
  async dots(page: Page, text: string, n: number): Promise<string> {
    const c = page.getByTestId('candidate').filter({ hasText: text });
    const id = (await c.getAttribute('data-target-id')) ?? '';
    for (let i = 0; i < n; i++) {
      const before = Number(await participate.candidate(page, id).getAttribute('data-mine'));
      await participate.candidate(page, id).getByTestId('dot-add').click();
      await page
        .locator(`[data-testid="candidate"][data-target-id="${id}"][data-mine="${before + 1}"]`)
        .waitFor({ timeout: 10_000 });
    }
    return id;
  },
  /** Revealed totals as shown: target id and votes, in display order. */
  results(page: Page): Promise<{ id: string; votes: number; label: string }[]> {
    return page.getByTestId('vote-result').evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-target-id') ?? '',
        votes: Number(el.getAttribute('data-votes')),
        label: el.querySelector('[data-testid="vote-result-label"]')?.textContent ?? '',
      })),
    );
  },
  async grade(page: Page, grade: number, quote = '', anonymous = true) {
    await page.getByTestId(`grade-${grade}`).click();
    if (quote) await page.getByTestId('grade-quote').fill(quote);
    if (!anonymous) await page.getByTestId('grade-anonymous').click();
    await page.getByTestId('grade-submit').click();
    await page.locator(`[data-testid="grade-saved"][data-grade="${grade}"]`).waitFor({ timeout: 10_000 });
  },
};
