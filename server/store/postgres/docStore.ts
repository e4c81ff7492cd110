/**
 * Documents and their history in PostgreSQL (issue 13): the {@link DocStore} contract of
 * SQLite, safe with several server instances writing the same room.
 *
 * Sequence numbers are per room, from the room's row in `doc_heads`: an append raises it
 * by one and holds that row's lock until it commits, so a room's appends commit in the
 * order of their numbers. Whoever sees update N of a room has every earlier one that was
 * not compacted away, whichever instance wrote it. Compaction deletes only the rows it
 * was given (`mergedSeqs`), in the same transaction that adds the merged row, so an
 * instance never deletes what another wrote and did not merge.
 */
import type pg from 'pg';
import type { DocStore, StoredDoc } from '../DocStore.ts';
import { snapshotsToDrop } from '../snapshotPolicy.ts';
import { toQuarantineInfo, toSnapshotInfo, type QuarantineRow, type SnapshotRow } from '../rows.ts';
import { sessionOfRoom } from '../roomSession.ts';
import { FOREIGN_KEY_VIOLATION, inTransaction, Rollback, sqlState, type Queryable } from './pool.ts';

/**
 * One statement, so one round trip and its own transaction: the hot path of every edit.
 * First the session's row is share-locked (no row: the session does not exist, nothing is
 * stored, `null`), then the room's number raised in `doc_heads`, whose row lock is held
 * to the commit. Session before head, as a deleted session's cascade takes them, so an
 * append and a deletion wait for each other instead of deadlocking.
 */
const APPEND = `
  WITH session AS (SELECT id FROM sessions WHERE id = $2 FOR KEY SHARE),
  head AS (
    INSERT INTO doc_heads (room, session_id, last_seq)
    SELECT $1, id, 1 FROM session
    ON CONFLICT (room) DO UPDATE SET last_seq = doc_heads.last_seq + 1
    RETURNING last_seq
  )
  INSERT INTO updates (room, seq, session_id, data)
  SELECT $1, last_seq, $2, $3 FROM head
  RETURNING seq`;

/** Advisory lock space of history thinning, per room ('snap'). */
const SNAPSHOT_LOCK = 0x736e6170;

const bytesOf = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

const QUARANTINE_COLS = 'id, room, seq, reason, quarantined_at, octet_length(data) AS bytes';
const SNAPSHOT_COLS = 'id, room, created_at, reason, octet_length(data) AS bytes';

/** A write that names a session deleted meanwhile (its foreign key fails): `null`, as for a missing one. */
async function unlessDeleted<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (err) {
    if (sqlState(err) === FOREIGN_KEY_VIOLATION) return null;
    throw err;
  }
}

async function appendOn(db: Queryable, room: string, update: Uint8Array): Promise<number | null> {
  const { rows } = await db.query<{ seq: number }>(APPEND, [room, sessionOfRoom(room), update]);
  return rows[0]?.seq ?? null;
}

export function createPostgresDocStore(pool: pg.Pool): DocStore {
  return {
    async load(room): Promise<StoredDoc> {
      const { rows } = await pool.query<{ seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE room = $1 ORDER BY seq',
        [room],
      );
      return {
        updates: rows.map((r) => bytesOf(r.data)),
        seqs: rows.map((r) => r.seq),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : 0,
      };
    },

    append: (room, update) => unlessDeleted(() => appendOn(pool, room, update)),

    compact: (room, merged, mergedSeqs) =>
      unlessDeleted(() =>
        inTransaction(pool, async (client) => {
          const seq = await appendOn(client, room, merged);
          if (seq === null) throw new Rollback(null);
          await client.query('DELETE FROM updates WHERE room = $1 AND seq = ANY($2::bigint[])', [
            room,
            [...mergedSeqs],
          ]);
          return seq;
        }),
      ),

    quarantine: (room, seq, reason, at) =>
      inTransaction(pool, async (client) => {
        // The session first, as in append (and as its deletion cascades): no deadlock with a deletion.
        const session = await client.query('SELECT 1 FROM sessions WHERE id = $1 FOR KEY SHARE', [sessionOfRoom(room)]);
        if (!session.rowCount) return false;
        // One statement: the row is copied and deleted together, or neither.
        const { rowCount } = await client.query(
          `WITH moved AS (DELETE FROM updates WHERE room = $1 AND seq = $2 RETURNING room, session_id, seq, data)
           INSERT INTO quarantine (room, session_id, seq, reason, quarantined_at, data)
           SELECT room, session_id, seq, $3, $4, data FROM moved`,
          [room, seq, reason, at],
        );
        return rowCount === 1;
      }),

    async listQuarantine(sessionId) {
      const { rows } =
        sessionId === undefined
          ? await pool.query<QuarantineRow>(`SELECT ${QUARANTINE_COLS} FROM quarantine ORDER BY id`)
          : await pool.query<QuarantineRow>(
              `SELECT ${QUARANTINE_COLS} FROM quarantine WHERE session_id = $1 ORDER BY id`,
              [sessionId],
            );
      return rows.map(toQuarantineInfo);
    },

    async getQuarantined(id) {
      if (!Number.isSafeInteger(id)) return null; // as SQLite: no such row (not a type error)
      const { rows } = await pool.query<QuarantineRow & { data: Buffer }>(
        `SELECT ${QUARANTINE_COLS}, data FROM quarantine WHERE id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? { info: toQuarantineInfo(row), data: bytesOf(row.data) } : null;
    },

    async countQuarantine() {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM quarantine');
      return rows[0]?.n ?? 0;
    },

    async listRooms(sessionId) {
      const { rows } = await pool.query<{ room: string }>(
        'SELECT DISTINCT room COLLATE "C" AS room FROM updates WHERE session_id = $1 ORDER BY 1',
        [sessionId],
      );
      return rows.map((r) => r.room);
    },

    deleteRoom: (room) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM snapshots WHERE room = $1', [room]);
        // The room's doc_heads row stays: numbers of a room are never given twice.
        return (await client.query('DELETE FROM updates WHERE room = $1', [room])).rowCount ?? 0;
      }),

    async countUpdates(room) {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM updates WHERE room = $1', [room]);
      return rows[0]?.n ?? 0;
    },

    async saveSnapshot(room, state, reason, createdAt) {
      const sessionId = sessionOfRoom(room);
      const id = await inTransaction(pool, async (client) => {
        // One instance at a time thins a room's history, so the cap holds with several.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SNAPSHOT_LOCK, room]);
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO snapshots (room, session_id, created_at, reason, data)
           SELECT $1, id, $3, $4, $5 FROM sessions WHERE id = $2 RETURNING id`,
          [room, sessionId, createdAt, reason, state],
        );
        const saved = rows[0]?.id;
        if (saved === undefined) return 0; // no session: nothing kept
        const { rows: kept } = await client.query<{ id: number; createdAt: number }>(
          'SELECT id, created_at AS "createdAt" FROM snapshots WHERE room = $1',
          [room],
        );
        const drop = snapshotsToDrop(kept, createdAt);
        if (drop.length) await client.query('DELETE FROM snapshots WHERE id = ANY($1::bigint[])', [drop]);
        return saved;
      }).catch((err: unknown) => {
        if (sqlState(err) === FOREIGN_KEY_VIOLATION) return 0;
        throw err;
      });
      return { id, room, createdAt, reason, bytes: state.byteLength };
    },

    async listSnapshots(sessionId) {
      const { rows } = await pool.query<SnapshotRow>(
        `SELECT ${SNAPSHOT_COLS} FROM snapshots WHERE session_id = $1 ORDER BY created_at DESC, id DESC`,
        [sessionId],
      );
      return rows.map(toSnapshotInfo);
    },

    async getSnapshot(sessionId, id) {
      if (!Number.isSafeInteger(id)) return null;
      const { rows } = await pool.query<SnapshotRow & { data: Buffer }>(
        `SELECT ${SNAPSHOT_COLS}, data FROM snapshots WHERE session_id = $1 AND id = $2`,
        [sessionId, id],
      );
      const row = rows[0];
      return row ? { info: toSnapshotInfo(row), state: bytesOf(row.data) } : null;
    },
  };
}
