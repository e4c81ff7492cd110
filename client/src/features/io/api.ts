/**
 * The data in-and-out API (server/api/ioRoutes.ts) from the browser: downloads with the
 * bearer token, the actors' import in two steps, a session file into a new session.
 */
import type { z } from 'zod';
import { ApiError, CreateSessionResponse } from '../../../../shared/api.ts';
import type { ActorColumn } from '../../../../shared/io/actorTable.ts';
import { ImportPreview, ImportResult, XLSX_MIME } from '../../../../shared/io/api.ts';
import { ApiRequestError } from '../../base/api/client.ts';

async function send<T>(schema: z.ZodType<T>, path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { cache: 'no-store', ...init });
  } catch (err) {
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ApiError.safeParse(json);
    throw new ApiRequestError(
      res.status,
      parsed.success ? parsed.data.error.code : `http-${res.status}`,
      parsed.success ? parsed.data.error.message : res.statusText,
      null,
      parsed.success ? parsed.data.error.details : undefined,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiRequestError(res.status, 'bad-response', parsed.error.message);
  return parsed.data;
}

const sessionPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;
const actorsPath = (sessionId: string, boardId: string) =>
  `${sessionPath(sessionId)}/boards/${encodeURIComponent(boardId)}/actors`;

/** Fetches a download with the token and hands it to the browser; resolves the file name. */
export async function downloadFile(path: string, token: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  } catch (err) {
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) {
    const parsed = ApiError.safeParse(await res.json().catch(() => null));
    throw new ApiRequestError(res.status, 'http', parsed.success ? parsed.data.error.message : res.statusText);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'veldwerk';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export const actorsDownloadPath = (sessionId: string, boardId: string, format: 'csv' | 'xlsx', lang: string) =>
  `${actorsPath(sessionId, boardId)}?format=${format}&lang=${lang === 'en' ? 'en' : 'nl'}`;

export const sessionExportPath = (sessionId: string) => `${sessionPath(sessionId)}/export`;

/** The upload's content type: browsers give .csv files odd types (or none), so the name decides. */
function uploadType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME ? XLSX_MIME : 'text/csv';
}

interface ImportArgs {
  sessionId: string;
  boardId: string;
  token: string;
  file: File;
  mapping: readonly (ActorColumn | null)[] | null;
  lang: string;
}

function importUrl(a: ImportArgs, step: 'preview' | 'commit', allOrNothing = false): string {
  const q = new URLSearchParams({ step, lang: a.lang === 'en' ? 'en' : 'nl' });
  if (a.mapping) q.set('mapping', a.mapping.map((f) => f ?? '').join(','));
  if (allOrNothing) q.set('allOrNothing', '1');
  return `${actorsPath(a.sessionId, a.boardId)}/import?${q.toString()}`;
}

const importInit = (a: ImportArgs): RequestInit => ({
  method: 'POST',
  headers: { Authorization: `Bearer ${a.token}`, 'Content-Type': uploadType(a.file), Accept: 'application/json' },
  body: a.file,
});

export function previewActorsImport(a: ImportArgs): Promise<ImportPreview> {
  return send(ImportPreview, importUrl(a, 'preview'), importInit(a));
}

export function commitActorsImport(a: ImportArgs, allOrNothing: boolean): Promise<ImportResult> {
  return send(ImportResult, importUrl(a, 'commit', allOrNothing), importInit(a));
}

/** A session file becomes a new session on this server (the facilitator's links and token). */
export function importSessionFile(text: string): Promise<CreateSessionResponse> {
  return send(CreateSessionResponse, '/api/sessions/import', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: text,
  });
}
