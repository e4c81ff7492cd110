import { lazy, Suspense, useEffect } from 'react';
import { assertNever } from '../../../shared/roles.ts';
import { useT, type Translate } from '../base/i18n/useT.ts';
import { parseRoute, usePathname, type Route } from '../base/router.ts';
import { MessagePage } from './MessagePage.tsx';
import { Notices } from '../ui/Notices.tsx';

// The board (Konva, Yjs) loads only when a session is opened: the start page stays light on phones.
const SessionPage = lazy(() => import('./SessionPage.tsx').then((m) => ({ default: m.SessionPage })));
// And the start page's forms load only on the start page: a board's first paint does not wait for them
// (vite.config.ts preloads the chunk of the page the address asks for together with the entry).
const StartPage = lazy(() => import('./StartPage.tsx').then((m) => ({ default: m.StartPage })));

function renderRoute(route: Route, t: Translate) {
  switch (route.page) {
    case 'start':
      return (
        <Suspense fallback={<div className="page page-loading" aria-busy="true" />}>
          <StartPage key={route.joinCode} initialJoinCode={route.joinCode} />
        </Suspense>
      );
    case 'session':
      return (
        <Suspense fallback={<div className="page page-loading" aria-busy="true" />}>
          <SessionPage key={route.sessionId} sessionId={route.sessionId} />
        </Suspense>
      );
    case 'methods':
      return (
        <Suspense fallback={<div className="page page-loading" aria-busy="true" />}>
          <SessionPage key={route.sessionId} sessionId={route.sessionId} initialView={route.view} />
        </Suspense>
      );
    case 'projector':
      return (
        <Suspense fallback={<div className="page page-loading" aria-busy="true" />}>
          <SessionPage key={route.sessionId} sessionId={route.sessionId} projector />
        </Suspense>
      );
    case 'notFound':
      return <MessagePage title={t('notFound.title')} text={t('notFound.text')} />;
    default:
      return assertNever(route);
  }
}

export function App() {
  const t = useT();
  const route = parseRoute(usePathname());

  useEffect(() => {
    if (route.page !== 'session' && route.page !== 'methods' && route.page !== 'projector')
      document.title = t('app.name');
  }, [route.page, t]);

  return (
    <>
      {renderRoute(route, t)}
      <Notices />
    </>
  );
}
