/**
 * Who this device is in a session, so that a reload keeps you as yourself.
 *
 * Kept in localStorage (`veldwerk:identity:<sessionId>`) for new tabs, and in
 * sessionStorage for this tab. The tab copy lets a facilitator open the viewer link in
 * a second tab (for the projector) without that tab turning the first one into a
 * viewer: a lower role never replaces a higher one in localStorage.
 */
import { SESSION_ID_RE } from '../../../shared/protocol.ts';
import { ROLES, type Role } from '../../../shared/roles.ts';

export interface Identity {
  token: string;
  role: Role;
  /** Empty until the server has told us (a facilitator right after creating a session). */
  participantId: string;
  name: string;
}

/**
 * What was stored, as an Identity, or null when it is not one: a token that is not empty,
 * one of the roles, and text for the participant id and the name; other fields are dropped.
 * Checked by hand, not with a schema, so the start page does not load zod for it (issue 14).
 */
export function parseIdentity(value: unknown): Identity | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { token, role, participantId, name } = value as Record<string, unknown>;
  if (typeof token !== 'string' || token.length === 0) return null;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) return null;
  if (typeof participantId !== 'string' || typeof name !== 'string') return null;
  return { token, role: role as Role, participantId, name };
}

const key = (sessionId: string) => `veldwerk:identity:${sessionId}`;
const viewerKey = (sessionId: string) => `veldwerk:viewer-url:${sessionId}`;
const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };

function read(storage: Storage, k: string): Identity | null {
  try {
    const raw = storage.getItem(k);
    if (raw === null) return null;
    return parseIdentity(JSON.parse(raw));
  } catch {
    return null;
  }
}

function write(storage: Storage, k: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(k);
    else storage.setItem(k, value);
  } catch {
    // Storage full or disabled: the identity lasts for this page only.
  }
}

export function loadIdentity(sessionId: string): Identity | null {
  return read(sessionStorage, key(sessionId)) ?? read(localStorage, key(sessionId));
}

export function saveIdentity(sessionId: string, identity: Identity): void {
  const json = JSON.stringify(identity);
  write(sessionStorage, key(sessionId), json);
  const stored = read(localStorage, key(sessionId));
  const keepStored = stored !== null && stored.token !== identity.token && RANK[stored.role] > RANK[identity.role];
  if (!keepStored) write(localStorage, key(sessionId), json);
}

/** Forgets the identity (the token was refused: expired, or the session is gone). */
export function forgetIdentity(sessionId: string, token: string): void {
  for (const storage of [sessionStorage, localStorage]) {
    if (read(storage, key(sessionId))?.token === token) write(storage, key(sessionId), null);
  }
}

/** The viewer link is only returned when a session is created; the facilitator's device keeps it. */
export function saveViewerUrl(sessionId: string, url: string): void {
  write(localStorage, viewerKey(sessionId), url);
}

export function loadViewerUrl(sessionId: string): string | null {
  try {
    return localStorage.getItem(viewerKey(sessionId));
  } catch {
    return null;
  }
}

let taken: { path: string; token: string } | null = null;

/**
 * Takes `#token=...` from the address (facilitator and viewer links), and removes it
 * from the address bar so it is not shown on a projector or copied along. Repeated
 * calls on the same page return the same token.
 */
export function takeTokenFromHash(): string | null {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token !== null) {
    history.replaceState(history.state, '', location.pathname + location.search);
    if (token) taken = { path: location.pathname, token };
  }
  return taken?.path === location.pathname ? taken.token : null;
}

const IDENTITY_PREFIX = 'veldwerk:identity:';

/** A session this device holds a facilitator identity for ("Mijn bijeenkomsten" on the start page). */
export interface FacilitatedSession {
  sessionId: string;
  identity: Identity;
}

/**
 * The sessions this browser knows as facilitator: started here, duplicated here, or
 * opened with a facilitator link (useSessionAccess keeps those). Read from localStorage,
 * which every tab shares.
 */
export function listFacilitatedSessions(): FacilitatedSession[] {
  const found: FacilitatedSession[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k === null || !k.startsWith(IDENTITY_PREFIX)) continue;
      const sessionId = k.slice(IDENTITY_PREFIX.length);
      const identity = read(localStorage, k);
      if (identity?.role === 'facilitator' && SESSION_ID_RE.test(sessionId)) found.push({ sessionId, identity });
    }
  } catch {
    // Storage disabled: nothing known on this device.
  }
  return found;
}

/** Forgets the viewer link kept for a session (it was deleted, or the facilitator forgot it). */
export function forgetViewerUrl(sessionId: string): void {
  write(localStorage, viewerKey(sessionId), null);
}
