/**
 * Bounds on what one decoded Yjs update may hold, checked before anything is applied or
 * stored (issue 10). lib0 reads and writes nested `any` values recursively: an array
 * nested a few thousand deep decodes once, but no longer encodes (compaction) or decodes
 * (the next load) when the stack is deeper. So the depth of every JSON/Any/Embed/Format
 * value is bounded here, walked with an explicit stack (never recursion), and so are the
 * sizes a client could use to make the server work or allocate without end.
 */
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export interface UpdateLimits {
  /** Structs (items, GC and skip ranges) in one update. */
  maxStructs: number;
  /** Nesting depth of a plain value inside an item (an array in an array is depth 2). */
  maxDepth: number;
  /** Characters of one string (text content, a string value, a map key, a root name). */
  maxStringLength: number;
  /** Elements of one array value, or entries of one object value. */
  maxArrayLength: number;
  /** Clock ranges in the update's delete set. */
  maxDeleteRanges: number;
  /** Plain values visited in total (bounds the work of one check). */
  maxValues: number;
}

/** Limits for one update a client sends (an update is at most MAX_MESSAGE_BYTES anyway). */
export const CLIENT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 200_000,
  maxDepth: 32,
  maxStringLength: 1_000_000,
  maxArrayLength: 100_000,
  maxDeleteRanges: 200_000,
  maxValues: 1_000_000,
};

/**
 * Limits for a stored row. Compaction merges many updates into one row, and Yjs merges
 * neighbouring text and array items, so counts and lengths are not bounded there; depth
 * is what makes a row unreadable, and depth does not grow by merging.
 */
export const STORED_ROW_LIMITS: UpdateLimits = {
  maxStructs: Number.POSITIVE_INFINITY,
  maxDepth: CLIENT_UPDATE_LIMITS.maxDepth,
  maxStringLength: Number.POSITIVE_INFINITY,
  maxArrayLength: Number.POSITIVE_INFINITY,
  maxDeleteRanges: Number.POSITIVE_INFINITY,
  maxValues: Number.POSITIVE_INFINITY,
};

/** Why a decoded update is over a limit (for logs and the quarantine), or `null`. */
export function checkUpdateLimits(decoded: DecodedUpdate, limits: UpdateLimits): string | null {
  if (decoded.structs.length > limits.maxStructs) return `${decoded.structs.length} structs`;
  let ranges = 0;
  for (const list of decoded.ds.clients.values()) ranges += list.length;
  if (ranges > limits.maxDeleteRanges) return `${ranges} delete ranges`;
  const budget = { values: 0 };
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const problem = checkItem(struct, limits, budget);
    if (problem) return `${problem} (item ${struct.id.client}:${struct.id.clock})`;
  }
  return null;
}

/** Decodes an update and checks it; a throw while decoding is reported as `malformed`. */
export function decodeWithinLimits(
  update: Uint8Array,
  limits: UpdateLimits,
): { ok: true; decoded: DecodedUpdate } | { ok: false; malformed: boolean; reason: string } {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    // Includes RangeError from lib0's recursive reads of deeply nested values.
    return { ok: false, malformed: true, reason: `undecodable: ${String(err)}` };
  }
  const over = checkUpdateLimits(decoded, limits);
  return over ? { ok: false, malformed: false, reason: `over limits: ${over}` } : { ok: true, decoded };
}

function checkString(s: unknown, limits: UpdateLimits, what: string): string | null {
  return typeof s === 'string' && s.length > limits.maxStringLength ? `${what} of ${s.length} characters` : null;
}

function checkItem(item: Y.Item, limits: UpdateLimits, budget: { values: number }): string | null {
  const problem =
    checkString(item.parentSub, limits, 'map key') ??
    checkString(item.parent, limits, 'root name') ??
    (item.content instanceof Y.ContentDoc ? 'a subdocument' : null);
  if (problem) return problem;
  const c = item.content;
  if (c instanceof Y.ContentString) return checkString(c.str, limits, 'text');
  if (c instanceof Y.ContentAny || c instanceof Y.ContentJSON) return checkValue(c.arr, limits, budget);
  if (c instanceof Y.ContentEmbed) return checkValue(c.embed, limits, budget);
  if (c instanceof Y.ContentFormat)
    return checkString(c.key, limits, 'format key') ?? checkValue(c.value, limits, budget);
  if (c instanceof Y.ContentType) {
    const type: unknown = c.type;
    if (type instanceof Y.XmlElement) return checkString(type.nodeName, limits, 'element name');
    if (type instanceof Y.XmlHook) return checkString(type.hookName, limits, 'hook name');
  }
  return null;
}

/**
 * Walks a plain value with an explicit stack. The item's content array itself is depth
 * 0, so a map value `[[1]]` is depth 2.
 */
function checkValue(root: unknown, limits: UpdateLimits, budget: { values: number }): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (++budget.values > limits.maxValues) return `more than ${limits.maxValues} values`;
    if (typeof value === 'string') {
      const p = checkString(value, limits, 'string');
      if (p) return p;
      continue;
    }
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) continue;
    if (depth >= limits.maxDepth) return `a value nested deeper than ${limits.maxDepth}`;
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) return `an array of ${value.length} elements`;
      for (const v of value as unknown[]) stack.push({ value: v, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > limits.maxArrayLength) return `an object of ${keys.length} entries`;
    for (const k of keys) {
      const p = checkString(k, limits, 'object key');
      if (p) return p;
      stack.push({ value: (value as Record<string, unknown>)[k], depth: depth + 1 });
    }
  }
  return null;
}
