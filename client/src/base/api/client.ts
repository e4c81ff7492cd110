/**
 * The one way the client talks to the REST API (issue 16): every call in base/api goes
 * through here, its request typed and its answer parsed by the route's schemas in
 * shared/api.ts, so a changed server shows up as an error here instead of as `undefined`
 * deep in the UI. A refused or failed call is an {@link ApiRequestError}.
 */
import type { z } from 'zod';
import { ApiError } from '../../../../shared/api.ts';
import { ApiRequestError } from './errors.ts';

export { ApiRequestError, failureReason } from './errors.ts';

export interface ApiInit {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  token?: string;
  /** A JSON body; the calls type it with the route's request schema. */
  body?: unknown;
  /** A body sent as it is (an uploaded file, a session file's text) with its content type. */
  raw?: { body: BodyInit; type: string };
}

/** `/api/sessions/<id>/<part>/...`, each part encoded. */
export function sessionPath(sessionId: string, ...parts: string[]): string {
  return ['/api/sessions', ...[sessionId, ...parts].map(encodeURIComponent)].join('/');
}

/** A path with its query (parts left `undefined` are not sent); the calls type it with the route's query schema. */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, value);
  return params.size ? `${path}?${params.toString()}` : path;
}

/** The server's refusal as an error: its code and message, or the HTTP status when it sent none. */
async function refusal(res: Response): Promise<ApiRequestError> {
  const parsed = ApiError.safeParse(await res.json().catch(() => null));
  const retry = Number(res.headers.get('Retry-After'));
  return new ApiRequestError(
    res.status,
    parsed.success ? parsed.data.error.code : `http-${res.status}`,
    parsed.success ? parsed.data.error.message : res.statusText,
    Number.isFinite(retry) && retry > 0 ? retry : null,
    parsed.success ? parsed.data.error.details : undefined,
  );
}

/** Sends a request; resolves the answer when the server took it (2xx), else throws an ApiRequestError. */
export async function send(path: string, init: ApiInit = {}, accept?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (accept) headers.Accept = accept;
  let body: BodyInit | undefined;
  if (init.raw) {
    headers['Content-Type'] = init.raw.type;
    body = init.raw.body;
  } else if (init.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? 'GET', headers, body, cache: 'no-store' });
  } catch (err) {
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw await refusal(res);
  return res;
}

/** A JSON call: the answer parsed with the route's response schema of shared/api.ts. */
export async function request<S extends z.ZodType>(schema: S, path: string, init: ApiInit = {}): Promise<z.infer<S>> {
  const res = await send(path, init, 'application/json');
  const json: unknown = await res.json().catch(() => null);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError(res.status, 'bad-response', parsed.error.message);
  return parsed.data;
}

/** A call whose route answers no body (204). */
export async function requestNoContent(path: string, init: ApiInit = {}): Promise<void> {
  await send(path, init, 'application/json');
}
