import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '../../shared/api.ts';
import { boardRoomName, CloseCode, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/yclient.ts';
import { mark } from '../helpers/marks.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const admin = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/admin.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: 'http://veldwerk.test' },
  });

let server: TestServer | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.close();
});

describe('admin CLI against a running server', () => {
  it('creates, lists, backs up and deletes sessions while the server runs', async () => {
    const dataDir = tempDir();
    server = await startTestServer({ dataDir });
    const created = JSON.parse(
      (await admin(dataDir, 'create-session', '--title', 'Gezonde wijk Zuid')).stdout,
    ) as CreateSessionResponse;
    expect(created.facilitatorUrl).toMatch(/^http:\/\/veldwerk\.test\/s\//);
    expect(created.joinCode).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);

    // The server accepts the CLI's token (same secret, same store).
    const c = connectClient(server.wsUrl, sessionRoomName(created.sessionId), created.facilitatorToken);
    clients.push(c);
    await c.synced;
    expect(c.doc.getMap('meta').get('title')).toBe('Gezonde wijk Zuid');
    const board = connectClient(
      server.wsUrl,
      boardRoomName(created.sessionId, PLENARY_BOARD_ID),
      created.facilitatorToken,
    );
    clients.push(board);
    await board.synced;
    mark(board.doc, 'k', 'v');
    await waitFor(() => server!.server.metrics.updatesTotal === 1, 'stored');

    const list = (await admin(dataDir, 'list-sessions')).stdout;
    expect(list).toContain(created.sessionId);
    expect(list).toContain('"Gezonde wijk Zuid"');

    const backupFile = path.join(tempDir(), 'backup.db');
    await admin(dataDir, 'backup', backupFile);
    const copy = new Database(backupFile, { readonly: true });
    const rows = copy.prepare('SELECT COUNT(*) n FROM updates WHERE session_id = ?').get(created.sessionId) as {
      n: number;
    };
    expect(rows.n).toBe(2); // session doc and board
    copy.close();

    const deleted = await admin(dataDir, 'delete-session', created.sessionId);
    expect(deleted.stdout).toContain('Deleted session');
    // The running server stores nothing more for it and closes the room at the next write.
    mark(board.doc, 'after', 'delete');
    expect((await board.closed).code).toBe(CloseCode.sessionDeleted);
    const db = new Database(path.join(dataDir, 'veldwerk.db'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) n FROM updates').get() as { n: number }).n).toBe(0);
    db.close();
    await expect(admin(dataDir, 'delete-session', created.sessionId)).rejects.toMatchObject({ code: 1 });
  });

  it('explains its usage and refuses bad input', async () => {
    const dataDir = tempDir();
    await expect(admin(dataDir, 'create-session')).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('--title'),
    });
    await expect(admin(dataDir, 'nonsense')).rejects.toMatchObject({ stdout: expect.stringContaining('Usage') });
  });
});
