/**
 * Where a position of the built server bundle comes from, for its stack traces (boot.ts).
 *
 * Node's `SourceMap` decodes every mapping into objects: for the bundle's map (some two
 * million segments) that took over a second and 40 MB of heap, kept for good, at the
 * first stack trace. This reads the `mappings` once without keeping anything but where
 * each generated line starts and the decoder's state there (a few numbers a line; the
 * bundle has a few hundred lines), and decodes one line up to the column asked for.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

export interface OriginalPosition {
  /** As the map names it (relative to the map's folder, unless absolute). */
  source: string;
  /** 0-based, like the generated line and column asked for. */
  line: number;
  column: number;
}

export interface SourceMapPayload {
  mappings: string;
  sources: string[];
  sourceRoot?: string;
}

/** State of the decoder that carries over lines: source index, original line and column. */
const FIELDS = 3;

export function sourceMapLookup(map: SourceMapPayload): (line: number, column: number) => OriginalPosition | null {
  const { mappings } = map;
  const root = map.sourceRoot ? map.sourceRoot.replace(/\/?$/, '/') : '';
  let pos = 0;
  /** One VLQ value from `pos` on. */
  const vlq = (): number => {
    let value = 0;
    let shift = 0;
    let digit: number;
    do {
      digit = DIGIT[mappings.charCodeAt(pos++)] ?? -1;
      if (digit < 0) throw new Error('bad source map');
      value += (digit & 31) * 2 ** shift;
      shift += 5;
    } while (digit & 32);
    return value % 2 === 1 ? -(value - 1) / 2 : value / 2;
  };
  const atSegmentEnd = () => pos >= mappings.length || mappings[pos] === ',' || mappings[pos] === ';';

  // One pass: where each line starts and the state at its start.
  const lineStart: number[] = [0];
  const state: number[] = [0, 0, 0];
  const states: number[] = [...state];
  while (pos < mappings.length) {
    const c = mappings[pos];
    if (c === ';') {
      pos++;
      lineStart.push(pos);
      states.push(...state);
    } else if (c === ',') {
      pos++;
    } else {
      vlq(); // generated column: starts from 0 on each line
      if (!atSegmentEnd()) {
        state[0]! += vlq();
        state[1]! += vlq();
        state[2]! += vlq();
        if (!atSegmentEnd()) vlq(); // name
      }
    }
  }

  return (line, column) => {
    if (line < 0 || line >= lineStart.length) return null;
    pos = lineStart[line]!;
    const s = states.slice(line * FIELDS, line * FIELDS + FIELDS);
    let generated = 0;
    let found: OriginalPosition | null = null;
    while (pos < mappings.length && mappings[pos] !== ';') {
      if (mappings[pos] === ',') {
        pos++;
        continue;
      }
      generated += vlq();
      if (generated > column) break;
      if (atSegmentEnd()) {
        found = null; // a segment without a source: this column maps to nothing
        continue;
      }
      s[0]! += vlq();
      s[1]! += vlq();
      s[2]! += vlq();
      if (!atSegmentEnd()) vlq();
      const source = map.sources[s[0]!];
      found = source === undefined ? null : { source: root + source, line: s[1]!, column: s[2]! };
    }
    return found;
  };
}
