/**
 * Restart without reading the whole database (issue 14): the integrity check at start is
 * skipped only after a clean close of an unchanged file. A crash (no close), or a file
 * changed after the close, is checked, and a damaged one refused, before anything is written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { closedCleanly } from '../../server/store/cleanClose.ts';
import { StoreDamagedError } from '../../server/store/integrity.ts';
import { openStore } from '../../server/store/openStore.ts';
import { Role } from '../../shared/roles.ts';
import { tempDir } from '../helpers/server.ts';

/** Opens the SQLite store as the server does; `checks` collects whether each start checked the file. */
function serverStart(dbFile: string, checks: boolean[]) {
  const log = pino({ level: 'info' }, { write: (line: string) => void checks.push(JSON.parse(line).checked) });
  return openStore(
    { dbFile, DATABASE_URL: undefined, DATABASE_POOL_SIZE: 10, SQLITE_SYNCHRONOUS: 'NORMAL' },
    { checkIntegrity: true, log },
  );
}

type Store = Awaited<ReturnType<typeof openStore>>;

/** A write, as a server makes them: a session with its facilitator. */
async function addSession(store: Store, title: string): Promise<void> {
  const id = crypto.randomUUID();
  const createdAt = Date.now();
  await store.sessions.createSession(
    { id, title, joinCode: crypto.randomBytes(4).toString('hex').toUpperCase(), createdAt },
    { id: crypto.randomUUID(), sessionId: id, name: 'Facilitator', role: Role.facilitator, createdAt },
  );
}

describe('integrity check at start', () => {
  it('skips the check after a clean close, checks after a crash', async () => {
    const dbFile = path.join(tempDir(), 'veldwerk.db');
    const checks: boolean[] = [];
    const first = await serverStart(dbFile, checks);
    await addSession(first, 'Eerste');
    await first.close();
    expect(closedCleanly(dbFile)).toBe(true);
    const second = await serverStart(dbFile, checks); // clean: not checked
    expect(closedCleanly(dbFile)).toBe(false); // the marker went before anything could be written
    await addSession(second, 'Tweede');
    // Not closed, as after kill -9: the next start checks.
    const third = await serverStart(dbFile, checks);
    expect((await third.sessions.listSessions()).map((s) => s.title).sort()).toEqual(['Eerste', 'Tweede']);
    await third.close();
    await second.close();
    expect(checks).toEqual([true, false, true]);
  });

  it('checks, and refuses, a file damaged after a clean close', async () => {
    const dbFile = path.join(tempDir(), 'veldwerk.db');
    const checks: boolean[] = [];
    const store = await serverStart(dbFile, checks);
    for (let i = 0; i < 20; i++) await addSession(store, `Sessie ${i} `.padEnd(1000, '.'));
    await store.close();
    const size = fs.statSync(dbFile).size;
    expect(size).toBeGreaterThan(8192);
    const fd = fs.openSync(dbFile, 'r+');
    fs.writeSync(fd, crypto.randomBytes(size - 4096), 0, size - 4096, 4096);
    fs.closeSync(fd);
    expect(closedCleanly(dbFile)).toBe(false);
    await expect(serverStart(dbFile, checks)).rejects.toBeInstanceOf(StoreDamagedError);
  });
});
