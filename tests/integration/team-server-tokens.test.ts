import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import type { ApiTokenView, IssuedApiToken, PersonWithPassword, RequestOf } from '../../shared/contract';
import { openTestStore, storeHash, tempDir, TEST_NOW, type TestStore } from '../helpers/store';
import { seedFundingNetwork } from '../helpers/funding-seed';
import { client, selfSignedCertificate, sessionTokenOf, type Reply } from '../helpers/team-server';

// Each person added and each password checked is a real scrypt hash.
const SLOW = 120_000;
const DAY = 24 * 60 * 60_000;

// On both engines: API tokens for scripts, used as `Authorization: Bearer …` on the team server.
let t: TestStore;
let local: CoreContext;
let clock = TEST_NOW.getTime();
let server: TeamServer;
let request: ReturnType<typeof client>;
let approvedClaim: RequestOf<'updateClaim'>;
let schoolId: number;
const people: Record<'admin' | 'manager' | 'finance' | 'viewer', PersonWithPassword> = {} as never;

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(local, method, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

const issue = (email: string, label: string, expiresInDays?: number) => ok<IssuedApiToken>('issueApiToken', { email, label, ...(expiresInDays ? { expiresInDays } : {}) });

function bearer(secret: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  // A script sends no Origin and no cookie: only its token.
  return request(`/api/call/${method}`, { method: 'POST', body, headers: { Origin: '', Authorization: `Bearer ${secret}`, ...headers } });
}

/** The store's content apart from sessions and tokens' last use (any request may write those). */
const dataHash = () => storeHash(t.store, ['sessions', 'api_tokens']);

beforeAll(async () => {
  t = await openTestStore();
  local = createContext(t.store, { now: () => new Date(clock), user: 'tester' });
  const f = await seedFundingNetwork(t.store.db);
  const claim = await ok<{ record: { id: number } }>('createClaim', { hubId: f.north, year: '2026/27', claimedOn: '2026-11-02', amount: '£1,250.00', categoryId: f.training, status: 'approved' });
  approvedClaim = { claimId: claim.record.id, status: 'paid', paidOn: '2026-11-20', releaseOverride: true, releaseOverrideReason: 'Agreed with the hub' };
  const school = await t.store.db.selectFrom('schools').select('id').orderBy('id').executeTakeFirstOrThrow();
  schoolId = school.id;
  await t.store.db.updateTable('schools').set({ email: 'head@school.example.org' }).where('id', '=', schoolId).execute();
  people.admin = await ok('addPerson', { name: 'Ada Admin', email: 'ada@example.org', roles: ['administrator'] });
  people.manager = await ok('addPerson', { name: 'Mo Manager', email: 'mo@example.org', roles: ['memberships_manager'] });
  people.finance = await ok('addPerson', { name: 'Fin Ance', email: 'fin@example.org', roles: ['finance'] });
  people.viewer = await ok('addPerson', { name: 'Vi Ewer', email: 'vi@example.org', roles: ['viewer'] });
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>hubdesk</title>');
  const { cert, key } = selfSignedCertificate();
  server = await startTeamServer(local, { rendererDir, transport: { kind: 'tls', cert, key } });
  request = client({ port: server.port, ca: cert, publicUrl: server.url });
}, SLOW);
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('API tokens: issued by an administrator, kept only as a hash', () => {
  it('answers the secret once; the store and the list hold its hash, label, issuer and times, never the secret', async () => {
    const issued = await issue('fin@example.org', 'nightly claims', 30);
    expect(issued.secret).toMatch(/^hubdesk_[A-Za-z0-9_-]{43}$/);
    expect(issued.token).toMatchObject({ email: 'fin@example.org', name: 'Fin Ance', label: 'nightly claims', createdBy: 'tester', lastUsedAt: null, revokedAt: null, state: 'active' });
    expect(issued.token.expiresAt).toBe(new Date(clock + 30 * DAY).toISOString());
    const rows = await t.store.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(issued.secret.slice('hubdesk_'.length));
    const listed = await ok<ApiTokenView[]>('listApiTokens', { email: 'fin@example.org' });
    expect(listed.map((l) => l.id)).toContain(issued.token.id);
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
    const audit = await t.store.db.selectFrom('audit_log').select(['entity', 'action', 'after_json']).where('entity', '=', 'api_token').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain(issued.secret);
  });

  it('is the administrator’s alone: another role is refused at the door, nothing written', async () => {
    const manager = await issue('mo@example.org', 'manager script');
    const before = await dataHash();
    const refused = await bearer(manager.secret, 'issueApiToken', { email: 'mo@example.org', label: 'more power' });
    expect(refused.json).toMatchObject({ ok: false, error: { kind: 'forbidden', message: 'issueApiToken is for Administrator; Mo Manager holds Memberships Manager.' } });
    expect((await bearer(manager.secret, 'listApiTokens', {})).json?.error?.kind).toBe('forbidden');
    expect(await dataHash()).toBe(before);
  });

  it('refuses a token for nobody or for a disabled person, with the reason', async () => {
    expect((await dispatch(local, 'issueApiToken', { email: 'ghost@example.org', label: 'x' })).ok).toBe(false);
    const empty = await dispatch(local, 'issueApiToken', { email: 'fin@example.org', label: '  ' });
    expect(empty.ok ? null : empty.error.kind).toBe('validation');
  });
});

describe('API tokens: a script acts as the token’s person, with their roles now', () => {
  it('a finance script pays a claim without a cookie or an anti-forgery token; the change names the person', { timeout: SLOW }, async () => {
    const { secret } = await issue('fin@example.org', 'pay claims');
    const paid = await bearer(secret, 'updateClaim', approvedClaim);
    expect(paid.status).toBe(200);
    expect(paid.json).toMatchObject({ ok: true, value: { record: { status: 'paid', paidOn: '2026-11-20' } } });
    const audit = await t.store.db.selectFrom('audit_log').select('os_user').where('entity', '=', 'claims').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.os_user).toBe('Fin Ance');
    const used = await ok<ApiTokenView[]>('listApiTokens', { email: 'fin@example.org' });
    expect(used.find((u) => u.label === 'pay claims')?.lastUsedAt).toBe(new Date(clock).toISOString());
  });

  it('a Viewer’s token reads without contact details, and changes nothing (forbidden, naming the role needed)', async () => {
    const viewer = await issue('vi@example.org', 'reports');
    const manager = await issue('mo@example.org', 'reports');
    const staffView = await bearer(manager.secret, 'schoolDashboard', { schoolId });
    expect(staffView.body).toContain('head@school.example.org');
    const viewerView = await bearer(viewer.secret, 'schoolDashboard', { schoolId });
    expect(viewerView.json?.ok).toBe(true);
    expect(viewerView.body).not.toContain('head@school.example.org');
    const before = await dataHash();
    const refused = await bearer(viewer.secret, 'addSpendCategory', { name: 'Anything' });
    expect(refused.json).toMatchObject({ ok: false, error: { kind: 'forbidden', message: 'addSpendCategory is for Finance; Vi Ewer holds Viewer.' } });
    expect(await dataHash()).toBe(before);
  });

  it('follows the person’s roles as they change', async () => {
    const { secret } = await issue('mo@example.org', 'roles change');
    expect((await bearer(secret, 'addSpendCategory', { name: 'Venue' })).json?.error?.kind).toBe('forbidden');
    await ok('setPersonRoles', { email: 'mo@example.org', roles: ['memberships_manager', 'finance'] });
    expect((await bearer(secret, 'addSpendCategory', { name: 'Venue' })).json?.ok).toBe(true);
    await ok('setPersonRoles', { email: 'mo@example.org', roles: ['memberships_manager'] });
  });
});

describe('API tokens: when they stop working', () => {
  const refusedToken = (reply: Reply) => {
    expect(reply.status).toBe(401);
    expect(reply.headers['www-authenticate']).toBe('Bearer');
    expect(reply.json?.error?.message).toMatch(/unknown, revoked or past its end, or its person is disabled/);
  };

  it('a revoked token is refused at once, and cannot be revoked twice', async () => {
    const { secret, token } = await issue('fin@example.org', 'to revoke');
    expect((await bearer(secret, 'getStatus', {})).json?.ok).toBe(true);
    const revoked = await ok<ApiTokenView>('revokeApiToken', { id: token.id });
    expect(revoked.state).toBe('revoked');
    refusedToken(await bearer(secret, 'getStatus', {}));
    const again = await dispatch(local, 'revokeApiToken', { id: token.id });
    expect(again.ok ? null : again.error.kind).toBe('conflict');
  });

  it('a token past its end is refused, and listed as expired', async () => {
    const { secret, token } = await issue('fin@example.org', 'one day', 1);
    clock += DAY - 60_000;
    expect((await bearer(secret, 'getStatus', {})).json?.ok).toBe(true);
    clock += 60_000;
    refusedToken(await bearer(secret, 'getStatus', {}));
    expect((await ok<ApiTokenView[]>('listApiTokens', {})).find((l) => l.id === token.id)?.state).toBe('expired');
  });

  it('every token of a disabled person is revoked', { timeout: SLOW }, async () => {
    const leaver = await ok<PersonWithPassword>('addPerson', { name: 'Lee Ver', email: 'lee@example.org', roles: ['finance'] });
    const one = await issue(leaver.person.email, 'one');
    const two = await issue(leaver.person.email, 'two');
    expect((await bearer(one.secret, 'getStatus', {})).json?.ok).toBe(true);
    await ok('disablePerson', { email: 'lee@example.org' });
    refusedToken(await bearer(one.secret, 'getStatus', {}));
    refusedToken(await bearer(two.secret, 'getStatus', {}));
    const listed = await ok<ApiTokenView[]>('listApiTokens', { email: 'lee@example.org' });
    expect(listed.map((l) => l.state)).toEqual(['revoked', 'revoked']);
  });

  it('an unknown, malformed or other kind of credential is refused', async () => {
    refusedToken(await bearer(`hubdesk_${'A'.repeat(43)}`, 'getStatus', {}));
    refusedToken(await bearer('not-a-token', 'getStatus', {}));
    const basic = await request('/api/call/getStatus', { method: 'POST', body: {}, headers: { Authorization: 'Basic YWRhOnNlY3JldA==' } });
    expect(basic.status).toBe(401);
  });
});

describe('API tokens and the browser’s ways in', () => {
  it('a token never works on /auth/ (signing in and out is for a password and its cookie)', async () => {
    const { secret } = await issue('ada@example.org', 'admin script');
    for (const [method, pathname] of [['GET', '/auth/session'], ['POST', '/auth/sign-out'], ['POST', '/auth/sign-out-everywhere']] as const) {
      const reply = await request(pathname, { method, headers: { Authorization: `Bearer ${secret}` } });
      expect(reply.status, pathname).toBe(403);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('a request with a session cookie and a token is refused, and a cookie without the anti-forgery token still is; nothing written', { timeout: SLOW }, async () => {
    const { secret } = await issue('ada@example.org', 'admin script');
    const signIn = await request('/auth/sign-in', { method: 'POST', body: { email: 'ada@example.org', password: people.admin.password } });
    const cookie = `__Host-hubdesk_session=${sessionTokenOf(signIn)}`;
    const body = { name: 'Mallory', email: 'mallory@example.org', roles: ['administrator'] };
    const before = await dataHash();
    const both = await bearer(secret, 'addPerson', body, { Cookie: cookie });
    expect(both.status).toBe(400);
    const cookieOnly = await request('/api/call/addPerson', { method: 'POST', body, headers: { Cookie: cookie } });
    expect(cookieOnly.status).toBe(403);
    expect(await dataHash()).toBe(before);
  });
});
