import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, databaseFile } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { generateBadCorpus, type BadCase } from '../fixtures/bad/generate';
import { contentHash, tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

/**
 * Every file of the bad-input corpus is refused by the built CLI with a clear message,
 * within a bounded heap and time, and the database stays exactly as it was.
 */
const CLI = path.resolve('out/cli/index.js');
const CORPUS_DIR = path.resolve('tests/fixtures/bad/generated');
const HEAP_MB = 768;
const TIME_LIMIT_MS = 90_000;
const RSS_LIMIT_KB = 1_536 * 1024;

let cases: BadCase[] = [];
let template: string;
let templateHash: string;

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function runCli(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string; timedOut: boolean; peakKb: number }> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: testClockEnv() });
  let stderr = '';
  let stdout = '';
  let peakKb = 0;
  let timedOut = false;
  child.stderr.on('data', (c) => (stderr += String(c)));
  child.stdout.on('data', (c) => (stdout += String(c)));
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, peakRss(child.pid!))), 25);
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, TIME_LIMIT_MS);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code, stderr, stdout, timedOut, peakKb });
    });
  });
}

// Generating the corpus runs LibreOffice and Python writers: minutes on a shared, loaded machine.
beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  cases = await generateBadCorpus(CORPUS_DIR);
  template = tempDir('hubdesk-bad-');
  const store = await openStore(template);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  templateHash = contentHash(store.sqlite);
  await store.close();
}, 600_000);

describe('the bad-input corpus', () => {
  it('has at least 40 files across the importers', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.importer))).toEqual(new Set(['roll', 'ofsted', 'qa', 'plan', 'gias']));
  });

  it('refuses every file with a clear message, in bounded memory and time, writing nothing', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const args =
        c.importer === 'ofsted' || c.importer === 'gias'
          ? ['--data', template, 'import', c.importer, c.file]
          : c.importer === 'plan'
            ? ['--data', template, 'import', 'plan', c.file, '--hub', 'Aspire Hub', '--year', '2026/27']
            : ['--data', template, 'import', c.importer, c.file, '--year', '2026/27'];
      const r = await runCli(args);
      const problems: string[] = [];
      if (r.timedOut) problems.push(`did not finish within ${TIME_LIMIT_MS / 1000} s`);
      if (r.code !== 1) problems.push(`exit code ${r.code} (expected 1)`);
      if (!c.expect.test(r.stderr)) problems.push(`message ${JSON.stringify(r.stderr.slice(0, 300))} does not match ${c.expect}`);
      if (r.peakKb > RSS_LIMIT_KB) problems.push(`peak memory ${Math.round(r.peakKb / 1024)} MB`);
      if (/at .*\.js:\d+:\d+|TypeError|ReferenceError/.test(r.stderr)) problems.push('printed a stack trace');
      const db = new BetterSqlite3(databaseFile(template), { readonly: true });
      const hash = contentHash(db);
      db.close();
      if (hash !== templateHash) problems.push('the database changed');
      if (process.env.HUBDESK_SHOW_CORPUS) console.log(`${c.name}: ${r.stderr.trim()} [${Math.round(r.peakKb / 1024)} MB]`);
      if (problems.length) failures.push(`${c.name} (${path.basename(c.file)}): ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 1_800_000);
});
