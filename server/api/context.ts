/** What every group of API routes gets: the stores, the rooms, and the shared guards. */
import type { Request, Response } from 'express';
import type { Role } from '../../shared/roles.ts';
import type { TokenPayload } from '../auth/tokens.ts';
import type { Store } from '../store/SessionStore.ts';
import type { RoomRegistry } from '../sync/RoomRegistry.ts';

export type Handler = (req: Request, res: Response) => Promise<void> | void;

export interface RoutesContext {
  store: Store;
  registry: RoomRegistry;
  /** Verifies the bearer token for the session in `req.params.id` and one of `roles`; throws an HttpError. */
  authorize(req: Request, roles: readonly Role[]): Promise<TokenPayload>;
  /** Wraps a handler: HttpErrors become JSON error answers, anything else a logged 500. */
  route(h: Handler): (req: Request, res: Response) => Promise<void>;
}
