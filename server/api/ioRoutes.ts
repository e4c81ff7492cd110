/**
 * Data in and out (issue 6; shapes in shared/api/io.ts):
 *
 *   GET  /api/sessions/:id/boards/:boardId/actors?format=csv|xlsx&lang=nl|en
 *        facilitator and participants: the board's actors as a download.
 *   POST /api/sessions/:id/boards/:boardId/actors/import?step=preview|commit&lang=nl|en
 *        &mapping=name,organisation,,category&allOrNothing=1
 *        facilitator; body: the file (text/csv or .xlsx, up to 2 MB). `preview` answers
 *        the columns, the suggested mapping and every row checked; `commit` adds the
 *        valid rows in one change of the board doc (or, with allOrNothing, nothing if
 *        any row is rejected: 422 with the rows' messages).
 *   GET  /api/sessions/:id/export[?history=1]   facilitator: the session file (JSON).
 *   POST /api/sessions/import   anyone who may create a session (same rate limit): the
 *        session file, up to 20 MB; answers like POST /api/sessions.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  ActorsDownloadQuery,
  ActorsImportQuery,
  ApiLang,
  CreateSessionResponse,
  ImportPreview,
  ImportResult,
  SessionExportQuery,
  XLSX_MIME,
} from '../../shared/api.ts';
import { IMPORT_LIMITS, ImportFileError, actorsCsv } from '../../shared/io/actorsFile.ts';
import { isActorColumn, type ActorColumn } from '../../shared/io/actorTable.ts';
import { SESSION_FILE_MAX_BYTES } from '../../shared/io/sessionFile.ts';
import { translate } from '../../shared/i18n/messages.ts';
import type { IoLang } from '../../shared/io/texts.ts';
import { addActor, readMethods, type NewActor } from '../../shared/model/board/actors.ts';
import { Origin } from '../../shared/model/doc.ts';
import { readBoard } from '../../shared/model/sessionDoc.ts';
import { BOARD_ID_RE } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { Limiter } from '../auth/RateLimiter.ts';
import { sendCompressible } from '../http/compressBody.ts';
import { previewImport, readUpload, uploadFormat } from '../io/actorsImport.ts';
import { exportSession } from '../io/sessionExport.ts';
import { registryDocs } from '../report/collect.ts';
import { checkSessionFile, importSession, SessionImportError } from '../io/sessionImport.ts';
import { actorsXlsx } from '../io/xlsx.ts';
import type { SessionService } from '../sessions.ts';
import type { RoutesContext } from './context.ts';
import { HttpError, parseQuery, send, sendError } from './http.ts';
import { boardRoom, sessionRoom, withRoom } from './rooms.ts';

/** The language of the import's messages; Dutch when the query has none we know. */
const Lang = ApiLang.catch('nl');

/** A safe file name part: letters, digits and dashes. */
const fileSlug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60) || 'veldwerk';

/** A download; text (a string) goes out gzip-compressed when big and the client takes it (issue 14). */
async function sendDownload(
  req: Request,
  res: Response,
  type: string,
  fileName: string,
  body: Buffer | string,
): Promise<void> {
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (typeof body === 'string') await sendCompressible(req, res, body);
  else res.send(body); // binary files (xlsx) are compressed already
}

/** `mapping=name,organisation,,category`: one field (or nothing) per column (shared/api/io.ts `mappingParam`). */
function parseMapping(value: string | undefined): (ActorColumn | null)[] | null {
  if (value === undefined || value === '') return null;
  const parts = value.split(',').slice(0, IMPORT_LIMITS.maxColumns);
  return parts.map((p) => {
    const f = p.trim();
    if (f === '') return null;
    if (!isActorColumn(f)) throw new HttpError(400, 'invalid_request', `Unknown field in mapping: ${f.slice(0, 40)}`);
    return f;
  });
}

/**
 * The body parser and rate limit of POST /api/sessions/import, mounted BEFORE the API's
 * small JSON limit (routes.ts), so only this route takes big bodies, and only after the
 * rate limit let the request through.
 */
export function sessionImportGate(limiter: Limiter): express.RequestHandler[] {
  return [
    async (req, res, next) => {
      if (req.method !== 'POST') return next();
      let waitMs: number;
      try {
        waitMs = await limiter.hit(req.ip ?? 'unknown');
      } catch (err) {
        return next(err);
      }
      if (waitMs <= 0) return next();
      const seconds = Math.ceil(waitMs / 1000);
      sendError(
        res,
        new HttpError(429, 'too_many_attempts', `Too many attempts. Try again in ${seconds} s.`, undefined, {
          'Retry-After': String(seconds),
        }),
      );
    },
    express.json({ limit: SESSION_FILE_MAX_BYTES }),
  ];
}

export function ioRoutes(
  ctx: RoutesContext,
  deps: { sessions: SessionService; baseUrl: (req: Request) => string },
): express.Router {
  const router = express.Router();

  /** The board of the path, checked against the session doc; template boards only for the facilitator. */
  const boardOf = async (req: Request, sid: string, role: Role) => {
    const boardId = String(req.params.boardId);
    if (!BOARD_ID_RE.test(boardId)) throw new HttpError(404, 'not_found', 'No such board.');
    return withRoom(ctx.registry, sessionRoom(sid), (session) => {
      const board = readBoard(session.doc, boardId);
      if (!board || (board.kind === 'template' && role !== Role.facilitator))
        throw new HttpError(404, 'not_found', 'No such board.');
      return { board, room: boardRoom(sid, boardId) };
    });
  };

  router.get(
    '/sessions/:id/boards/:boardId/actors',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator, Role.participant]);
      const { format, lang } = parseQuery(ActorsDownloadQuery, req.query, 'format must be csv or xlsx; lang nl or en.');
      const { board, room } = await boardOf(req, t.sid, t.role);
      const actors = await withRoom(ctx.registry, room, (loaded) => readMethods(loaded.doc).actors);
      const session = await ctx.store.sessions.getSession(t.sid);
      const title = `${session?.title ?? ''} ${board.title}`.trim();
      const name = `${fileSlug(title)}-${translate(lang, 'io.file.name')}`;
      if (format === 'csv')
        await sendDownload(req, res, 'text/csv; charset=utf-8', `${name}.csv`, actorsCsv(actors, lang));
      else await sendDownload(req, res, XLSX_MIME, `${name}.xlsx`, await actorsXlsx(actors, lang, title));
    }),
  );

  // Authenticate before buffering the upload.
  const facilitatorFirst: express.RequestHandler = (req, res, next) => {
    ctx.authorize(req, [Role.facilitator]).then(
      () => next(),
      (err: unknown) => (err instanceof HttpError ? sendError(res, err) : next(err)),
    );
  };

  router.post(
    '/sessions/:id/boards/:boardId/actors/import',
    facilitatorFirst,
    express.raw({ type: () => true, limit: IMPORT_LIMITS.maxBytes }),
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const query = parseQuery(ActorsImportQuery, req.query, 'step must be preview or commit.');
      const { step, allOrNothing } = query;
      const lang: IoLang = query.lang;
      const mapping = parseMapping(query.mapping);
      const { room } = await boardOf(req, t.sid, t.role);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let preview;
      try {
        const format = uploadFormat(req.get('content-type'), bytes, lang);
        preview = previewImport(format, await readUpload(format, bytes, lang), mapping, lang);
      } catch (err) {
        if (err instanceof ImportFileError) {
          const status = err.code === 'file.type' ? 415 : 400;
          throw new HttpError(status, 'bad_file', err.message, { reason: err.code });
        }
        throw err;
      }
      if (step === 'preview') {
        send(res, ImportPreview, preview);
        return;
      }
      if (preview.mappingError) throw new HttpError(400, 'bad_mapping', preview.mappingError);
      const rejected = preview.rows.flatMap((r) => (r.ok ? [] : r.problems));
      if (allOrNothing && preview.rejected > 0) {
        throw new HttpError(
          422,
          'rows_rejected',
          translate(lang, 'io.import.rejected', { count: preview.rejected }),
          rejected,
        );
      }
      const valid = preview.rows.flatMap((r) => (r.ok ? [r.actor as NewActor] : []));
      if (valid.length === 0)
        throw new HttpError(422, 'nothing_to_import', translate(lang, 'io.import.nothing'), rejected);
      const actorIds: string[] = [];
      const applied = await ctx.registry.change(room, (doc) => {
        doc.transact(() => {
          for (const actor of valid) {
            const id = addActor(doc, actor, Origin.server);
            // Checked already; if the model still refuses one, the whole change is dropped.
            if (!id) throw new Error('actor refused by the model');
            actorIds.push(id);
          }
        }, Origin.server);
      });
      if (!applied) throw new HttpError(500, 'import_failed', translate(lang, 'io.import.failed'));
      send(res, ImportResult, { step: 'commit', imported: actorIds.length, actorIds, rejected }, 201);
    }),
  );

  router.get(
    '/sessions/:id/export',
    ctx.route(async (req, res) => {
      const t = await ctx.authorize(req, [Role.facilitator]);
      const { history } = parseQuery(SessionExportQuery, req.query, 'history=1 adds the snapshots.');
      const file = await exportSession(ctx.store, t.sid, {
        history,
        now: Date.now(),
        docs: registryDocs(ctx.registry),
      });
      if (!file) throw new HttpError(404, 'not_found', 'No such session.');
      const date = new Date(file.exportedAt).toISOString().slice(0, 10);
      await sendDownload(
        req,
        res,
        'application/json; charset=utf-8',
        `${fileSlug(file.session.title)}-${date}.veldwerk.json`,
        JSON.stringify(file),
      );
    }),
  );

  router.post(
    '/sessions/import',
    ctx.route(async (req, res) => {
      try {
        const checked = checkSessionFile(req.body);
        const created = await importSession(checked, {
          store: ctx.store,
          sessions: deps.sessions,
          baseUrl: deps.baseUrl(req),
        });
        send(res, CreateSessionResponse, created, 201);
      } catch (err) {
        if (err instanceof SessionImportError) throw new HttpError(400, err.code, err.message, err.details);
        throw err;
      }
    }),
  );

  // Too big an upload: say so in the import's words.
  router.use((err: unknown, req: Request, res: Response, next: NextFunction) => {
    const status = typeof err === 'object' && err && 'status' in err ? Number(err.status) : 0;
    if (status !== 413 || !req.path.endsWith('/actors/import')) return next(err);
    const lang: IoLang = Lang.parse(req.query.lang);
    sendError(res, new HttpError(413, 'too_large', translate(lang, 'io.file.tooLarge', { max: 2 })));
  });
  return router;
}
