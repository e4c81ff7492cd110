/** The facilitator's participant management: rename, remove, and the list of everyone known. */
import { z } from 'zod';
import { SessionInfo, type Participant } from '../../../shared/api.ts';
import { request } from '../api/client.ts';

const path = (sessionId: string, pid: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(pid)}`;

export function renameParticipant(sessionId: string, token: string, pid: string, name: string): Promise<unknown> {
  return request(z.unknown(), path(sessionId, pid), { method: 'PATCH', body: { name }, token });
}

export async function removeParticipant(sessionId: string, token: string, pid: string): Promise<void> {
  await request(z.unknown(), path(sessionId, pid), { method: 'DELETE', token });
}

/** Everyone who joined (facilitator's view of GET /api/sessions/:id). */
export async function knownParticipants(sessionId: string, token: string): Promise<Participant[]> {
  const info = await request(SessionInfo, `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
  return info.participants ?? [];
}
