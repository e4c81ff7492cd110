import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

// Opening a session: fetch the board's code while React starts, not after (first paint).
if (location.pathname.startsWith('/s/')) void import('./pages/SessionPage.tsx');

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
