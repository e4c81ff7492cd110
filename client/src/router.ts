/**
 * A tiny router on `location.pathname`: three routes do not need a library.
 */
import { useSyncExternalStore } from 'react';
import { SESSION_ID_RE } from '../../shared/protocol.ts';

export type Route = { page: 'start'; joinCode: string } | { page: 'session'; sessionId: string } | { page: 'notFound' };

const NAVIGATE_EVENT = 'veldwerk:navigate';

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'start', joinCode: '' };
  const join = /^\/join(?:\/([^/]{0,20}))?\/?$/.exec(pathname);
  if (join) return { page: 'start', joinCode: decode(join[1] ?? '') };
  const session = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (session?.[1] !== undefined && SESSION_ID_RE.test(session[1])) return { page: 'session', sessionId: session[1] };
  return { page: 'notFound' };
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
