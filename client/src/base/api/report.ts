/** The verslag (shared/api/report.ts), made by the server and answered as a file (facilitator). */
import type { ReportQuery } from '../../../../shared/api.ts';
import { send, sessionPath, withQuery } from './client.ts';

/** Asks for the report; the answer's body is the file, read by the caller (with its progress). */
export function fetchReport(sessionId: string, token: string, query: ReportQuery): Promise<Response> {
  return send(withQuery(sessionPath(sessionId, 'report'), query), { token });
}
