/** The facilitator's participant management: rename, remove, and the list of everyone known. */
import { z } from 'zod';
import { RemoveParticipantResponse, SessionInfo, type JoinState, type Participant } from '../../../../shared/api.ts';
import { request } from '../../base/api/client.ts';

const path = (sessionId: string, pid: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/participants/${encodeURIComponent(pid)}`;

export function renameParticipant(sessionId: string, token: string, pid: string, name: string): Promise<unknown> {
  return request(z.unknown(), path(sessionId, pid), { method: 'PATCH', body: { name }, token });
}

/**
 * Removes a participant. `anonymise`: what they wrote stays on the boards, without
 * their name (the server blanks the author of their notes and answers). `rejoin: false`:
 * the join code changes with the removal, so they cannot come back with it; the answer
 * is the new joining state (`null` when the code stayed).
 */
export async function removeParticipant(
  sessionId: string,
  token: string,
  pid: string,
  opts: { anonymise?: boolean; rejoin?: boolean } = {},
): Promise<JoinState | null> {
  const query = new URLSearchParams();
  if (opts.anonymise) query.set('anonymise', 'true');
  if (opts.rejoin === false) query.set('rejoin', 'false');
  const url = path(sessionId, pid) + (query.size ? `?${query.toString()}` : '');
  if (opts.rejoin !== false) {
    await request(z.unknown(), url, { method: 'DELETE', token });
    return null;
  }
  return (await request(RemoveParticipantResponse, url, { method: 'DELETE', token })).join;
}

/** Everyone who joined (facilitator's view of GET /api/sessions/:id). */
export async function knownParticipants(sessionId: string, token: string): Promise<Participant[]> {
  const info = await request(SessionInfo, `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
  return info.participants ?? [];
}
