/**
 * A tiny router on `location.pathname`: three routes do not need a library.
 */
import { useSyncExternalStore } from 'react';
import { SESSION_ID_RE } from '../../../shared/protocol.ts';
import { isMethodView, type MethodView } from './views.ts';

export type Route =
  | { page: 'start'; joinCode: string }
  | { page: 'session'; sessionId: string }
  // A deep link to a method view of the session: /s/<sessionId>/methode/<view>.
  | { page: 'methods'; sessionId: string; view: MethodView }
  // The projector screen of a session (issue 12): /s/<sessionId>/projectie.
  | { page: 'projector'; sessionId: string }
  | { page: 'notFound' };

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
  const projector = /^\/s\/([^/]+)\/projectie\/?$/.exec(pathname);
  if (projector?.[1] !== undefined && SESSION_ID_RE.test(projector[1]))
    return { page: 'projector', sessionId: projector[1] };
  // A session opened on one method view (the view tabs keep it in ?v= afterwards).
  const methods = /^\/s\/([^/]+)\/methode\/([A-Za-z]+)\/?$/.exec(pathname);
  if (methods?.[1] !== undefined && SESSION_ID_RE.test(methods[1]) && isMethodView(methods[2] ?? '')) {
    return { page: 'methods', sessionId: methods[1], view: methods[2] as MethodView };
  }
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
