/**
 * Bounds on what one decoded Yjs update may hold, checked before anything is applied or
 * stored (issue 10). lib0 reads and writes nested `any` values recursively: an array
 * nested a few thousand deep decodes once, but no longer encodes (compaction) or decodes
 * (the next load) when the stack is deeper. So the depth of every JSON/Any/Embed/Format
 * value is bounded here, walked with an explicit stack (never recursion), and so are the
 * sizes a client could use to make the server work or allocate without end.
 */
import * as Y from 'yjs';
import { readUtf8, utf16Length, type StructRun, type UpdateSummary } from './updateSummary.ts';

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

/** Raised by the scan for bytes that are no Yjs update. */
class Malformed extends Error {}

/** A cursor over the update's bytes that never reads past their end. */
class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.bytes.length) throw new Malformed('unexpected end of update');
    return this.bytes[this.pos++]!;
  }
  uint(): number {
    let num = 0;
    let mult = 1;
    for (;;) {
      const b = this.byte();
      num += (b & 0x7f) * mult;
      if (b < 0x80) return num;
      mult *= 128;
      if (num > Number.MAX_SAFE_INTEGER) throw new Malformed('integer out of range');
    }
  }
  /** An item id: client and clock. */
  id(): void {
    this.uint();
    this.uint();
  }
  skip(n: number): number {
    if (this.pos + n > this.bytes.length) throw new Malformed('length past the end of the update');
    const at = this.pos;
    this.pos += n;
    return at;
  }
  /** A length-prefixed string or buffer; returns its byte range. */
  chunk(): [number, number] {
    const n = this.uint();
    const at = this.skip(n);
    return [at, at + n];
  }
  /** Deepest nesting of `[`/`{` in a JSON text (scanned, not parsed). */
  jsonDepth([from, to]: [number, number]): number {
    let depth = 0;
    let max = 0;
    let inString = false;
    for (let i = from; i < to; i++) {
      const c = this.bytes[i]!;
      if (inString) {
        if (c === 0x5c)
          i++; // backslash escapes the next byte
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
      else if (c === 0x5d || c === 0x7d) depth--;
    }
    return max;
  }
}

/**
 * Walks the bytes of a Yjs (v1) update as `Y.decodeUpdate` would, without building
 * anything and without recursion, and checks every limit on the way. Returns why it is
 * over a limit, or `null`; throws {@link Malformed} for bytes that are no update.
 *
 * With `summary`, it also fills in its struct runs and deletions, and throws
 * {@link Malformed} wherever `Y.decodeUpdate` would throw besides (a string that is no
 * UTF-8, JSON that does not parse, a Skip's info byte with flags): once no limit is
 * exceeded, as when the update was decoded after the scan (issue 14).
 */
function scanUpdate(bytes: Uint8Array, limits: UpdateLimits, summary: UpdateSummary | null = null): string | null {
  const r = new Reader(bytes);
  const over = (n: number, max: number) => n > max;
  /** The first thing `Y.decodeUpdate` would throw for (only looked for with `summary`). */
  let fault: string | null = null;
  /** Length (UTF-16 units) of the last string read by {@link str}; -1 when it is no UTF-8. */
  let units = 0;
  const str = (what: string): string | null => {
    const [from, to] = r.chunk();
    if (over(to - from, limits.maxStringLength)) return `${what} of ${to - from} bytes`;
    if (summary) {
      units = utf16Length(bytes, from, to);
      if (units < 0) fault ??= `${what} that is no UTF-8`;
    }
    return null;
  };
  /** A JSON text; `undefinedOk`: the text `undefined` stands for undefined (JSON content). */
  const json = (what: string, undefinedOk = false): string | null => {
    const range = r.chunk();
    if (over(range[1] - range[0], limits.maxStringLength)) return `${what} of ${range[1] - range[0]} bytes`;
    if (r.jsonDepth(range) >= limits.maxDepth) return `${what} nested deeper than ${limits.maxDepth}`;
    if (summary && fault === null) {
      try {
        const text = readUtf8(bytes, range[0], range[1]);
        if (!(undefinedOk && text === 'undefined')) JSON.parse(text);
      } catch (err) {
        fault = `${what} that does not parse: ${String(err)}`;
      }
    }
    return null;
  };
  let values = 0;
  /** lib0's `readAny`, with an explicit stack of how many values each open array/object still holds. */
  const any = (): string | null => {
    const open: { left: number; isObject: boolean }[] = [];
    for (;;) {
      if (open.length) {
        const top = open[open.length - 1]!;
        if (top.left === 0) {
          open.pop();
          if (!open.length) return null;
          continue;
        }
        top.left--;
        if (top.isObject) {
          const p = str('object key');
          if (p) return p;
        }
      }
      if (over(++values, limits.maxValues)) return `more than ${limits.maxValues} values`;
      const type = r.byte();
      if (type === 119) {
        const p = str('string');
        if (p) return p;
      } else if (type === 117 || type === 118) {
        const n = r.uint();
        if (over(n, limits.maxArrayLength)) return `an array or object of ${n} entries`;
        if (open.length + 1 >= limits.maxDepth) return `a value nested deeper than ${limits.maxDepth}`;
        open.push({ left: n, isObject: type === 118 });
      } else if (type === 125)
        r.uint(); // varInt: the same bytes as a varUint
      else if (type === 124) r.skip(4);
      else if (type === 123 || type === 122) r.skip(8);
      else if (type === 116) r.chunk();
      else if (type < 116 || type > 127) throw new Malformed(`unknown value type ${type}`);
      if (!open.length) return null;
    }
  };

  let structs = 0;
  /** The length of the item whose content {@link scanContent} read last. */
  let itemLength = 0;
  const clients = r.uint();
  for (let c = 0; c < clients; c++) {
    const n = r.uint();
    const client = r.uint();
    let clock = r.uint();
    structs += n;
    if (over(structs, limits.maxStructs)) return `more than ${limits.maxStructs} structs`;
    let run: StructRun | null = null;
    if (summary && n > 0) summary.runs.push((run = { client, first: clock, end: -1, skip: false }));
    for (let i = 0; i < n; i++) {
      const info = r.byte();
      const ref = info & 0x1f;
      if (ref === 0 || ref === 10) {
        const len = r.uint(); // GC or skip: a length
        if (run) {
          // Yjs reads a Skip only from the info byte 10; with flags, it is an item it cannot read.
          if (ref === 10 && info !== 10) fault ??= `unknown content ${ref}`;
          if (ref === 10) run.skip = true;
          else run.end = clock + len;
        }
        clock += len;
        continue;
      }
      if (info & 0x80) r.id(); // origin
      if (info & 0x40) r.id(); // right origin
      if ((info & 0xc0) === 0) {
        const p = r.uint() === 1 ? str('root name') : (r.id(), null);
        if (p) return p;
        if (info & 0x20) {
          const k = str('map key');
          if (k) return k;
        }
      }
      const problem = scanContent(ref);
      if (problem) return problem;
      clock += itemLength;
      if (run) run.end = clock;
    }
  }
  let ranges = 0;
  const dsClients = r.uint();
  for (let c = 0; c < dsClients; c++) {
    const client = r.uint();
    const n = r.uint();
    ranges += n;
    if (over(ranges, limits.maxDeleteRanges)) return `more than ${limits.maxDeleteRanges} delete ranges`;
    for (let i = 0; i < n; i++) {
      const clock = r.uint();
      const len = r.uint();
      summary?.deletes.push(client, clock, len);
    }
  }
  if (fault !== null) throw new Malformed(fault);
  return null;

  /** Reads an item's content, and its length (as Yjs counts it) into `itemLength`. */
  function scanContent(ref: number): string | null {
    itemLength = 1;
    switch (ref) {
      case 1: // deleted
        itemLength = r.uint();
        return null;
      case 2: {
        // JSON
        const n = r.uint();
        if (over(n, limits.maxArrayLength)) return `${n} JSON values`;
        for (let i = 0; i < n; i++) {
          const p = json('JSON value', true);
          if (p) return p;
        }
        itemLength = n;
        return null;
      }
      case 3: // binary
        r.chunk();
        return null;
      case 4: {
        const p = str('text');
        itemLength = units;
        return p;
      }
      case 5:
        return json('embed');
      case 6:
        return str('format key') ?? json('format value');
      case 7: {
        const typeRef = r.uint();
        if (typeRef > 6) throw new Malformed(`unknown type ${typeRef}`);
        return typeRef === 3 || typeRef === 5 ? str('element name') : null;
      }
      case 8: {
        const n = r.uint();
        if (over(n, limits.maxArrayLength)) return `${n} values in one item`;
        itemLength = n;
        for (let i = 0; i < n; i++) {
          const p = any();
          if (p) return p;
        }
        return null;
      }
      case 9:
        return 'a subdocument';
      default:
        throw new Malformed(`unknown content ${ref}`);
    }
  }
}

/**
 * The check of {@link decodeWithinLimits} without the decode: for stored rows, which
 * `Y.applyUpdate` decodes anyway (a row it cannot apply is caught there). Decoding each
 * row twice was a third of loading a room after a restart (issue 14).
 */
export function checkWithinLimits(
  update: Uint8Array,
  limits: UpdateLimits,
): { ok: true } | { ok: false; malformed: boolean; reason: string } {
  try {
    const over = scanUpdate(update, limits);
    return over ? { ok: false, malformed: false, reason: `over limits: ${over}` } : { ok: true };
  } catch (err) {
    return { ok: false, malformed: true, reason: `undecodable: ${String(err)}` };
  }
}

/**
 * Checks a client's update within limits and reads what the checks before applying it
 * need, in one pass over its bytes (issue 14): what {@link decodeWithinLimits} says, with
 * the same verdicts (malformed wherever `Y.decodeUpdate` throws), without decoding the
 * update into Yjs structs (`Y.applyUpdate` does that).
 */
export function scanWithinLimits(
  update: Uint8Array,
  limits: UpdateLimits,
): { ok: true; summary: UpdateSummary } | { ok: false; malformed: boolean; reason: string } {
  const summary: UpdateSummary = { runs: [], deletes: [] };
  try {
    const over = scanUpdate(update, limits, summary);
    return over ? { ok: false, malformed: false, reason: `over limits: ${over}` } : { ok: true, summary };
  } catch (err) {
    return { ok: false, malformed: true, reason: `undecodable: ${String(err)}` };
  }
}

/**
 * Checks an update's bytes within limits, then decodes it. Bytes that are no update
 * (found by the scan or by Yjs) are `malformed`; an update over a limit is not.
 */
export function decodeWithinLimits(
  update: Uint8Array,
  limits: UpdateLimits,
): { ok: true; decoded: DecodedUpdate } | { ok: false; malformed: boolean; reason: string } {
  try {
    const over = scanUpdate(update, limits);
    if (over) return { ok: false, malformed: false, reason: `over limits: ${over}` };
    return { ok: true, decoded: Y.decodeUpdate(update) };
  } catch (err) {
    return { ok: false, malformed: true, reason: `undecodable: ${String(err)}` };
  }
}
