/** The facilitator's participant management: rename, remove, the list of everyone known (shared/api/participants.ts). */
import {
  Participant,
  RemoveParticipantResponse,
  type JoinState,
  type RemoveParticipantQuery,
  type RenameParticipantRequest,
} from '../../../../shared/api.ts';
import { request, requestNoContent, sessionPath, withQuery } from './client.ts';
import { getSession } from './sessions.ts';

const path = (sessionId: string, pid: string) => sessionPath(sessionId, 'participants', pid);

export function renameParticipant(sessionId: string, token: string, pid: string, name: string): Promise<Participant> {
  const body: RenameParticipantRequest = { name };
  return request(Participant, path(sessionId, pid), { method: 'PATCH', body, token });
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
  const query: RemoveParticipantQuery = {
    anonymise: opts.anonymise ? 'true' : undefined,
    rejoin: opts.rejoin === false ? 'false' : undefined,
  };
  const url = withQuery(path(sessionId, pid), query);
  if (opts.rejoin !== false) {
    await requestNoContent(url, { method: 'DELETE', token });
    return null;
  }
  return (await request(RemoveParticipantResponse, url, { method: 'DELETE', token })).join;
}

/** Everyone who joined (facilitator's view of the session). */
export async function knownParticipants(sessionId: string, token: string): Promise<Participant[]> {
  return (await getSession(sessionId, token)).participants ?? [];
}
