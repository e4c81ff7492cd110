/**
 * Starts the real server in this process on port 0, with a real SQLite file in a temp
 * folder. Registers nothing global: call `close()` (tests do it in afterEach/afterAll).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createVeldwerkServer, type VeldwerkServer } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';

export interface TestServer {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  server: VeldwerkServer;
  close(): Promise<void>;
}

export function tempDir(prefix = 'veldwerk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(
  opts: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? tempDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    ...opts.env,
  });
  const server = await createVeldwerkServer(config, createLogger(config.LOG_LEVEL));
  const port = await server.listen();
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    port,
    dataDir,
    server,
    close: () => server.close(),
  };
}

/** JSON API call; throws with the server's error body on a non-2xx answer. */
export async function api<T>(
  baseUrl: string,
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(baseUrl + pathname, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Creates a session and joins `names` as participants. */
export async function createSessionWith(baseUrl: string, title = 'Gezonde wijk', names: string[] = []) {
  const created = await api<CreateSessionResponse>(baseUrl, 'POST', '/api/sessions', { title });
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const participants: JoinResponse[] = [];
  for (const name of names) {
    const joined = await api<JoinResponse>(baseUrl, 'POST', '/api/join', { joinCode: created.body.joinCode, name });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    participants.push(joined.body);
  }
  const viewerToken = new URL(created.body.viewerUrl).hash.replace('#token=', '');
  return { ...created.body, viewerToken, participants };
}
