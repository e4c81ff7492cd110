/**
 * Structural sharing for snapshots read from a doc or the awareness: a new read of the
 * same data gives the same objects, so React (and a store's selectors) see "unchanged"
 * by identity, and a component re-renders only when what it reads really changed.
 */
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * `next`, with every part that equals the same part of `prev` replaced by `prev`'s (plain
 * objects and arrays compared deeply; anything else by identity). Returns `prev` itself
 * when nothing changed.
 */
export function keepUnchanged<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((item, i) => {
      const kept = i < prev.length ? keepUnchanged(prev[i], item) : item;
      if (kept !== prev[i]) same = false;
      return kept;
    });
    return (same ? prev : out) as T;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const prevKeys = Object.keys(prev);
    const nextKeys = Object.keys(next);
    let same = prevKeys.length === nextKeys.length;
    const out: Record<string, unknown> = {};
    for (const key of nextKeys) {
      const kept = key in prev ? keepUnchanged(prev[key], next[key]) : next[key];
      if (kept !== prev[key] || !(key in prev)) same = false;
      out[key] = kept;
    }
    return (same ? prev : out) as T;
  }
  return next;
}
