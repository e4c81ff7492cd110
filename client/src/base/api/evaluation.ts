/** The evaluation (shared/api/evaluation.ts): grades stay on the server. */
import {
  EvaluationSummary,
  MyEvaluation,
  MyEvaluationAnswer,
  SharedEvaluation,
  type EvaluationRequest,
} from '../../../../shared/api.ts';
import { request, sessionPath } from './client.ts';

const path = (sessionId: string, ...rest: string[]) => sessionPath(sessionId, 'evaluation', ...rest);

export function saveEvaluation(sessionId: string, token: string, body: EvaluationRequest): Promise<MyEvaluation> {
  return request(MyEvaluation, path(sessionId), { method: 'PUT', body, token });
}

/** My own evaluation, `null` before I graded (participant). */
export async function loadMyEvaluation(sessionId: string, token: string): Promise<MyEvaluation | null> {
  return (await request(MyEvaluationAnswer, path(sessionId), { token })).mine;
}

/** The live summary (facilitator). */
export function loadEvaluationSummary(sessionId: string, token: string): Promise<EvaluationSummary> {
  return request(EvaluationSummary, path(sessionId), { token });
}

/** Shows the summary to everyone (facilitator); the server writes it into the session doc. */
export function showEvaluation(sessionId: string, token: string): Promise<SharedEvaluation> {
  return request(SharedEvaluation, path(sessionId, 'show'), { method: 'POST', token });
}
