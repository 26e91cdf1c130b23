import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp';
import pkg from './package.json';

/** The built page carries the same CSP as the shell's header, so browser mode is locked down too. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'workbench-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ],
  };
}

// Three targets of one app: a thin Electron main, a preload that exposes exactly the IPC
// contract, and the renderer, which is the whole app and also runs as a plain web page.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundle main's dependencies (zod, via shared/ipc.ts) too: the packaged app ships no
      // node_modules at all (see electron-builder.config.ts), so nothing may be left to require.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle its dependencies (zod, via
      // shared/ipc.ts) instead of leaving `require("zod")` calls that fail at start-up.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // Sandboxed preloads cannot `require` local chunks: ship one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    worker: { format: 'es' },
    build: {
      // Minified: the window and its workers parse and compile less at every start (the cache
      // worker's compile is on the path to the first screen's data).
      minify: true,
      // Bench builds go to their own directory so they never replace the app build in out/renderer.
      outDir: resolve(__dirname, process.env.WORKBENCH_BENCH === '1' ? 'out/bench-renderer' : 'out/renderer'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'renderer/index.html'),
          // The bench harness page ships only in bench builds (npm run bench).
          ...(process.env.WORKBENCH_BENCH === '1' ? { bench: resolve(__dirname, 'renderer/bench.html') } : {}),
        },
      },
    },
  },
});
