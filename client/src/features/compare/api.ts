/** The REST calls of the comparison screen. */
import { CreateSessionResponse } from '../../../../shared/api.ts';
import { request } from '../../base/api/client.ts';

/** Starts a follow-up meeting of this session (facilitator): boards, actors and places copied. */
export function startFollowUp(sessionId: string, token: string): Promise<CreateSessionResponse> {
  return request(CreateSessionResponse, `/api/sessions/${encodeURIComponent(sessionId)}/copy`, {
    method: 'POST',
    body: { mode: 'followUp' },
    token,
  });
}
