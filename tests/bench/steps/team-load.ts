/**
 * The team server under load on the PostgreSQL store: the bench network loaded into a throwaway
 * cluster on a Unix socket, the server started as a team runs it (its own process, HTTPS on
 * loopback, `--team --database-url`), then LOAD_PEOPLE simulated people for LOAD_SECONDS
 * (tests/helpers/team-load/driver.ts: reads of dashboards, funding, schools and the explorer; edits
 * of schools and reviews with the version read; claims corrected and paid; one Ofsted import
 * previewed and committed). Reports p50 and p95 per call kind, and fails on any unexpected error or
 * lost update.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createContext } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { migratePostgres, openPostgresStore } from '../../../electron/core/db/postgres/connection';
import { loadSnapshot } from '../../../electron/core/db/snapshot';
import { databaseFile } from '../../../electron/core/db/connection';
import { TEST_CLOCK_VARIABLE } from '../../../electron/core/clock';
import type { PersonWithPassword } from '../../../shared/contract';
import { startPgCluster } from '../../helpers/pg-cluster';
import { selfSignedCertificate } from '../../helpers/team-server';
import { lostUpdates, recordReader, runTeamLoad, type LoadPerson, type LoadRole } from '../../helpers/team-load/driver';
import { buildLoadPlan } from '../../helpers/team-load/plan';
import type { BenchConfig } from '../config';
import type { Measurement } from '../measure';
import { BENCH_NOW, openBench } from './open';
import { serverEntry } from '../browser/server';

const YEAR = '2026/27';
const DATABASE = 'team_load';

/** The team: mostly memberships managers, some finance, a few who only read. */
function roles(people: number): LoadRole[] {
  const mix: LoadRole[] = ['memberships_manager', 'memberships_manager', 'finance', 'memberships_manager', 'viewer', 'memberships_manager', 'finance', 'administrator'];
  return Array.from({ length: people }, (_, i) => mix[i % mix.length]!);
}

function startServer(url: string, dataDir: string, cert: string, key: string): Promise<{ child: ChildProcess; url: string; port: number }> {
  fs.writeFileSync(path.join(dataDir, 'cert.pem'), cert);
  fs.writeFileSync(path.join(dataDir, 'key.pem'), key, { mode: 0o600 });
  const child = spawn(process.execPath, [serverEntry(process.cwd()), '--team', '--data', dataDir, '--database-url', url, '--cert', path.join(dataDir, 'cert.pem'), '--key', path.join(dataDir, 'key.pem')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The server's clock starts at the bench network's "today" and runs on.
    env: { ...process.env, [TEST_CLOCK_VARIABLE]: BENCH_NOW.toISOString() },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the team server did not start: ${out}${err}`)), 120_000);
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /Open: (https:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, port: Number(match[2]) });
      }
    });
    child.stderr!.on('data', (chunk) => (err += String(chunk)));
    child.on('exit', (code) => reject(new Error(`the team server exited with ${code}: ${err}`)));
  });
}

const load = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

export async function teamLoadSteps(config: BenchConfig): Promise<Measurement[]> {
  const seconds = config.loadSeconds ?? 120;
  const peopleCount = config.loadPeople ?? 15;
  const cluster = startPgCluster();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubdesk-team-load-'));
  let server: ChildProcess | null = null;
  try {
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query(`create database ${DATABASE}`);
    await admin.end();
    const url = cluster.url(DATABASE);
    await migratePostgres(url);
    // The bench store at this schema (opening it migrates it), as a snapshot is loaded only from a known schema.
    await (await openBench(config.baseStore)).close();
    const store = await openPostgresStore({ url, dataDir });
    const local = createContext(store, { now: () => BENCH_NOW, user: 'bench' });
    let people: LoadPerson[];
    let plan;
    try {
      await loadSnapshot(store, databaseFile(config.baseStore));
      await sql`vacuum analyze`.execute(store.db); // as autovacuum leaves a loaded database: planner statistics and the visibility map
      people = [];
      for (const [i, role] of roles(peopleCount).entries()) {
        const name = `Person ${i + 1} ${role.replace('_', ' ')}`;
        const added = await dispatch(local, 'addPerson', { name, email: `person${i + 1}@example.org`, roles: [role] });
        if (!added.ok) throw new Error(added.error.message);
        people.push({ name, email: `person${i + 1}@example.org`, password: (added.value as PersonWithPassword).password, role });
      }
      const reader = await dispatch(local, 'addPerson', { name: 'Load Checker', email: 'checker@example.org', roles: ['administrator'] });
      if (!reader.ok) throw new Error(reader.error.message);
      people.push({ name: 'Load Checker', email: 'checker@example.org', password: (reader.value as PersonWithPassword).password, role: 'administrator' });
      const importFile = { fileName: path.basename(config.ofstedFile), contentBase64: fs.readFileSync(config.ofstedFile).toString('base64') };
      plan = await buildLoadPlan(local, YEAR, { hubs: 40, schools: 2000, editSchools: 5, editReviews: 4, claimHubs: 3 }, importFile);
    } finally {
      await store.close();
    }
    const checker = people.pop()!;
    const { cert, key } = selfSignedCertificate();
    const started = await startServer(url, dataDir, cert, key);
    server = started.child;
    const address = { port: started.port, ca: cert, url: started.url };
    const records = await recordReader(address, checker, plan);
    const initial = new Map<string, string>();
    for (const k of await records.keys()) initial.set(k, (await records.read(k)).version);

    const loadAtStart = load();
    const result = await runTeamLoad(address, people, plan, { durationMs: seconds * 1000, thinkMs: [500, 2500], seed: 1 });
    const loadAtEnd = load();
    const problems = [...result.unexpected, ...(await lostUpdates(result, initial, records.read))];
    // An import that cannot commit while the team edits is recorded (importCommitted, importConflicts), not a failure of the run.
    if (!result.importCommitted) process.stderr.write(`team load: the Ofsted import did not commit in ${result.importConflicts.length} tries: ${result.importConflicts[0] ?? ''}\n`);
    if (problems.length > 0) throw new Error(`the team load test found ${problems.length} problems:\n${problems.slice(0, 20).join('\n')}`);

    const out: Measurement[] = Object.entries(result.byKind).map(([kind, f]) => ({
      key: `team-load.${kind}`,
      label: `team load: ${kind}`,
      runsMs: f.latenciesMs,
      medianMs: f.p50Ms,
      p95Ms: f.p95Ms,
      peakRssMb: null,
      detail: { calls: f.calls, maxMs: f.maxMs },
    }));
    out.push({
      key: 'team-load.summary',
      label: `team load: ${peopleCount} people for ${seconds} s, every call`,
      runsMs: [],
      medianMs: Number.NaN,
      peakRssMb: null,
      detail: { people: peopleCount, seconds, calls: result.calls, editsAccepted: result.editsAccepted, conflicts: result.conflicts, errors: 0, lostUpdates: 0, importCommitted: result.importCommitted, importConflicts: result.importConflicts.length, loadAtStart, loadAtEnd },
    });
    return out;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
