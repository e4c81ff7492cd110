/**
 * The built server's entry, `node dist/server/main.js` (issue 14: quick to come back).
 *
 * `esbuild.server.mjs` bundles `main.ts` and everything it may load into one CommonJS
 * function (`dist/server/server-<hash>.cjs`, whitespace-minified, ASCII) and this file
 * into `main.js` (CommonJS too, so Node starts without its ES module loader), with the
 * bundle's name. Node 20 has no compile cache for ES modules,
 * so this runs the bundle through `vm.Script` with V8's code cache: the first start
 * after a build compiles it and writes `<bundle>.cache` (what V8 compiled while the
 * server started and served: 10 s after the start, or at exit if sooner); later starts
 * take the compiled code from there instead of parsing and compiling the bundle again.
 * V8 refuses a cache made by another V8 or with other flags (`cachedDataRejected`): the
 * cache is then written anew. The cache is named after the bundle's content hash, so a
 * cache never meets another bundle. Under systemd the cache goes to the service's
 * `CacheDirectory=` (`$CACHE_DIRECTORY`); a folder that cannot be written only means no
 * cache: the server starts as it would without one.
 *
 * With `--enable-source-maps` (`npm start`), stack traces through the bundle are mapped
 * to the TypeScript sources from the bundle's source map, read at the first trace
 * (sourceMapLookup.ts; Node maps `vm.Script` code by itself only from Node 22).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { sourceMapLookup, type OriginalPosition } from './sourceMapLookup.ts';

/** The bundle's file name, set by esbuild.server.mjs (`server-<content hash>.cjs`). */
declare const VELDWERK_BUNDLE: string;

const WRITE_CACHE_AFTER_MS = 10_000;

const dir = __dirname; // main.js is CommonJS (dist/server/package.json): no ES module loader at start
const file = path.join(dir, VELDWERK_BUNDLE);
/** Beside the bundle, or in systemd's `CacheDirectory=` (deploy/systemd: the app folder is read-only there). */
const cacheDir = process.env.CACHE_DIRECTORY?.split(':')[0] || dir;
const cacheFile = path.join(cacheDir, `${VELDWERK_BUNDLE}.cache`);

function readCache(): Buffer | undefined {
  try {
    return fs.readFileSync(cacheFile);
  } catch {
    return undefined; // none yet: this start writes it
  }
}

function compile(): { script: vm.Script; cached: boolean } {
  const cachedData = readCache();
  // ASCII only (esbuild's charset and no comments), so one byte per character in V8's heap.
  const script = new vm.Script(fs.readFileSync(file, 'latin1'), { filename: file, cachedData });
  return { script, cached: cachedData !== undefined && !script.cachedDataRejected };
}

/** Writes the code cache, atomically (several servers may start from one build). */
function writeCache(script: vm.Script): void {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
    // The caches of earlier builds (the build removes them beside the bundle, not in $CACHE_DIRECTORY).
    for (const entry of fs.readdirSync(cacheDir)) {
      if (/^server-[0-9a-f]+\.cjs\.cache$/.test(entry) && entry !== path.basename(cacheFile)) {
        fs.rmSync(path.join(cacheDir, entry), { force: true });
      }
    }
  } catch {
    // A read-only folder or a full disk: no cache, nothing else changes.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/** Stack frames in the bundle shown at their place in the TypeScript sources. */
function mapStackTraces(): void {
  let lookup: ((line: number, column: number) => OriginalPosition | null) | null | undefined;
  const original = (line: number, column: number) => {
    if (lookup === undefined) {
      try {
        lookup = sourceMapLookup(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
      } catch {
        lookup = null; // no map beside the bundle: frames stay as they are
      }
    }
    try {
      return lookup?.(line, column) ?? null;
    } catch {
      return null; // a map that does not fit the bundle: the frame stays as it is
    }
  };
  const frame = (site: NodeJS.CallSite): string => {
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    const entry =
      site.getFileName() === file && line !== null && column !== null ? original(line - 1, column - 1) : null;
    if (!entry) return String(site);
    const where = `${path.resolve(dir, entry.source)}:${entry.line + 1}:${entry.column + 1}`;
    const name = site.getFunctionName() ?? site.getMethodName();
    return name ? `${site.isAsync() ? 'async ' : ''}${name} (${where})` : where;
  };
  Error.prepareStackTrace = (err: Error, sites: NodeJS.CallSite[]) => {
    let head: string;
    try {
      head = Error.prototype.toString.call(err);
    } catch {
      head = '<error>';
    }
    return [head, ...sites.map((s) => `    at ${frame(s)}`)].join('\n');
  };
}

const { script, cached } = compile();
if (process.sourceMapsEnabled) mapStackTraces();
if (!cached) {
  let written = false;
  const once = () => {
    if (!written) writeCache(script);
    written = true;
  };
  setTimeout(once, WRITE_CACHE_AFTER_MS).unref();
  process.once('exit', once);
}
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dir);
