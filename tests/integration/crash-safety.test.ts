import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore, databaseFile } from '../../electron/core/db/connection';
import { createContext } from '../../electron/core/context';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { writeBigRoll } from '../fixtures/roll/generate';
import ExcelJS from 'exceljs';
import { giasExtract, giasLinks } from '../fixtures/gias/generate';
import { tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

/**
 * An import killed with SIGKILL at random points leaves a sound database holding either the whole
 * batch or none of it: the roll, the action plan and the school data (GIAS) imports. Runs the built
 * CLI (`npm run build` comes first in `npm test`).
 */
const CLI = path.resolve('out/cli/index.js');
const RUNS = 50;
const ROWS = 1_500;
const YEAR = '2026/27';

let template: string;
let rollFile: string;
let before: number;
let fullImportMs: number;

interface Outcome {
  integrity: string;
  members: number;
  rollBatches: number;
  foreignKeyProblems: number;
}

async function inspect(dir: string): Promise<Outcome> {
  const store = await openStore(dir, { lockAs: 'crash-safety test' });
  try {
    const year = store.sqlite.prepare('select id from membership_years where label = ?').get(YEAR) as { id: number };
    return {
      integrity: String(store.sqlite.pragma('integrity_check', { simple: true })),
      members: (store.sqlite.prepare('select count(*) as n from memberships where year_id = ?').get(year.id) as { n: number }).n,
      rollBatches: (store.sqlite.prepare("select count(*) as n from import_batches where kind = 'roll' and undone_at is null").get() as { n: number }).n,
      foreignKeyProblems: (store.sqlite.pragma('foreign_key_check') as unknown[]).length,
    };
  } finally {
    await store.close();
  }
}

function copyTemplate(): string {
  const dir = tempDir('hubdesk-crash-');
  fs.copyFileSync(databaseFile(template), databaseFile(dir));
  return dir;
}

/** Runs the import; kills it after `killAfterMs` unless it finished first. Resolves with how it ended. */
function runImport(dir: string, killAfterMs: number | null, args: string[] = ['import', 'roll', rollFile, '--year', YEAR, '--confirm-warnings']): Promise<{ killed: boolean; code: number | null; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, '--data', dir, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: testClockEnv() });
  let err = '';
  child.stderr.on('data', (c) => (err += String(c)));
  let killed = false;
  const timer = killAfterMs === null ? null : setTimeout(() => {
    killed = child.kill('SIGKILL');
  }, killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (!killed && code !== 0) reject(new Error(`import failed (${code}): ${err}`));
      else resolve({ killed, code, ms: Date.now() - started });
    });
  });
}

/** A small seeded generator, so a failing run can be repeated. */
function delays(seed: number, n: number, max: number): number[] {
  let s = seed;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return Math.floor((s / 2 ** 32) * max);
  });
}

type TrialEnd = 'none' | 'whole';

/**
 * Kill trials at seeded random delays up to `maxMs`. The point is that kills land both before and
 * after the commit; on a shared machine one import's time can change a lot between runs, so when every
 * trial ended the same way, further trials reach later (all rolled back: the import ran slower) or
 * earlier (all committed: it ran faster) until both outcomes are seen, for at most ten more.
 */
async function killTrials(seed: number, runs: number, maxMs: number, trial: (delay: number, label: string) => Promise<TrialEnd>): Promise<Record<TrialEnd, number>> {
  const seen: Record<TrialEnd, number> = { none: 0, whole: 0 };
  let n = 0;
  const run = async (delay: number) => {
    n += 1;
    seen[await trial(delay, `run ${n}: killed after ${delay} ms`)] += 1;
  };
  for (const delay of delays(seed, runs, maxMs)) await run(delay);
  let reach = maxMs;
  for (let extra = 0; extra < 10 && (seen.none === 0 || seen.whole === 0); extra++) {
    reach = seen.whole === 0 ? Math.round(reach * 1.5) : Math.max(20, Math.round(reach / 2));
    await run(delays(seed + extra + 1, 1, reach)[0]! + (seen.whole === 0 ? Math.round(reach / 3) : 0));
  }
  return seen;
}

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
  template = tempDir('hubdesk-crash-template-');
  const store = await openStore(template);
  await loadDemoNetwork(createContext(store, { now: () => TEST_NOW, user: 'tester' }));
  const hubs = (await store.db.selectFrom('hubs').select('name').execute()).map((h) => h.name);
  await store.close();
  rollFile = await writeBigRoll(path.join(tempDir(), 'roll.xlsx'), ROWS, hubs);
  before = (await inspect(copyTemplate())).members;
  // The slowest of three full imports sets the range the kills are drawn from, so they span the whole
  // import even when the machine's load changes between runs (it is shared with other work).
  const dir = copyTemplate();
  fullImportMs = (await runImport(dir, null)).ms;
  for (let k = 0; k < 2; k++) {
    const again = copyTemplate();
    fullImportMs = Math.max(fullImportMs, (await runImport(again, null)).ms);
    fs.rmSync(again, { recursive: true, force: true });
  }
  const after = await inspect(dir);
  expect(after.members).toBe(ROWS);
  expect(after.rollBatches).toBe(1);
}, 240_000);

describe('an import killed at random points', () => {
  it(`leaves the database sound and all-or-nothing, ${RUNS} times`, async () => {
    // Kills up to half as long again as the measured import: one import's time varies by a quarter
    // on a shared machine (most of it the backup's full integrity check), and some kills must land
    // after the commit.
    const seen = await killTrials(20261123, RUNS, Math.max(200, Math.round(fullImportMs * 1.5)), async (delay, trialLabel) => {
      const dir = copyTemplate();
      const run = await runImport(dir, delay);
      const o = await inspect(dir);
      const label = `${trialLabel} (${run.killed ? 'killed' : 'finished'})`;
      expect(o.integrity, label).toBe('ok');
      expect(o.foreignKeyProblems, label).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
      if (o.rollBatches === 0) {
        expect(o.members, label).toBe(before);
        return 'none';
      }
      expect(o.rollBatches, label).toBe(1);
      expect(o.members, label).toBe(ROWS);
      return 'whole';
    });
    // Both outcomes occurred, so the kills really landed before and after the commit.
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.whole).toBeGreaterThan(0);
    expect(seen.whole + seen.none).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});

/** What a plan or GIAS import leaves: the integrity checks, and whether its batch and its rows are there. */
async function inspectOther(dir: string, kind: 'plan' | 'gias'): Promise<{ integrity: string; foreignKeyProblems: number; batches: number; rows: number }> {
  const store = await openStore(dir, { lockAs: 'crash-safety test' });
  try {
    const rows =
      kind === 'plan'
        ? (store.sqlite.prepare("select count(*) as n from action_plan_lines l join action_plans p on p.id = l.plan_id join hubs h on h.id = p.hub_id where h.name = 'Aspire Hub'").get() as { n: number }).n
        : (store.sqlite.prepare('select count(*) as n from schools where gias_pupils is not null').get() as { n: number }).n;
    return {
      integrity: String(store.sqlite.pragma('integrity_check', { simple: true })),
      foreignKeyProblems: (store.sqlite.pragma('foreign_key_check') as unknown[]).length,
      batches: (store.sqlite.prepare('select count(*) as n from import_batches where kind = ? and undone_at is null').get(kind) as { n: number }).n,
      rows,
    };
  } finally {
    await store.close();
  }
}

describe.each([
  { kind: 'plan' as const, runs: 20 },
  { kind: 'gias' as const, runs: 20 },
])('a $kind import killed at random points', ({ kind, runs }) => {
  let args: string[];
  let before: number;
  let after: number;
  let fullMs: number;
  beforeAll(async () => {
    const dir = tempDir();
    if (kind === 'plan') {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Plan');
      ws.addRow(['Priority', 'Activity', 'Cost', 'Category']);
      for (let i = 0; i < 1_500; i++) ws.addRow(['Leadership at all levels', `Activity ${i}`, 100 + i, 'Staff training']);
      const file = path.join(dir, 'plan.xlsx');
      await wb.xlsx.writeFile(file);
      args = ['import', 'plan', file, '--hub', 'Aspire Hub', '--year', YEAR];
    } else {
      const store = await openStore(copyTemplate());
      const schools = await store.db.selectFrom('schools').select(['urn', 'name']).execute();
      await store.close();
      const extract = path.join(dir, 'edubasealldata.csv');
      fs.writeFileSync(extract, giasExtract(schools.map((s, i) => ({ urn: s.urn, name: s.name, pupils: 300 + i, headFirst: 'Alex', headLast: `Head ${i}` }))));
      const links = path.join(dir, 'links.csv');
      fs.writeFileSync(links, giasLinks(schools.slice(0, 50).map((s, i) => ({ urn: s.urn, linkUrn: String(900000 + i), linkName: 'Successor school', linkType: 'Successor' }))));
      args = ['import', 'gias', extract, '--links', links];
    }
    before = (await inspectOther(copyTemplate(), kind)).rows;
    const dir2 = copyTemplate();
    fullMs = (await runImport(dir2, null, args)).ms;
    for (let k = 0; k < 2; k++) {
      const again = copyTemplate();
      fullMs = Math.max(fullMs, (await runImport(again, null, args)).ms);
      fs.rmSync(again, { recursive: true, force: true });
    }
    const o = await inspectOther(dir2, kind);
    after = o.rows;
    expect(o.batches).toBe(1);
    expect(after).not.toBe(before);
  }, 240_000);

  it('leaves the database sound and all-or-nothing every time', async () => {
    const seen = await killTrials(kind === 'plan' ? 7 : 11, runs, Math.max(200, Math.round(fullMs * 1.2)), async (delay, trialLabel) => {
      const dir = copyTemplate();
      const run = await runImport(dir, delay, args);
      const o = await inspectOther(dir, kind);
      const label = `${kind} ${trialLabel} (${run.killed ? 'killed' : 'finished'})`;
      expect(o.integrity, label).toBe('ok');
      expect(o.foreignKeyProblems, label).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
      if (o.batches === 0) {
        expect(o.rows, label).toBe(before);
        return 'none';
      }
      expect(o.batches, label).toBe(1);
      expect(o.rows, label).toBe(after);
      return 'whole';
    });
    // Both outcomes occurred, so the kills really landed before and after the commit.
    expect(seen.none).toBeGreaterThan(0);
    expect(seen.whole).toBeGreaterThan(0);
    expect(seen.whole + seen.none).toBeGreaterThanOrEqual(runs);
  }, 600_000);
});
