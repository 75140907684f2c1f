import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

const alias = { '@shared': resolve(__dirname, 'shared') };

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      outDir: 'out/main',
      // The import worker and the backup check's worker are further entries, beside the main process.
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          'import-worker': resolve(__dirname, 'electron/core/imports/worker/entry.ts'),
          'backup-check-worker': resolve(__dirname, 'electron/core/db/sqlite-file/check-worker.ts'),
        },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot require() npm modules: bundle everything, emit CommonJS.
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: 'index.js' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    resolve: { alias },
    build: {
      outDir: 'out/renderer',
      // What the window loads is minified; each page is its own chunk, loaded when it is first shown.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
