/** Joining a session, and the facilitator's control of it (shared/api/joining.ts). */
import { JoinResponse, JoinState, type JoinRequest, type SetJoiningRequest } from '../../../../shared/api.ts';
import { request, sessionPath } from './client.ts';

export function joinSession(body: JoinRequest): Promise<JoinResponse> {
  return request(JoinResponse, '/api/join', { method: 'POST', body });
}

/** The code, its link, open or closed, until when it works (facilitator). */
export function fetchJoinState(sessionId: string, token: string): Promise<JoinState> {
  return request(JoinState, sessionPath(sessionId, 'joining'), { token });
}

/** Closes or reopens joining by code; people already in keep working (facilitator). */
export function changeJoining(sessionId: string, token: string, body: SetJoiningRequest): Promise<JoinState> {
  return request(JoinState, sessionPath(sessionId, 'joining'), { method: 'PUT', body, token });
}

/** A new code: the old one and its links stop working at once (facilitator). */
export function newJoinCode(sessionId: string, token: string): Promise<JoinState> {
  return request(JoinState, sessionPath(sessionId, 'joining', 'code'), { method: 'POST', token });
}
