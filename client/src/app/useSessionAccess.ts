/**
 * Decides who we are in a session: a token from the link (`#token=`, verified with the
 * server) or the identity kept on this device. A kept identity is used at once, so the
 * board opens offline too, and refreshed from the server in the background.
 */
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/api.ts';
import { ApiRequestError } from '../base/api/client.ts';
import type { MessageKey } from '../base/i18n/useT.ts';
import { forgetIdentity, loadIdentity, saveIdentity, takeTokenFromHash, type Identity } from '../base/identity.ts';
import { forgetLocalCopies } from '../base/sync/rooms.ts';
import { markChecked, sessionInfo } from './earlySession.ts';

export type DeniedReason = 'unauthorized' | 'forbidden' | 'notFound' | 'sessionDeleted' | 'removed' | 'error';

/** What the "no access" page says for each reason. */
export const DENIED_TEXT: Record<DeniedReason, MessageKey> = {
  unauthorized: 'session.closed.unauthorized',
  forbidden: 'session.closed.forbidden',
  notFound: 'session.closed.notFound',
  sessionDeleted: 'session.closed.sessionDeleted',
  removed: 'session.closed.removed',
  error: 'session.closed.error',
};

export type Access =
  | { kind: 'loading' }
  | { kind: 'none' }
  | { kind: 'ready'; identity: Identity; info: SessionInfo | null }
  | { kind: 'denied'; reason: DeniedReason }
  | { kind: 'unreachable' };

function deniedReason(err: unknown): DeniedReason | null {
  if (!(err instanceof ApiRequestError)) return null;
  if (err.status === 401) return 'unauthorized';
  if (err.status === 403) return 'forbidden';
  if (err.status === 404) return 'notFound';
  if (err.status === 410) return 'sessionDeleted';
  return null;
}

/** `retry` re-runs the check (the "try again" button). */
export function useSessionAccess(sessionId: string, retry: number): Access {
  const [access, setAccess] = useState<Access>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    markChecked(sessionId);
    const linkToken = takeTokenFromHash();
    const stored = loadIdentity(sessionId);
    const token = linkToken ?? stored?.token;
    if (!token) {
      setAccess({ kind: 'none' });
      return;
    }
    const kept = stored?.token === token ? stored : null;
    setAccess(kept ? { kind: 'ready', identity: kept, info: null } : { kind: 'loading' });

    sessionInfo(sessionId, token).then(
      (info) => {
        if (cancelled) return;
        const identity: Identity = { token, role: info.you.role, participantId: info.you.id, name: info.you.name };
        saveIdentity(sessionId, identity);
        setAccess({ kind: 'ready', identity, info });
      },
      (err: unknown) => {
        if (cancelled) return;
        const reason = deniedReason(err);
        if (reason) {
          forgetIdentity(sessionId, token);
          // The session is gone (or this person was removed): its copies on this device go too.
          if (reason === 'notFound' || reason === 'sessionDeleted') void forgetLocalCopies(sessionId);
          setAccess({ kind: 'denied', reason });
        } else if (!kept) {
          setAccess({ kind: 'unreachable' });
        }
        // With a kept identity we carry on offline; the sync connection retries by itself.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [sessionId, retry]);

  return access;
}
