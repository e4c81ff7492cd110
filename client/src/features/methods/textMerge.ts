/**
 * Text helpers for fields that several people type in at once (the 3 B's). Pure: no
 * DOM, no Yjs. The model's `setActorText` turns a whole new value into a minimal edit;
 * these functions keep the local caret in place when someone else's words arrive, and
 * put a keystroke on top of a remote change that the textarea had not shown yet.
 */

/** The one region in which `a` and `b` differ: `a[start, endA)` became `b[start, endB)`. */
export interface Span {
  start: number;
  endA: number;
  endB: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Common prefix and suffix of two strings, never splitting an emoji (a surrogate pair). */
export function diffSpan(a: string, b: string): Span {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(a.charCodeAt(start - 1))) start--;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (endA < a.length && isLowSurrogate(a.charCodeAt(endA))) {
    endA++;
    endB++;
  }
  return { start, endA, endB };
}

/**
 * Where a caret at `caret` in `before` belongs once the text reads `after`: before the
 * changed region it stays, after it it moves by the change's length, inside it goes to
 * the end of the new text. Text inserted exactly at the caret lands after it.
 */
export function mapCaret(before: string, after: string, caret: number): number {
  const { start, endA, endB } = diffSpan(before, after);
  if (caret <= start) return caret;
  if (caret >= endA) return caret + (endB - endA);
  return endB;
}

/**
 * Applies the edit that turned `base` into `local` on top of `remote` (which is `base`
 * changed by someone else), so that neither change is lost. Overlapping edits keep the
 * remote text and add the local insertion where it lands.
 */
export function rebaseEdit(base: string, local: string, remote: string): string {
  if (remote === base) return local;
  if (local === base) return remote;
  const l = diffSpan(base, local);
  const r = diffSpan(base, remote);
  const inserted = local.slice(l.start, l.endB);
  if (l.endA <= r.start) return remote.slice(0, l.start) + inserted + remote.slice(l.endA);
  if (l.start >= r.endA) {
    const shift = r.endB - r.endA;
    return remote.slice(0, l.start + shift) + inserted + remote.slice(l.endA + shift);
  }
  const at = mapCaret(base, remote, l.start);
  return remote.slice(0, at) + inserted + remote.slice(at);
}
