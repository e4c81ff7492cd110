/**
 * RETENTION_DAYS: sessions whose last activity is older are deleted with everything in
 * them (participants' names, boards, history, votes, grades), once at start and then
 * daily. A session with a document open in this server right now is left alone until
 * its next turn. Off unless configured: what a municipality must keep is its decision.
 */
import { CloseCode } from '../shared/protocol.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/SessionStore.ts';
import type { RoomRegistry } from './sync/RoomRegistry.ts';

const DAY_MS = 24 * 3600 * 1000;

export class Retention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(
    private readonly deps: { store: Store; registry: RoomRegistry; log: Logger; days: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs now (after the server is up) and then every day. */
  start(): void {
    const tick = () => void this.runOnce().catch((err: unknown) => this.deps.log.error({ err }, 'retention failed'));
    this.timer = setInterval(tick, DAY_MS);
    this.timer.unref();
    setImmediate(tick);
  }

  stop(): Promise<unknown> {
    clearInterval(this.timer);
    return this.running ?? Promise.resolve();
  }

  /** Deletes the sessions past retention; resolves how many. */
  runOnce(): Promise<number> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  private async sweep(): Promise<number> {
    const { store, registry, log, days } = this.deps;
    const before = this.now() - days * DAY_MS;
    let deleted = 0;
    for (const id of await store.sessions.listInactiveSessions(before)) {
      if (registry.sessionRooms(id).length > 0) continue; // in use right now
      if (await store.sessions.deleteSession(id)) {
        registry.dropSession(id, CloseCode.sessionDeleted);
        deleted++;
      }
    }
    if (deleted) log.info({ deleted, days }, 'sessions past retention deleted');
    return deleted;
  }
}
