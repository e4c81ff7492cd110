/**
 * The facilitator's joining state per session (issue 11): code, link, open or closed,
 * until when the code works. One copy per session for the whole page, so a change made
 * anywhere (the panel's switch, "Nieuwe code", a removal that changes the code) shows at
 * once in the panel, its QR code and the projector view.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { JoinState, SessionInfo } from '../../../../shared/api.ts';
import { changeJoining, fetchJoinState, newJoinCode } from '../../base/api/index.ts';

/** The expiry moves with the meeting's activity: asked again this often. */
const REFRESH_MS = 60_000;

const states = new Map<string, JoinState>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets what the server answered; every invitation on the page follows. */
export function setJoinState(sessionId: string, state: JoinState): void {
  states.set(sessionId, state);
  for (const l of listeners) l();
}

export async function refreshJoinState(sessionId: string, token: string): Promise<void> {
  setJoinState(sessionId, await fetchJoinState(sessionId, token));
}

/** Closes or reopens joining by code; people already in keep working. */
export async function setJoiningOpen(sessionId: string, token: string, open: boolean): Promise<JoinState> {
  const state = await changeJoining(sessionId, token, { open });
  setJoinState(sessionId, state);
  return state;
}

/** A new code: the old one and its links stop working at once. */
export async function rotateJoinCode(sessionId: string, token: string): Promise<JoinState> {
  const state = await newJoinCode(sessionId, token);
  setJoinState(sessionId, state);
  return state;
}

/**
 * The session's joining state for the facilitator: first what the session info said,
 * then the server's answer, asked on mount and every minute. `null` until known.
 */
export function useJoinState(sessionId: string, token: string, info: SessionInfo | null): JoinState | null {
  const state = useSyncExternalStore(subscribe, () => states.get(sessionId) ?? null);
  useEffect(() => {
    if (states.has(sessionId) || !info?.joinCode || !info.joinUrl) return;
    if (info.joinOpen === undefined || info.joinCodeExpiresAt === undefined) return;
    setJoinState(sessionId, {
      joinCode: info.joinCode,
      joinUrl: info.joinUrl,
      joinOpen: info.joinOpen,
      joinCodeExpiresAt: info.joinCodeExpiresAt,
    });
  }, [sessionId, info]);
  useEffect(() => {
    const refresh = () => void refreshJoinState(sessionId, token).catch(() => undefined); // offline: keep what we have
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [sessionId, token]);
  return state;
}
