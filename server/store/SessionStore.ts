import type { Role } from '../../shared/roles.ts';
import type { DocStore } from './DocStore.ts';

export interface SessionRecord {
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
  /** `POST /api/join` accepts the code (the facilitator closes and reopens joining; issue 11). */
  joinOpen: boolean;
  /** When the current join code was made: the creation or the last rotation. */
  joinCodeAt: number;
}

/** A new session: joining starts open, its code made at `createdAt`. */
export type NewSessionRecord = Pick<SessionRecord, 'id' | 'title' | 'joinCode' | 'createdAt'>;

export interface ParticipantRecord {
  id: string;
  sessionId: string;
  name: string;
  role: Role;
  createdAt: number;
}

export interface EvaluationRecord {
  sessionId: string;
  participantId: string;
  /** 1 to 10. */
  grade: number;
  quote: string;
  /** Quote shown without the name (the default). */
  anonymous: boolean;
  createdAt: number;
}

export interface VoteRecord {
  sessionId: string;
  roundId: string;
  participantId: string;
  targetId: string;
  /** Dots on this target (0 takes them back). */
  count: number;
}

/**
 * Results that belong to nobody (issue 10): what an imported session file brought. They
 * count in the totals and the distribution, and are linked to no participant.
 */
export interface AnonymousResults {
  /** Grades 1 to 10, sorted. */
  grades: number[];
  /** Quotes sorted by text; `name` only where the person signed their quote. */
  quotes: { text: string; name: string | null }[];
  /** Per vote round: dots per target id and how many people voted. */
  votes: { roundId: string; voters: number; totals: Record<string, number> }[];
}

/**
 * Sessions and the people in them. Deleting a session removes every row that belongs
 * to it, its documents and history included: participants' names are personal data.
 */
export interface SessionStore {
  createSession(session: NewSessionRecord, facilitator: ParticipantRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  findSessionByJoinCode(joinCode: string): Promise<SessionRecord | null>;
  listSessions(): Promise<(SessionRecord & { participants: number })[]>;
  /** Opens or closes joining by code. `false` if the session is unknown. */
  setJoinOpen(sessionId: string, open: boolean): Promise<boolean>;
  /**
   * Gives the session a new join code, made at `at`; the old one is unknown from now on.
   * Throws when another session has the code (codes are unique); `false` if the session is unknown.
   */
  setJoinCode(sessionId: string, joinCode: string, at: number): Promise<boolean>;
  /**
   * The session's last activity as its join code's expiry counts it: the newest of its
   * creation, its code being made, participants joining and its history snapshots (as
   * {@link listInactiveSessions}, plus the code). `null` if the session is unknown.
   */
  joinCodeActivity(sessionId: string): Promise<number | null>;
  addParticipant(p: ParticipantRecord): Promise<void>;
  getParticipant(sessionId: string, participantId: string): Promise<ParticipantRecord | null>;
  listParticipants(sessionId: string): Promise<ParticipantRecord[]>;
  renameParticipant(sessionId: string, participantId: string, name: string): Promise<boolean>;
  /** Removes a participant (their tokens stop working) and their evaluation. */
  removeParticipant(sessionId: string, participantId: string): Promise<boolean>;
  /** Saves (or replaces) one participant's evaluation of the meeting. */
  saveEvaluation(e: EvaluationRecord): Promise<void>;
  listEvaluations(sessionId: string): Promise<EvaluationRecord[]>;
  /**
   * Sets how many of their dots a participant puts on one target in a vote round, if
   * their total in the round stays within `budget`. Atomic. `false` when over budget.
   */
  castVote(v: VoteRecord, budget: number): Promise<boolean>;
  listVotes(sessionId: string, roundId: string): Promise<VoteRecord[]>;
  /** Sets the session's {@link AnonymousResults} (an import; replaces earlier ones). */
  saveAnonymousResults(sessionId: string, results: AnonymousResults): Promise<void>;
  /** The session's {@link AnonymousResults}; `null` when it has none. */
  getAnonymousResults(sessionId: string): Promise<AnonymousResults | null>;
  /**
   * Sessions whose last activity is before `before` (ms): the newest of their creation,
   * their participants joining and their history snapshots (taken at least every few
   * minutes while a document changes). For RETENTION_DAYS.
   */
  listInactiveSessions(before: number): Promise<string[]>;
  /** Deletes the session, its participants, documents and snapshots. `false` if unknown. */
  deleteSession(id: string): Promise<boolean>;
}

/**
 * Everything the server keeps. One SQLite file by default; PostgreSQL with DATABASE_URL
 * (issue 13, several instances); chosen in openStore.ts.
 */
export interface Store {
  docs: DocStore;
  sessions: SessionStore;
  /**
   * A consistent copy of the whole store, safe while the server runs, as a Veldwerk
   * SQLite file (PostgreSQL writes the same kind of file: see PostgresStore.backup).
   */
  backup(file: string): Promise<void>;
  /** Closes the file or the connections; resolves when they are closed. */
  close(): Promise<void>;
}
