/**
 * "Some change" on a board for tests of sync, durability and limits, written as the
 * model allows it: since issue 10 the server refuses roots and records the document
 * model does not know, from anyone. A mark is an actor record (a root every writer of
 * the board may write) whose `name` holds the mark's value as JSON (at most 200
 * characters); keys must be item ids (letters, digits, `-`, `_`).
 */
import * as Y from 'yjs';

const root = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('actors');

/** Sets one mark (one transaction, so one update on the wire). */
export function mark(doc: Y.Doc, key: string, value: unknown): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('name', JSON.stringify(value));
    root(doc).set(key, m);
  });
}

export function unmark(doc: Y.Doc, key: string): void {
  root(doc).delete(key);
}

export function markOf(doc: Y.Doc, key: string): unknown {
  const m = root(doc).get(key);
  const name = m instanceof Y.Map ? m.get('name') : undefined;
  return typeof name === 'string' ? JSON.parse(name) : undefined;
}

/** Every mark of the doc, by key. */
export function marks(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries([...root(doc).keys()].map((key) => [key, markOf(doc, key)]));
}

export function markCount(doc: Y.Doc): number {
  return root(doc).size;
}

/** Calls `listener` whenever marks change. */
export function observeMarks(doc: Y.Doc, listener: () => void): void {
  root(doc).observe(listener);
}

/** A mark with a long text (up to 20,000 characters, an actor's notes), for size limits. */
export function markLong(doc: Y.Doc, key: string, text: string): void {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    m.set('notities', new Y.Text(text));
    root(doc).set(key, m);
  });
}
