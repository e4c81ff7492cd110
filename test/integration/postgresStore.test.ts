/**
 * The PostgreSQL store with several instances on one database (issue 13), against a real
 * PostgreSQL of this file's own: two stores with their own pools stand for two server
 * instances. They start together on an empty database (the schema is made once), append
 * to and compact the same room at the same time (nothing is lost, a room's numbers come in
 * commit order), a backup is a SQLite file, and a database that cannot be used stops the
 * start with one clear line.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStartupError } from '../../server/startupErrors.ts';
import { PostgresStore } from '../../server/store/PostgresStore.ts';
import { StoreUnavailableError } from '../../server/store/postgres/errors.ts';
import { MIGRATIONS } from '../../server/store/postgres/migrations.ts';
import { MAX_SNAPSHOTS_PER_ROOM } from '../../server/store/snapshotPolicy.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { startChildServer } from '../helpers/processServer.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/server.ts';
import { mark, marks } from '../helpers/marks.ts';

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

async function seed(store: PostgresStore, id = 'sessionAAAA') {
  await store.sessions.createSession(
    { id, title: 'Regio', joinCode: 'ABCDEF', createdAt: 1000 },
    { id: 'fac1', sessionId: id, name: 'Fien', role: 'facilitator', createdAt: 1000 },
  );
  return id;
}

/** One instance's writer: marks from its own doc, appended as it makes them, compacted now and then. */
function writer(store: PostgresStore, room: string, name: string) {
  const doc = new Y.Doc();
  const pending: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => pending.push(u));
  let mine: { seq: number; update: Uint8Array }[] = [];
  return {
    doc,
    async write(i: number) {
      mark(doc, `${name}-${i}`, i);
      const update = pending.shift()!;
      const seq = await store.docs.append(room, update);
      expect(seq).not.toBeNull();
      mine.push({ seq: seq!, update });
    },
    /** Merges only the rows this instance wrote (as a room merges the rows it read or appended). */
    async compact() {
      if (mine.length < 2) return;
      const merged = Y.mergeUpdates(mine.map((r) => r.update));
      const seq = await store.docs.compact(
        room,
        merged,
        mine.map((r) => r.seq),
      );
      expect(seq).not.toBeNull();
      mine = [{ seq: seq!, update: merged }];
    },
  };
}

describe('PostgreSQL with several instances', () => {
  it('two instances starting together on an empty database make the schema once', async () => {
    const url = await postgres.createDatabase();
    const [a, b, c] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url), PostgresStore.open(url)]);
    try {
      const { rows } = await a.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const sid = await seed(a);
      expect((await b.sessions.getSession(sid))?.title).toBe('Regio');
      expect(await c.docs.append(`s/${sid}`, new Uint8Array([1]))).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('two instances appending and compacting the same room at once lose nothing; a reader sees numbers in commit order', async () => {
    const url = await postgres.createDatabase();
    const a = await PostgresStore.open(url, { poolSize: 4 });
    const b = await PostgresStore.open(url, { poolSize: 4 });
    const reader = await PostgresStore.open(url, { poolSize: 2 });
    try {
      const sid = await seed(a);
      const room = `s/${sid}/b/plenair`;
      const wa = writer(a, room, 'a');
      const wb = writer(b, room, 'b');
      const N = 150;

      // Appends only, four in flight per instance: every load sees 1..lastSeq without a gap,
      // so a row numbered N is never committed before a row numbered below N of its room.
      let loads = 0;
      let appending = true;
      const watch = (async () => {
        while (appending) {
          const { seqs, lastSeq } = await reader.docs.load(room);
          expect(seqs).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
          loads++;
        }
      })();
      const burst = async (w: ReturnType<typeof writer>, from: number) => {
        for (let i = from; i < from + N; i += 4) await Promise.all([0, 1, 2, 3].map((k) => w.write(i + k)));
      };
      // (Yjs applies a doc's updates in any order, so several in flight per writer are fine.)
      await Promise.all([burst(wa, 0), burst(wb, 0)]);
      appending = false;
      await watch;
      expect(loads).toBeGreaterThan(0);

      // Now both compact while both go on writing.
      const mixed = async (w: ReturnType<typeof writer>) => {
        for (let i = N; i < 2 * N; i++) {
          await w.write(i);
          if (i % 25 === 0) await w.compact();
        }
        await w.compact();
      };
      await Promise.all([mixed(wa), mixed(wb)]);

      const loaded = await reader.docs.load(room);
      expect(new Set(loaded.seqs).size).toBe(loaded.seqs.length);
      expect([...loaded.seqs].sort((x, y) => x - y)).toEqual(loaded.seqs);
      expect(loaded.updates.length).toBe(2); // each instance's rows merged into one
      const doc = new Y.Doc();
      for (const u of loaded.updates) Y.applyUpdate(doc, u);
      const got = marks(doc);
      for (const name of ['a', 'b']) for (let i = 0; i < 2 * N; i++) expect(got[`${name}-${i}`]).toBe(i);
      expect(Object.keys(got)).toHaveLength(4 * N);
    } finally {
      await Promise.all([a.close(), b.close(), reader.close()]);
    }
  });

  it('a deleted session is never written again, from any instance', async () => {
    const url = await postgres.createDatabase();
    const a = await PostgresStore.open(url);
    const b = await PostgresStore.open(url);
    try {
      const sid = await seed(a);
      const room = `s/${sid}`;
      const s1 = (await b.docs.append(room, new Uint8Array([1])))!;
      expect(await a.sessions.deleteSession(sid)).toBe(true);
      expect(await b.docs.append(room, new Uint8Array([2]))).toBeNull();
      expect(await b.docs.compact(room, new Uint8Array([3]), [s1])).toBeNull();
      expect((await b.docs.saveSnapshot(room, new Uint8Array([4]), 'unload', 2000)).id).toBe(0);
      const { rows } = await a.pool.query<{ n: number }>(
        'SELECT (SELECT COUNT(*) FROM updates) + (SELECT COUNT(*) FROM snapshots) + (SELECT COUNT(*) FROM doc_heads) AS n',
      );
      expect(rows[0]!.n).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('deleting a session while two instances append to it: each append is stored or refused, none fails', async () => {
    const url = await postgres.createDatabase();
    const a = await PostgresStore.open(url, { poolSize: 8 });
    const b = await PostgresStore.open(url, { poolSize: 8 });
    try {
      for (let round = 0; round < 5; round++) {
        const sid = await seed(a, `session${round}XXXX`);
        const rooms = [`s/${sid}`, `s/${sid}/b/plenair`];
        // Appends in flight on both instances, the deletion in their midst.
        const appends = Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? a : b).docs.append(rooms[i % rooms.length]!, new Uint8Array([i])),
        );
        const deleted = a.sessions.deleteSession(sid);
        const late = Array.from({ length: 10 }, (_, i) => b.docs.append(rooms[i % 2]!, new Uint8Array([i])));
        const results = await Promise.allSettled([...appends, ...late]);
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
        expect(await deleted).toBe(true);
        for (const room of rooms) expect((await b.docs.load(room)).updates).toEqual([]);
        expect(await b.docs.append(rooms[0]!, new Uint8Array([9]))).toBeNull();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('history snapshots of one room from two instances at once keep the cap', async () => {
    const url = await postgres.createDatabase();
    const a = await PostgresStore.open(url, { poolSize: 6 });
    const b = await PostgresStore.open(url, { poolSize: 6 });
    try {
      const sid = await seed(a);
      const room = `s/${sid}/b/plenair`;
      const start = Date.UTC(2026, 11, 4, 9);
      const save = (store: PostgresStore, k: number) =>
        Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.docs.saveSnapshot(room, new Uint8Array([k, i]), 'interval', start + (2 * i + k) * 1000),
          ),
        );
      await Promise.all([save(a, 0), save(b, 1)]);
      const kept = await a.docs.listSnapshots(sid);
      expect(kept).toHaveLength(MAX_SNAPSHOTS_PER_ROOM);
      expect(kept[0]!.createdAt).toBe(start + 99_000); // the newest
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('backup writes a SQLite copy of everything that a server can run on; an existing file is refused', async () => {
    const url = await postgres.createDatabase();
    const store = await PostgresStore.open(url);
    const sid = await seed(store);
    await store.docs.append(`s/${sid}`, new Uint8Array([7, 7]));
    await store.docs.saveSnapshot(`s/${sid}`, new Uint8Array([8]), 'manual', 3000);
    const file = path.join(tempDir(), 'backups', 'veldwerk.db');
    await store.backup(file);
    await expect(store.backup(file)).rejects.toThrow(/exists: give a new file name/);
    await store.close();
    const copy = new SqliteStore(file);
    try {
      expect((await copy.docs.load(`s/${sid}`)).updates.map((u) => [...u])).toEqual([[7, 7]]);
      expect((await copy.sessions.getSession(sid))?.title).toBe('Regio');
      expect((await copy.docs.listSnapshots(sid)).map((x) => x.createdAt)).toEqual([3000]);
    } finally {
      await copy.close();
    }
  });

  it('refuses a database that a newer Veldwerk migrated', async () => {
    const url = await postgres.createDatabase();
    const store = await PostgresStore.open(url);
    await store.pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
    await store.close();
    const err = await PostgresStore.open(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect(String((err as Error).message)).toMatch(/schema version 999, newer than this Veldwerk knows \(1\)/);
  });

  it('says in one line why a database cannot be used: nothing listening, no such database, no such user', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(port));
      });
    });
    const cases: [string, RegExp][] = [
      [
        `postgres://veldwerk:geheim@127.0.0.1:${closedPort}/veldwerk`,
        /PostgreSQL does not answer at DATABASE_URL .*ECONNREFUSED/,
      ],
      [`postgres://postgres@127.0.0.1:${postgres.port}/nietbestaand`, /The database of DATABASE_URL .* does not exist/],
      [`postgres://niemand:geheim@127.0.0.1:${postgres.port}/veldwerk`, /refused the user or password/],
    ];
    for (const [url, message] of cases) {
      const err = await PostgresStore.open(url).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreUnavailableError);
      const line = describeStartupError(err, { dataDir: '/tmp', port: 0 });
      expect(line).toMatch(message);
      expect(line).not.toContain('geheim'); // no password in a log
    }
  });

  it('a server with a DATABASE_URL it cannot reach stops with that line, not a stack trace', async () => {
    const err = await startChildServer(tempDir(), {
      DATABASE_URL: `postgres://postgres:geheim@127.0.0.1:${postgres.port}/bestaatniet`,
    }).catch((e: unknown) => e);
    const output = String((err as Error).message);
    expect(output).toMatch(
      /The database of DATABASE_URL postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/bestaatniet does not exist/,
    );
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain('geheim');
  });
});
