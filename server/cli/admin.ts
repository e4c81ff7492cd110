/**
 * Admin CLI: `npm run admin -- <command>`. Works on the same data dir as the server
 * (DATA_DIR), also while the server runs (SQLite WAL; a running server notices a
 * deleted session at its next write and closes its connections).
 */
import { parseArgs } from 'node:util';
import { formatJoinCode } from '../../shared/api.ts';
import { CreateSessionRequest } from '../../shared/api.ts';
import { loadOrCreateSecret, TokenSigner } from '../auth/tokens.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { SessionService } from '../sessions.ts';
import { SqliteStore } from '../store/SqliteStore.ts';

const USAGE = `Veldwerk admin

Usage: npm run admin -- <command> [options]

Commands:
  create-session --title <title> [--facilitator <name>]
                          Create a session; prints the same JSON as POST /api/sessions.
  list-sessions           List sessions (id, created, join code, participants, title).
  delete-session <id>     Delete a session and everything in it (names, boards, history).
  backup <file>           Write a consistent copy of the store to <file>, also while the server runs.

Environment: DATA_DIR (default ./data), PUBLIC_URL (default http://localhost:$PORT).`;

export async function runAdmin(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const store = new SqliteStore(config.dbFile, { synchronous: config.SQLITE_SYNCHRONOUS });
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
        out(`Backup written to ${file}. Restore: stop the server, copy it to ${config.dbFile}, start again.`);
        return 0;
      }
      default:
        out(`Unknown command "${command}".\n\n${USAGE}`);
        return 1;
    }
  } finally {
    store.close();
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  runAdmin(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError ? err.message : err);
      process.exit(1);
    },
  );
}
