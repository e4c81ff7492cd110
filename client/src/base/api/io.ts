/**
 * Data in and out (shared/api/io.ts): the actors and the session file as downloads with
 * the bearer token, the actors' import in two steps, a session file into a new session.
 */
import {
  CreateSessionResponse,
  ImportPreview,
  ImportResult,
  XLSX_MIME,
  mappingParam,
  type ActorsDownloadQuery,
  type ActorsImportQuery,
} from '../../../../shared/api.ts';
import type { ActorColumn } from '../../../../shared/io/actorTable.ts';
import { request, send, sessionPath, withQuery, type ApiInit } from './client.ts';
import { fileNameOf, saveFile } from './download.ts';

const actorsPath = (sessionId: string, boardId: string, ...rest: string[]) =>
  sessionPath(sessionId, 'boards', boardId, 'actors', ...rest);

/** Fetches a download with the token and hands it to the browser; resolves the file name. */
async function download(path: string, token: string): Promise<string> {
  const res = await send(path, { token });
  const name = fileNameOf(res, 'veldwerk');
  saveFile(await res.blob(), name);
  return name;
}

/** The board's actors as CSV or Excel. */
export function downloadActors(
  sessionId: string,
  boardId: string,
  token: string,
  query: ActorsDownloadQuery,
): Promise<string> {
  return download(withQuery(actorsPath(sessionId, boardId), query), token);
}

/** The session file (facilitator). */
export function downloadSessionFile(sessionId: string, token: string): Promise<string> {
  return download(sessionPath(sessionId, 'export'), token);
}

/** The upload's content type: browsers give .csv files odd types (or none), so the name decides. */
function uploadType(file: File): string {
  return /\.xlsx$/i.test(file.name) || file.type === XLSX_MIME ? XLSX_MIME : 'text/csv';
}

export interface ImportArgs {
  sessionId: string;
  boardId: string;
  token: string;
  file: File;
  mapping: readonly (ActorColumn | null)[] | null;
  lang: string;
}

function importUrl(a: ImportArgs, step: 'preview' | 'commit', allOrNothing = false): string {
  const query: ActorsImportQuery = {
    step,
    lang: a.lang === 'en' ? 'en' : 'nl',
    mapping: a.mapping ? mappingParam(a.mapping) : undefined,
    allOrNothing: allOrNothing ? '1' : undefined,
  };
  return withQuery(actorsPath(a.sessionId, a.boardId, 'import'), query);
}

const importInit = (a: ImportArgs): ApiInit => ({
  method: 'POST',
  token: a.token,
  raw: { body: a.file, type: uploadType(a.file) },
});

export function previewActorsImport(a: ImportArgs): Promise<ImportPreview> {
  return request(ImportPreview, importUrl(a, 'preview'), importInit(a));
}

export function commitActorsImport(a: ImportArgs, allOrNothing: boolean): Promise<ImportResult> {
  return request(ImportResult, importUrl(a, 'commit', allOrNothing), importInit(a));
}

/** A session file becomes a new session on this server (the facilitator's links and token). */
export function importSessionFile(text: string): Promise<CreateSessionResponse> {
  return request(CreateSessionResponse, '/api/sessions/import', {
    method: 'POST',
    raw: { body: text, type: 'application/json' },
  });
}
