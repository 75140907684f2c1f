import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Builds the benchmark's step runner with the core it measures into out/bench/, compiled as the
// shipped CLI and server are (not run from TypeScript source through tsx, whose per-module export
// getters and kept function names slow the hot loops of a national import by a fifth). The import
// worker and the backup check worker are built beside it, so the steps use this tree's code.
// Dependencies stay in node_modules (the browser and PostgreSQL steps load Playwright and pg).
export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/bench',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        'step-runner': resolve(import.meta.dirname, 'tests/bench/worker.ts'),
        'import-worker': resolve(import.meta.dirname, 'electron/core/imports/worker/entry.ts'),
        'backup-check-worker': resolve(import.meta.dirname, 'electron/core/db/sqlite-file/check-worker.ts'),
      },
      output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
