/**
 * Instances and their Redis (issue 13): `/readyz` follows the connection, and a room
 * that missed messages while Redis was away has them once it is back. Two in-process
 * instances on one SQLite file (safe here: each compacts only the rows it merged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { mark, markOf } from '../helpers/marks.ts';
import { startChildServer } from '../helpers/processServer.ts';
import { freePort, startRedis, type TestRedis } from '../helpers/redis.ts';
import { api, createSessionWith, tempDir, type TestServer } from '../helpers/server.ts';
import { sleep, waitFor } from '../helpers/yclient.ts';

const h = useHarness();
const LONG = 60_000;
let redis: TestRedis;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const readiness = async (server: TestServer) => {
  const res = await api<{ status: string; reasons?: string[] }>(server.url, 'GET', '/readyz');
  return { status: res.status, reasons: res.body.reasons ?? [] };
};

/** Empties Redis: each test starts with no counts of an earlier one. */
async function flushRedis(): Promise<void> {
  const conn = new Redis(redis.url);
  try {
    await conn.flushall();
  } finally {
    conn.disconnect();
  }
}

/** Asks `/readyz` until it answers `status` (or gives up after a minute and returns the last answer). */
async function readinessOf(server: TestServer, status: number) {
  const deadline = Date.now() + LONG;
  let answer = await readiness(server);
  while (answer.status !== status && Date.now() < deadline) {
    await sleep(50);
    answer = await readiness(server);
  }
  return answer;
}

describe('an instance and its Redis', { timeout: 120_000 }, () => {
  it('without REDIS_URL there is no bus: ready with the store alone', async () => {
    const server = await h.server();
    expect(await readiness(server)).toEqual({ status: 200, reasons: [] });
  });

  it('rate limits count over every instance', async () => {
    await flushRedis();
    const env = { REDIS_URL: redis.url, CREATE_SESSIONS_PER_MINUTE: '3' };
    const dataDir = tempDir();
    const one = await h.server({ dataDir, env });
    const two = await h.server({ dataDir, env });
    const statuses = [];
    for (const server of [one, two, one, two]) {
      statuses.push((await api(server.url, 'POST', '/api/sessions', { title: 'Limiet' })).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('open connections per address count over every instance', async () => {
    await flushRedis();
    const env = { REDIS_URL: redis.url, MAX_CONNECTIONS_PER_IP: '2' };
    const dataDir = tempDir();
    const one = await h.server({ dataDir, env });
    const two = await h.server({ dataDir, env });
    const s = await createSessionWith(one.url, 'Verbindingen', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const token = s.participants[0]!.token;
    const first = h.client(one.wsUrl, room, token);
    const second = h.client(two.wsUrl, room, token);
    await Promise.all([first.synced, second.synced]);
    const third = h.client(one.wsUrl, room, token);
    expect((await third.closed).code).toBe(CloseCode.tooManyConnections);
    third.provider.disconnect();
    first.destroy();
    const fourth = h.client(two.wsUrl, room, token);
    await fourth.synced; // one closed: room for another, on either instance
  });

  it('a start with Redis not reachable stops with one line naming REDIS_URL, without its password', async () => {
    const closedPort = await freePort();
    const failed = await startChildServer(tempDir(), { REDIS_URL: `redis://:geheim@127.0.0.1:${closedPort}` }).then(
      () => null,
      (err: unknown) => String(err),
    );
    expect(failed).toContain(`Cannot use Redis at REDIS_URL (redis://:***@127.0.0.1:${closedPort}`);
    expect(failed).not.toContain('geheim');
  });

  it('is not ready while Redis is away, and catches up what it missed when Redis is back', async () => {
    const dataDir = tempDir();
    const env = { REDIS_URL: redis.url, ROOM_IDLE_UNLOAD_MS: '600000' };
    const one = await h.server({ dataDir, env });
    const two = await h.server({ dataDir, env });
    expect((await readiness(one)).status).toBe(200);
    const s = await createSessionWith(one.url, 'Redis weg', ['Anna', 'Bram']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const anna = h.client(one.wsUrl, room, s.participants[0]!.token);
    const bram = h.client(two.wsUrl, room, s.participants[1]!.token);
    await Promise.all([anna.synced, bram.synced]);
    mark(anna.doc, 'with-redis', 1);
    await waitFor(() => markOf(bram.doc, 'with-redis') === 1, 'bram has it', LONG);

    const port = redis.port;
    await redis.stop();
    const answer = await readinessOf(one, 503);
    expect(answer.reasons).toContain('redis not connected');
    mark(anna.doc, 'while-away', 2); // stored by one; two hears of it only when Redis is back

    redis = await startRedis({ port });
    await waitFor(() => markOf(bram.doc, 'while-away') === 2, 'bram has what was made while Redis was away', LONG);
    expect((await readinessOf(two, 200)).status).toBe(200);
  }, 120_000);
});
