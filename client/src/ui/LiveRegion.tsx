/**
 * A polite live region for what others change on the board (issue 12, WCAG 4.1.3): a
 * screen reader hears "Wethouder geplaatst: veel invloed, houding voor, groot belang"
 * when someone else places an actor, without being flooded. Changes are collected per
 * record (the latest word wins: a drag is one message, not sixty) and spoken at most
 * once every few seconds, a few at a time with the rest counted. Own changes are never
 * announced (the model says which changes came from elsewhere), nor what arrives when
 * the board loads.
 */
import { useEffect, useRef, useState } from 'react';
import { onRemoteChange, type Doc } from '../../../shared/model/doc.ts';

/** One change in words; `key` names the record, so a later change of it replaces this one. */
export interface Change {
  key: string;
  text: string;
}

/** Shortest time between two announcements. */
export const ANNOUNCE_GAP_MS = 4000;
/** Changes spoken in one announcement; more are counted. */
const MAX_SPOKEN = 3;
/** More changes than this in one step is a load or an import, not a person's action. */
const BULK = 8;
/** A board's first moments: what arrives then is the board loading. */
const SETTLE_MS = 2500;

export interface LiveRegionProps<S> {
  doc: Doc;
  /** The board as now drawn (a new object whenever it changed). */
  snapshot: S;
  /** What changed between two snapshots, in words. */
  diff: (prev: S, next: S) => Change[];
  /** "en {n} andere wijzigingen". */
  more: (n: number) => string;
  testId?: string;
}

export function LiveRegion<S>({ doc, snapshot, diff, more, testId = 'live-region' }: LiveRegionProps<S>) {
  const [message, setMessage] = useState('');
  const remote = useRef(false);
  const prev = useRef(snapshot);
  const pending = useRef(new Map<string, string>());
  const lastSpoken = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mountedAt = useRef(Date.now());
  // After the first moments: changes from now on are announced (`data-listening`, for tests).
  const [listening, setListening] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setListening(true), SETTLE_MS);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => onRemoteChange(doc, () => (remote.current = true)), [doc]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    const before = prev.current;
    prev.current = snapshot;
    if (!remote.current || before === snapshot) return;
    remote.current = false;
    const changes = diff(before, snapshot);
    if (changes.length === 0 || changes.length > BULK) return;
    if (Date.now() - mountedAt.current < SETTLE_MS) return;
    for (const c of changes) {
      pending.current.delete(c.key);
      pending.current.set(c.key, c.text);
    }
    const speak = () => {
      timer.current = null;
      const texts = [...pending.current.values()];
      pending.current.clear();
      if (!texts.length) return;
      lastSpoken.current = Date.now();
      const shown = texts.slice(0, MAX_SPOKEN).join('. ');
      setMessage(texts.length > MAX_SPOKEN ? `${shown}. ${more(texts.length - MAX_SPOKEN)}.` : `${shown}.`);
    };
    if (timer.current) return;
    const wait = Math.max(0, lastSpoken.current + ANNOUNCE_GAP_MS - Date.now());
    // Even the first waits a moment, so a burst of changes becomes one message.
    timer.current = setTimeout(speak, Math.max(wait, 600));
  }, [snapshot, diff, more]);

  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid={testId}
      data-listening={listening}
    >
      {message}
    </div>
  );
}
