#!/usr/bin/env node
// `npm start`: builds hubdesk and opens the desktop app. Where Electron's binary cannot be had
// (no network to download it), says so and starts browser mode instead: the same app at a loopback URL.
import { spawnSync } from 'node:child_process';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32', ...opts });
  return r.status ?? 1;
}

function electronBinary() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

if (run('npm', ['run', 'build']) !== 0) process.exit(1);
const binary = electronBinary();
if (!binary) {
  console.error(
    '\nhubdesk: the Electron runtime could not be downloaded on this machine, so the desktop window cannot open.\n' +
      'Starting the same app in browser mode instead (npm run serve); open the URL printed below.\n',
  );
  if (run(process.execPath, ['scripts/ensure-native.mjs', 'node', '--quiet']) !== 0) process.exit(1);
  process.exit(run(process.execPath, ['out/server/index.js', ...process.argv.slice(2)]));
}
if (run(process.execPath, ['scripts/ensure-native.mjs', 'electron']) !== 0) process.exit(1);
const code = run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'preview', '--', ...process.argv.slice(2)]);
// Leave better-sqlite3 built for Node again so tests, CLI and browser mode keep working.
run(process.execPath, ['scripts/ensure-native.mjs', 'node']);
process.exit(code);
