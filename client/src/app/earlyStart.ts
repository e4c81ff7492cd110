/**
 * The page's second entry (issue 14): on a session's address the page loads this beside
 * the app's entry (vite.config.ts, preloadSessionPage), so the session's rooms open as
 * soon as this module and the few it imports (Yjs, y-websocket, the room registry) have
 * loaded, not after the app's entry (React) and its imports have loaded and run.
 */
import { openFromAddress } from './earlySession.ts';

openFromAddress();
