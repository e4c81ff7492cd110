import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Light on the wire (issue 14): every text file of the build (scripts, styles, the page,
 * the icon) also as `.br` (brotli, quality 11) and `.gz` (gzip, level 9) next to it, so the
 * server sends them compressed without compressing anything per request
 * (`server/http/staticFiles.ts` chooses by `Accept-Encoding`). A variant that is not
 * smaller than the file is not written. Source maps stay as they are: only devtools load them.
 */
function precompress(): Plugin {
  const TEXT = /\.(js|mjs|css|html|svg|json|txt)$/;
  return {
    name: 'veldwerk:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/client';
      await Promise.all(
        Object.keys(bundle)
          .filter((f) => TEXT.test(f))
          .map(async (f) => {
            const file = path.join(dir, f);
            const bytes = await fs.readFile(file);
            const [br, gz] = await Promise.all([
              brotli(bytes, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
                },
              }),
              gzip(bytes, { level: 9 }),
            ]);
            if (br.length < bytes.length) await fs.writeFile(`${file}.br`, br);
            if (gz.length < bytes.length) await fs.writeFile(`${file}.gz`, gz);
          }),
      );
    },
  };
}

/**
 * First paint of a board (issue 3): on a session's address (`/s/...`) the browser
 * starts loading the session page's chunk (the board: Konva, Yjs) and its CSS together
 * with the app's entry, instead of only once the entry has run and asked for it; on the
 * start page's addresses (`/`, `/join/...`) the start page's chunk (issue 14: the entry
 * carries neither page). A small inline script decides by the address, so each page
 * loads only its own. Only a page's static imports are preloaded, never the chunks it
 * loads lazily. The script comes before the entry's and the stylesheets, so that it
 * runs at once. Vite's own preload helper finds these links later and does not load them
 * again.
 */
function preloadSessionPage(): Plugin {
  return {
    name: 'veldwerk:preload-session-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const linksOf = (file: string) => {
          const page = chunks.find((c) => c.facadeModuleId?.endsWith(file));
          if (!page) return [];
          const scripts = [page.fileName, ...page.imports.filter((f) => !entries.has(f))];
          return [
            ...scripts.map((f) => ['modulepreload', `/${f}`]),
            ...[...(page.viteMetadata?.importedCss ?? [])].map((f) => ['stylesheet', `/${f}`]),
          ];
        };
        // Issue 14: the session's rooms open from a second entry (earlyStart.ts), started here
        // on a session's address and loaded beside the app's entry, not after it has run.
        const early = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('/app/earlyStart.ts'));
        if (!early) throw new Error('veldwerk:preload-session-page: no entry chunk for earlyStart.ts');
        const earlyFiles = [early.fileName];
        for (const f of earlyFiles)
          for (const g of chunks.find((c) => c.fileName === f)?.imports ?? [])
            if (!earlyFiles.includes(g)) earlyFiles.push(g);
        const earlyLinks = earlyFiles.map((f) => ['modulepreload', `/${f}`]);
        const session = JSON.stringify(
          [...earlyLinks, ...linksOf('/app/SessionPage.tsx')].filter(
            (l, i, all) => all.findIndex((m) => m[1] === l[1]) === i,
          ),
        );
        const start = JSON.stringify(linksOf('/app/StartPage.tsx'));
        // The session page's scripts are asked for once the rooms' own have loaded and run
        // (the rooms are open): they would otherwise share the browser's connections (6 per
        // host over HTTP/1.1) with those, and the app's entry ran first. Measured with
        // bench:canvas, 30 runs each: the board's websocket some 50 ms earlier (issue 14).
        const first = JSON.stringify(earlyLinks.map(([, href]) => href));
        const children =
          `{const p=location.pathname,e=p.startsWith('/s/')&&import(${JSON.stringify(`/${early.fileName}`)}),` +
          `add=(l)=>document.head.appendChild(l);` +
          `for(const[rel,href]of p.startsWith('/s/')?${session}:p==='/'||/^\\/join(\\/|$)/.test(p)?${start}:[]){` +
          `const l=Object.assign(document.createElement('link'),{rel,href,crossOrigin:''});` +
          `!e||rel!=='modulepreload'||${first}.includes(href)?add(l):e.then(()=>add(l),()=>add(l))}}`;
        // Before the entry's script and the app's stylesheet: a classic script after a
        // stylesheet waits until that has loaded (issue 14).
        const at = html.indexOf('<script type="module"');
        if (at < 0) throw new Error('veldwerk:preload-session-page: no module script in index.html');
        return `${html.slice(0, at)}<script>${children}</script>\n    ${html.slice(at)}`;
      },
    },
  };
}

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react(), preloadSessionPage(), precompress()],
  resolve: {
    // `import 'konva'` and react-konva's `konva/lib/Core.js` bring only what the app draws: client/src/base/board/konva.ts.
    alias: [
      {
        find: /^konva(\/lib\/Core(\.js)?)?$/,
        replacement: path.resolve(import.meta.dirname, 'client/src/base/board/konva.ts'),
      },
    ],
  },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // The session's rooms open from their own small entry (issue 14, earlyStart.ts).
      input: {
        index: path.resolve(import.meta.dirname, 'client/index.html'),
        earlyStart: path.resolve(import.meta.dirname, 'client/src/app/earlyStart.ts'),
      },
    },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and process-killing tests compete for them.
    maxWorkers: 2,
  },
});
