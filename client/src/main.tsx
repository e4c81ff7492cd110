import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { parseRoute } from './router.ts';
import './styles.css';

// Opening a session (first paint, issue 3): fetch the board's code while React starts,
// not after, and as soon as it is here check access and connect to the board.
const route = parseRoute(location.pathname);
if (route.page === 'session' || route.page === 'methods') {
  const { sessionId } = route;
  void import('./pages/SessionPage.tsx').then((m) => m.openSessionEarly(sessionId));
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
