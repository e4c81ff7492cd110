/**
 * React reads docs through one hook: `useDocSnapshot(doc, readBoardDoc)` returns the
 * model's plain snapshot and re-renders when the doc changes. The snapshot is cached
 * per doc version, so `useSyncExternalStore` sees a stable value between changes.
 * With `keep` (e.g. `keepUnchanged`) a change elsewhere in the doc that leaves this
 * snapshot equal gives the same value again, and the component does not re-render.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { onDocChange, type Doc } from '../../../../shared/model/doc.ts';

interface Version {
  n: number;
  listeners: Set<() => void>;
}

/** One change listener per doc, counting versions; it lives as long as the doc does. */
const versions = new WeakMap<Doc, Version>();

function versionOf(doc: Doc): Version {
  let v = versions.get(doc);
  if (!v) {
    const created: Version = { n: 0, listeners: new Set() };
    onDocChange(doc, () => {
      created.n++;
      for (const l of created.listeners) l();
    });
    versions.set(doc, created);
    v = created;
  }
  return v;
}

/** `read` should be a module-level function (or memoised): a new one recomputes the snapshot. */
export function useDocSnapshot<T>(doc: Doc, read: (doc: Doc) => T, keep?: (prev: T, next: T) => T): T {
  const cache = useRef<{ doc: Doc; read: (doc: Doc) => T; n: number; value: T } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      const v = versionOf(doc);
      v.listeners.add(listener);
      return () => v.listeners.delete(listener);
    },
    [doc],
  );
  const getSnapshot = useCallback((): T => {
    const n = versionOf(doc).n;
    const c = cache.current;
    if (c && c.doc === doc && c.read === read && c.n === n) return c.value;
    const fresh = read(doc);
    const value = keep && c && c.doc === doc && c.read === read ? keep(c.value, fresh) : fresh;
    cache.current = { doc, read, n, value };
    return value;
  }, [doc, read, keep]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
