import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeCleanMarker } from './cleanClose.ts';
import {
  toEvaluation,
  toParticipant,
  toQuarantineInfo,
  toSession,
  toSnapshotInfo,
  toVote,
  type EvaluationRow,
  type ParticipantRow,
  type QuarantineRow,
  type SessionRow,
  type SnapshotRow,
  type VoteRow,
} from './rows.ts';
import { sessionOfRoom } from './roomSession.ts';
import { snapshotsToDrop } from './snapshotPolicy.ts';
import { WalCheckpointer, type WalCheckpointerOptions } from './walCheckpointer.ts';
import type { DocStore, SnapshotReason, StoredDoc } from './DocStore.ts';
import type {
  AnonymousResults,
  NewSessionRecord,
  ParticipantRecord,
  SessionStore,
  Store,
  VoteRecord,
} from './SessionStore.ts';

export type SqliteSynchronous = 'NORMAL' | 'FULL';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, id)
);
CREATE TABLE IF NOT EXISTS evaluations (
  session_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 10),
  quote TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (session_id, participant_id),
  FOREIGN KEY (session_id, participant_id) REFERENCES participants(session_id, id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS votes (
  session_id TEXT NOT NULL,
  round_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  target_id TEXT NOT NULL,
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (session_id, round_id, participant_id, target_id),
  FOREIGN KEY (session_id, participant_id) REFERENCES participants(session_id, id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS anonymous_results (
  session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_room ON updates(room, seq);
CREATE INDEX IF NOT EXISTS updates_by_session ON updates(session_id);
CREATE TABLE IF NOT EXISTS snapshots (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS snapshots_by_session ON snapshots(session_id, created_at);
CREATE TABLE IF NOT EXISTS quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  room TEXT NOT NULL,
  session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS quarantine_by_session ON quarantine(session_id, id);
`;

/**
 * Columns added after the first release, for databases made before them (SCHEMA's
 * CREATE TABLE IF NOT EXISTS leaves an existing table as it was). Issue 11: joining can
 * be closed, and a code has its own time (a rotation counts as activity for its expiry);
 * 0 there means "with the session's creation".
 */
const ADDED_COLUMNS: { table: string; column: string; definition: string }[] = [
  { table: 'sessions', column: 'join_open', definition: 'INTEGER NOT NULL DEFAULT 1' },
  { table: 'sessions', column: 'join_code_at', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

function migrateColumns(db: Database.Database): void {
  for (const { table, column, definition } of ADDED_COLUMNS) {
    const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all();
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  }
}

/**
 * The embedded default store: one SQLite file in WAL mode. better-sqlite3 is
 * synchronous, so a resolved `append` means the row is committed to the WAL: it
 * survives a killed process (and, with `synchronous=FULL`, a power cut).
 */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly docs: DocStore;
  readonly sessions: SessionStore;

  /** The file, when a clean close leaves its marker (the server's store: see cleanClose.ts). */
  private readonly markOnClose: string | null;
  /** WAL checkpoints in a thread of their own (the server's store: see walCheckpointer.ts). */
  readonly checkpointer: WalCheckpointer | null;

  constructor(
    file: string,
    opts: {
      synchronous?: SqliteSynchronous;
      readonly?: boolean;
      markCleanClose?: boolean;
      /** Checkpoint the WAL in a worker thread, off the event loop (issue 14); `onFailure` hears of a failed thread. */
      checkpointInThread?: Pick<WalCheckpointerOptions, 'onFailure' | 'restartAfterMs'>;
    } = {},
  ) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.markOnClose = opts.markCleanClose && file !== ':memory:' ? file : null;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    const synchronous = opts.synchronous ?? 'NORMAL';
    this.db.pragma(`synchronous = ${synchronous}`);
    this.db.pragma('foreign_keys = ON');
    // Deleted rows (a deleted session, old snapshots) are overwritten, not left readable in the file.
    this.db.pragma('secure_delete = ON');
    // Another process (the admin CLI, a backup) may hold the lock for a moment.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    migrateColumns(this.db);
    const checkpointer =
      opts.checkpointInThread && file !== ':memory:'
        ? new WalCheckpointer(this.db, { file, synchronous, ...opts.checkpointInThread })
        : null;
    this.checkpointer = checkpointer;
    this.docs = createSqliteDocStore(this.db, checkpointer ? () => checkpointer.wake() : () => undefined);
    this.sessions = createSqliteSessionStore(this.db);
  }

  async backup(file: string): Promise<void> {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await this.db.backup(file);
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // The thread's connection first: the last one to close checkpoints and removes the WAL.
    await this.checkpointer?.stop();
    this.db.close();
    if (this.markOnClose) writeCleanMarker(this.markOnClose);
  }
}

/** Stored rows deleted per transaction by a compaction (see `compact`). */
const COMPACT_DELETE_CHUNK = 50;

/** `written`: after each stored update (the WAL grew). */
function createSqliteDocStore(db: Database.Database, written: () => void): DocStore {
  const loadStmt = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM updates WHERE room = ? ORDER BY seq',
  );
  const appendStmt = db.prepare(
    'INSERT INTO updates (room, session_id, data) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)',
  );
  const deleteRowStmt = db.prepare('DELETE FROM updates WHERE room = ? AND seq = ?');
  const quarantineStmt = db.prepare(
    `INSERT INTO quarantine (room, session_id, seq, reason, quarantined_at, data)
     SELECT room, session_id, seq, ?, ?, data FROM updates WHERE room = ? AND seq = ?`,
  );
  const quarantineCols = 'id, room, seq, reason, quarantined_at, length(data) AS bytes';
  const listQuarantineStmt = db.prepare<[], QuarantineRow>(`SELECT ${quarantineCols} FROM quarantine ORDER BY id`);
  const listQuarantineOfStmt = db.prepare<[string], QuarantineRow>(
    `SELECT ${quarantineCols} FROM quarantine WHERE session_id = ? ORDER BY id`,
  );
  const getQuarantinedStmt = db.prepare<[number], QuarantineRow & { data: Buffer }>(
    `SELECT ${quarantineCols}, data FROM quarantine WHERE id = ?`,
  );
  const countQuarantineStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM quarantine');
  const roomsStmt = db.prepare<[string], { room: string }>(
    'SELECT DISTINCT room FROM updates WHERE session_id = ? ORDER BY room',
  );
  const countStmt = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE room = ?');
  const deleteRoomUpdatesStmt = db.prepare('DELETE FROM updates WHERE room = ?');
  const deleteRoomSnapshotsStmt = db.prepare('DELETE FROM snapshots WHERE room = ?');
  const deleteRoomTx = db.transaction((room: string): number => {
    deleteRoomSnapshotsStmt.run(room);
    return deleteRoomUpdatesStmt.run(room).changes;
  });
  const saveSnapshotStmt = db.prepare(
    'INSERT INTO snapshots (room, session_id, created_at, reason, data) SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?)',
  );
  const listSnapshotsStmt = db.prepare<[string], SnapshotRow>(
    'SELECT id, room, created_at, reason, length(data) AS bytes FROM snapshots WHERE session_id = ? ORDER BY created_at DESC, id DESC',
  );
  const roomSnapshotsStmt = db.prepare<[string], { id: number; createdAt: number }>(
    'SELECT id, created_at AS createdAt FROM snapshots WHERE room = ?',
  );
  const deleteSnapshotStmt = db.prepare('DELETE FROM snapshots WHERE id = ?');
  const saveSnapshotTx = db.transaction(
    (room: string, state: Uint8Array, reason: SnapshotReason, createdAt: number) => {
      const sid = sessionOfRoom(room);
      const res = saveSnapshotStmt.run(room, sid, createdAt, reason, Buffer.from(state), sid);
      for (const id of snapshotsToDrop(roomSnapshotsStmt.all(room), createdAt)) deleteSnapshotStmt.run(id);
      return Number(res.lastInsertRowid);
    },
  );
  const getSnapshotStmt = db.prepare<[string, number], SnapshotRow & { data: Buffer }>(
    'SELECT id, room, created_at, reason, length(data) AS bytes, data FROM snapshots WHERE session_id = ? AND id = ?',
  );

  const insert = (room: string, update: Uint8Array): number | null => {
    const sid = sessionOfRoom(room);
    // A view, not a copy: SQLite copies the bytes it binds.
    const res = appendStmt.run(room, sid, Buffer.from(update.buffer, update.byteOffset, update.byteLength), sid);
    written();
    return res.changes === 1 ? Number(res.lastInsertRowid) : null;
  };
  const deleteRows = (room: string, seqs: readonly number[]) => {
    for (const s of seqs) deleteRowStmt.run(room, s);
  };
  const deleteRowsTx = db.transaction(deleteRows);
  const compactTx = db.transaction((room: string, merged: Uint8Array, firstSeqs: readonly number[]) => {
    const seq = insert(room, merged);
    if (seq === null) return null;
    deleteRows(room, firstSeqs);
    return seq;
  });
  const quarantineTx = db.transaction((room: string, seq: number, reason: string, at: number): boolean => {
    if (quarantineStmt.run(reason, at, room, seq).changes !== 1) return false;
    deleteRowStmt.run(room, seq);
    return true;
  });

  return {
    async load(room): Promise<StoredDoc> {
      const rows = loadStmt.all(room);
      return {
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        seqs: rows.map((r) => r.seq),
        lastSeq: rows.length ? Math.max(...rows.map((r) => r.seq)) : 0,
      };
    },
    async append(room, update) {
      return insert(room, update);
    },
    async compact(room, merged, mergedSeqs) {
      // Issue 14: the merged rows lie scattered among other rooms' rows (a page each), so
      // deleting 500 in one transaction held the event loop for tens of milliseconds. The
      // merged row and the first rows go in one transaction, the rest a chunk per turn: other
      // rooms' work runs between them; this room's queue waits for the promise. Rows left by a
      // crash between chunks are harmless: they hold nothing the merged row lacks (a load
      // applies both to the same doc), and the next compaction merges them away.
      const seq = compactTx(room, merged, mergedSeqs.slice(0, COMPACT_DELETE_CHUNK));
      for (let i = COMPACT_DELETE_CHUNK; seq !== null && i < mergedSeqs.length; i += COMPACT_DELETE_CHUNK) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!db.open) break;
        deleteRowsTx(room, mergedSeqs.slice(i, i + COMPACT_DELETE_CHUNK));
      }
      return seq;
    },
    async quarantine(room, seq, reason, at) {
      return quarantineTx(room, seq, reason, at);
    },
    async listQuarantine(sessionId) {
      const rows = sessionId === undefined ? listQuarantineStmt.all() : listQuarantineOfStmt.all(sessionId);
      return rows.map(toQuarantineInfo);
    },
    async getQuarantined(id) {
      const row = getQuarantinedStmt.get(id);
      return row ? { info: toQuarantineInfo(row), data: new Uint8Array(row.data) } : null;
    },
    async countQuarantine() {
      return countQuarantineStmt.get()?.n ?? 0;
    },
    async listRooms(sessionId) {
      return roomsStmt.all(sessionId).map((r) => r.room);
    },
    async deleteRoom(room) {
      return deleteRoomTx(room);
    },
    async countUpdates(room) {
      return countStmt.get(room)?.n ?? 0;
    },
    async saveSnapshot(room, state, reason, createdAt) {
      const id = saveSnapshotTx(room, state, reason, createdAt);
      return { id, room, createdAt, reason, bytes: state.byteLength };
    },
    async listSnapshots(sessionId) {
      return listSnapshotsStmt.all(sessionId).map(toSnapshotInfo);
    },
    async getSnapshot(sessionId, id) {
      const row = getSnapshotStmt.get(sessionId, id);
      if (!row) return null;
      return { info: toSnapshotInfo(row), state: new Uint8Array(row.data) };
    },
  };
}

function createSqliteSessionStore(db: Database.Database): SessionStore {
  const insertSession = db.prepare(
    'INSERT INTO sessions (id, title, join_code, created_at, join_open, join_code_at) VALUES (?, ?, ?, ?, 1, ?)',
  );
  const setJoinOpenStmt = db.prepare('UPDATE sessions SET join_open = ? WHERE id = ?');
  const setJoinCodeStmt = db.prepare('UPDATE sessions SET join_code = ?, join_code_at = ? WHERE id = ?');
  const joinCodeActivityStmt = db.prepare<[string], { at: number }>(
    `SELECT MAX(
       s.created_at,
       s.join_code_at,
       COALESCE((SELECT MAX(created_at) FROM participants WHERE session_id = s.id), 0),
       COALESCE((SELECT MAX(created_at) FROM snapshots WHERE session_id = s.id), 0)
     ) AS at FROM sessions s WHERE s.id = ?`,
  );
  const insertParticipant = db.prepare(
    'INSERT INTO participants (session_id, id, name, role, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const getSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const byCode = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE join_code = ?');
  const list = db.prepare<[], SessionRow & { participants: number }>(
    `SELECT s.*, (SELECT COUNT(*) FROM participants p WHERE p.session_id = s.id AND p.role = 'participant') AS participants
     FROM sessions s ORDER BY s.created_at DESC`,
  );
  const getParticipant = db.prepare<[string, string], ParticipantRow>(
    'SELECT * FROM participants WHERE session_id = ? AND id = ?',
  );
  const listParticipants = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE session_id = ? ORDER BY created_at, id',
  );
  const renameStmt = db.prepare('UPDATE participants SET name = ? WHERE session_id = ? AND id = ?');
  const removeStmt = db.prepare('DELETE FROM participants WHERE session_id = ? AND id = ?');
  const saveEvalStmt = db.prepare(
    `INSERT INTO evaluations (session_id, participant_id, grade, quote, anonymous, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (session_id, participant_id) DO UPDATE SET grade = excluded.grade, quote = excluded.quote,
       anonymous = excluded.anonymous, created_at = excluded.created_at`,
  );
  const listEvalStmt = db.prepare<[string], EvaluationRow>(
    'SELECT * FROM evaluations WHERE session_id = ? ORDER BY created_at, participant_id',
  );
  const voteSumStmt = db.prepare<[string, string, string, string], { n: number | null }>(
    'SELECT SUM(count) AS n FROM votes WHERE session_id = ? AND round_id = ? AND participant_id = ? AND target_id != ?',
  );
  const voteSetStmt = db.prepare(
    `INSERT INTO votes (session_id, round_id, participant_id, target_id, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (session_id, round_id, participant_id, target_id) DO UPDATE SET count = excluded.count`,
  );
  const voteDeleteStmt = db.prepare(
    'DELETE FROM votes WHERE session_id = ? AND round_id = ? AND participant_id = ? AND target_id = ?',
  );
  const voteListStmt = db.prepare<[string, string], VoteRow>(
    'SELECT * FROM votes WHERE session_id = ? AND round_id = ? ORDER BY participant_id, target_id',
  );
  const castVoteTx = db.transaction((v: VoteRecord, budget: number): boolean => {
    const others = voteSumStmt.get(v.sessionId, v.roundId, v.participantId, v.targetId)?.n ?? 0;
    if (others + v.count > budget) return false;
    if (v.count === 0) voteDeleteStmt.run(v.sessionId, v.roundId, v.participantId, v.targetId);
    else voteSetStmt.run(v.sessionId, v.roundId, v.participantId, v.targetId, v.count);
    return true;
  });
  const saveAnonStmt = db.prepare(
    'INSERT INTO anonymous_results (session_id, data) VALUES (?, ?) ON CONFLICT (session_id) DO UPDATE SET data = excluded.data',
  );
  const getAnonStmt = db.prepare<[string], { data: string }>('SELECT data FROM anonymous_results WHERE session_id = ?');
  const inactiveStmt = db.prepare<[number], { id: string }>(
    `SELECT s.id FROM sessions s WHERE MAX(
       s.created_at,
       COALESCE((SELECT MAX(created_at) FROM participants WHERE session_id = s.id), 0),
       COALESCE((SELECT MAX(created_at) FROM snapshots WHERE session_id = s.id), 0)
     ) < ? ORDER BY s.id`,
  );
  // Cascades to participants, evaluations, votes, updates, snapshots and quarantined rows (foreign_keys = ON).
  const deleteSession = db.prepare('DELETE FROM sessions WHERE id = ?');

  const addParticipant = (p: ParticipantRecord) =>
    insertParticipant.run(p.sessionId, p.id, p.name, p.role, p.createdAt);
  const createTx = db.transaction((s: NewSessionRecord, f: ParticipantRecord) => {
    insertSession.run(s.id, s.title, s.joinCode, s.createdAt, s.createdAt);
    addParticipant(f);
  });

  return {
    async createSession(s, f) {
      createTx(s, f);
    },
    async getSession(id) {
      const r = getSession.get(id);
      return r ? toSession(r) : null;
    },
    async findSessionByJoinCode(code) {
      const r = byCode.get(code);
      return r ? toSession(r) : null;
    },
    async listSessions() {
      return list.all().map((r) => ({ ...toSession(r), participants: r.participants }));
    },
    async setJoinOpen(sid, open) {
      return setJoinOpenStmt.run(open ? 1 : 0, sid).changes > 0;
    },
    async setJoinCode(sid, joinCode, at) {
      return setJoinCodeStmt.run(joinCode, at, sid).changes > 0;
    },
    async joinCodeActivity(sid) {
      return joinCodeActivityStmt.get(sid)?.at ?? null;
    },
    async addParticipant(p) {
      addParticipant(p);
    },
    async getParticipant(sid, pid) {
      const r = getParticipant.get(sid, pid);
      return r ? toParticipant(r) : null;
    },
    async listParticipants(sid) {
      return listParticipants.all(sid).map(toParticipant);
    },
    async renameParticipant(sid, pid, name) {
      return renameStmt.run(name, sid, pid).changes > 0;
    },
    async removeParticipant(sid, pid) {
      return removeStmt.run(sid, pid).changes > 0;
    },
    async saveEvaluation(e) {
      saveEvalStmt.run(e.sessionId, e.participantId, e.grade, e.quote, e.anonymous ? 1 : 0, e.createdAt);
    },
    async listEvaluations(sid) {
      return listEvalStmt.all(sid).map(toEvaluation);
    },
    async castVote(v, budget) {
      return castVoteTx(v, budget);
    },
    async listVotes(sid, roundId) {
      return voteListStmt.all(sid, roundId).map(toVote);
    },
    async saveAnonymousResults(sid, results) {
      saveAnonStmt.run(sid, JSON.stringify(results));
    },
    async getAnonymousResults(sid) {
      const row = getAnonStmt.get(sid);
      return row ? (JSON.parse(row.data) as AnonymousResults) : null;
    },
    async listInactiveSessions(before) {
      return inactiveStmt.all(before).map((r) => r.id);
    },
    async deleteSession(id) {
      return deleteSession.run(id).changes > 0;
    },
  };
}
