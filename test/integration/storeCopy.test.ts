/**
 * Moving up and back without losing a meeting (issue 13): a real server on SQLite runs a
 * session (boards edited by real y-websocket clients, groups, a vote round, grades, a
 * history snapshot, results from an import, a quarantined row); `npm run admin --
 * copy-store` copies the file into a real PostgreSQL; a server started on that
 * DATABASE_URL gives fresh clients every document byte for byte as the SQLite server did,
 * and the API the same answers; copied back into a new SQLite file, a third server does
 * too. On PostgreSQL the admin commands (list, backup) and the report CLI work as on SQLite.
 * A non-empty target is refused unless --replace.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateSessionResponse, JoinResponse } from '../../shared/api.ts';
import { Origin } from '../../shared/model/doc.ts';
import { openVoteRound } from '../../shared/model/sessionDoc.ts';
import { boardRoomName, parseRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../../shared/protocol.ts';
import { PostgresStore } from '../../server/store/PostgresStore.ts';
import type { Store } from '../../server/store/SessionStore.ts';
import { SqliteStore } from '../../server/store/SqliteStore.ts';
import { useHarness } from '../helpers/harness.ts';
import { mark, markOf } from '../helpers/marks.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startChildServer } from '../helpers/processServer.ts';
import { api, tempDir } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
/** A CLI (server/cli/<name>.ts) as an operator runs it, on the store that `env` names. */
const cli = (name: string, env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.join(ROOT, `server/cli/${name}.ts`), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: tempDir(), DATABASE_URL: '', ...env },
  }).catch((err: { code: number; stdout: string; stderr: string }) => ({ ...err, failed: true as const }));
const admin = (...args: string[]) => cli('admin', {}, ...args);

const h = useHarness();
const PUBLIC_URL = 'https://veldwerk.regio.test'; // links name it, whichever server answers
let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

interface Meeting {
  s: CreateSessionResponse;
  people: JoinResponse[];
  rooms: string[];
}

/** Everything the API tells the facilitator and each participant about the session. */
async function apiAnswers(url: string, { s, people }: Meeting): Promise<Record<string, unknown>> {
  const base = `/api/sessions/${s.sessionId}`;
  const get = async (p: string, token: string) => {
    const r = await api<Record<string, unknown>>(url, 'GET', p, undefined, token);
    expect([p, r.status]).toEqual([p, 200]);
    return r.body;
  };
  const exported = await get(`${base}/export?history=1`, s.facilitatorToken);
  delete exported.exportedAt;
  const answers: Record<string, unknown> = {
    session: await get(base, s.facilitatorToken),
    votes: await get(`${base}/votes/tips`, s.facilitatorToken),
    evaluation: await get(`${base}/evaluation`, s.facilitatorToken),
    snapshots: await get(`${base}/snapshots`, s.facilitatorToken),
    export: exported,
  };
  for (const [i, p] of people.entries()) {
    answers[`participant ${i} session`] = await get(base, p.token);
    answers[`participant ${i} votes`] = await get(`${base}/votes/tips`, p.token);
    answers[`participant ${i} evaluation`] = await get(`${base}/evaluation`, p.token);
  }
  // A viewer link is signed when asked for (its expiry counts from now): compare the rest.
  return JSON.parse(JSON.stringify(answers).replace(/#token=[\w.-]+/g, '#token=(signed now)')) as typeof answers;
}

/** What a fresh client gets of each room at its first sync: the encoded doc and its JSON. */
async function documents(
  wsUrl: string,
  { s, rooms }: Meeting,
): Promise<Record<string, { state: number[]; json: unknown }>> {
  const docs: Record<string, { state: number[]; json: unknown }> = {};
  for (const room of rooms) {
    const c = h.client(wsUrl, room, s.facilitatorToken);
    await c.synced;
    docs[room] = { state: [...Y.encodeStateAsUpdate(c.doc)], json: c.doc.toJSON() };
    c.destroy();
  }
  return docs;
}

/** Quarantined rows with their bytes. */
async function quarantine(store: Store, sessionId: string) {
  const rows = [];
  for (const info of await store.docs.listQuarantine(sessionId)) {
    const got = await store.docs.getQuarantined(info.id);
    rows.push({ ...info, data: [...got!.data] });
  }
  return rows;
}

const counts = (stdout: string) =>
  Object.fromEntries([...stdout.matchAll(/^\s+(\w+)\s+(\d+)$/gm)].map((m) => [m[1], Number(m[2])]));

describe('copy-store: SQLite into PostgreSQL and back', () => {
  it('keeps every session intact: documents, answers, history and quarantine', async () => {
    // 1. A meeting on SQLite.
    const dirA = tempDir();
    const a = await h.server({ dataDir: dirA, env: { PUBLIC_URL } });
    const created = await api<CreateSessionResponse>(a.url, 'POST', '/api/sessions', {
      title: 'Regionale bijeenkomst',
      facilitatorName: 'Fenna',
      template: 'krachtenveld',
    });
    const s = created.body;
    const people: JoinResponse[] = [];
    for (const name of ['Anna', 'Bram', 'Cas']) {
      people.push((await api<JoinResponse>(a.url, 'POST', '/api/join', { joinCode: s.joinCode, name })).body);
    }
    const groups = await api<{ groups: { boardId: string }[] }>(
      a.url,
      'POST',
      `/api/sessions/${s.sessionId}/groups`,
      { count: 2 },
      s.facilitatorToken,
    );
    expect(groups.status).toBe(201);
    const boards = [PLENARY_BOARD_ID, ...groups.body.groups.map((g) => g.boardId)];

    // Real clients edit every board: the facilitator each, the participants the plenary one.
    for (const board of boards) {
      const room = boardRoomName(s.sessionId, board);
      const written: string[] = [];
      const fac = h.client(a.wsUrl, room, s.facilitatorToken);
      await fac.synced;
      for (let i = 0; i < 20; i++) {
        mark(fac.doc, `f-${board}-${i}`, { i, board });
        written.push(`f-${board}-${i}`);
      }
      if (board === PLENARY_BOARD_ID) {
        for (const [k, p] of people.entries()) {
          const c = h.client(a.wsUrl, room, p.token);
          await c.synced;
          for (let i = 0; i < 10; i++) {
            mark(c.doc, `p${k}-${i}`, `notitie ${i} van ${k}`);
            written.push(`p${k}-${i}`);
          }
        }
      }
      // Another client has them all: the server stored them.
      const watcher = h.client(a.wsUrl, room, s.facilitatorToken);
      await waitFor(() => written.every((key) => markOf(watcher.doc, key) !== undefined), `edits of ${board} stored`);
    }

    // A vote round, dots, grades, a manual snapshot, results from an import.
    await a.server.registry.change(parseRoomName(sessionRoomName(s.sessionId))!, (doc) =>
      openVoteRound(
        doc,
        { id: 'tips', title: 'Beste tips', boardId: PLENARY_BOARD_ID, votesPerPerson: 3, createdAt: 5 },
        Origin.server,
      ),
    );
    for (const [i, p] of people.entries()) {
      const vote = { targetId: `f-${PLENARY_BOARD_ID}-${i}`, count: i + 1 };
      expect((await api(a.url, 'PUT', `/api/sessions/${s.sessionId}/votes/tips`, vote, p.token)).status).toBe(200);
      const grade = { grade: 6 + i, quote: `Citaat ${i}`, anonymous: i !== 1 };
      expect((await api(a.url, 'PUT', `/api/sessions/${s.sessionId}/evaluation`, grade, p.token)).status).toBe(200);
    }
    expect(
      (await api(a.url, 'POST', `/api/sessions/${s.sessionId}/snapshots`, undefined, s.facilitatorToken)).status,
    ).toBe(201);
    await a.server.store.sessions.saveAnonymousResults(s.sessionId, {
      grades: [5, 9],
      quotes: [{ text: 'Uit het vorige bestand', name: null }],
      votes: [{ roundId: 'tips', voters: 2, totals: { [`f-${PLENARY_BOARD_ID}-0`]: 2 } }],
    });

    const rooms = [sessionRoomName(s.sessionId), ...boards.map((b) => boardRoomName(s.sessionId, b))];
    const meeting: Meeting = { s, people, rooms };
    const answers = await apiAnswers(a.url, meeting);
    const docs = await documents(a.wsUrl, meeting);
    expect(Object.keys(docs)).toHaveLength(4);
    await h.stop(a);

    // A row that could not be loaded, set aside as the server does it.
    const fileA = path.join(dirA, 'veldwerk.db');
    const sqlite = new SqliteStore(fileA);
    const junk = (await sqlite.docs.append(rooms[1]!, new Uint8Array([0xff, 0xfe, 0xfd])))!;
    expect(await sqlite.docs.quarantine(rooms[1]!, junk, 'undecodable', 7000)).toBe(true);
    const quarantined = await quarantine(sqlite, s.sessionId);
    expect(quarantined).toHaveLength(1);
    await sqlite.close();

    // 2. Into PostgreSQL, with the CLI.
    const url = await postgres.createDatabase();
    const toPg = await admin('copy-store', '--from', `sqlite:${dirA}`, '--to', url);
    expect(toPg.stdout).toContain(`Copied SQLite ${fileA} into PostgreSQL`);
    const copied = counts(toPg.stdout);
    expect(copied).toMatchObject({
      sessions: 1,
      participants: 5, // the facilitator, three people and the projector's viewer
      evaluations: 3,
      votes: 3,
      anonymous_results: 1,
      quarantine: 1,
    });
    expect(copied.updates).toBeGreaterThan(0);
    expect(copied.snapshots).toBeGreaterThan(0);

    // Again: refused, the target is not empty, and nothing changed; with --replace it is done again.
    const again = await admin('copy-store', '--from', `sqlite:${fileA}`, '--to', url);
    expect('failed' in again && again.code).toBe(1);
    expect(again.stdout).toMatch(/is not empty \(1 sessions, 5 participants.*add --replace/);
    const replaced = await admin('copy-store', '--from', `sqlite:${fileA}`, '--to', url, '--replace');
    expect(counts(replaced.stdout)).toEqual(copied);

    // 3. A server on PostgreSQL (the same secret.key: links keep working).
    const dirB = tempDir();
    fs.copyFileSync(path.join(dirA, 'secret.key'), path.join(dirB, 'secret.key'));
    const b = await startChildServer(dirB, { DATABASE_URL: url, PUBLIC_URL });
    try {
      expect(b.output()).toContain('"store":"PostgreSQL postgres://postgres@127.0.0.1');
      expect(await apiAnswers(b.url, meeting)).toEqual(answers);
      expect(await documents(b.wsUrl, meeting)).toEqual(docs);
    } finally {
      b.proc.kill('SIGTERM');
      await b.exited;
    }
    const pg = await PostgresStore.open(url);
    expect(await quarantine(pg, s.sessionId)).toEqual(quarantined);
    await pg.close();
    // The admin and report commands work on the store DATABASE_URL names.
    const onPg = { DATABASE_URL: url };
    expect((await cli('admin', onPg, 'list-sessions')).stdout).toContain(`${s.sessionId}  `);
    const backupFile = path.join(tempDir(), 'backup.db');
    expect((await cli('admin', onPg, 'backup', backupFile)).stdout).toContain('copy-store --from sqlite:');
    const backup = new SqliteStore(backupFile);
    expect(await quarantine(backup, s.sessionId)).toEqual(quarantined);
    await backup.close();
    const report = path.join(tempDir(), 'verslag.md');
    await cli('report', onPg, s.sessionId, '--format', 'md', '--out', report);
    expect(fs.readFileSync(report, 'utf8')).toContain('Regionale bijeenkomst');

    // 4. Back into a new SQLite file, and a server on it.
    const dirC = tempDir();
    fs.copyFileSync(path.join(dirA, 'secret.key'), path.join(dirC, 'secret.key'));
    const back = await admin('copy-store', '--from', url, '--to', `sqlite:${path.join(dirC, 'veldwerk.db')}`);
    expect(back.stdout).toContain('into SQLite');
    expect(counts(back.stdout)).toMatchObject({ sessions: 1, participants: 5, quarantine: 1 });
    const c = await h.server({ dataDir: dirC, env: { PUBLIC_URL } });
    expect(await apiAnswers(c.url, meeting)).toEqual(answers);
    expect(await documents(c.wsUrl, meeting)).toEqual(docs);
    expect(await quarantine(c.server.store, s.sessionId)).toEqual(quarantined);
  });

  it('refuses unclear locations and a missing source, saying what it accepts', async () => {
    const cases: [string[], RegExp][] = [
      [['copy-store', '--from', 'data', '--to', postgres.url], /Unknown store "data": use sqlite:<file or DATA_DIR>/],
      [['copy-store', '--from', 'sqlite:./data'], /needs --from <store> and --to <store>/],
      [
        ['copy-store', '--from', `sqlite:${path.join(tempDir(), 'none.db')}`, '--to', postgres.url],
        /No Veldwerk database at/,
      ],
      [['copy-store', '--from', postgres.url, '--to', postgres.url], /the same store/],
    ];
    for (const [args, message] of cases) {
      const r = await admin(...args);
      expect([args.join(' '), 'failed' in r && r.code]).toEqual([args.join(' '), 1]);
      expect(r.stdout + r.stderr).toMatch(message);
    }
  });
});
