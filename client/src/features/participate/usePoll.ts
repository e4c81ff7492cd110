/**
 * Loads something from the API now and every `intervalMs` while `enabled`, or once per
 * `key` (`intervalMs: null`: the facilitator's tallies, whose counts arrive live in the
 * session doc). Keeps the last good value through a failed
 * poll; `refresh` loads again at once (after an action).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Poll<T> {
  data: T | null;
  error: unknown;
  refresh: () => void;
}

/** `key` names what is loaded: when it changes, the old value is dropped and loading starts again. */
export function usePoll<T>(load: () => Promise<T>, intervalMs: number | null, enabled = true, key = ''): Poll<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    loadRef.current().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => {
        if (mine === seq.current) setError(err);
      },
    );
  }, []);

  useEffect(() => {
    setData(null);
    setError(null);
    if (!enabled) return;
    refresh();
    if (intervalMs === null) return () => void seq.current++;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, intervalMs);
    return () => {
      clearInterval(timer);
      seq.current++;
    };
  }, [enabled, intervalMs, refresh, key]);

  return { data, error, refresh };
}
