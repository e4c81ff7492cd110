/**
 * Sessions, participants, votes and the evaluation in PostgreSQL (issue 13), with the
 * {@link SessionStore} contract of SQLite. Deleting a session cascades (foreign keys) to
 * every row of it: participants, results, documents, history, quarantine.
 */
import type pg from 'pg';
import type { AnonymousResults, ParticipantRecord, SessionStore } from '../SessionStore.ts';
import {
  toEvaluation,
  toParticipant,
  toSession,
  toVote,
  type EvaluationRow,
  type ParticipantRow,
  type SessionRow,
  type VoteRow,
} from '../rows.ts';
import { inTransaction, Rollback } from './pool.ts';

const SESSION_COLS = 'id, title, join_code, created_at, join_open, join_code_at';

const PARTICIPANT_COLS = 'id, session_id, name, role, created_at';

/** Newest activity of session `s`: creation, participants joining, history snapshots (as SQLite's). */
const ACTIVITY = `GREATEST(
  s.created_at,
  COALESCE((SELECT MAX(created_at) FROM participants WHERE session_id = s.id), 0),
  COALESCE((SELECT MAX(created_at) FROM snapshots WHERE session_id = s.id), 0)
)`;

const insertParticipant = (db: pg.Pool | pg.PoolClient, p: ParticipantRecord) =>
  db.query('INSERT INTO participants (session_id, id, name, role, created_at) VALUES ($1, $2, $3, $4, $5)', [
    p.sessionId,
    p.id,
    p.name,
    p.role,
    p.createdAt,
  ]);

export function createPostgresSessionStore(pool: pg.Pool): SessionStore {
  const one = async <R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R | undefined> =>
    (await pool.query<R>(sql, params)).rows[0];
  const changed = async (sql: string, params: unknown[]): Promise<boolean> =>
    ((await pool.query(sql, params)).rowCount ?? 0) > 0;

  return {
    createSession: (s, f) =>
      inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO sessions (id, title, join_code, created_at, join_open, join_code_at)
           VALUES ($1, $2, $3, $4, TRUE, $4)`,
          [s.id, s.title, s.joinCode, s.createdAt],
        );
        await insertParticipant(client, f);
      }),

    async getSession(id) {
      const r = await one<SessionRow>(`SELECT ${SESSION_COLS} FROM sessions WHERE id = $1`, [id]);
      return r ? toSession(r) : null;
    },

    async findSessionByJoinCode(code) {
      const r = await one<SessionRow>(`SELECT ${SESSION_COLS} FROM sessions WHERE join_code = $1`, [code]);
      return r ? toSession(r) : null;
    },

    async listSessions() {
      const { rows } = await pool.query<SessionRow & { participants: number }>(
        `SELECT ${SESSION_COLS},
           (SELECT COUNT(*) FROM participants p WHERE p.session_id = s.id AND p.role = 'participant') AS participants
         FROM sessions s ORDER BY s.created_at DESC, s.id COLLATE "C"`,
      );
      return rows.map((r) => ({ ...toSession(r), participants: r.participants }));
    },

    setJoinOpen: (sid, open) => changed('UPDATE sessions SET join_open = $1 WHERE id = $2', [open, sid]),

    setJoinCode: (sid, joinCode, at) =>
      changed('UPDATE sessions SET join_code = $1, join_code_at = $2 WHERE id = $3', [joinCode, at, sid]),

    async joinCodeActivity(sid) {
      const r = await one<{ at: number }>(
        `SELECT GREATEST(${ACTIVITY}, s.join_code_at) AS at FROM sessions s WHERE s.id = $1`,
        [sid],
      );
      return r?.at ?? null;
    },

    async addParticipant(p) {
      await insertParticipant(pool, p);
    },

    async getParticipant(sid, pid) {
      const r = await one<ParticipantRow>(
        `SELECT ${PARTICIPANT_COLS} FROM participants WHERE session_id = $1 AND id = $2`,
        [sid, pid],
      );
      return r ? toParticipant(r) : null;
    },

    async listParticipants(sid) {
      const { rows } = await pool.query<ParticipantRow>(
        `SELECT ${PARTICIPANT_COLS} FROM participants WHERE session_id = $1 ORDER BY created_at, id COLLATE "C"`,
        [sid],
      );
      return rows.map(toParticipant);
    },

    renameParticipant: (sid, pid, name) =>
      changed('UPDATE participants SET name = $1 WHERE session_id = $2 AND id = $3', [name, sid, pid]),

    // Cascades to the participant's evaluation and votes.
    removeParticipant: (sid, pid) => changed('DELETE FROM participants WHERE session_id = $1 AND id = $2', [sid, pid]),

    async saveEvaluation(e) {
      await pool.query(
        `INSERT INTO evaluations (session_id, participant_id, grade, quote, anonymous, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (session_id, participant_id) DO UPDATE SET grade = excluded.grade, quote = excluded.quote,
           anonymous = excluded.anonymous, created_at = excluded.created_at`,
        [e.sessionId, e.participantId, e.grade, e.quote, e.anonymous, e.createdAt],
      );
    },

    async listEvaluations(sid) {
      const { rows } = await pool.query<EvaluationRow>(
        `SELECT session_id, participant_id, grade, quote, anonymous, created_at FROM evaluations
         WHERE session_id = $1 ORDER BY created_at, participant_id COLLATE "C"`,
        [sid],
      );
      return rows.map(toEvaluation);
    },

    castVote: (v, budget) =>
      inTransaction(pool, async (client) => {
        // The participant's row lock orders their concurrent votes (on any instance), so
        // the budget check and the write see each other.
        const { rowCount } = await client.query(
          'SELECT 1 FROM participants WHERE session_id = $1 AND id = $2 FOR UPDATE',
          [v.sessionId, v.participantId],
        );
        if (!rowCount) throw new Error('unknown participant');
        const { rows } = await client.query<{ n: number | null }>(
          `SELECT SUM(count) AS n FROM votes
           WHERE session_id = $1 AND round_id = $2 AND participant_id = $3 AND target_id <> $4`,
          [v.sessionId, v.roundId, v.participantId, v.targetId],
        );
        if ((rows[0]?.n ?? 0) + v.count > budget) throw new Rollback(false);
        const key = [v.sessionId, v.roundId, v.participantId, v.targetId];
        if (v.count === 0) {
          await client.query(
            'DELETE FROM votes WHERE session_id = $1 AND round_id = $2 AND participant_id = $3 AND target_id = $4',
            key,
          );
        } else {
          await client.query(
            `INSERT INTO votes (session_id, round_id, participant_id, target_id, count) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (session_id, round_id, participant_id, target_id) DO UPDATE SET count = excluded.count`,
            [...key, v.count],
          );
        }
        return true;
      }),

    async listVotes(sid, roundId) {
      const { rows } = await pool.query<VoteRow>(
        `SELECT session_id, round_id, participant_id, target_id, count FROM votes
         WHERE session_id = $1 AND round_id = $2 ORDER BY participant_id COLLATE "C", target_id COLLATE "C"`,
        [sid, roundId],
      );
      return rows.map(toVote);
    },

    async saveAnonymousResults(sid, results) {
      await pool.query(
        `INSERT INTO anonymous_results (session_id, data) VALUES ($1, $2)
         ON CONFLICT (session_id) DO UPDATE SET data = excluded.data`,
        [sid, JSON.stringify(results)],
      );
    },

    async getAnonymousResults(sid) {
      const r = await one<{ data: string }>('SELECT data FROM anonymous_results WHERE session_id = $1', [sid]);
      return r ? (JSON.parse(r.data) as AnonymousResults) : null;
    },

    async listInactiveSessions(before) {
      const { rows } = await pool.query<{ id: string }>(
        `SELECT s.id FROM sessions s WHERE ${ACTIVITY} < $1 ORDER BY s.id COLLATE "C"`,
        [before],
      );
      return rows.map((r) => r.id);
    },

    deleteSession: (id) => changed('DELETE FROM sessions WHERE id = $1', [id]),
  };
}
