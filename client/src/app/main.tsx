import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { parseRoute } from '../base/router.ts';
import '../ui/tokens.css';
import './styles.css';
import '../ui/base.css';
import '../ui/panels.css';

// Opening a session (first paint, issue 3): check access and connect to the board from a
// small module (sync and API only), while the session page's code (Konva, the views)
// loads and starts; and fetch that code while React starts, not after.
// In a build the page has started earlyStart.ts already (vite.config.ts); opening twice opens once.
const route = parseRoute(location.pathname);
if (route.page === 'session' || route.page === 'methods') {
  void import('./earlySession.ts').then((m) => m.openFromAddress());
  void import('./SessionPage.tsx');
}

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
