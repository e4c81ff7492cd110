/**
 * Creating, joining and deleting sessions: the logic behind the REST API and the
 * admin CLI, so both give the same answers.
 */
import { formatJoinCode, type CreateSessionResponse, type JoinResponse, type JoinState } from '../shared/api.ts';
import { createDoc, docFromState, encodeDoc, type Doc } from '../shared/model/doc.ts';
import { cleanPersonName, cleanTitle } from '../shared/names.ts';
import { initSessionDoc } from '../shared/model/sessionDoc.ts';
import { applyMeetingTemplate, type MeetingTemplateId } from '../shared/model/templates/meetingTemplates.ts';
import { boardRoomName, sessionRoomName } from '../shared/protocol.ts';
import { Role } from '../shared/roles.ts';
import { createJoinCode, createParticipantId, createSessionId } from './auth/ids.ts';
import type { TokenSigner } from './auth/tokens.ts';
import type { Store } from './store/SessionStore.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface SessionServiceOptions {
  store: Store;
  tokens: TokenSigner;
  tokenTtlDays: number;
  facilitatorTokenTtlDays: number;
  /** A join code stops working this many days after the session's last activity (JOIN_CODE_TTL_DAYS). */
  joinCodeTtlDays: number;
  now?: () => number;
}

export class NotFoundError extends Error {}

/** A known join code that does not let people in now: joining is closed, or the code expired. */
export class JoinRefusedError extends Error {
  constructor(readonly reason: 'closed' | 'expired') {
    super(reason === 'closed' ? 'joining is closed' : 'the join code has expired');
  }
}

/** What a new session starts with besides the defaults (a copy or a follow-up). */
export interface SessionSeed {
  /** Runs on the new session doc after its defaults are in place. */
  sessionDoc(doc: Doc): void;
  /** Board docs to store, as encoded states. */
  boards: { id: string; state: Uint8Array }[];
  /** An imported session (server/io): its session doc as is, instead of fresh defaults. */
  sessionState?: Uint8Array;
  /** An imported session keeps its facilitator's id: the docs may name it. */
  facilitatorId?: string;
}

export class SessionService {
  private readonly now: () => number;
  constructor(private readonly opts: SessionServiceOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** A token for one person; facilitators' tokens live longer. */
  private tokenFor(sid: string, role: Role, pid: string): string {
    const days = role === Role.facilitator ? this.opts.facilitatorTokenTtlDays : this.opts.tokenTtlDays;
    return this.opts.tokens.sign({ sid, role, pid, ttlMs: days * DAY_MS, now: this.now() });
  }

  /** Creates a session with its session doc, a facilitator and a viewer identity. */
  async create(
    input: { title: string; facilitatorName?: string | undefined; template?: MeetingTemplateId | undefined },
    baseUrl: string,
    seed?: SessionSeed,
  ): Promise<CreateSessionResponse> {
    const { store } = this.opts;
    const now = this.now();
    // The API's schemas already clean them; the CLI and the imports come through here too.
    const title = cleanTitle(input.title) || 'Bijeenkomst';
    const facilitatorName = cleanPersonName(input.facilitatorName ?? '') || 'Procesbegeleider';
    const sessionId = createSessionId();
    const facilitatorId = seed?.facilitatorId ?? createParticipantId();
    const joinCode = await this.freeJoinCode();
    await store.sessions.createSession(
      { id: sessionId, title, joinCode, createdAt: now },
      {
        id: facilitatorId,
        sessionId,
        name: facilitatorName,
        role: Role.facilitator,
        createdAt: now,
      },
    );
    const viewerId = createParticipantId();
    await store.sessions.addParticipant({
      id: viewerId,
      sessionId,
      name: 'Scherm',
      role: Role.viewer,
      createdAt: now,
    });
    const doc = seed?.sessionState ? docFromState(seed.sessionState) : createDoc();
    if (!seed?.sessionState) initSessionDoc(doc, { title, createdAt: now });
    if (input.template) applyMeetingTemplate(doc, input.template);
    seed?.sessionDoc(doc);
    await store.docs.append(sessionRoomName(sessionId), encodeDoc(doc));
    doc.destroy();
    for (const board of seed?.boards ?? []) await store.docs.append(boardRoomName(sessionId, board.id), board.state);

    const facilitatorToken = this.tokenFor(sessionId, Role.facilitator, facilitatorId);
    const viewerToken = this.tokenFor(sessionId, Role.viewer, viewerId);
    const base = baseUrl.replace(/\/+$/, '');
    return {
      sessionId,
      facilitatorToken,
      // The token travels in the fragment: browsers never send it to the server in logs.
      facilitatorUrl: `${base}/s/${sessionId}#token=${facilitatorToken}`,
      joinCode: formatJoinCode(joinCode),
      joinUrl: `${base}/join/${joinCode}`,
      viewerUrl: `${base}/s/${sessionId}#token=${viewerToken}`,
    };
  }

  /** Links the facilitator shares: join link and a fresh read-only viewer link. */
  async shareLinks(sessionId: string, baseUrl: string): Promise<{ joinUrl: string; viewerUrl: string } | null> {
    const session = await this.opts.store.sessions.getSession(sessionId);
    const viewer = (await this.opts.store.sessions.listParticipants(sessionId)).find((p) => p.role === Role.viewer);
    if (!session || !viewer) return null;
    const base = baseUrl.replace(/\/+$/, '');
    const token = this.tokenFor(sessionId, Role.viewer, viewer.id);
    return { joinUrl: `${base}/join/${session.joinCode}`, viewerUrl: `${base}/s/${sessionId}#token=${token}` };
  }

  /** A join code no session has (the alphabet holds 31^6 codes: a clash is rare). */
  private async freeJoinCode(): Promise<string> {
    for (let attempt = 0; attempt <= 20; attempt++) {
      const joinCode = createJoinCode();
      if (!(await this.opts.store.sessions.findSessionByJoinCode(joinCode))) return joinCode;
    }
    throw new Error('could not find a free join code');
  }

  /** When the session's code stops working (ms), or `null` for an unknown session. */
  private async joinCodeExpiresAt(sessionId: string): Promise<number | null> {
    const last = await this.opts.store.sessions.joinCodeActivity(sessionId);
    return last === null ? null : last + this.opts.joinCodeTtlDays * DAY_MS;
  }

  /** How people get in (the facilitator's invitation): code, link, open or closed, expiry. */
  async joinState(sessionId: string, baseUrl: string): Promise<JoinState> {
    const session = await this.opts.store.sessions.getSession(sessionId);
    const expiresAt = await this.joinCodeExpiresAt(sessionId);
    if (!session || expiresAt === null) throw new NotFoundError('No such session.');
    const base = baseUrl.replace(/\/+$/, '');
    return {
      joinCode: formatJoinCode(session.joinCode),
      joinUrl: `${base}/join/${session.joinCode}`,
      joinOpen: session.joinOpen,
      joinCodeExpiresAt: expiresAt,
    };
  }

  /** Opens or closes joining; people already in keep working either way. */
  async setJoinOpen(sessionId: string, open: boolean): Promise<void> {
    if (!(await this.opts.store.sessions.setJoinOpen(sessionId, open))) throw new NotFoundError('No such session.');
  }

  /**
   * Gives the session a new join code: the old code and its links stop working at once
   * (answered as any unknown code), and the new one's expiry starts now.
   */
  async rotateJoinCode(sessionId: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const joinCode = await this.freeJoinCode();
      try {
        if (!(await this.opts.store.sessions.setJoinCode(sessionId, joinCode, this.now())))
          throw new NotFoundError('No such session.');
        return;
      } catch (err) {
        // Another session took the code between the check and the write: draw again.
        if (err instanceof NotFoundError || attempt >= 3) throw err;
      }
    }
  }

  /**
   * Adds a participant by join code (already normalized). An unknown code is a
   * {@link NotFoundError}; a closed session or an expired code a {@link JoinRefusedError}.
   */
  async join(joinCode: string, rawName: string): Promise<JoinResponse> {
    const name = cleanPersonName(rawName);
    if (!name) throw new Error('a name is needed');
    const session = await this.opts.store.sessions.findSessionByJoinCode(joinCode);
    if (!session) throw new NotFoundError('unknown join code');
    const now = this.now();
    if (!session.joinOpen) throw new JoinRefusedError('closed');
    const expiresAt = await this.joinCodeExpiresAt(session.id);
    if (expiresAt === null) throw new NotFoundError('unknown join code');
    if (now >= expiresAt) throw new JoinRefusedError('expired');
    const participantId = createParticipantId();
    await this.opts.store.sessions.addParticipant({
      id: participantId,
      sessionId: session.id,
      name,
      role: Role.participant,
      createdAt: now,
    });
    const token = this.tokenFor(session.id, Role.participant, participantId);
    return { sessionId: session.id, token, participantId };
  }
}
