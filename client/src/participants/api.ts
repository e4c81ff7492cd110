/** The facilitator's participant management: rename, remove, and the list of everyone known. */
import { z } from 'zod';
import { SessionInfo, type Participant } from '../../../shared/api.ts';
import { request } from '../api/client.ts';

const path = (sessionId: string, pid: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(pid)}`;

export function renameParticipant(sessionId: string, token: string, pid: string, name: string): Promise<unknown> {
  return request(z.unknown(), path(sessionId, pid), { method: 'PATCH', body: { name }, token });
}

/**
 * Removes a participant. `anonymise`: what they wrote stays on the boards, without
 * their name (the server blanks the author of their notes and answers).
 */
export async function removeParticipant(
  sessionId: string,
  token: string,
  pid: string,
  opts: { anonymise?: boolean } = {},
): Promise<void> {
  const query = opts.anonymise ? '?anonymise=true' : '';
  await request(z.unknown(), path(sessionId, pid) + query, { method: 'DELETE', token });
}

/** Everyone who joined (facilitator's view of GET /api/sessions/:id). */
export async function knownParticipants(sessionId: string, token: string): Promise<Participant[]> {
  const info = await request(SessionInfo, `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
  return info.participants ?? [];
}
