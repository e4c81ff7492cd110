// Issue 10: nothing stored is ever silently dropped. A stored row that cannot be loaded
// is moved to the quarantine (counted, logged), the rest is served, compaction never
// deletes it; the admin lists, exports and restores from history.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addItems, deleteItems } from '../../shared/model/board/commands.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { startChildServer, type ChildServer } from '../helpers/processServer.ts';
import { useHarness } from '../helpers/harness.ts';
import { createSessionWith, tempDir } from '../helpers/server.ts';
import { waitFor, type TestClient } from '../helpers/yclient.ts';

const h = useHarness();
const children: ChildServer[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
});

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const admin = async (dataDir: string, ...args: string[]) =>
  (
    await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/cli/admin.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    })
  ).stdout;

async function child(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const c = await startChildServer(dataDir, env);
  children.push(c);
  return c;
}

async function stopGracefully(c: ChildServer): Promise<void> {
  c.proc.kill('SIGTERM');
  await c.exited;
}

const note = (i: number) => ({
  kind: 'note' as const,
  id: `n${i}`,
  x: 10 * i,
  y: 20,
  w: 180,
  h: 120,
  text: `Notitie ${i}`,
  color: '#fff3a3' as const,
});

function sql<T>(dataDir: string, fn: (db: Database.Database) => T, readonly = true): T {
  const db = new Database(path.join(dataDir, 'veldwerk.db'), { readonly, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
const maxSeq = (dataDir: string, room: string) =>
  sql(
    dataDir,
    (db) =>
      db.prepare<[string], { m: number | null }>('SELECT MAX(seq) AS m FROM updates WHERE room = ?').get(room)?.m ?? 0,
  );

const noteIds = (c: TestClient) =>
  readBoard(c.doc)
    .items.map((i) => i.id)
    .sort();
const metric = async (url: string, name: string) =>
  Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(await (await fetch(`${url}/metrics`)).text())?.[1]);

const GARBAGE = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);

describe('a stored row that cannot be loaded is quarantined, never dropped', () => {
  it('is moved aside at load, counted and logged; the rest is served; it survives compaction; admin can list, export and restore', async () => {
    const dataDir = tempDir();
    const first = await child(dataDir);
    const s = await createSessionWith(first.url, 'Quarantaine', []);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);

    // Five notes from one client, then one from another, each its own stored row.
    const a = h.client(first.wsUrl, room, s.facilitatorToken);
    await a.synced;
    for (let i = 0; i < 5; i++) {
      const before = maxSeq(dataDir, room);
      addItems(a.doc, [note(i)]);
      await waitFor(() => maxSeq(dataDir, room) > before, `n${i} stored`);
    }
    const b = h.client(first.wsUrl, room, s.facilitatorToken);
    await waitFor(() => noteIds(b).length === 5, 'b has the five notes');
    const beforeLast = maxSeq(dataDir, room);
    addItems(b.doc, [note(5)]);
    await waitFor(() => maxSeq(dataDir, room) > beforeLast, 'n5 stored');
    a.destroy();
    b.destroy();
    first.proc.kill('SIGKILL'); // no compaction: the rows stay as they are
    await first.exited;

    // The row of n4 (a's last) becomes unreadable on disk.
    const badSeq = beforeLast;
    sql(
      dataDir,
      (db) => db.prepare('UPDATE updates SET data = ? WHERE seq = ?').run(Buffer.from(GARBAGE), badSeq),
      false,
    );

    const second = await child(dataDir, { COMPACT_AFTER_UPDATES: '3' });
    const c = h.client(second.wsUrl, room, s.facilitatorToken);
    await c.synced;
    expect(noteIds(c)).toEqual(['n0', 'n1', 'n2', 'n3', 'n5']);
    expect(await metric(second.url, 'veldwerk_quarantined_rows_total')).toBe(1);
    expect(await metric(second.url, 'veldwerk_quarantine_rows')).toBe(1);
    const logged = second
      .output()
      .split('\n')
      .filter((l) => l.includes('quarantined'))
      .map((l) => JSON.parse(l) as { level: number; room: string; seq: number });
    expect(logged).toEqual([expect.objectContaining({ level: 50, room, seq: badSeq })]);

    // Further edits (compaction after 3 rows) and a graceful stop (final compaction).
    for (let i = 6; i < 10; i++) addItems(c.doc, [note(i)]);
    await waitFor(() => maxSeq(dataDir, room) > badSeq + 3, 'edits stored');
    const exported = await fetch(`${second.url}/api/sessions/${s.sessionId}/export`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    expect(exported.status).toBe(200);
    c.destroy();
    await stopGracefully(second);
    expect(sql(dataDir, (db) => db.prepare('SELECT COUNT(*) AS n FROM updates WHERE room = ?').get(room))).toEqual({
      n: 1,
    });

    const third = await child(dataDir);
    expect(await metric(third.url, 'veldwerk_quarantine_rows')).toBe(1); // read from the store at start
    expect(await metric(third.url, 'veldwerk_quarantined_rows_total')).toBe(0);
    const d = h.client(third.wsUrl, room, s.facilitatorToken);
    await d.synced;
    expect(noteIds(d)).toEqual(['n0', 'n1', 'n2', 'n3', 'n5', 'n6', 'n7', 'n8', 'n9']);
    // A loss to undo: someone deletes six notes; the unload stores a snapshot of that too.
    const beforeDelete = maxSeq(dataDir, room);
    deleteItems(d.doc, ['n0', 'n1', 'n2', 'n3', 'n5', 'n6']);
    await waitFor(() => maxSeq(dataDir, room) > beforeDelete, 'the deletion stored');
    d.destroy();
    await stopGracefully(third);

    const quarantined = sql(dataDir, (db) =>
      db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM quarantine WHERE room = ?').all(room),
    );
    expect(quarantined).toEqual([{ seq: badSeq, data: Buffer.from(GARBAGE) }]);

    // Admin: list and export.
    const listed = await admin(dataDir, 'list-quarantine', s.sessionId);
    expect(listed).toContain(room);
    expect(listed).toContain(`seq ${badSeq}`);
    const out = path.join(tempDir(), 'export');
    await admin(dataDir, 'export-quarantine', out);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8')) as {
      room: string;
      seq: number;
      reason: string;
      quarantinedAt: string;
      file: string;
    }[];
    expect(index).toEqual([
      expect.objectContaining({ room, seq: badSeq, reason: expect.stringMatching(/undecodable/) }),
    ]);
    expect(new Uint8Array(fs.readFileSync(path.join(out, index[0]!.file)))).toEqual(GARBAGE);

    // Admin: restore-board. The newest snapshot (after the deletion) is made unloadable,
    // so the default picks the newest that loads: the one with all nine notes.
    const snapshots = sql(dataDir, (db) =>
      db
        .prepare<[string], { id: number }>('SELECT id FROM snapshots WHERE room = ? ORDER BY created_at DESC, id DESC')
        .all(room),
    );
    expect(snapshots.length).toBeGreaterThanOrEqual(2);
    sql(
      dataDir,
      (db) => db.prepare('UPDATE snapshots SET data = ? WHERE id = ?').run(Buffer.from(GARBAGE), snapshots[0]!.id),
      false,
    );
    const restored = await admin(dataDir, 'restore-board', s.sessionId, PLENARY_BOARD_ID);
    expect(restored).toMatch(/does not load; skipped/);
    expect(restored).toMatch(/Restored .* to snapshot \d+/);

    const fourth = await child(dataDir);
    const e = h.client(fourth.wsUrl, room, s.facilitatorToken);
    await e.synced;
    expect(noteIds(e)).toEqual(['n0', 'n1', 'n2', 'n3', 'n5', 'n6', 'n7', 'n8', 'n9']);
    expect(await admin(dataDir, 'help')).toMatch(/must not|not see/);
    // Three server processes and four admin commands, one after another: more than the
    // default 30 s on a busy 2-core machine.
  }, 120_000);
});
