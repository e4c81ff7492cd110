// @ts-check
/**
 * Bundles the server into dist/server/main.js (`npm run build`, after the client).
 *
 * Quick to come back (issue 14): the packages the start path needs (express, ws, zod,
 * yjs, helmet, ...) are bundled in, so a start reads one file instead of resolving and
 * compiling some hundred modules (about 150 ms of a start on a 2-core machine).
 * External stay: native or file-reading packages (better-sqlite3, resvg, the fonts,
 * pdfkit's font data, pino's worker files), vite (development only), ws's optional
 * native helpers, and the report and import libraries, which the server loads when
 * first used (dynamic imports, split into chunks/) so they cost nothing at start.
 */
import { build } from 'esbuild';

const EXTERNAL = [
  // native or read from files by path
  'better-sqlite3',
  '@resvg/resvg-js',
  'dejavu-fonts-ttf',
  'pino',
  'bufferutil',
  'utf-8-validate',
  // loaded when first used (server/report/index.ts, server/io/xlsx.ts)
  'docx',
  'pdfkit',
  'svg-to-pdfkit',
  'exceljs',
  // development only (server/app.ts attachViteDev)
  'vite',
  // several instances only (issue 13): loaded with REDIS_URL (server/sync/fanout/RedisFanout.ts)
  'ioredis',
];

await build({
  entryPoints: ['server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  outdir: 'dist/server',
  chunkNames: 'chunks/[name]-[hash]',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS packages call require() for Node's modules: give ESM one.
  banner: {
    js: "import { createRequire as __veldwerkCreateRequire } from 'node:module'; const require = __veldwerkCreateRequire(import.meta.url);",
  },
});
