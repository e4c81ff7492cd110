/**
 * Admin CLI: `npm run admin -- <command>`. Works on the same store as the server
 * (DATA_DIR, or DATABASE_URL), also while the server runs (SQLite WAL; a running server
 * notices a deleted session at its next write and closes its connections). `restore-board`
 * is the exception: the board must not be open in a running server (its room would
 * overwrite it). `copy-store` moves everything between SQLite and PostgreSQL (issue 13).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { docFromState, encodeDoc } from '../../shared/model/doc.ts';
import { revertUpdate } from '../../shared/model/revert.ts';
import { boardRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { createLogger } from '../log.ts';
import type { DocStore } from '../store/DocStore.ts';
import { loadStoredDoc } from '../sync/loadStored.ts';
import { decodeWithinLimits, STORED_ROW_LIMITS } from '../sync/updateLimits.ts';
import { formatJoinCode } from '../../shared/api.ts';
import { CreateSessionRequest } from '../../shared/api.ts';
import { loadOrCreateSecret, TokenSigner } from '../auth/tokens.ts';
import { loadConfig } from '../config.ts';
import { runAsScript } from './runCli.ts';
import { StoreDamagedError } from '../store/integrity.ts';
import { StoreUnavailableError } from '../store/postgres/errors.ts';
import { SessionService } from '../sessions.ts';
import { copyStore, CopyRefused, describeLocation, parseStoreLocation } from '../store/copyStore.ts';
import { openStore } from '../store/openStore.ts';

const USAGE = `Veldwerk admin

Usage: npm run admin -- <command> [options]

Commands:
  create-session --title <title> [--facilitator <name>]
                          Create a session; prints the same JSON as POST /api/sessions.
  list-sessions           List sessions (id, created, join code, participants, title).
  delete-session <id>     Delete a session and everything in it (names, boards, history).
  backup <file>           Write a consistent copy of the store to <file> (a SQLite file, also from
                          PostgreSQL), also while the server runs.
  list-quarantine [sessionId]
                          Stored updates that could not be loaded and were set aside (never deleted).
  export-quarantine <dir> [sessionId]
                          Write each quarantined update to <dir> as a .bin file, with index.json
                          (room, seq, reason, time).
  restore-board <sessionId> <boardId|session> [--snapshot <id>]
                          Make a board's content (or the session doc's with "session") equal to its
                          last good history snapshot, or the given one, by appending ONE new update:
                          clients with newer copies converge to the restored content. Stop the
                          server first, or make sure nobody has the board open: a running server
                          that has the board loaded does not see the new update and overwrites it.
  copy-store --from <store> --to <store> [--replace]
                          Copy everything (sessions, participants, votes, evaluations, boards and
                          their history, quarantine) from one store into another, e.g. from SQLite
                          into PostgreSQL to run several instances, or back. <store> is
                          sqlite:<file or DATA_DIR> or postgres://user:password@host/database.
                          The target must be empty unless --replace (then its rows are deleted
                          first). Stop the servers first: writes after the copy began are not in it.

Environment: DATA_DIR (default ./data), DATABASE_URL (PostgreSQL instead of DATA_DIR's SQLite file),
PUBLIC_URL (default http://localhost:$PORT).`;

export async function runAdmin(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 1;
  }
  if (command === 'copy-store') return runCopyStore(rest, out);
  const config = loadConfig();
  const store = await openStore(config);
  try {
    switch (command) {
      case 'create-session': {
        const { values } = parseArgs({
          args: rest,
          options: { title: { type: 'string' }, facilitator: { type: 'string' } },
        });
        const input = CreateSessionRequest.safeParse({ title: values.title, facilitatorName: values.facilitator });
        if (!input.success) {
          out('create-session needs --title "<title>" (1-120 characters); --facilitator is optional (1-60).');
          return 1;
        }
        const sessions = new SessionService({
          store,
          tokens: new TokenSigner(loadOrCreateSecret(config.DATA_DIR)),
          tokenTtlDays: config.TOKEN_TTL_DAYS,
          facilitatorTokenTtlDays: config.FACILITATOR_TOKEN_TTL_DAYS,
          joinCodeTtlDays: config.JOIN_CODE_TTL_DAYS,
        });
        const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
        out(JSON.stringify(await sessions.create(input.data, base), null, 2));
        return 0;
      }
      case 'list-sessions': {
        const list = await store.sessions.listSessions();
        if (!list.length) out('No sessions.');
        for (const s of list) {
          out(
            `${s.id}  ${new Date(s.createdAt).toISOString()}  ${formatJoinCode(s.joinCode)}  ${String(s.participants).padStart(3)} participants  ${JSON.stringify(s.title)}`,
          );
        }
        return 0;
      }
      case 'delete-session': {
        const id = rest[0];
        if (!id) {
          out('delete-session needs a session id (see list-sessions).');
          return 1;
        }
        if (!(await store.sessions.deleteSession(id))) {
          out(`No session ${id}.`);
          return 1;
        }
        out(`Deleted session ${id} with its participants, boards and history.`);
        return 0;
      }
      case 'backup': {
        const file = rest[0];
        if (!file) {
          out('backup needs a file name, e.g. npm run admin -- backup backups/veldwerk-2026-11-22.db');
          return 1;
        }
        await store.backup(file);
        out(
          config.DATABASE_URL
            ? `Backup written to ${file} (SQLite). Restore: stop the servers, then copy-store --from sqlite:${file} --to <DATABASE_URL> --replace.`
            : `Backup written to ${file}. Restore: stop the server, copy it to ${config.dbFile}, start again.`,
        );
        return 0;
      }
      case 'list-quarantine': {
        const rows = await store.docs.listQuarantine(rest[0]);
        if (!rows.length) out('No quarantined updates.');
        for (const q of rows) {
          out(
            `${q.id}  ${new Date(q.quarantinedAt).toISOString()}  ${q.room}  seq ${q.seq}  ${q.bytes} bytes  ${q.reason}`,
          );
        }
        return 0;
      }
      case 'export-quarantine': {
        const [dir, sessionId] = rest;
        if (!dir) {
          out('export-quarantine needs a folder, e.g. npm run admin -- export-quarantine quarantine-2026-12-04');
          return 1;
        }
        return await exportQuarantine(store.docs, dir, sessionId, out);
      }
      case 'restore-board': {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { snapshot: { type: 'string' } },
          allowPositionals: true,
        });
        const [sessionId, board] = positionals;
        if (!sessionId || !board) {
          out('restore-board needs a session id and a board id (or "session"); see help.');
          return 1;
        }
        if (!(await store.sessions.getSession(sessionId))) {
          out(`No session ${sessionId}.`);
          return 1;
        }
        const snapshotId = values.snapshot === undefined ? undefined : Number(values.snapshot);
        const room = board === 'session' ? sessionRoomName(sessionId) : boardRoomName(sessionId, board);
        return await restoreBoard(store.docs, sessionId, room, snapshotId, out, config.LOG_LEVEL);
      }
      default:
        out(`Unknown command "${command}".\n\n${USAGE}`);
        return 1;
    }
  } finally {
    await store.close();
  }
}

async function runCopyStore(args: string[], out: (s: string) => void): Promise<number> {
  let from, to, replace;
  try {
    const { values } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean', default: false } },
    });
    if (!values.from || !values.to)
      throw new CopyRefused('copy-store needs --from <store> and --to <store>; see help.');
    [from, to, replace] = [parseStoreLocation(values.from), parseStoreLocation(values.to), values.replace];
  } catch (err) {
    out(err instanceof Error ? err.message : String(err));
    return 1;
  }
  try {
    const counts = await copyStore(from, to, { replace });
    out(`Copied ${describeLocation(from)} into ${describeLocation(to)}:`);
    for (const [table, n] of Object.entries(counts)) out(`  ${table.padEnd(18)} ${n}`);
    out(
      'Tokens and links are signed with DATA_DIR/secret.key: give the servers of the target the same file, ' +
        'or every link of these sessions stops working.',
    );
    return 0;
  } catch (err) {
    if (err instanceof CopyRefused || err instanceof StoreUnavailableError || err instanceof StoreDamagedError) {
      out(err.message);
      return 1;
    }
    throw err;
  }
}

async function exportQuarantine(
  docs: DocStore,
  dir: string,
  sessionId: string | undefined,
  out: (s: string) => void,
): Promise<number> {
  fs.mkdirSync(dir, { recursive: true });
  const index = [];
  for (const info of await docs.listQuarantine(sessionId)) {
    const row = await docs.getQuarantined(info.id);
    if (!row) continue;
    const file = `quarantine-${info.id}.bin`;
    fs.writeFileSync(path.join(dir, file), row.data);
    index.push({ ...info, quarantinedAt: new Date(info.quarantinedAt).toISOString(), file });
  }
  fs.writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  out(`Exported ${index.length} quarantined update(s) to ${dir} (index.json lists room, seq, reason and time).`);
  return 0;
}

/** Does a snapshot load (within the limits, applying cleanly)? */
function loads(state: Uint8Array): boolean {
  if (!decodeWithinLimits(state, STORED_ROW_LIMITS).ok) return false;
  try {
    docFromState(state).destroy();
    return true;
  } catch {
    return false;
  }
}

async function restoreBoard(
  docs: DocStore,
  sessionId: string,
  room: string,
  snapshotId: number | undefined,
  out: (s: string) => void,
  logLevel: string,
): Promise<number> {
  const snapshots = (await docs.listSnapshots(sessionId)).filter((s) => s.room === room);
  const candidates = snapshotId === undefined ? snapshots : snapshots.filter((s) => s.id === snapshotId);
  if (!candidates.length) {
    out(snapshotId === undefined ? `No history snapshots of ${room}.` : `No snapshot ${snapshotId} of ${room}.`);
    return 1;
  }
  let chosen: { id: number; createdAt: number; state: Uint8Array } | null = null;
  for (const info of candidates) {
    const got = await docs.getSnapshot(sessionId, info.id);
    if (got && loads(got.state)) {
      chosen = { id: info.id, createdAt: info.createdAt, state: got.state };
      break;
    }
    out(`Snapshot ${info.id} (${new Date(info.createdAt).toISOString()}) does not load; skipped.`);
  }
  if (!chosen) {
    out(`No snapshot of ${room} loads.`);
    return 1;
  }
  // Loading quarantines rows that cannot be part of the board, as the server would.
  const loaded = await loadStoredDoc(room, { store: docs, log: createLogger(logLevel) });
  if (loaded.quarantined) out(`${loaded.quarantined} stored update(s) could not be loaded and were quarantined.`);
  const result = revertUpdate(encodeDoc(loaded.doc), chosen.state);
  loaded.doc.destroy();
  const when = new Date(chosen.createdAt).toISOString();
  if (!result.update) {
    out(`${room} already equals snapshot ${chosen.id} (${when}); nothing appended.`);
    return 0;
  }
  const seq = await docs.append(room, result.update);
  if (seq === null) {
    out(`The session of ${room} no longer exists.`);
    return 1;
  }
  out(
    `Restored ${room} to snapshot ${chosen.id} (${when}): ${result.set} entries set, ${result.deleted} deleted, ` +
      `${result.replaced} lists or texts replaced, as one update (seq ${seq}, ${result.update.byteLength} bytes).`,
  );
  return 0;
}

runAsScript(import.meta.url, runAdmin);
