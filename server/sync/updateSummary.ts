/**
 * What the checks before a client's update is applied need to know of its structs and
 * deletions (issue 14): read by the limits scan in the same pass over the bytes
 * (updateLimits.ts), so the update is not decoded into Yjs structs besides, before
 * `Y.applyUpdate` decodes it once more. Also made from a `Y.decodeUpdate` result, for the
 * updates the server makes or gets from other instances.
 */
import * as Y from 'yjs';

/** A run of structs of one client, consecutive in clock. */
export interface StructRun {
  client: number;
  /** The clock of its first struct. */
  first: number;
  /** Where its last struct that is no Skip ends (clock + length); -1 when it has none. */
  end: number;
  /** It holds a Skip (a gap). */
  skip: boolean;
}

export interface UpdateSummary {
  runs: StructRun[];
  /** The delete set's ranges, flat: client, clock, length, client, clock, length, … */
  deletes: number[];
}

/** The summary of a decoded update (each struct a run of its own). */
export function summaryOfDecoded(decoded: ReturnType<typeof Y.decodeUpdate>): UpdateSummary {
  const runs: StructRun[] = decoded.structs.map((s) => {
    const skip = s instanceof Y.Skip;
    return { client: s.id.client, first: s.id.clock, end: skip ? -1 : s.id.clock + s.length, skip };
  });
  const deletes: number[] = [];
  for (const [client, ranges] of decoded.ds.clients) {
    for (const { clock, len } of ranges) deletes.push(client, clock, len);
  }
  return { runs, deletes };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The length in UTF-16 code units of the string in `bytes[from, to)`, as lib0 reads it (a
 * fatal UTF-8 decoder that keeps a BOM), or -1 where lib0 throws (no valid UTF-8).
 */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return utf16LengthSlow(bytes, from, to);
    units++;
  }
  return units;
}

function utf16LengthSlow(bytes: Uint8Array, from: number, to: number): number {
  try {
    return fatalUtf8.decode(bytes.subarray(from, to)).length;
  } catch {
    return -1;
  }
}

/** The string in `bytes[from, to)` as lib0 reads it; throws for no valid UTF-8. */
export function readUtf8(bytes: Uint8Array, from: number, to: number): string {
  return fatalUtf8.decode(bytes.subarray(from, to));
}
