import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Builds the Electron-free Node entry points (CLI and browser-mode server) into out/.
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  // Dependencies are bundled in (only the native SQLite binding is required from node_modules): one
  // file to load instead of hundreds, which halves the server's and the command line's start-up.
  ssr: { noExternal: true, external: ['better-sqlite3'] },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out',
    emptyOutDir: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        'cli/index': resolve(import.meta.dirname, 'electron/cli/index.ts'),
        'server/index': resolve(import.meta.dirname, 'electron/server/index.ts'),
        // The import worker (untrusted files are read in a worker thread): out/import-worker.js.
        'import-worker': resolve(import.meta.dirname, 'electron/core/imports/worker/entry.ts'),
        // A backup taken ahead of an import's commit is checked in a worker thread: out/backup-check-worker.js.
        'backup-check-worker': resolve(import.meta.dirname, 'electron/core/db/sqlite-file/check-worker.ts'),
      },
      output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
