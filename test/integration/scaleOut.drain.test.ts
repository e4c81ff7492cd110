/**
 * Drain on SIGTERM (issue 13): with SHUTDOWN_DRAIN_MS the instance first tells a load
 * balancer it is not ready (`/readyz` 503 "draining") while it still serves, then stops
 * listening, closes its websockets with 1012 and exits 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { startChildServer, type ChildServer } from '../helpers/processServer.ts';
import { api, createSessionWith, tempDir } from '../helpers/server.ts';
import { sleep } from '../helpers/yclient.ts';

const h = useHarness();
const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
});

describe('drain on SIGTERM', { timeout: 120_000 }, () => {
  it('answers /readyz 503 while it drains, still serves, then closes websockets with 1012 and exits 0', async () => {
    const server = await startChildServer(tempDir(), { SHUTDOWN_DRAIN_MS: '4000' });
    children.push(server);
    const s = await createSessionWith(server.url, 'Afbouw', ['Anna']);
    const anna = h.client(server.wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), s.participants[0]!.token);
    await anna.synced;
    expect((await api(server.url, 'GET', '/readyz')).status).toBe(200);

    server.proc.kill('SIGTERM');
    let ready = await api<{ reasons?: string[] }>(server.url, 'GET', '/readyz');
    while (ready.status === 200) {
      await sleep(20);
      ready = await api<{ reasons?: string[] }>(server.url, 'GET', '/readyz');
    }
    expect(ready.status).toBe(503);
    expect(ready.body.reasons).toEqual(['draining']);
    expect((await api(server.url, 'GET', '/healthz')).status).toBe(200); // alive, still serving

    expect((await anna.closed).code).toBe(CloseCode.shuttingDown);
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
