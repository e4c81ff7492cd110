/**
 * The built server's stack traces (issue 14): `sourceMapLookup` finds the same original
 * position as Node's own `SourceMap` for every column of a whitespace-minified bundle
 * (what esbuild.server.mjs writes), from a map esbuild made.
 */
import { SourceMap } from 'node:module';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { sourceMapLookup } from '../../server/sourceMapLookup.ts';

const SOURCE = `
export interface Box { w: number; h: number }
export function area(b: Box): number {
  if (b.w < 0) throw new Error('negative width: ' + b.w);
  return b.w * b.h;
}
export class Grid {
  constructor(private readonly boxes: Box[]) {}
  total(): number {
    let sum = 0;
    for (const b of this.boxes) sum += area(b);
    return sum;
  }
}
export const big = new Grid([{ w: 1, h: 2 }, { w: 3, h: 4 }]).total();
`;

function bundle(minifyWhitespace: boolean) {
  const out = buildSync({
    stdin: { contents: SOURCE, loader: 'ts', sourcefile: 'server/example.ts' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    write: false,
    outfile: 'out.cjs',
    sourcemap: 'external',
    sourcesContent: false,
    minifyWhitespace,
  });
  const code = out.outputFiles.find((f) => f.path.endsWith('.cjs'))!.text;
  const map = JSON.parse(out.outputFiles.find((f) => f.path.endsWith('.map'))!.text);
  return { code, map };
}

describe('sourceMapLookup', () => {
  for (const minified of [true, false]) {
    it(`agrees with Node's SourceMap on every column (${minified ? 'minified' : 'as written'})`, () => {
      const { code, map } = bundle(minified);
      const ours = sourceMapLookup(map);
      const node = new SourceMap(map);
      let mapped = 0;
      code.split('\n').forEach((text, line) => {
        for (let column = 0; column <= text.length; column++) {
          const e = node.findEntry(line, column) as {
            generatedLine?: number;
            originalSource?: string;
            originalLine?: number;
            originalColumn?: number;
          };
          const expected =
            e.originalSource !== undefined && e.generatedLine === line
              ? { source: e.originalSource, line: e.originalLine, column: e.originalColumn }
              : null;
          expect(ours(line, column), `${line}:${column}`).toEqual(expected);
          if (expected) mapped++;
        }
      });
      expect(mapped).toBeGreaterThan(100);
    });
  }

  it('finds the line of a throw in the sources', () => {
    const { code, map } = bundle(true);
    const at = code.indexOf('throw');
    const line = code.slice(0, at).split('\n').length - 1;
    const column = at - (code.lastIndexOf('\n', at) + 1);
    expect(sourceMapLookup(map)(line, column)).toMatchObject({ line: 3 }); // 0-based: the 4th line of SOURCE
  });

  it('answers nothing outside the bundle', () => {
    const { map } = bundle(true);
    expect(sourceMapLookup(map)(10_000, 0)).toBeNull();
  });
});
