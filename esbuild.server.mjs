// @ts-check
/**
 * Bundles the server for `npm start` and `npm run serve` (`npm run build`, after the client).
 *
 * Quick to come back (issue 14). Two files:
 * - `dist/server/server-<hash>.cjs`: `server/main.ts` with every package it may load
 *   (express, ws, zod, yjs, pino, ...) as one CommonJS function, so a start reads one
 *   file instead of resolving and compiling some hundred modules. Whitespace-minified
 *   and ASCII, so V8 keeps it in one byte a character; a source map beside it. The
 *   report, import and PostgreSQL code is in it too, but esbuild wraps what the server
 *   loads with `import()` in a function it runs at that import, so nothing of it runs
 *   at start; the heavy packages themselves stay external (below).
 * - `dist/server/main.js`: `server/boot.ts`, which runs the bundle with V8's code cache
 *   (written beside it by the first start), so later starts do not compile it again.
 * - `dist/server/walCheckpointWorker.mjs`: the WAL checkpoint thread's code, copied as it is.
 * External stay: native or file-reading packages (better-sqlite3's addon, resvg, the fonts,
 * pdfkit's font data), vite (development only), ws's optional native helpers, and the
 * report and import libraries (docx, pdfkit, exceljs) and ioredis, loaded when first
 * used (a dynamic import or a require in code that runs then).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const OUT = 'dist/server';

const EXTERNAL = [
  // native or read from files by path (better-sqlite3's JavaScript is bundled, its addon not: below)
  '*.node',
  '@resvg/resvg-js',
  'dejavu-fonts-ttf',
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

/**
 * better-sqlite3 finds its addon with the `bindings` package, which searches a dozen
 * folders from the caller's file; bundled, that caller is the bundle. Here the addon is
 * required straight from the installed package instead (resolved when first opened).
 */
const sqliteAddon = {
  name: 'better-sqlite3-addon',
  /** @param {import('esbuild').PluginBuild} b */
  setup(b) {
    b.onResolve({ filter: /^bindings$/ }, (args) =>
      /[\\/]better-sqlite3[\\/]/.test(args.importer) ? { path: 'bindings', namespace: 'sqlite-addon' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
      loader: 'js',
      contents: "module.exports = () => require(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'));",
    }));
  },
};

const bundled = await build({
  entryPoints: ['server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  outfile: `${OUT}/server.cjs`,
  external: EXTERNAL,
  plugins: [sqliteAddon],
  sourcemap: 'external',
  sourcesContent: false, // for stack traces only (boot.ts): the sources are in the project
  minifyWhitespace: true,
  charset: 'ascii',
  legalComments: 'none',
  logLevel: 'warning',
  // The bundle is the body of a function boot.ts calls with CommonJS's arguments.
  banner: {
    js: "(function (exports, require, module, __filename, __dirname) {var __veldwerkImportMetaUrl = require('node:url').pathToFileURL(__filename).href;",
  },
  footer: { js: '\n})' },
  define: { 'import.meta.url': '__veldwerkImportMetaUrl' },
  // `import('exceljs')` becomes a require when first used: a real import() in vm.Script code
  // needs Node's experimental loader hook. (vite is ES modules only: the bundle does not run
  // in development, `npm run dev` runs the sources.)
  supported: { 'dynamic-import': false },
});
const code = bundled.outputFiles.find((f) => f.path.endsWith('.cjs'));
const map = bundled.outputFiles.find((f) => f.path.endsWith('.cjs.map'));
if (!code || !map) throw new Error('esbuild wrote no server bundle');
const name = `server-${createHash('sha256').update(code.contents).digest('hex').slice(0, 16)}.cjs`;
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, `${name}.map`), map.contents);
fs.writeFileSync(path.join(OUT, name), code.contents); // boot.ts finds the map beside it
// The WAL checkpoint thread's file (issue 14), found beside the bundle (server/store/walCheckpointer.ts).
fs.copyFileSync('server/store/walCheckpointWorker.mjs', path.join(OUT, 'walCheckpointWorker.mjs'));

// main.js as CommonJS: Node then starts without its ES module loader (a few ms).
fs.writeFileSync(path.join(OUT, 'package.json'), '{ "type": "commonjs" }\n');
await build({
  entryPoints: ['server/boot.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: `${OUT}/main.js`,
  define: { VELDWERK_BUNDLE: JSON.stringify(name) },
  logLevel: 'warning',
});

// Earlier builds: their bundles, caches and maps, and the chunks of the ES module builds before.
for (const entry of fs.readdirSync(OUT)) {
  const stale =
    entry === 'chunks' || entry === 'main.js.map' || (entry.startsWith('server-') && !entry.startsWith(name));
  if (stale) fs.rmSync(path.join(OUT, entry), { recursive: true, force: true });
}
