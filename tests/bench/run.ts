/**
 * `npm run bench [-- --quick] [-- --n 25000 --h 500 --runs 5 --browser-runs 20 --reuse --only roll,funding --baseline DIR --load-seconds 120 --load-people 15]`
 *
 * Generates a network of N schools in H hubs (default 25,000 in 500; --quick 2,000 in 80) and its
 * files, builds the step runner (the core compiled as it ships, vite.bench.config.mts), runs each
 * measured step in its own process, prints a table and writes bench-results.json. The browser and
 * team-load steps start the built server: run `npm run build` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { buildBenchNetwork, type BenchNetwork } from './network';
import { writeBenchStore } from './store';
import { writeDemoStore } from './demo-store';
import { writeBenchGias, writeBenchOfstedCsv, writeBenchRoll } from './files';
import { machineInfo, type Measurement } from './measure';
import type { BrowserConfig } from './steps/browser';
import { dispatch } from '../../electron/core/dispatch';
import { backupDir } from '../../electron/core/db/backups';
import { openBench } from './steps/open';
import { evaluate, printTable } from './report';

const STEPS = ['roll', 'ofsted', 'gias', 'funding', 'dashboard', 'phases', 'import-phases', 'export', 'browser', 'browser-national', 'engines', 'team-load'] as const;
const EXPORT_SCHOOLS = 500;

function args() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' },
      n: { type: 'string' },
      h: { type: 'string' },
      runs: { type: 'string' },
      reuse: { type: 'boolean' },
      only: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      'browser-runs': { type: 'string' },
      'load-seconds': { type: 'string' },
      'load-people': { type: 'string' },
    },
    strict: true,
  });
  const n = Number(values.n ?? (values.quick ? 2000 : 25_000));
  const h = Number(values.h ?? (values.quick ? 80 : 500));
  const runs = Number(values.runs ?? 5);
  const browserRuns = Number(values['browser-runs'] ?? (values.quick ? 10 : 20));
  const loadSeconds = Number(values['load-seconds'] ?? 120);
  const loadPeople = Number(values['load-people'] ?? 15);
  if (!(loadSeconds > 0) || !Number.isInteger(loadPeople) || loadPeople < 1) throw new Error('--load-seconds must be more than 0 and --load-people a whole number ≥ 1');
  if (!Number.isInteger(n) || n < 40 || !Number.isInteger(h) || h < 4 || h > n || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(browserRuns) || browserRuns < 1) {
    throw new Error('--n must be a whole number ≥ 40, --h from 4 to n, --runs and --browser-runs ≥ 1');
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...STEPS];
  const unknown = only.filter((s) => !(STEPS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown step ${unknown.join(', ')}; steps are ${STEPS.join(', ')}`);
  const baseline = values.baseline ? path.resolve(values.baseline) : null;
  if (baseline && !fs.existsSync(path.join(baseline, 'out', 'server', 'index.js'))) throw new Error(`--baseline ${baseline}: no build there (out/server/index.js); run npm run build in it first`);
  return { n, h, runs, browserRuns, loadSeconds, loadPeople, baseline, reuse: values.reuse ?? false, only, out: values.out ?? 'bench-results.json', quick: values.quick ?? false };
}

function log(text: string): void {
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
}

async function prepare(n: number, h: number, reuse: boolean) {
  const workDir = path.join(os.tmpdir(), 'hubdesk-bench', `${n}-${h}`);
  const config = {
    baseStore: path.join(workDir, 'network'),
    quarterStore: path.join(workDir, 'quarter'),
    exportStore: path.join(workDir, `export-${EXPORT_SCHOOLS}`),
    demoStore: path.join(workDir, 'demo'),
    rollFile: path.join(workDir, `roll-${n}.xlsx`),
    ofstedFile: path.join(workDir, 'Management_information_-_state-funded_schools_-_as_at_30_Nov_2026.csv'),
    previousOfstedFile: path.join(workDir, 'Management_information_-_state-funded_schools_-_as_at_31_Oct_2026.csv'),
    giasFile: path.join(workDir, 'edubasealldata20261123.csv'),
  };
  const marker = path.join(workDir, 'ready.json');
  const generation: Record<string, number> = {};
  if (reuse && fs.existsSync(marker)) {
    log(`reusing the generated network in ${workDir}`);
    if (!fs.existsSync(path.join(config.demoStore, 'hubdesk.db'))) await writeDemoStore(config.demoStore);
    return { workDir, ...config, generation: JSON.parse(fs.readFileSync(marker, 'utf8')) as Record<string, number> };
  }
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const timedStep = async (name: string, fn: () => Promise<unknown> | unknown) => {
    const start = Date.now();
    await fn();
    generation[name] = Date.now() - start;
    log(`  ${name}: ${generation[name]} ms`);
  };
  log(`generating a network of ${n} schools in ${h} hubs in ${workDir}`);
  let net = null as unknown as BenchNetwork;
  await timedStep('build network', () => (net = buildBenchNetwork(n, h)));
  await timedStep('write store', () => writeBenchStore(config.baseStore, net));
  await timedStep('write roll xlsx', () => writeBenchRoll(config.rollFile, net));
  await timedStep('write Ofsted csvs', () => {
    writeBenchOfstedCsv(config.previousOfstedFile, net, 1);
    writeBenchOfstedCsv(config.ofstedFile, net, 2);
  });
  await timedStep('write GIAS extract', () => writeBenchGias(config.giasFile, net));
  // The store has last month's file imported already (through the real import: every inspection
  // in it is new, so this one run is also the figure for a first import of the national file).
  await timedStep('import last month\'s Ofsted file (first import, everything new)', () => importOfsted(config.baseStore, config.previousOfstedFile));
  await timedStep('write N/4 store', () => writeBenchStore(config.quarterStore, buildBenchNetwork(Math.round(n / 4), Math.round(h / 4), { lite: true })));
  await timedStep('write export store', () => writeBenchStore(config.exportStore, buildBenchNetwork(EXPORT_SCHOOLS, 36)));
  await timedStep('write demo store', () => writeDemoStore(config.demoStore));
  Object.assign(generation, {
    schools: net.schools.length,
    memberships: net.memberships.length,
    inspections: net.inspections.length,
    judgements: net.inspections.reduce((k, i) => k + i.judgements.length, 0),
    reviews: net.reviews.length,
    reviewPoints: net.reviews.reduce((k, r) => k + r.points.length, 0),
    assignments: net.reviews.reduce((k, r) => k + r.assignments.length, 0),
    trainings: net.trainings.length,
    meetings: net.meetings.length,
    claims: net.claims.length,
    storeMb: Math.round(fs.statSync(path.join(config.baseStore, 'hubdesk.db')).size / 1e5) / 10,
  });
  fs.writeFileSync(marker, JSON.stringify(generation));
  return { workDir, ...config, generation };
}

async function importOfsted(dataDir: string, file: string): Promise<void> {
  const { ctx, close } = await openBench(dataDir);
  try {
    const p = await dispatch(ctx, 'previewOfstedImport', { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') });
    if (!p.ok) throw new Error(`previewing ${path.basename(file)} for the benchmark store failed: ${p.error.message}`);
    const v = p.value as { stagingId: string; sha256: string; diffHash: string };
    const r = await dispatch(ctx, 'commitOfstedImport', { stagingId: v.stagingId, sha256: v.sha256, diffHash: v.diffHash });
    if (!r.ok) throw new Error(`importing ${path.basename(file)} into the benchmark store failed: ${r.error.message}`);
  } finally {
    await close();
  }
  fs.rmSync(backupDir({ dataDir }), { recursive: true, force: true });
}

/** The step runner as vite.bench.config.mts builds it: the core compiled as it ships, not run from its TypeScript source. */
const STEP_RUNNER = path.resolve('out', 'bench', 'step-runner.js');

function buildStepRunner(): void {
  log('building the step runner (vite.bench.config.mts)…');
  const r = spawnSync(process.execPath, [path.resolve('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.bench.config.mts', '--logLevel', 'warn'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !fs.existsSync(STEP_RUNNER)) throw new Error(`building the benchmark's step runner failed (exit ${r.status})`);
}

function runStep(step: string, configFile: string, workDir: string): Measurement[] | { error: string } {
  const outFile = path.join(workDir, `result-${step}.json`);
  fs.rmSync(outFile, { force: true });
  log(`step ${step}…`);
  const start = Date.now();
  const r = spawnSync(process.execPath, [STEP_RUNNER, step, configFile, outFile], {
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  log(`step ${step} took ${Math.round((Date.now() - start) / 100) / 10} s`);
  if (r.status !== 0 || !fs.existsSync(outFile)) {
    const error = (r.stderr || `exit ${r.status}`).trim().split('\n').slice(0, 6).join('\n');
    log(`step ${step} FAILED: ${error}`);
    return { error };
  }
  const out = JSON.parse(fs.readFileSync(outFile, 'utf8')) as { baselineRssMb: number; measurements: Measurement[] };
  return out.measurements.map((m) => ({ ...m, workerBaselineRssMb: out.baselineRssMb }));
}

async function main(): Promise<void> {
  const a = args();
  const machine = machineInfo();
  const prepared = await prepare(a.n, a.h, a.reuse);
  const config: BrowserConfig & { exportStore: string; exportSchools: number } = {
    n: a.n,
    h: a.h,
    runs: a.runs,
    workDir: prepared.workDir,
    baseStore: prepared.baseStore,
    quarterStore: prepared.quarterStore,
    rollFile: prepared.rollFile,
    ofstedFile: prepared.ofstedFile,
    giasFile: prepared.giasFile,
    exportStore: prepared.exportStore,
    exportSchools: EXPORT_SCHOOLS,
    demoStore: prepared.demoStore,
    browserRuns: a.browserRuns,
    baselineRoot: a.baseline,
    loadSeconds: a.loadSeconds,
    loadPeople: a.loadPeople,
  };
  const configFile = path.join(prepared.workDir, 'config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  buildStepRunner();
  const measurements: Measurement[] = [];
  const failures: Record<string, string> = {};
  for (const step of a.only) {
    const result = runStep(step, configFile, prepared.workDir);
    if ('error' in result) failures[step] = result.error;
    else measurements.push(...result);
  }
  machine.loadAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const goals = evaluate(measurements, { n: a.n, h: a.h });
  const results = { machine, params: { n: a.n, h: a.h, runs: a.runs, browserRuns: a.browserRuns, baseline: a.baseline, quick: a.quick }, generation: prepared.generation, goals, measurements, failures };
  fs.writeFileSync(a.out, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  log(`wrote ${a.out}`);
  if (Object.keys(failures).length) process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
