/** The REST calls of the facilitator's home: read, duplicate and delete a session. */
import { z } from 'zod';
import { CreateSessionResponse, SessionInfo } from '../../../../shared/api.ts';
import { request } from '../../base/api/client.ts';

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export function fetchSession(sessionId: string, token: string): Promise<SessionInfo> {
  return request(SessionInfo, sessionPath(sessionId), { token });
}

/** `copy`: everything on the boards; `followUp`: the actors and their places, remembering this session. */
export type CopyMode = 'copy' | 'followUp';

export function copySession(sessionId: string, token: string, mode: CopyMode): Promise<CreateSessionResponse> {
  return request(CreateSessionResponse, `${sessionPath(sessionId)}/copy`, { method: 'POST', body: { mode }, token });
}

/** Deletes the session for everyone (204, no body). */
export async function deleteSession(sessionId: string, token: string): Promise<void> {
  await request(z.unknown(), sessionPath(sessionId), { method: 'DELETE', token });
}
