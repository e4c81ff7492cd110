/**
 * The REST API, typed by the schemas in shared/api.ts. Every response is parsed, so a
 * changed server shows up as an error here instead of as `undefined` deep in the UI.
 */
import type { z } from 'zod';
import {
  ApiError,
  CreateSessionResponse,
  JoinResponse,
  SessionInfo,
  SnapshotList,
  type CreateSessionRequest,
  type JoinRequest,
} from '../../../../shared/api.ts';

/** A failed request. `code` is the server's error code, or `network` / `bad-response`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again (from `Retry-After` on 429). */
    readonly retryAfter: number | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export async function request<T>(
  schema: z.ZodType<T>,
  path: string,
  init: { method?: string; body?: unknown; token?: string },
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
  } catch (err) {
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ApiError.safeParse(json);
    const retry = Number(res.headers.get('Retry-After'));
    throw new ApiRequestError(
      res.status,
      parsed.success ? parsed.data.error.code : `http-${res.status}`,
      parsed.success ? parsed.data.error.message : res.statusText,
      Number.isFinite(retry) && retry > 0 ? retry : null,
      parsed.success ? parsed.data.error.details : undefined,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError(res.status, 'bad-response', parsed.error.message);
  return parsed.data;
}

export function createSession(body: CreateSessionRequest): Promise<CreateSessionResponse> {
  return request(CreateSessionResponse, '/api/sessions', { method: 'POST', body });
}

export function joinSession(body: JoinRequest): Promise<JoinResponse> {
  return request(JoinResponse, '/api/join', { method: 'POST', body });
}

export function getSession(sessionId: string, token: string): Promise<SessionInfo> {
  return request(SessionInfo, `/api/sessions/${encodeURIComponent(sessionId)}`, { token });
}

/** The session's history snapshots, newest first (facilitator). */
export function listSnapshots(sessionId: string, token: string): Promise<SnapshotList> {
  return request(SnapshotList, `/api/sessions/${encodeURIComponent(sessionId)}/snapshots`, { token });
}

/** One history snapshot's stored state (a Yjs update; decode it with `docFromState`), facilitator. */
export async function getSnapshotState(sessionId: string, snapshotId: number, token: string): Promise<Uint8Array> {
  const path = `/api/sessions/${encodeURIComponent(sessionId)}/snapshots/${snapshotId}`;
  let res: Response;
  try {
    res = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch (err) {
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const parsed = ApiError.safeParse(await res.json().catch(() => null));
    throw new ApiRequestError(
      res.status,
      parsed.success ? parsed.data.error.code : `http-${res.status}`,
      parsed.success ? parsed.data.error.message : res.statusText,
    );
  }
  return new Uint8Array(await res.arrayBuffer());
}
