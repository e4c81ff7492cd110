import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * First paint of a board (issue 3): on a session's address (`/s/...`) the browser
 * starts loading the session page's chunk (the board: Konva, Yjs) and its CSS together
 * with the app's entry, instead of only once the entry has run and asked for it. A small
 * inline script decides by the address, so the start page stays as light as it is.
 * Vite's own preload helper finds these links later and does not load them again.
 */
function preloadSessionPage(): Plugin {
  return {
    name: 'veldwerk:preload-session-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/pages/SessionPage.tsx'));
        if (!page) return html;
        const entries = new Set(chunks.filter((c) => c.isEntry).map((c) => c.fileName));
        const scripts = [page.fileName, ...page.imports.filter((f) => !entries.has(f))];
        const links = [
          ...scripts.map((f) => ['modulepreload', `/${f}`]),
          ...[...(page.viteMetadata?.importedCss ?? [])].map((f) => ['stylesheet', `/${f}`]),
        ];
        const children =
          `if(location.pathname.startsWith('/s/'))for(const[rel,href]of ${JSON.stringify(links)})` +
          `document.head.appendChild(Object.assign(document.createElement('link'),{rel,href,crossOrigin:''}))`;
        return [{ tag: 'script', children, injectTo: 'head' }];
      },
    },
  };
}

export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [react(), preloadSessionPage()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
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
