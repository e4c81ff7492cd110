/**
 * The REST API (README: "API"). JSON in and out, validated with the schemas of
 * shared/api.ts; errors are `{error: {code, message, details?}}` with a 4xx status.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  CreateSessionRequest,
  CreateSessionResponse,
  JoinRefusal,
  JoinRequest,
  JoinResponse,
  SessionInfo,
  SnapshotContent,
  SnapshotList,
  SnapshotQuery,
  SnapshotsTaken,
  TimeResponse,
} from '../../shared/api.ts';
import { docFromState } from '../../shared/model/doc.ts';
import { readBoard } from '../../shared/model/board/read.ts';
import { readSession } from '../../shared/model/sessionDoc.ts';
import { CloseCode, parseRoomName, SESSION_ID_RE } from '../../shared/protocol.ts';
import { Role } from '../../shared/roles.ts';
import type { JoinGuard } from '../auth/joinGuard.ts';
import { RateLimiter, type Limiter } from '../auth/RateLimiter.ts';
import type { TokenPayload, TokenSigner } from '../auth/tokens.ts';
import type { Logger } from '../log.ts';
import { JoinRefusedError, NotFoundError, type SessionService } from '../sessions.ts';
import type { Store } from '../store/SessionStore.ts';
import { RoomsFullError, type RoomRegistry } from '../sync/RoomRegistry.ts';
import type { Handler, RoutesContext } from './context.ts';
import { copyRoutes } from './copyRoutes.ts';
import { evaluationRoutes } from './evaluationRoutes.ts';
import { groupRoutes } from './groupRoutes.ts';
import { reportRoutes } from './reportRoutes.ts';
import { ioRoutes, sessionImportGate } from './ioRoutes.ts';
import { joiningRoutes } from './joiningRoutes.ts';
import { bearerToken, HttpError, parseBody, parseQuery, send, sendError } from './http.ts';
import { participantRoutes } from './participantRoutes.ts';
import { voteRoutes } from './voteRoutes.ts';

/** Manual history snapshots (POST /sessions/:id/snapshots) per session per minute. */
export const MANUAL_SNAPSHOTS_PER_MINUTE = 4;

export interface ApiDeps {
  store: Store;
  sessions: SessionService;
  tokens: TokenSigner;
  registry: RoomRegistry;
  joinGuard: JoinGuard;
  createLimiter: Limiter;
  log: Logger;
  publicUrl: string | undefined;
}

export function createApiRouter(deps: ApiDeps): express.Router {
  const router = express.Router();
  router.use('/sessions/import', sessionImportGate(deps.createLimiter)); // before the small JSON limit
  router.use(express.json({ limit: '16kb' }));
  const baseUrl = (req: Request) => deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

  const tooMany = (waitMs: number) => {
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      throw new HttpError(429, 'too_many_attempts', `Too many attempts. Try again in ${seconds} s.`, undefined, {
        'Retry-After': String(seconds),
      });
    }
  };
  const limit = async (limiter: Limiter, req: Request) => tooMany(await limiter.hit(req.ip ?? 'unknown'));
  const snapshotLimiter = new RateLimiter(MANUAL_SNAPSHOTS_PER_MINUTE, 60_000);

  /** Verifies the bearer token against the session in the path, and that its holder still exists. */
  const authorize = async (req: Request, roles: readonly Role[]): Promise<TokenPayload> => {
    const sessionId = String(req.params.id);
    if (!SESSION_ID_RE.test(sessionId)) throw new HttpError(404, 'not_found', 'No such session.');
    const verified = deps.tokens.verify(bearerToken(req));
    if (!verified.ok) throw new HttpError(401, 'unauthorized', `The token is ${verified.error.replace('-', ' ')}.`);
    const t = verified.payload;
    if (t.sid !== sessionId) throw new HttpError(403, 'forbidden', 'This token is for another session.');
    if (!roles.includes(t.role)) throw new HttpError(403, 'forbidden', `Only a ${roles.join(' or ')} may do this.`);
    if (!(await deps.store.sessions.getParticipant(t.sid, t.pid)))
      throw new HttpError(404, 'not_found', 'No such session.');
    return t;
  };

  const route =
    (h: Handler) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await h(req, res);
      } catch (err) {
        if (err instanceof HttpError) return sendError(res, err);
        if (err instanceof NotFoundError) return sendError(res, new HttpError(404, 'not_found', err.message));
        if (err instanceof RoomsFullError) {
          return sendError(
            res,
            new HttpError(
              503,
              'server_full',
              'The server has too many meetings open. Try again in a minute.',
              undefined,
              {
                'Retry-After': '60',
              },
            ),
          );
        }
        deps.log.error({ err, path: req.path }, 'api error');
        sendError(res, new HttpError(500, 'internal', 'Something went wrong on the server.'));
      }
    };

  const ctx: RoutesContext = { store: deps.store, registry: deps.registry, authorize, route };
  router.use('/sessions/:id/participants', participantRoutes(ctx, deps.sessions, baseUrl));
  router.use('/sessions/:id/joining', joiningRoutes(ctx, deps.sessions, baseUrl));
  router.use('/sessions/:id/evaluation', evaluationRoutes(ctx));
  router.use('/sessions/:id/votes', voteRoutes(ctx));
  router.use('/sessions/:id/copy', copyRoutes(ctx, deps.sessions, baseUrl));
  router.use('/sessions/:id/groups', groupRoutes(ctx));
  router.use('/sessions/:id/report', reportRoutes(ctx));
  router.use(ioRoutes(ctx, { sessions: deps.sessions, baseUrl }));

  // The server's clock: clients correct the timer for their own clock with it.
  router.get('/time', (_req: Request, res: Response) => send(res, TimeResponse, { now: Date.now() }));

  router.post(
    '/sessions',
    route(async (req, res) => {
      await limit(deps.createLimiter, req);
      const body = parseBody(CreateSessionRequest, req.body);
      send(res, CreateSessionResponse, await deps.sessions.create(body, baseUrl(req)), 201);
    }),
  );

  router.post(
    '/join',
    route(async (req, res) => {
      // Only failures count against an address: a full room behind one Wi-Fi joins freely.
      const address = req.ip ?? 'unknown';
      tooMany(await deps.joinGuard.check(address));
      let body;
      try {
        body = parseBody(JoinRequest, req.body);
      } catch (err) {
        await deps.joinGuard.failed(address);
        throw err;
      }
      try {
        send(res, JoinResponse, await deps.sessions.join(body.joinCode, body.name), 201);
        await deps.joinGuard.succeeded(address);
      } catch (err) {
        if (err instanceof NotFoundError) {
          await deps.joinGuard.failed(address);
          throw new HttpError(404, JoinRefusal.unknown, 'No meeting has this join code.');
        }
        // A real code (not a guess, so not counted as a failure) that does not let people in now.
        if (err instanceof JoinRefusedError && err.reason === 'closed') {
          throw new HttpError(
            403,
            JoinRefusal.closed,
            'Joining this meeting is closed. Ask the facilitator to open it again.',
          );
        }
        if (err instanceof JoinRefusedError) {
          throw new HttpError(
            410,
            JoinRefusal.expired,
            'This join code has expired. Ask the facilitator for a new code.',
          );
        }
        throw err;
      }
    }),
  );

  router.get(
    '/sessions/:id',
    route(async (req, res) => {
      const t = await authorize(req, [Role.facilitator, Role.participant, Role.viewer]);
      const session = await deps.store.sessions.getSession(t.sid);
      const me = await deps.store.sessions.getParticipant(t.sid, t.pid);
      if (!session || !me) throw new HttpError(404, 'not_found', 'No such session.');
      const info: SessionInfo = {
        sessionId: session.id,
        title: session.title,
        createdAt: session.createdAt,
        you: { id: me.id, name: me.name, role: me.role },
      };
      if (t.role === Role.facilitator) {
        const join = await deps.sessions.joinState(t.sid, baseUrl(req));
        Object.assign(info, join, await deps.sessions.shareLinks(t.sid, baseUrl(req)));
        info.participants = (await deps.store.sessions.listParticipants(t.sid)).map((p) => ({
          id: p.id,
          name: p.name,
          role: p.role,
        }));
      }
      send(res, SessionInfo, info);
    }),
  );

  router.delete(
    '/sessions/:id',
    route(async (req, res) => {
      const t = await authorize(req, [Role.facilitator]);
      await deps.store.sessions.deleteSession(t.sid);
      deps.registry.dropSession(t.sid, CloseCode.sessionDeleted);
      res.status(204).end();
    }),
  );

  router.get(
    '/sessions/:id/snapshots',
    route(async (req, res) => {
      const t = await authorize(req, [Role.facilitator]);
      send(res, SnapshotList, { snapshots: await deps.store.docs.listSnapshots(t.sid) });
    }),
  );

  router.post(
    '/sessions/:id/snapshots',
    route(async (req, res) => {
      const t = await authorize(req, [Role.facilitator]);
      // Each one copies every board of the session: a few a minute is what a person asks for.
      tooMany(snapshotLimiter.hit(t.sid));
      const taken = await deps.registry.snapshotSession(t.sid);
      send(res, SnapshotsTaken, { taken, snapshots: await deps.store.docs.listSnapshots(t.sid) }, 201);
    }),
  );

  router.get(
    '/sessions/:id/snapshots/:snapshotId',
    route(async (req, res) => {
      const t = await authorize(req, [Role.facilitator]);
      const id = Number(req.params.snapshotId);
      const snap = Number.isSafeInteger(id) ? await deps.store.docs.getSnapshot(t.sid, id) : null;
      if (!snap) throw new HttpError(404, 'not_found', 'No such snapshot.');
      if (parseQuery(SnapshotQuery, req.query, 'format=json or nothing.').format === 'json') {
        const room = parseRoomName(snap.info.room);
        const doc = docFromState(snap.state);
        const content =
          room?.kind === 'session'
            ? readSession(doc)
            : (({ schemaVersion, items }) => ({ schemaVersion, items }))(readBoard(doc));
        doc.destroy();
        send(res, SnapshotContent, { ...snap.info, content });
        return;
      }
      res.setHeader('X-Veldwerk-Room', snap.info.room);
      res.setHeader('X-Veldwerk-Created-At', String(snap.info.createdAt));
      res.type('application/octet-stream').send(Buffer.from(snap.state));
    }),
  );

  router.use((_req: Request, res: Response) => sendError(res, new HttpError(404, 'not_found', 'No such API route.')));
  // express.json() failures (bad JSON, too large) arrive here.
  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err && 'status' in err ? Number(err.status) : 400;
    const tooLarge = status === 413;
    sendError(
      res,
      new HttpError(
        tooLarge ? 413 : 400,
        tooLarge ? 'too_large' : 'invalid_json',
        tooLarge ? 'The request is too large.' : 'The body is not valid JSON.',
      ),
    );
  });
  return router;
}
