/**
 * The two ends of `copy-store` (issue 13): reading every row of a store in one consistent
 * snapshot, and writing them into another in one transaction, for SQLite and PostgreSQL.
 * Both schemas have the same tables and columns (postgres/migrations.ts mirrors
 * SqliteStore.ts); rows travel as plain objects with booleans as booleans and bytes as
 * Uint8Array. Sequence numbers of updates: PostgreSQL's are per room and kept as they
 * are; SQLite's are one counter for the file, so rows copied into SQLite are numbered
 * anew in the order of their room's (the order is all a document needs).
 */
import fs from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type pg from 'pg';
import { checkDatabaseFile } from './integrity.ts';
import { PostgresStore } from './PostgresStore.ts';
import { SqliteStore } from './SqliteStore.ts';

/** The tables in an order their foreign keys allow, with the columns copied. */
export const TABLES = {
  sessions: ['id', 'title', 'join_code', 'created_at', 'join_open', 'join_code_at'],
  participants: ['session_id', 'id', 'name', 'role', 'created_at'],
  evaluations: ['session_id', 'participant_id', 'grade', 'quote', 'anonymous', 'created_at'],
  votes: ['session_id', 'round_id', 'participant_id', 'target_id', 'count'],
  anonymous_results: ['session_id', 'data'],
  updates: ['room', 'seq', 'session_id', 'data'],
  snapshots: ['id', 'room', 'session_id', 'created_at', 'reason', 'data'],
  quarantine: ['id', 'room', 'session_id', 'seq', 'reason', 'quarantined_at', 'data'],
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
/** Tables with documents' bytes: read in batches, not at once. */
const BIG: ReadonlySet<TableName> = new Set(['updates', 'snapshots', 'quarantine']);
const BOOLEAN_COLUMNS = new Set(['join_open', 'anonymous']);
const BATCH_ROWS = 100;

export type Row = Record<string, unknown>;

/** A copy that is not made, with the reason for the operator (a wrong location, a target not empty). */
export class CopyRefused extends Error {}

export interface CopySource {
  count(table: TableName): Promise<number>;
  /** Every row of `table`, in batches. */
  read(table: TableName): AsyncIterable<Row[]>;
  close(): Promise<void>;
}

export interface CopyTarget {
  count(table: TableName): Promise<number>;
  /** Deletes every row (for `--replace`), within the copy's transaction. */
  clear(): Promise<void>;
  insert(table: TableName, rows: Row[]): Promise<void>;
  /** Commits everything written, or (`ok` false) undoes it, and closes. */
  finish(ok: boolean): Promise<void>;
}

// ---- SQLite ----

function fromSqlite(row: Row): Row {
  for (const c of BOOLEAN_COLUMNS) if (c in row) row[c] = row[c] === 1;
  return row;
}
function toSqlite(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Reads a Veldwerk SQLite file in one read transaction (WAL: a server may go on writing meanwhile). */
export function sqliteSource(file: string): CopySource {
  if (!fs.existsSync(file)) throw new CopyRefused(`No Veldwerk database at ${file}.`);
  checkDatabaseFile(file); // a damaged file is refused, naming what to do, not copied in part
  const store = new SqliteStore(file);
  const db = store.db;
  db.exec('BEGIN'); // the first read fixes the snapshot every later read sees
  return {
    async count(table) {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    async *read(table) {
      const cols = TABLES[table].join(', ');
      if (!BIG.has(table)) {
        yield db
          .prepare(`SELECT ${cols} FROM ${table} ORDER BY rowid`)
          .all()
          .map((r) => fromSqlite(r as Row));
        return;
      }
      const key = table === 'updates' ? 'seq' : 'id';
      const page = db.prepare(`SELECT ${cols} FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ${BATCH_ROWS}`);
      for (let after = -1; ;) {
        const rows = page.all(after) as Row[];
        if (!rows.length) return;
        after = rows[rows.length - 1]![key] as number;
        yield rows.map(fromSqlite);
      }
    },
    async close() {
      if (db.inTransaction) db.exec('COMMIT');
      await store.close();
    },
  };
}

/** Writes into a Veldwerk SQLite file (made when missing) in one transaction. */
export function sqliteTarget(file: string): CopyTarget {
  const store = new SqliteStore(file);
  const db = store.db;
  db.exec('BEGIN IMMEDIATE');
  const statements = new Map<TableName, Statement>();
  const statement = (table: TableName) => {
    let stmt = statements.get(table);
    if (!stmt) {
      // SQLite numbers updates itself: one counter for the whole file.
      const cols = TABLES[table].filter((c) => !(table === 'updates' && c === 'seq'));
      stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      statements.set(table, stmt);
    }
    return stmt;
  };
  return {
    async count(table) {
      return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
    async clear() {
      for (const table of [...TABLE_NAMES].reverse()) db.exec(`DELETE FROM ${table}`);
    },
    async insert(table, rows) {
      const stmt = statement(table);
      const cols = TABLES[table].filter((c) => !(table === 'updates' && c === 'seq'));
      for (const row of rows) stmt.run(Object.fromEntries(cols.map((c) => [c, toSqlite(row[c])])));
    },
    async finish(ok) {
      try {
        if (db.inTransaction) db.exec(ok ? 'COMMIT' : 'ROLLBACK');
      } finally {
        await store.close();
      }
    },
  };
}

// ---- PostgreSQL ----

/** Reads a Veldwerk PostgreSQL database in one REPEATABLE READ snapshot (servers may go on writing). */
export async function postgresSource(url: string): Promise<CopySource> {
  const store = await PostgresStore.open(url, { poolSize: 2 });
  const client = await store.pool.connect();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  return {
    count: (table) => countOn(client, table),
    async *read(table) {
      const cols = TABLES[table].join(', ');
      if (!BIG.has(table)) {
        yield (await client.query<Row>(`SELECT ${cols} FROM ${table}`)).rows;
        return;
      }
      if (table !== 'updates') {
        for (let after = -1; ;) {
          const { rows } = await client.query<Row>(
            `SELECT ${cols} FROM ${table} WHERE id > $1 ORDER BY id LIMIT ${BATCH_ROWS}`,
            [after],
          );
          if (!rows.length) return;
          after = rows[rows.length - 1]!.id as number;
          yield rows;
        }
      }
      // Per room, in order of its numbers (SQLite renumbers them in this order).
      for (let after: [string, number] = ['', -1]; ;) {
        const { rows } = await client.query<Row>(
          `SELECT ${cols} FROM updates WHERE (room COLLATE "C", seq) > ($1 COLLATE "C", $2)
           ORDER BY room COLLATE "C", seq LIMIT ${BATCH_ROWS}`,
          after,
        );
        if (!rows.length) return;
        const last = rows[rows.length - 1]!;
        after = [last.room as string, last.seq as number];
        yield rows;
      }
    },
    async close() {
      await client.query('COMMIT').catch(() => {});
      client.release();
      await store.close();
    },
  };
}

async function countOn(db: pg.PoolClient, table: TableName): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0]?.n ?? 0;
}

/** Writes into a Veldwerk PostgreSQL database (migrated first) in one transaction. */
export async function postgresTarget(url: string): Promise<CopyTarget> {
  const store = await PostgresStore.open(url, { poolSize: 2 });
  const client = await store.pool.connect();
  await client.query('BEGIN');
  // No server may write while the copy fills the tables (a server started too early waits).
  await client.query(`LOCK TABLE ${TABLE_NAMES.join(', ')}, doc_heads IN EXCLUSIVE MODE`);
  return {
    count: (table) => countOn(client, table),
    async clear() {
      await client.query(`TRUNCATE ${TABLE_NAMES.join(', ')}, doc_heads RESTART IDENTITY`);
    },
    async insert(table, rows) {
      const cols = TABLES[table];
      for (let i = 0; i < rows.length; i += BATCH_ROWS) {
        const batch = rows.slice(i, i + BATCH_ROWS);
        const values = batch.flatMap((row) => cols.map((c) => row[c]));
        const tuples = batch.map((_, r) => `(${cols.map((_c, k) => `$${r * cols.length + k + 1}`).join(', ')})`);
        await client.query(`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}`, values);
      }
    },
    async finish(ok) {
      try {
        if (ok) {
          // New rows continue after the copied ones: each room's numbers, and the ids.
          await client.query(
            `INSERT INTO doc_heads (room, session_id, last_seq)
             SELECT room, session_id, MAX(seq) FROM (
               SELECT room, session_id, seq FROM updates UNION ALL SELECT room, session_id, seq FROM quarantine
             ) AS rows GROUP BY room, session_id
             ON CONFLICT (room) DO UPDATE SET last_seq = GREATEST(doc_heads.last_seq, excluded.last_seq)`,
          );
          for (const table of ['snapshots', 'quarantine']) {
            await client.query(
              `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
            );
          }
          await client.query('COMMIT');
        } else {
          await client.query('ROLLBACK');
        }
      } finally {
        client.release();
        await store.close();
      }
    },
  };
}
