// The DocStore/SessionStore contract, run against every implementation: memory, a SQLite
// file and a real PostgreSQL (a cluster of this file's own, a fresh database per test).
import path from 'node:path';
import Database from 'better-sqlite3';
import { MAX_SNAPSHOTS_PER_ROOM } from '../../server/store/snapshotPolicy.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../server/store/MemoryStore.ts';
import { PostgresStore } from '../../server/store/PostgresStore.ts';
import type { Store } from '../../server/store/SessionStore.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/server.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

const implementations: [string, () => Promise<Store>][] = [
  ['MemoryStore', async () => new MemoryStore()],
  ['SqliteStore (file)', async () => new SqliteStore(path.join(tempDir(), 'veldwerk.db'))],
  ['PostgresStore', async () => PostgresStore.open(await postgres.createDatabase(), { poolSize: 4 })],
];

const bytes = (...b: number[]) => new Uint8Array(b);

async function seed(store: Store, id = 'sessionAAAA', joinCode = 'ABCDEF') {
  await store.sessions.createSession(
    { id, title: 'Gezonde wijk', joinCode, createdAt: 1000 },
    { id: 'fac1', sessionId: id, name: 'Fien', role: 'facilitator', createdAt: 1000 },
  );
  return id;
}

describe.each(implementations)('%s', (_name, make) => {
  it('appends updates in order and loads them back', async () => {
    const store = await make();
    const sid = await seed(store);
    const room = `s/${sid}/b/plenair`;
    expect(await store.docs.load(room)).toEqual({ updates: [], seqs: [], lastSeq: 0 });
    const s1 = await store.docs.append(room, bytes(1, 2));
    const s2 = await store.docs.append(room, bytes(3));
    expect(s1).not.toBeNull();
    expect(s2!).toBeGreaterThan(s1!);
    const loaded = await store.docs.load(room);
    expect(loaded.updates.map((u) => [...u])).toEqual([[1, 2], [3]]);
    expect(loaded.lastSeq).toBe(s2);
    expect(loaded.seqs).toEqual([s1, s2]);
    expect(await store.docs.countUpdates(room)).toBe(2);
    expect(await store.docs.listRooms(sid)).toEqual([room]);
    await store.close();
  });

  it('refuses to write for a session that does not exist', async () => {
    const store = await make();
    expect(await store.docs.append('s/nosessionXX', bytes(1))).toBeNull();
    expect(await store.docs.compact('s/nosessionXX', bytes(1), [10])).toBeNull();
    expect(await store.docs.quarantine('s/nosessionXX', 10, 'x', 1)).toBe(false);
    expect((await store.docs.load('s/nosessionXX')).updates).toEqual([]);
    await store.close();
  });

  it('compaction replaces the rows it merged and keeps every other one', async () => {
    const store = await make();
    const sid = await seed(store);
    const room = `s/${sid}`;
    const s1 = (await store.docs.append(room, bytes(1)))!;
    const unread = (await store.docs.append(room, bytes(5)))!; // e.g. a row the room could not read
    const s2 = (await store.docs.append(room, bytes(2)))!;
    await store.docs.append(room, bytes(3)); // arrives while compaction is prepared
    const seq = await store.docs.compact(room, bytes(9, 9), [s1, s2]);
    expect(seq).toBeGreaterThan(s2);
    const loaded = await store.docs.load(room);
    expect(loaded.updates.map((u) => [...u]).sort()).toEqual([[3], [5], [9, 9]]);
    expect(loaded.seqs).toContain(unread);
    expect(await store.docs.countUpdates(room)).toBe(3);
    await store.close();
  });

  it('moves a row to the quarantine, lists and returns it; compaction cannot touch it', async () => {
    const store = await make();
    const sid = await seed(store);
    const other = await seed(store, 'sessionBBBB', 'BCDEFG');
    const room = `s/${sid}/b/plenair`;
    const good = (await store.docs.append(room, bytes(1)))!;
    const bad = (await store.docs.append(room, bytes(0xff, 0xfe)))!;
    await store.docs.append(`s/${other}`, bytes(4));
    expect(await store.docs.quarantine(room, bad, 'undecodable', 7000)).toBe(true);
    expect(await store.docs.quarantine(room, bad, 'again', 7001)).toBe(false); // moved, not copied
    expect(await store.docs.quarantine(`s/${sid}`, good, 'wrong room', 7001)).toBe(false);
    expect((await store.docs.load(room)).seqs).toEqual([good]);
    const list = await store.docs.listQuarantine(sid);
    expect(list).toEqual([{ id: list[0]!.id, room, seq: bad, reason: 'undecodable', quarantinedAt: 7000, bytes: 2 }]);
    expect(await store.docs.listQuarantine(other)).toEqual([]);
    expect(await store.docs.listQuarantine()).toHaveLength(1);
    expect(await store.docs.countQuarantine()).toBe(1);
    const got = await store.docs.getQuarantined(list[0]!.id);
    expect([...got!.data]).toEqual([0xff, 0xfe]);
    expect(got!.info).toEqual(list[0]);
    expect(await store.docs.getQuarantined(list[0]!.id + 100)).toBeNull();
    await store.docs.compact(room, bytes(9), [good, bad]);
    expect(await store.docs.countQuarantine()).toBe(1);
    expect(await store.sessions.deleteSession(sid)).toBe(true);
    expect(await store.docs.listQuarantine(sid)).toEqual([]);
    expect(await store.docs.countQuarantine()).toBe(0);
    await store.close();
  });

  it('keeps, lists and returns history snapshots per session', async () => {
    const store = await make();
    const sid = await seed(store);
    const other = await seed(store, 'sessionBBBB', 'BCDEFG');
    const a = await store.docs.saveSnapshot(`s/${sid}`, bytes(1), 'interval', 2000);
    const b = await store.docs.saveSnapshot(`s/${sid}/b/plenair`, bytes(2, 2), 'manual', 3000);
    await store.docs.saveSnapshot(`s/${other}`, bytes(3), 'unload', 4000);
    const list = await store.docs.listSnapshots(sid);
    expect(list.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(list[0]).toMatchObject({ room: `s/${sid}/b/plenair`, reason: 'manual', createdAt: 3000, bytes: 2 });
    const got = await store.docs.getSnapshot(sid, a.id);
    expect([...got!.state]).toEqual([1]);
    expect(await store.docs.getSnapshot(other, a.id)).toBeNull(); // not across sessions
    await store.close();
  });

  it('thins history: all of the last day, then one a day, never more than the cap per room', async () => {
    const store = await make();
    const sid = await seed(store);
    const room = `s/${sid}/b/plenair`;
    const other = `s/${sid}`;
    const HOUR = 3600_000;
    const start = Date.UTC(2026, 10, 1);
    // A snapshot every hour for 100 days of a long-lived board, and one of another room.
    await store.docs.saveSnapshot(other, bytes(9), 'unload', start);
    for (let h = 0; h < 100 * 24; h++)
      await store.docs.saveSnapshot(room, bytes(h % 250), 'interval', start + h * HOUR);
    const now = start + (100 * 24 - 1) * HOUR;
    const list = (await store.docs.listSnapshots(sid)).filter((s) => s.room === room);
    expect(list.length).toBe(MAX_SNAPSHOTS_PER_ROOM);
    expect(list[0]!.createdAt).toBe(now); // the newest is always kept
    const lastDay = list.filter((s) => now - s.createdAt < 24 * HOUR);
    expect(lastDay).toHaveLength(24);
    const days = list.filter((s) => now - s.createdAt >= 24 * HOUR).map((s) => Math.floor(s.createdAt / (24 * HOUR)));
    expect(new Set(days).size).toBe(days.length); // one a day before that
    // Another room's history is untouched.
    expect((await store.docs.listSnapshots(sid)).filter((s) => s.room === other)).toHaveLength(1);
    await store.close();
  });

  it('sessions: create, find by join code, participants, list', async () => {
    const store = await make();
    const sid = await seed(store);
    await store.sessions.addParticipant({
      id: 'p1',
      sessionId: sid,
      name: 'Anna',
      role: 'participant',
      createdAt: 1100,
    });
    expect(await store.sessions.getSession(sid)).toEqual({
      id: sid,
      title: 'Gezonde wijk',
      joinCode: 'ABCDEF',
      createdAt: 1000,
      joinOpen: true,
      joinCodeAt: 1000,
    });
    expect((await store.sessions.findSessionByJoinCode('ABCDEF'))?.id).toBe(sid);
    expect(await store.sessions.findSessionByJoinCode('ZZZZZZ')).toBeNull();
    expect((await store.sessions.getParticipant(sid, 'p1'))?.name).toBe('Anna');
    expect((await store.sessions.listParticipants(sid)).map((p) => p.id)).toEqual(['fac1', 'p1']);
    expect(await store.sessions.listSessions()).toEqual([
      {
        id: sid,
        title: 'Gezonde wijk',
        joinCode: 'ABCDEF',
        createdAt: 1000,
        joinOpen: true,
        joinCodeAt: 1000,
        participants: 1,
      },
    ]);
    await expect(seed(store, 'sessionCCCC', 'ABCDEF')).rejects.toThrow(); // join codes are unique
    await store.close();
  });

  it('joining: closes and reopens, a new code replaces the old one (unique), per session', async () => {
    const store = await make();
    const sid = await seed(store);
    const other = await seed(store, 'sessionBBBB', 'GHJKLM');
    expect(await store.sessions.setJoinOpen(sid, false)).toBe(true);
    expect((await store.sessions.getSession(sid))?.joinOpen).toBe(false);
    expect((await store.sessions.findSessionByJoinCode('ABCDEF'))?.joinOpen).toBe(false);
    expect((await store.sessions.getSession(other))?.joinOpen).toBe(true);
    expect(await store.sessions.setJoinOpen(sid, true)).toBe(true);
    expect((await store.sessions.getSession(sid))?.joinOpen).toBe(true);

    expect(await store.sessions.setJoinCode(sid, 'NPQRST', 5000)).toBe(true);
    expect(await store.sessions.findSessionByJoinCode('ABCDEF')).toBeNull();
    expect(await store.sessions.getSession(sid)).toMatchObject({ joinCode: 'NPQRST', joinCodeAt: 5000 });
    expect((await store.sessions.findSessionByJoinCode('NPQRST'))?.id).toBe(sid);
    await expect(store.sessions.setJoinCode(sid, 'GHJKLM', 6000)).rejects.toThrow(); // the other's code
    expect((await store.sessions.getSession(sid))?.joinCode).toBe('NPQRST');
    expect(await store.sessions.setJoinOpen('nosessionXX', false)).toBe(false);
    expect(await store.sessions.setJoinCode('nosessionXX', 'UVWXYZ', 1)).toBe(false);
    await store.close();
  });

  it("a join code's last activity: creation, the code, joining and snapshots, whichever is newest", async () => {
    const store = await make();
    const sid = await seed(store);
    expect(await store.sessions.joinCodeActivity(sid)).toBe(1000);
    expect(await store.sessions.joinCodeActivity('nosessionXX')).toBeNull();
    await store.sessions.addParticipant({
      id: 'p1',
      sessionId: sid,
      name: 'Anna',
      role: 'participant',
      createdAt: 3000,
    });
    expect(await store.sessions.joinCodeActivity(sid)).toBe(3000);
    await store.docs.saveSnapshot(`s/${sid}`, bytes(1), 'interval', 4000);
    expect(await store.sessions.joinCodeActivity(sid)).toBe(4000);
    await store.sessions.setJoinCode(sid, 'NPQRST', 9000);
    expect(await store.sessions.joinCodeActivity(sid)).toBe(9000);
    // Another session's activity is not this one's.
    await seed(store, 'sessionBBBB', 'GHJKLM');
    await store.sessions.addParticipant({
      id: 'p2',
      sessionId: 'sessionBBBB',
      name: 'Bram',
      role: 'participant',
      createdAt: 20000,
    });
    expect(await store.sessions.joinCodeActivity(sid)).toBe(9000);
    await store.close();
  });

  it('renames and removes participants; evaluations are kept per person and go with them', async () => {
    const store = await make();
    const sid = await seed(store);
    await store.sessions.addParticipant({ id: 'p1', sessionId: sid, name: 'Anna', role: 'participant', createdAt: 1 });
    await store.sessions.addParticipant({ id: 'p2', sessionId: sid, name: 'Bram', role: 'participant', createdAt: 2 });
    expect(await store.sessions.renameParticipant(sid, 'p1', 'Anna (GGD)')).toBe(true);
    expect(await store.sessions.renameParticipant(sid, 'nobody', 'x')).toBe(false);
    expect((await store.sessions.getParticipant(sid, 'p1'))?.name).toBe('Anna (GGD)');
    const ev = { sessionId: sid, quote: '', anonymous: true, createdAt: 5 };
    await store.sessions.saveEvaluation({ ...ev, participantId: 'p1', grade: 8 });
    await store.sessions.saveEvaluation({ ...ev, participantId: 'p2', grade: 6 });
    await store.sessions.saveEvaluation({ ...ev, participantId: 'p1', grade: 9, quote: 'Top', createdAt: 6 });
    expect((await store.sessions.listEvaluations(sid)).map((e) => [e.participantId, e.grade, e.quote])).toEqual([
      ['p2', 6, ''],
      ['p1', 9, 'Top'],
    ]);
    expect(await store.sessions.removeParticipant(sid, 'p2')).toBe(true);
    expect(await store.sessions.getParticipant(sid, 'p2')).toBeNull();
    expect((await store.sessions.listEvaluations(sid)).map((e) => e.participantId)).toEqual(['p1']);
    await store.sessions.deleteSession(sid);
    expect(await store.sessions.listEvaluations(sid)).toEqual([]);
    await store.close();
  });

  it('votes stay within the budget per participant and round', async () => {
    const store = await make();
    const sid = await seed(store);
    await store.sessions.addParticipant({ id: 'p1', sessionId: sid, name: 'Anna', role: 'participant', createdAt: 1 });
    const v = { sessionId: sid, roundId: 'r1', participantId: 'p1' };
    expect(await store.sessions.castVote({ ...v, targetId: 'a', count: 2 }, 3)).toBe(true);
    expect(await store.sessions.castVote({ ...v, targetId: 'b', count: 2 }, 3)).toBe(false);
    expect(await store.sessions.castVote({ ...v, targetId: 'a', count: 3 }, 3)).toBe(true); // replaces, not adds
    expect(await store.sessions.castVote({ ...v, roundId: 'r2', targetId: 'b', count: 3 }, 3)).toBe(true);
    expect(await store.sessions.castVote({ ...v, targetId: 'a', count: 0 }, 3)).toBe(true);
    expect(await store.sessions.listVotes(sid, 'r1')).toEqual([]);
    expect((await store.sessions.listVotes(sid, 'r2')).map((x) => [x.targetId, x.count])).toEqual([['b', 3]]);
    await store.sessions.removeParticipant(sid, 'p1');
    expect(await store.sessions.listVotes(sid, 'r2')).toEqual([]);
    await store.close();
  });

  it("deleting a room removes its updates and snapshots, not another room's", async () => {
    const store = await make();
    const sid = await seed(store);
    const fork = `s/${sid}/b/plenair/p/pid1`;
    const board = `s/${sid}/b/plenair`;
    await store.docs.append(fork, bytes(1));
    await store.docs.append(fork, bytes(2));
    await store.docs.append(board, bytes(3));
    await store.docs.saveSnapshot(fork, bytes(4), 'unload', 2000);
    const kept = await store.docs.saveSnapshot(board, bytes(5), 'unload', 2000);
    expect(await store.docs.deleteRoom(fork)).toBe(2);
    expect((await store.docs.load(fork)).updates).toEqual([]);
    expect((await store.docs.load(board)).updates.map((u) => [...u])).toEqual([[3]]);
    expect(await store.docs.listRooms(sid)).toEqual([board]);
    expect((await store.docs.listSnapshots(sid)).map((s) => s.id)).toEqual([kept.id]);
    expect(await store.docs.deleteRoom(fork)).toBe(0);
    await store.close();
  });

  it('deleting a session removes its participants, docs and snapshots, and nothing else', async () => {
    const store = await make();
    const sid = await seed(store);
    const other = await seed(store, 'sessionBBBB', 'BCDEFG');
    for (const s of [sid, other]) {
      await store.docs.append(`s/${s}`, bytes(1));
      await store.docs.append(`s/${s}/b/plenair`, bytes(2));
      await store.docs.saveSnapshot(`s/${s}`, bytes(3), 'manual', 5000);
    }
    expect(await store.sessions.deleteSession(sid)).toBe(true);
    expect(await store.sessions.deleteSession(sid)).toBe(false);
    expect(await store.sessions.getSession(sid)).toBeNull();
    expect(await store.sessions.listParticipants(sid)).toEqual([]);
    expect((await store.docs.load(`s/${sid}/b/plenair`)).updates).toEqual([]);
    expect(await store.docs.listSnapshots(sid)).toEqual([]);
    expect(await store.docs.listRooms(sid)).toEqual([]);
    expect(await store.docs.append(`s/${sid}`, bytes(4))).toBeNull(); // never written again
    expect((await store.docs.load(`s/${other}/b/plenair`)).updates).toHaveLength(1);
    expect(await store.docs.listSnapshots(other)).toHaveLength(1);
    await store.close();
  });
});

describe('SqliteStore', () => {
  it('adds the joining columns to a database made before them: joining open, the code as old as the session', async () => {
    const file = path.join(tempDir(), 'veldwerk.db');
    const old = new Database(file);
    old.exec(`CREATE TABLE sessions (
      id TEXT PRIMARY KEY, title TEXT NOT NULL, join_code TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL
    )`);
    old.prepare('INSERT INTO sessions VALUES (?, ?, ?, ?)').run('sessionOLDD', 'Oud', 'ABCDEF', 1234);
    old.close();
    const store = new SqliteStore(file);
    expect(await store.sessions.getSession('sessionOLDD')).toEqual({
      id: 'sessionOLDD',
      title: 'Oud',
      joinCode: 'ABCDEF',
      createdAt: 1234,
      joinOpen: true,
      joinCodeAt: 1234,
    });
    expect(await store.sessions.joinCodeActivity('sessionOLDD')).toBe(1234);
    expect(await store.sessions.setJoinOpen('sessionOLDD', false)).toBe(true);
    await store.close();
    // Opening it again leaves the columns and their values as they are.
    const again = new SqliteStore(file);
    expect((await again.sessions.getSession('sessionOLDD'))?.joinOpen).toBe(false);
    await again.close();
  });

  it('survives reopening the file and makes a consistent backup', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'veldwerk.db');
    const store = new SqliteStore(file);
    const sid = await seed(store);
    await store.docs.append(`s/${sid}`, bytes(7, 7));
    await store.backup(path.join(dir, 'backup', 'copy.db'));
    await store.close();
    for (const f of [file, path.join(dir, 'backup', 'copy.db')]) {
      const reopened = new SqliteStore(f);
      expect((await reopened.docs.load(`s/${sid}`)).updates.map((u) => [...u])).toEqual([[7, 7]]);
      expect((await reopened.sessions.getSession(sid))?.title).toBe('Gezonde wijk');
      await reopened.close();
    }
  });
});
