/**
 * The stores' rows as the SQL stores read them, and their records: one mapping for
 * SQLite and PostgreSQL alike (the column names are the same in both schemas).
 */
import type { Role } from '../../shared/roles.ts';
import type { QuarantineInfo, SnapshotInfo, SnapshotReason } from './DocStore.ts';
import type { EvaluationRecord, ParticipantRecord, SessionRecord, VoteRecord } from './SessionStore.ts';

export interface SnapshotRow {
  id: number;
  room: string;
  created_at: number;
  reason: SnapshotReason;
  bytes: number;
}
export const toSnapshotInfo = (r: SnapshotRow): SnapshotInfo => ({
  id: r.id,
  room: r.room,
  createdAt: r.created_at,
  reason: r.reason,
  bytes: r.bytes,
});

export interface QuarantineRow {
  id: number;
  room: string;
  seq: number;
  reason: string;
  quarantined_at: number;
  bytes: number;
}
export const toQuarantineInfo = (r: QuarantineRow): QuarantineInfo => ({
  id: r.id,
  room: r.room,
  seq: r.seq,
  reason: r.reason,
  quarantinedAt: r.quarantined_at,
  bytes: r.bytes,
});

export interface SessionRow {
  id: string;
  title: string;
  join_code: string;
  created_at: number;
  /** SQLite has no boolean: 0 or 1 there, a boolean in PostgreSQL. */
  join_open: number | boolean;
  join_code_at: number;
}
export const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  title: r.title,
  joinCode: r.join_code,
  createdAt: r.created_at,
  joinOpen: r.join_open === true || r.join_open === 1,
  joinCodeAt: Math.max(r.join_code_at, r.created_at),
});

export interface ParticipantRow {
  id: string;
  session_id: string;
  name: string;
  role: Role;
  created_at: number;
}
export const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id,
  sessionId: r.session_id,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
});

export interface EvaluationRow {
  session_id: string;
  participant_id: string;
  grade: number;
  quote: string;
  /** 0 or 1 in SQLite, a boolean in PostgreSQL. */
  anonymous: number | boolean;
  created_at: number;
}
export const toEvaluation = (r: EvaluationRow): EvaluationRecord => ({
  sessionId: r.session_id,
  participantId: r.participant_id,
  grade: r.grade,
  quote: r.quote,
  anonymous: r.anonymous === true || r.anonymous === 1,
  createdAt: r.created_at,
});

export interface VoteRow {
  session_id: string;
  round_id: string;
  participant_id: string;
  target_id: string;
  count: number;
}
export const toVote = (r: VoteRow): VoteRecord => ({
  sessionId: r.session_id,
  roundId: r.round_id,
  participantId: r.participant_id,
  targetId: r.target_id,
  count: r.count,
});
