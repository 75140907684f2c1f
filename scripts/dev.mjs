#!/usr/bin/env node
// `npm run dev [-- --data DIR]`: browser mode with hot reload for the screens. The core runs as the
// browser-mode server (built from electron/, restarted by running this again); Vite serves
// renderer/ from source, reloads what changes, and passes /api calls to the core with its token.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } }, strict: true });
const port = Number(values.port ?? 5173);

// 1. The core, as browser mode runs it.
execFileSync(process.execPath, ['scripts/ensure-native.mjs', 'node'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.node.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
const core = spawn(process.execPath, ['out/server/index.js', ...(values.data ? ['--data', values.data] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => {
  core.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
core.on('exit', (code) => {
  console.error(`[dev] the core stopped (exit ${code}).`);
  process.exit(code ?? 1);
});

// The server prints the link it opens with, which carries its per-run token.
const entry = await new Promise((resolve) => {
  readline.createInterface({ input: core.stdout }).on('line', (line) => {
    console.log(`[core] ${line}`);
    const m = /Open: (http:\/\/\S+)/.exec(line);
    if (m) resolve(new URL(m[1]));
  });
});
const coreOrigin = entry.origin;
const token = entry.searchParams.get('token');

// 2. The screens, from source. The proxy adds the token, so only this loopback page may use it:
// like the core, the dev server refuses another Host (DNS rebinding) or another page's Origin.
const own = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
const sameOriginOnly = {
  name: 'hubdesk-dev-same-origin',
  configureServer(server) {
    server.middlewares.use('/api', (req, res, next) => {
      const origin = req.headers.origin;
      if (!own.has(req.headers.host ?? '') || (origin !== undefined && !own.has(origin.replace(/^http:\/\//, '')))) {
        res.statusCode = 403;
        res.end('Forbidden: not this page');
        return;
      }
      next();
    });
  },
  // Vite injects the hot-reload client and styles inline while developing; the built app keeps the strict policy.
  transformIndexHtml(html) {
    return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
  },
};

const server = await createServer({
  configFile: false,
  root: path.join(root, 'renderer'),
  plugins: [react(), sameOriginOnly],
  resolve: { alias: { '@shared': path.join(root, 'shared') } },
  server: {
    host: '127.0.0.1',
    port,
    strictPort: true,
    proxy: { '/api': { target: coreOrigin, changeOrigin: true, headers: { 'x-hubdesk-token': token, origin: coreOrigin } } },
  },
});
await server.listen();
console.log(`[dev] hubdesk with hot reload: http://127.0.0.1:${port}/`);
