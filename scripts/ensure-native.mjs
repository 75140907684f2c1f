#!/usr/bin/env node
// better-sqlite3 is a native module: built for Node (tests, CLI, browser mode) or for Electron
// (the desktop app). This makes sure the build in node_modules suits the runtime about to use it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const target = process.argv[2] ?? 'node';
const quiet = process.argv.includes('--quiet');
const log = (m) => quiet || console.log(`[ensure-native] ${m}`);

function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"], { encoding: 'utf8' });
  return probe.status === 0;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: quiet ? 'ignore' : 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`[ensure-native] ${cmd} ${args.join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

if (target === 'node') {
  if (loadsInNode()) process.exit(0);
  log('better-sqlite3 is not built for this Node; rebuilding it (about a minute)…');
  run('npm', ['rebuild', 'better-sqlite3']);
  if (!loadsInNode()) {
    console.error('[ensure-native] better-sqlite3 still does not load in Node after a rebuild.');
    process.exit(1);
  }
} else if (target === 'electron') {
  const version = require('electron/package.json').version;
  log(`rebuilding better-sqlite3 for Electron ${version}…`);
  run('npx', ['electron-rebuild', '-f', '-o', 'better-sqlite3', '-v', version]);
} else {
  console.error('usage: ensure-native.mjs node|electron [--quiet]');
  process.exit(2);
}
