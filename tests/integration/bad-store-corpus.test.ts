import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, databaseFile } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { createBackup } from '../../electron/core/backups';
import { dispatch } from '../../electron/core/dispatch';
import { generateBadStores, type BadStoreCase } from '../fixtures/bad/stores';
import { fileHash, tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

/**
 * Every file of the bad-store corpus is refused by `restore` (the built CLI) with a clear message,
 * in bounded memory, and the live database stays byte for byte as it was; the same files offered
 * to the app's restore (in process) leave the process running and the database unchanged.
 */
const CLI = path.resolve('out/cli/index.js');
const CORPUS_DIR = path.resolve('tests/fixtures/bad/generated-stores');
const HEAP_MB = 256;
const RSS_LIMIT_KB = 512 * 1024;

let cases: BadStoreCase[] = [];
let template: string;

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function restoreWithCli(dir: string, file: string): Promise<{ code: number | null; stderr: string; peakKb: number }> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, '--data', dir, 'restore', file], { stdio: ['ignore', 'ignore', 'pipe'], env: testClockEnv() });
  let stderr = '';
  let peakKb = 0;
  child.stderr.on('data', (c) => (stderr += String(c)));
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, peakRss(child.pid!))), 20);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(sampler);
      resolve({ code, stderr, peakKb });
    });
  });
}

/** Every file of the data folder but the backups (which a refused restore may list but not keep) and their bytes. */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    state[name] = fs.statSync(full).isDirectory() ? `folder: ${fs.readdirSync(full).sort().join(',')}` : fileHash(full);
  }
  return state;
}

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  template = tempDir('hubdesk-bad-store-');
  const store = await openStore(template);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  const good = createBackup(store, 'corpus-source', TEST_NOW);
  await store.close();
  cases = generateBadStores(good.file, CORPUS_DIR);
}, 120_000);

describe('the bad-store corpus', () => {
  it('covers empty, foreign, damaged, partial, tampered and unknown-version files', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('restore refuses every file with a clear message, in bounded memory, leaving the data folder byte for byte as it was', async () => {
    const failures: string[] = [];
    const before = folderState(template);
    for (const c of cases) {
      const r = await restoreWithCli(template, c.file);
      const problems: string[] = [];
      if (r.code !== 1) problems.push(`exit code ${r.code} (expected 1)`);
      if (!c.expect.test(r.stderr)) problems.push(`message ${JSON.stringify(r.stderr.slice(0, 400))} does not match ${c.expect}`);
      if (!/^Cannot restore .+\. Nothing was changed\.\n$/s.test(r.stderr)) problems.push(`message does not say it refused: ${JSON.stringify(r.stderr.slice(0, 200))}`);
      if (r.peakKb > RSS_LIMIT_KB) problems.push(`peak memory ${Math.round(r.peakKb / 1024)} MB`);
      if (/at .*\.js:\d+:\d+|TypeError|ReferenceError/.test(r.stderr)) problems.push('printed a stack trace');
      const after = folderState(template);
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`the data folder changed: ${JSON.stringify(after)}`);
      if (process.env.HUBDESK_SHOW_CORPUS) console.log(`${c.name}: ${r.stderr.trim()} [${Math.round(r.peakKb / 1024)} MB]`);
      if (problems.length) failures.push(`${c.name} (${path.basename(c.file)}): ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
    expect(fileHash(databaseFile(template))).toBe(before['hubdesk.db']);
  }, 600_000);

  it('the app’s restore refuses them too, and the process carries on', async () => {
    const dir = tempDir('hubdesk-bad-store-app-');
    fs.copyFileSync(databaseFile(template), databaseFile(dir));
    const store = await openStore(dir, { lockAs: 'desktop app' });
    const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
    try {
      const backups = path.join(dir, 'backups');
      fs.mkdirSync(backups, { recursive: true });
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const bytes = fileHash(databaseFile(dir));
      for (const [i, c] of cases.entries()) {
        const name = `hubdesk-2026-11-0${(i % 9) + 1}T00-00-${String(i).padStart(2, '0')}-000Z-bad.db`;
        fs.copyFileSync(c.file, path.join(backups, name));
        const r = await dispatch(ctx, 'restoreBackup', { name, confirm: true });
        expect(r.ok, c.name).toBe(false);
        if (!r.ok) expect(r.error.message, c.name).toMatch(c.expect);
      }
      const alive = await dispatch(ctx, 'listHubs', { year: '2026/27' });
      expect(alive.ok).toBe(true);
      store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect(fs.statSync(`${databaseFile(dir)}-wal`).size).toBe(0);
      expect(fileHash(databaseFile(dir))).toBe(bytes);
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.restore-work-'))).toEqual([]);
    } finally {
      await store.close();
    }
  }, 300_000);
});
