/**
 * "Mijn bijeenkomsten": the sessions this browser holds a facilitator identity for, each
 * with what the server says about it, and the actions on them (duplicate, follow-up,
 * delete, forget). Identities stay in client/src/base/identity.ts; this only reads and adds.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CopyMode, SessionInfo } from '../../../../shared/api.ts';
import { ApiRequestError } from '../../base/api/errors.ts';
import { loadApi } from '../../base/api/load.ts';
import {
  forgetIdentity,
  forgetViewerUrl,
  listFacilitatedSessions,
  saveIdentity,
  saveViewerUrl,
  type Identity,
} from '../../base/identity.ts';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'ready'; info: SessionInfo }
  /** The server no longer knows it (deleted) or no longer accepts our token (expired). */
  | { kind: 'gone'; reason: 'deleted' | 'expired' }
  /** Offline or a server error: the session may well still be there. */
  | { kind: 'error' };

export interface MySession {
  sessionId: string;
  identity: Identity;
  state: SessionState;
  /** Made on this page just now (shown with a "new" label). */
  fresh: CopyMode | null;
}

function stateFromError(err: unknown): SessionState {
  if (err instanceof ApiRequestError) {
    if (err.status === 404 || err.status === 410) return { kind: 'gone', reason: 'deleted' };
    if (err.status === 401 || err.status === 403) return { kind: 'gone', reason: 'expired' };
  }
  return { kind: 'error' };
}

/** Newest first; sessions whose date we do not know yet keep their place at the end. */
function byNewest(a: MySession, b: MySession): number {
  const at = a.state.kind === 'ready' ? a.state.info.createdAt : -1;
  const bt = b.state.kind === 'ready' ? b.state.info.createdAt : -1;
  return bt - at;
}

export function useMySessions() {
  const [entries, setEntries] = useState<MySession[]>(() =>
    listFacilitatedSessions().map((s) => ({ ...s, state: { kind: 'loading' }, fresh: null })),
  );

  const current = useRef(entries);
  current.current = entries;

  const setState = useCallback((sessionId: string, state: SessionState) => {
    setEntries((list) => list.map((e) => (e.sessionId === sessionId ? { ...e, state } : e)));
  }, []);

  const load = useCallback(
    (sessionId: string, token: string) => {
      loadApi()
        .then((api) => api.getSession(sessionId, token))
        .then(
          (info) => setState(sessionId, { kind: 'ready', info }),
          (err: unknown) => setState(sessionId, stateFromError(err)),
        );
    },
    [setState],
  );

  // Ask the server about every session once (a handful on one device).
  useEffect(() => {
    for (const e of entries) if (e.state.kind === 'loading') load(e.sessionId, e.identity.token);
    // Only at mount: later entries are loaded where they are added.
  }, []);

  // Another tab started or opened a session as facilitator: add it here too.
  useEffect(() => {
    const onStorage = (ev: StorageEvent) => {
      if (ev.key !== null && !ev.key.startsWith('veldwerk:identity:')) return;
      const known = listFacilitatedSessions();
      const added = known.filter((k) => !current.current.some((e) => e.sessionId === k.sessionId));
      setEntries((list) => [
        ...list.filter((e) => known.some((k) => k.sessionId === e.sessionId)),
        ...added
          .filter((a) => !list.some((e) => e.sessionId === a.sessionId))
          .map((a) => ({ ...a, state: { kind: 'loading' } as const, fresh: null })),
      ]);
      for (const a of added) load(a.sessionId, a.identity.token);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [load]);

  const retry = useCallback(
    (entry: MySession) => {
      setState(entry.sessionId, { kind: 'loading' });
      load(entry.sessionId, entry.identity.token);
    },
    [load, setState],
  );

  /** Removes the session from this device only. */
  const forget = useCallback((entry: MySession) => {
    forgetIdentity(entry.sessionId, entry.identity.token);
    forgetViewerUrl(entry.sessionId);
    setEntries((list) => list.filter((e) => e.sessionId !== entry.sessionId));
  }, []);

  /** A copy or a follow-up meeting; resolves with its title once it is in the list. */
  const duplicate = useCallback(async (entry: MySession, mode: CopyMode): Promise<string> => {
    const api = await loadApi();
    const created = await api.copySession(entry.sessionId, entry.identity.token, mode);
    const identity: Identity = {
      token: created.facilitatorToken,
      role: 'facilitator',
      participantId: '',
      name: entry.identity.name,
    };
    saveIdentity(created.sessionId, identity);
    saveViewerUrl(created.sessionId, created.viewerUrl);
    const info = await api.getSession(created.sessionId, identity.token).catch(() => null);
    setEntries((list) => [
      {
        sessionId: created.sessionId,
        identity,
        state: info ? { kind: 'ready', info } : { kind: 'error' },
        fresh: mode,
      },
      ...list.filter((e) => e.sessionId !== created.sessionId),
    ]);
    return info?.title ?? '';
  }, []);

  /** Deletes the session for everyone; one that is already gone is simply removed. */
  const remove = useCallback(
    async (entry: MySession): Promise<void> => {
      try {
        await (await loadApi()).deleteSession(entry.sessionId, entry.identity.token);
      } catch (err) {
        if (stateFromError(err).kind !== 'gone') throw err;
      }
      forget(entry);
    },
    [forget],
  );

  const sorted = useMemo(() => [...entries].sort(byNewest), [entries]);
  return { sessions: sorted, retry, forget, duplicate, remove };
}
