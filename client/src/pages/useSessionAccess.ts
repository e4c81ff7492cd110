/**
 * Decides who we are in a session: a token from the link (`#token=`, verified with the
 * server) or the identity kept on this device. A kept identity is used at once, so the
 * board opens offline too, and refreshed from the server in the background.
 */
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/api.ts';
import { ApiRequestError, getSession } from '../api/client.ts';
import type { MessageKey } from '../i18n/useT.ts';
import { forgetIdentity, loadIdentity, saveIdentity, takeTokenFromHash, type Identity } from '../identity.ts';
import { PLENARY_BOARD_ID, boardRoomName, sessionRoomName } from '../../../shared/protocol.ts';
import { getRoomEntry } from '../sync/rooms.ts';

export type DeniedReason = 'unauthorized' | 'forbidden' | 'notFound' | 'sessionDeleted' | 'error';

/** What the "no access" page says for each reason. */
export const DENIED_TEXT: Record<DeniedReason, MessageKey> = {
  unauthorized: 'session.closed.unauthorized',
  forbidden: 'session.closed.forbidden',
  notFound: 'session.closed.notFound',
  sessionDeleted: 'session.closed.sessionDeleted',
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

/** The access check started by {@link openSessionEarly}, taken over by the hook's first run. */
let early: { sessionId: string; token: string; info: Promise<SessionInfo> } | null = null;
/** Sessions whose hook has run: opening them "early" would be late. */
const checked = new Set<string>();

/**
 * First paint (issue 3): called as soon as the session page's code is loaded, before
 * React has rendered anything of it. With a token (from the link or kept on this
 * device) it starts the access check and opens the session room and the plenary board
 * room right away, so the server sends the board while React starts up instead of
 * after the check came back. The hook below takes the check over; `SessionView` finds
 * the rooms open (rooms.ts shares one per name and token). Should access be refused,
 * the server closes those connections and the unused rooms close themselves after a
 * few seconds (rooms.ts, UNCLAIMED_DELAY_MS).
 */
export function openSessionEarly(sessionId: string): void {
  if (checked.has(sessionId) || early?.sessionId === sessionId) return;
  const token = takeTokenFromHash() ?? loadIdentity(sessionId)?.token;
  if (!token) return;
  const info = getSession(sessionId, token);
  info.catch(() => undefined); // Reported by the hook when it takes the request over.
  early = { sessionId, token, info };
  getRoomEntry(sessionRoomName(sessionId), token);
  // The board SessionView opens first (before the session doc lists the others).
  getRoomEntry(boardRoomName(sessionId, PLENARY_BOARD_ID), token);
}

/** The early check for this session and token, once; otherwise a new request. */
function sessionInfo(sessionId: string, token: string): Promise<SessionInfo> {
  const started = early?.sessionId === sessionId && early.token === token ? early.info : null;
  early = null;
  return started ?? getSession(sessionId, token);
}

/** `retry` re-runs the check (the "try again" button). */
export function useSessionAccess(sessionId: string, retry: number): Access {
  const [access, setAccess] = useState<Access>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    checked.add(sessionId);
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
