import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { openStore, type OpenedStore } from '../../electron/core/db/connection';
import { createContext, type CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import { seedFundingNetwork } from '../helpers/funding-seed';
import { storeHash, tempDir, TEST_NOW } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';
import { selfSignedCertificate } from '../helpers/team-server';
import { SAMPLE_FILE } from '../fixtures/ofsted/generate';
import type { OfstedCommitResult } from '../../shared/contract/ofsted-import';

// The command line against a running team server (--server URL, the token from HUBDESK_TOKEN or a
// file), over HTTPS with a throwaway self-signed certificate: on SQLite, the server's own store.
const SLOW = 120_000;
let dir: string;
let store: OpenedStore;
let local: CoreContext;
let server: TeamServer;
let caFile: string;
let claimId: number;
const tokens: Record<'admin' | 'finance' | 'viewer' | 'manager', string> = {} as never;

async function hubdesk(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, testClockEnv(env));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The store's content apart from sessions and tokens' last use. */
const dataHash = () => storeHash(store, ['sessions', 'api_tokens']);

beforeAll(async () => {
  dir = tempDir();
  store = await openStore(dir);
  local = createContext(store, { now: () => TEST_NOW, user: 'tester' });
  const f = await seedFundingNetwork(store.db);
  const claim = await dispatch(local, 'createClaim', { hubId: f.north, year: '2026/27', claimedOn: '2026-11-02', amount: '£1,250.00', categoryId: f.training, status: 'approved' });
  if (!claim.ok) throw new Error(claim.error.message);
  claimId = (claim.value as { record: { id: number } }).record.id;
  for (const [key, name, email, roles] of [
    ['admin', 'Ada Admin', 'ada@example.org', 'administrator'],
    ['finance', 'Fin Ance', 'fin@example.org', 'finance'],
    ['viewer', 'Vi Ewer', 'vi@example.org', 'viewer'],
    ['manager', 'Mo Manager', 'mo@example.org', 'memberships_manager'],
  ] as const) {
    expect((await hubdesk(['--data', dir, 'people', 'add', '--name', name, '--email', email, '--roles', roles])).code).toBe(0);
    // The administrator issues each a token on the command line: printed once, as the last line.
    const issued = await hubdesk(['--data', dir, 'people', 'token', email, '--label', `${key} script`]);
    expect(issued.code, issued.err).toBe(0);
    tokens[key] = issued.out.split('\n').at(-1)!;
  }
  // Two schools of the Ofsted sample file, for an import sent to the server.
  const at = TEST_NOW.toISOString();
  await store.db
    .insertInto('schools')
    .values(
      ['100000', '100022'].map((urn) => ({
        urn, name: `Member ${urn}`, phase: 'Primary', school_type: null, local_authority: null, trust: null, postcode: null, headteacher: null,
        headteacher_since: null, email: null, phone: null, merged_into_school_id: null, import_batch_id: null, created_at: at, updated_at: at,
      })),
    )
    .execute();
  const { cert, key } = selfSignedCertificate();
  caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, cert);
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  server = await startTeamServer(local, { rendererDir, transport: { kind: 'tls', cert, key } });
}, SLOW);
afterAll(async () => {
  await server?.close();
  await store?.close();
});

const remote = (args: string[], token = tokens.finance, extra: string[] = ['--ca', caFile]) => hubdesk(['--server', server.url, ...extra, ...args], { HUBDESK_TOKEN: token });

describe('hubdesk people token', () => {
  it('prints the token once, and lists tokens without their secrets', async () => {
    expect(tokens.finance).toMatch(/^hubdesk_[A-Za-z0-9_-]{43}$/);
    const listed = await hubdesk(['--data', dir, 'people', 'tokens']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/fin@example\.org {2}"finance script" {2}issued .* by .* {2}last used never {2}works until revoked/);
    expect(listed.out).not.toContain(tokens.finance);
    expect((await hubdesk(['--data', dir, 'people', 'token', 'fin@example.org', '--expires-in-days', 'soon'])).code).toBe(2);
  });
});

describe('hubdesk --server URL', () => {
  it('refuses a server whose certificate this computer does not trust, sending nothing; --ca FILE trusts it', async () => {
    const refused = await remote(['hubs', '--json'], tokens.finance, []);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(new RegExp(`^The hubdesk server at ${server.url} did not show a certificate this computer trusts \\(self[- ]signed certificate\\); nothing was sent\\. .*--ca FILE \\(or NODE_EXTRA_CA_CERTS\\)\\.$`));
    const trusted = await remote(['hubs', '--json']);
    expect(trusted.code, trusted.err).toBe(0);
    expect(trusted.out).toBe((await hubdesk(['--data', dir, 'hubs', '--json'])).out);
  });

  it('takes the token from a file as well as HUBDESK_TOKEN, and HUBDESK_SERVER for --server; never a token on the command line', async () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, `${tokens.viewer}\n`, { mode: 0o600 });
    const me = await hubdesk(['--server', server.url, '--ca', caFile, '--token-file', file, 'call', 'currentPerson']);
    expect(me.code, me.err).toBe(0);
    expect(JSON.parse(me.out)).toEqual({ name: 'Vi Ewer', email: 'vi@example.org', roles: ['viewer'] });
    const byEnv = await hubdesk(['--ca', caFile, 'call', 'currentPerson'], { HUBDESK_SERVER: server.url, HUBDESK_TOKEN: tokens.finance });
    expect(JSON.parse(byEnv.out)).toMatchObject({ name: 'Fin Ance' });
    const onCommandLine = await hubdesk(['--server', server.url, '--token', tokens.finance, 'hubs']);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.err).toMatch(/never given on the command line/);
    expect(onCommandLine.err).not.toContain(tokens.finance);
    const none = await hubdesk(['--server', server.url, 'hubs']);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/needs an API token: set HUBDESK_TOKEN, or give --token-file FILE/);
  });

  it('a finance token pays a claim; a Viewer’s is forbidden, naming the role needed, and writes nothing', async () => {
    const before = await dataHash();
    const refused = await remote(['claim', 'edit', String(claimId), '--status', 'paid', '--paid-on', '2026-11-20', '--pay-anyway', 'Agreed with the hub'], tokens.viewer);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('updateClaim is for Finance; Vi Ewer holds Viewer.');
    expect(await dataHash()).toBe(before);
    const paid = await remote(['claim', 'edit', String(claimId), '--status', 'paid', '--paid-on', '2026-11-20', '--pay-anyway', 'Agreed with the hub']);
    expect(paid.code, paid.err).toBe(0);
    const audit = await store.db.selectFrom('audit_log').select('os_user').where('entity', '=', 'claims').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.os_user).toBe('Fin Ance');
  });

  it('imports a file through the server (sent in the call, as the browser sends it); a Viewer’s import is forbidden and writes nothing', async () => {
    const before = await dataHash();
    const refused = await remote(['import', 'ofsted', SAMPLE_FILE], tokens.viewer);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is for Memberships Manager; Vi Ewer holds Viewer\.$/);
    const dry = await remote(['import', 'ofsted', SAMPLE_FILE, '--dry-run'], tokens.manager);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain('Dry run: nothing was written.');
    expect(await dataHash()).toBe(before);
    const done = await remote(['import', 'ofsted', SAMPLE_FILE, '--json'], tokens.manager);
    expect(done.code, done.err).toBe(0);
    expect(JSON.parse(done.out) as OfstedCommitResult).toMatchObject({ inspectionsAdded: 3, judgementsAdded: 16, schools: 2 });
    const batch = await store.db.selectFrom('import_batches').select('id').where('kind', '=', 'ofsted').execute();
    expect(batch).toHaveLength(1);
  });

  it('says plainly when the token no longer works (revoked), and the administrator revokes it over --server too', async () => {
    const issued = await remote(['people', 'token', 'vi@example.org', '--label', 'short-lived'], tokens.admin);
    expect(issued.code, issued.err).toBe(0);
    const secret = issued.out.split('\n').at(-1)!;
    const id = /^Issued +(\d+) /.exec(issued.out)![1]!;
    expect((await remote(['hubs'], secret)).code).toBe(0);
    expect((await remote(['people', 'revoke-token', id], tokens.admin)).code).toBe(0);
    const refused = await remote(['hubs'], secret);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(`The hubdesk server at ${server.url} refused the API token: it is unknown, revoked or past its end, or its person is disabled. Ask an administrator for a new one (hubdesk people token EMAIL).`);
  });

  it('says plainly when the server cannot be reached', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(port));
      });
    });
    const unreachable = await hubdesk(['--server', `https://127.0.0.1:${closed}`, 'hubs'], { HUBDESK_TOKEN: tokens.finance });
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toBe(`Could not reach the hubdesk server at https://127.0.0.1:${closed}: nothing is listening there (ECONNREFUSED). Check the address and that the server is running.`);
  });

  it('refuses plain http, a store named beside a server, and commands that need this computer’s store, before sending anything', async () => {
    const http = await hubdesk(['--server', server.url.replace('https:', 'http:'), 'hubs'], { HUBDESK_TOKEN: tokens.finance });
    expect(http.code).toBe(2);
    expect(http.err).toMatch(/needs an https:\/\/ address/);
    expect((await remote(['--data', dir, 'hubs'])).err).toMatch(/not both/);
    for (const args of [['restore', 'x.db'], ['backup'], ['db', 'migrate'], ['school', 'merge', '--from', '100001', '--into', '100002'], ['membership', '--urn', '100001', '--year', '2026/27']]) {
      const local = await remote(args);
      expect(local.code, args.join(' ')).toBe(2);
      expect(local.err, args.join(' ')).toMatch(new RegExp(`^"${args[0]}${args[0] === 'db' || args[0] === 'school' ? ` ${args[1]}` : ''}" works on a store on this computer only, not against a team server: `));
    }
    expect((await hubdesk(['--data', dir, '--ca', caFile, 'hubs'])).code).toBe(2);
  });

  it('calls any contract method by name, checked at the door like every call', async () => {
    const bad = await remote(['call', 'addSpendCategory', '{"name": ""}']);
    expect(bad.code).toBe(1);
    expect((await remote(['call', 'noSuchMethod'])).err).toMatch(/there is no contract method "noSuchMethod"/);
    expect((await remote(['call', 'listHubs', 'not json'])).code).toBe(2);
  });
});
