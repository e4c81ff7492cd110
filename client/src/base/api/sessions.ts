/** Sessions, their history snapshots and the server's clock (shared/api/sessions.ts). */
import {
  CreateSessionResponse,
  SessionInfo,
  SnapshotList,
  TimeResponse,
  type CopyMode,
  type CopyRequest,
  type CreateSessionRequest,
} from '../../../../shared/api.ts';
import { request, requestNoContent, send, sessionPath } from './client.ts';

export function createSession(body: CreateSessionRequest): Promise<CreateSessionResponse> {
  return request(CreateSessionResponse, '/api/sessions', { method: 'POST', body });
}

/** The session as this token sees it (the facilitator also gets the join state and everyone who joined). */
export function getSession(sessionId: string, token: string): Promise<SessionInfo> {
  return request(SessionInfo, sessionPath(sessionId), { token });
}

/** Deletes the session for everyone (facilitator). */
export function deleteSession(sessionId: string, token: string): Promise<void> {
  return requestNoContent(sessionPath(sessionId), { method: 'DELETE', token });
}

/** A new session from this one (facilitator): `copy` everything, or a `followUp` with the actors and their places. */
export function copySession(sessionId: string, token: string, mode: CopyMode): Promise<CreateSessionResponse> {
  const body: CopyRequest = { mode };
  return request(CreateSessionResponse, sessionPath(sessionId, 'copy'), { method: 'POST', body, token });
}

/** The session's history snapshots, newest first (facilitator). */
export function listSnapshots(sessionId: string, token: string): Promise<SnapshotList> {
  return request(SnapshotList, sessionPath(sessionId, 'snapshots'), { token });
}

/** One history snapshot's stored state (a Yjs update; decode it with `docFromState`), facilitator. */
export async function getSnapshotState(sessionId: string, snapshotId: number, token: string): Promise<Uint8Array> {
  const res = await send(sessionPath(sessionId, 'snapshots', String(snapshotId)), { token });
  return new Uint8Array(await res.arrayBuffer());
}

/** The server's clock (ms since epoch). */
export async function getServerTime(): Promise<number> {
  return (await request(TimeResponse, '/api/time')).now;
}
