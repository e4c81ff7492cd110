/**
 * Open or folded, per panel (the session sidebar, the participation panel, the actors
 * panel, the question bar): the person's own choice is kept in localStorage and wins;
 * until they choose, the panel follows `defaultOpen`, which the caller decides from the
 * screen (does it fit?) and the meeting (issue 12). Evaluated on every render, so a
 * default that depends on the screen size or the phase follows them.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';

const PREFIX = 'veldwerk.panel.';
const listeners = new Set<() => void>();

function read(key: string): boolean | null {
  try {
    const v = localStorage.getItem(PREFIX + key);
    return v === 'open' ? true : v === 'closed' ? false : null;
  } catch {
    return null; // storage blocked: defaults only
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key?.startsWith(PREFIX) && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** `[open, setOpen]`: the stored choice for `key`, else `defaultOpen`. `setOpen` stores the choice. */
export function usePanelState(key: string, defaultOpen: boolean): [boolean, (open: boolean) => void] {
  const stored = useSyncExternalStore(subscribe, () => read(key));
  const setOpen = useCallback(
    (open: boolean) => {
      try {
        localStorage.setItem(PREFIX + key, open ? 'open' : 'closed');
      } catch {
        /* storage blocked: the choice lasts until the page closes */
      }
      for (const l of listeners) l();
    },
    [key],
  );
  return [stored ?? defaultOpen, setOpen];
}

function subscribeQuery(query: string) {
  return (listener: () => void) => {
    const mq = window.matchMedia(query);
    mq.addEventListener('change', listener);
    return () => mq.removeEventListener('change', listener);
  };
}

/** Does the screen match a media query (live, e.g. `(min-width: 1600px)`)? */
export function useMediaQuery(query: string): boolean {
  const sub = useMemo(() => subscribeQuery(query), [query]);
  return useSyncExternalStore(sub, () => window.matchMedia(query).matches);
}

/** Screen sizes at which panels fold by default (issue 12): below them the work surface needs the room. */
export const ROOMY = {
  /** The session sidebar (who is here, invitation, groups) stays open beside a running meeting. */
  sidebar: '(min-width: 1600px)',
  /** The participation panel beside the board. */
  participate: '(min-width: 1200px)',
  /** The actors panel beside a method view. */
  actors: '(min-width: 1100px)',
  /** The phase's description and questions as a list under the bar (else one line in it). */
  questions: '(min-height: 901px) and (min-width: 1500px)',
} as const;
