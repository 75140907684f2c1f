import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { loadDemoNetwork } from '../../electron/core/demo/load';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import type { PersonWithPassword } from '../../shared/contract';
import { openTestStore, tempDir, TEST_NOW, type TestStore } from '../helpers/store';
import { selfSignedCertificate } from '../helpers/team-server';
import { lostUpdates, recordReader, runTeamLoad, type LoadPerson, type LoadRole, type ServerAddress } from '../helpers/team-load/driver';
import { buildLoadPlan } from '../helpers/team-load/plan';
import { SAMPLE_FILE } from '../fixtures/ofsted/generate';

// The team load test's driver (npm run bench -- --only team-load) with tiny numbers, so it cannot
// rot: three people for a few seconds on the demo network, on both engines.
const SLOW = 180_000;
const YEAR = '2026/27';

let t: TestStore;
let local: CoreContext;
let server: TeamServer;
let address: ServerAddress;
const people: LoadPerson[] = [];
let admin: LoadPerson;

async function add(name: string, role: LoadRole): Promise<LoadPerson> {
  const email = `${name.split(' ')[0]!.toLowerCase()}@example.org`;
  const r = await dispatch(local, 'addPerson', { name, email, roles: [role] });
  if (!r.ok) throw new Error(r.error.message);
  return { name, email, password: (r.value as PersonWithPassword).password, role };
}

beforeAll(async () => {
  t = await openTestStore();
  local = createContext(t.store, { now: () => TEST_NOW, user: 'tester' });
  await loadDemoNetwork(local);
  people.push(await add('Mo Manager', 'memberships_manager'), await add('Meg Manager', 'memberships_manager'), await add('Fin Ance', 'finance'));
  admin = await add('Ada Admin', 'administrator');
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>hubdesk</title>');
  const { cert, key } = selfSignedCertificate();
  server = await startTeamServer(local, { rendererDir, transport: { kind: 'tls', cert, key } });
  address = { port: server.port, ca: cert, url: server.url };
}, SLOW);
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('the team load driver', () => {
  it('runs people who read, edit with the version they read, pay claims and import, with no lost update and no unexpected error', { timeout: SLOW }, async () => {
    const importFile = { fileName: path.basename(SAMPLE_FILE), contentBase64: fs.readFileSync(SAMPLE_FILE).toString('base64') };
    const plan = await buildLoadPlan(local, YEAR, { hubs: 3, schools: 30, editSchools: 1, editReviews: 1, claimHubs: 1 }, importFile);
    const records = await recordReader(address, admin, plan);
    const initial = new Map<string, string>();
    for (const key of await records.keys()) initial.set(key, (await records.read(key)).version);

    const result = await runTeamLoad(address, people, plan, { durationMs: 4_000, thinkMs: [20, 120], seed: 7 });

    expect(result.unexpected).toEqual([]);
    expect(result.importCommitted).toBe(true);
    expect(result.editsAccepted).toBeGreaterThan(0);
    expect(result.calls).toBeGreaterThan(people.length * 3);
    expect(Object.keys(result.byKind)).toEqual(expect.arrayContaining(['signIn', 'previewOfstedImport', 'commitOfstedImport']));
    for (const figures of Object.values(result.byKind)) expect(figures.p95Ms).toBeGreaterThanOrEqual(figures.p50Ms);
    expect(await lostUpdates(result, initial, records.read)).toEqual([]);
  });

  it('finds a lost update when two accepted writes started from the same version', async () => {
    const plan = await buildLoadPlan(local, YEAR, { hubs: 3, schools: 30, editSchools: 1, editReviews: 1, claimHubs: 1 });
    const records = await recordReader(address, admin, plan);
    const key = `school:${plan.editSchools[0]}`;
    const now = await records.read(key);
    const write = (by: string, newVersion: string) => ({ by, readVersion: 'v0', outcome: 'accepted' as const, newVersion, field: 'trust', value: now.fields.trust });
    const twice = { calls: 0, byKind: {}, editsAccepted: 2, conflicts: 0, importCommitted: false, importConflicts: [], unexpected: [], writes: new Map([[key, [write('Mo', 'v1'), write('Meg', now.version)]]]) };
    expect(await lostUpdates(twice, new Map([[key, 'v0']]), records.read)).toEqual([expect.stringMatching(/Mo and Meg both saved over version v0 \(a lost update\)/), expect.stringMatching(/1 accepted writes do not follow/)]);
  });
});
