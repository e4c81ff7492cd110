/**
 * Short messages shown at the bottom of the screen ("your change was not saved").
 * A tiny store, so that the sync code can raise one without knowing about React.
 */
import { useSyncExternalStore } from 'react';
import type { MessageKey } from './i18n/useT.ts';

export interface Notice {
  id: number;
  key: MessageKey;
}

const SHOW_MS = 8000;
let notices: readonly Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: readonly Notice[]): void {
  notices = next;
  for (const l of listeners) l();
}

/** Shows a notice; the same text is not stacked twice. */
export function pushNotice(key: MessageKey): void {
  const existing = notices.find((n) => n.key === key);
  if (existing) dismissNotice(existing.id);
  const id = nextId++;
  set([...notices, { id, key }]);
  setTimeout(() => dismissNotice(id), SHOW_MS);
}

export function dismissNotice(id: number): void {
  if (notices.some((n) => n.id === id)) set(notices.filter((n) => n.id !== id));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotices(): readonly Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
