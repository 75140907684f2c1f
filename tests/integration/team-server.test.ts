import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import { DEFAULT_SESSION_POLICY } from '../../electron/core/people/policy';
import type { PersonWithPassword, RequestOf } from '../../shared/contract';
import { openTestStore, storeHash, tempDir, TEST_NOW, type TestStore } from '../helpers/store';
import { seedFundingNetwork } from '../helpers/funding-seed';
import { client, openEventStream, selfSignedCertificate, sessionTokenOf, type Reply } from '../helpers/team-server';

// Each password check is a real scrypt hash (128 MiB, about a second on a busy machine).
const SLOW = 120_000;

const MINUTE = 60_000;
// On both engines: the team server runs on the PostgreSQL store, or on SQLite for a team of two.
let t: TestStore;
let local: CoreContext;
let clock = TEST_NOW.getTime();
let server: TeamServer;
let request: ReturnType<typeof client>;
const people: Record<'admin' | 'manager' | 'finance' | 'viewer', PersonWithPassword> = {} as never;
let approvedClaim: RequestOf<'updateClaim'>;
let cert: string;

async function add(name: string, email: string, roles: RequestOf<'addPerson'>['roles']): Promise<PersonWithPassword> {
  const r = await dispatch(local, 'addPerson', { name, email, roles });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as PersonWithPassword;
}

interface Signed {
  token: string;
  csrf: string;
  /** The headers a hubdesk page sends on a POST: its cookie and its anti-forgery token. */
  headers: Record<string, string>;
}

async function signIn(who: PersonWithPassword, extra: Record<string, string> = {}): Promise<Signed> {
  const reply = await request('/auth/sign-in', { method: 'POST', body: { email: who.person.email, password: who.password }, headers: extra });
  expect(reply.status, reply.body).toBe(200);
  const token = sessionTokenOf(reply)!;
  const csrf = (reply.json?.value as { csrfToken: string }).csrfToken;
  return { token, csrf, headers: { Cookie: `__Host-hubdesk_session=${token}`, 'X-Hubdesk-CSRF': csrf } };
}

function call(signed: Signed, method: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  return request(`/api/call/${method}`, { method: 'POST', body, headers: { ...signed.headers, ...headers } });
}

/** The store's content apart from sessions (whose "last seen" may be written by any request). */
const dataHash = () => storeHash(t.store, ['sessions']);

beforeAll(async () => {
  t = await openTestStore();
  local = createContext(t.store, { now: () => new Date(clock), user: 'tester' });
  const f = await seedFundingNetwork(t.store.db);
  const claim = await dispatch(local, 'createClaim', { hubId: f.north, year: '2026/27', claimedOn: '2026-11-02', amount: '£1,250.00', categoryId: f.training, status: 'approved' });
  if (!claim.ok) throw new Error(claim.error.message);
  approvedClaim = { claimId: (claim.value as { record: { id: number } }).record.id, status: 'paid', paidOn: '2026-11-20', releaseOverride: true, releaseOverrideReason: 'Agreed with the hub' };
  people.admin = await add('Ada Admin', 'ada@example.org', ['administrator']);
  people.manager = await add('Mo Manager', 'mo@example.org', ['memberships_manager']);
  people.finance = await add('Fin Ance', 'fin@example.org', ['finance']);
  people.viewer = await add('Vi Ewer', 'vi@example.org', ['viewer']);
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>hubdesk</title>');
  const pair = selfSignedCertificate();
  cert = pair.cert;
  const key = pair.key;
  server = await startTeamServer(local, { rendererDir, transport: { kind: 'tls', cert, key } });
  request = client({ port: server.port, ca: cert, publicUrl: server.url });
}, SLOW);
afterAll(async () => {
  await server?.close();
  await t?.close();
});

describe('team server: the way in', () => {
  it('answers health and readiness without signing in, and nothing else', async () => {
    expect((await request('/healthz')).json).toEqual({ status: 'ok' });
    const ready = await request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: 'ready' });
    const anonymous = await request('/api/call/getStatus', { method: 'POST', body: {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json?.error?.kind).toBe('unauthenticated');
  });

  it('signs in with a Secure, HttpOnly, SameSite=Strict host-only cookie over TLS, and runs calls as that person', { timeout: SLOW }, async () => {
    const reply = await request('/auth/sign-in', { method: 'POST', body: { email: ' MO@example.org ', password: people.manager.password } });
    expect(reply.status).toBe(200);
    const cookie = reply.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/^__Host-hubdesk_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
    expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(reply.json?.value).toMatchObject({ name: 'Mo Manager', email: 'mo@example.org', roles: ['memberships_manager'] });
    const signed = { token: sessionTokenOf(reply)!, csrf: '', headers: {} as Record<string, string> };
    signed.headers = { Cookie: `__Host-hubdesk_session=${signed.token}`, 'X-Hubdesk-CSRF': (reply.json?.value as { csrfToken: string }).csrfToken };
    const me = await call(signed, 'currentPerson', {});
    expect(me.json).toEqual({ ok: true, value: { name: 'Mo Manager', email: 'mo@example.org', roles: ['memberships_manager'] } });
  });

  it('refuses a wrong password and an unknown email with the same answer', { timeout: SLOW }, async () => {
    const wrong = await request('/auth/sign-in', { method: 'POST', body: { email: 'vi@example.org', password: 'not-it' } });
    const nobody = await request('/auth/sign-in', { method: 'POST', body: { email: 'nobody@example.org', password: 'not-it' } });
    expect(wrong.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect(wrong.json).toEqual(nobody.json);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });
});

describe('team server: wrong passwords are locked out, with back-off', () => {
  it('locks an email after five wrong passwords, refuses even the right one while locked, and doubles the lock', { timeout: SLOW }, async () => {
    const email = people.finance.person.email;
    const attempt = (password: string) => request('/auth/sign-in', { method: 'POST', body: { email, password } });
    for (let i = 1; i <= 4; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const fifth = await attempt('guess-5');
    expect(fifth.status).toBe(429);
    expect(fifth.headers['retry-after']).toBe('60');
    // Locked: the right password is not even checked.
    expect((await attempt(people.finance.password)).status).toBe(429);
    clock += 61_000;
    // The lock has passed; one more wrong password locks it again, for twice as long.
    const sixth = await attempt('guess-6');
    expect(sixth.status).toBe(429);
    expect(sixth.headers['retry-after']).toBe('120');
    clock += 61_000;
    expect((await attempt(people.finance.password)).status).toBe(429);
    clock += 60_000;
    // Past the lock, the right password signs in and the count starts again.
    expect((await attempt(people.finance.password)).status).toBe(200);
    expect((await attempt('one-typo')).status).toBe(401);
  });

  it('locks an email nobody has the same way, so a lockout says nothing about who has an account', { timeout: SLOW }, async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await request('/auth/sign-in', { method: 'POST', body: { email: 'ghost@example.org', password: `guess-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe('team server: sessions', () => {
  it('never adopts a session id it did not issue (session fixation), and a new sign-in replaces the old session', { timeout: SLOW }, async () => {
    const planted = 'A'.repeat(43);
    const fixed = { Cookie: `__Host-hubdesk_session=${planted}` };
    expect((await request('/auth/session', { headers: fixed })).status).toBe(401);
    const signed = await signIn(people.viewer, fixed);
    expect(signed.token).not.toBe(planted);
    expect((await request('/auth/session', { headers: fixed })).status).toBe(401);
    const again = await signIn(people.viewer, { Cookie: `__Host-hubdesk_session=${signed.token}` });
    expect(again.token).not.toBe(signed.token);
    expect((await call(signed, 'getStatus', {})).status).toBe(401);
    expect((await call(again, 'getStatus', {})).json?.ok).toBe(true);
  });

  it('ends a session left idle, and every session at its absolute end however active', { timeout: SLOW }, async () => {
    const idle = await signIn(people.viewer);
    clock += DEFAULT_SESSION_POLICY.idleMs - MINUTE;
    expect((await call(idle, 'getStatus', {})).json?.ok).toBe(true);
    clock += DEFAULT_SESSION_POLICY.idleMs;
    const expired = await call(idle, 'getStatus', {});
    expect(expired.status).toBe(401);
    expect(expired.json?.error?.kind).toBe('unauthenticated');

    const busy = await signIn(people.viewer);
    const end = clock + DEFAULT_SESSION_POLICY.absoluteMs;
    while (clock + 30 * MINUTE < end) {
      clock += 30 * MINUTE;
      expect((await call(busy, 'getStatus', {})).json?.ok).toBe(true);
    }
    clock = end;
    expect((await call(busy, 'getStatus', {})).status).toBe(401);
  });

  it('refuses a stolen cookie used from another site, and another Host', { timeout: SLOW }, async () => {
    const signed = await signIn(people.admin);
    const before = await dataHash();
    const evil = await call(signed, 'addPerson', { name: 'Mallory', email: 'mallory@example.org', roles: ['administrator'] }, { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const rebound = await call(signed, 'addPerson', { name: 'Mallory', email: 'mallory@example.org', roles: ['administrator'] }, { Host: 'evil.example' });
    expect(rebound.status).toBe(403);
    expect(await dataHash()).toBe(before);
  });

  it('signs out, and signs out everywhere', { timeout: SLOW }, async () => {
    const one = await signIn(people.admin);
    const two = await signIn(people.admin);
    const out = await request('/auth/sign-out', { method: 'POST', headers: one.headers });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^__Host-hubdesk_session=; .*Max-Age=0/);
    expect((await call(one, 'getStatus', {})).status).toBe(401);
    expect((await call(two, 'getStatus', {})).json?.ok).toBe(true);
    const three = await signIn(people.admin);
    expect((await request('/auth/sign-out-everywhere', { method: 'POST', headers: three.headers })).status).toBe(200);
    expect((await call(two, 'getStatus', {})).status).toBe(401);
    expect((await call(three, 'getStatus', {})).status).toBe(401);
  });

  it('ends a person’s sessions when an administrator resets their password or disables them', { timeout: SLOW }, async () => {
    const mallory = await add('Mal Lory', 'mal@example.org', ['viewer']);
    const signed = await signIn(mallory);
    const reset = await dispatch(local, 'resetPassword', { email: 'mal@example.org' });
    expect(reset.ok).toBe(true);
    expect((await call(signed, 'getStatus', {})).status).toBe(401);
    const renewed = await signIn({ ...mallory, password: (reset as { value: PersonWithPassword }).value.password });
    expect((await dispatch(local, 'disablePerson', { email: 'mal@example.org' })).ok).toBe(true);
    expect((await call(renewed, 'getStatus', {})).status).toBe(401);
    const refused = await request('/auth/sign-in', { method: 'POST', body: { email: 'mal@example.org', password: (reset as { value: PersonWithPassword }).value.password } });
    expect(refused.status).toBe(401);
  });
});

describe('team server: forged requests and roles', () => {
  it('refuses a change without the session’s anti-forgery token, or with another session’s, writing nothing', { timeout: SLOW }, async () => {
    const admin = await signIn(people.admin);
    const other = await signIn(people.viewer);
    const body = { name: 'Forged', email: 'forged@example.org', roles: ['administrator'] };
    const before = await dataHash();
    const cookieOnly = { Cookie: admin.headers.Cookie!, 'X-Hubdesk-CSRF': '' };
    expect((await request('/api/call/addPerson', { method: 'POST', body, headers: cookieOnly })).status).toBe(403);
    expect((await request('/api/call/addPerson', { method: 'POST', body, headers: { ...admin.headers, 'X-Hubdesk-CSRF': other.csrf } })).status).toBe(403);
    // A cross-site form post: another Origin and no header (a form cannot set one).
    expect((await request('/api/call/addPerson', { method: 'POST', body, headers: { ...cookieOnly, Origin: 'https://evil.example', 'Content-Type': 'text/plain' } })).status).toBe(403);
    expect((await request('/auth/sign-out-everywhere', { method: 'POST', headers: cookieOnly })).status).toBe(403);
    expect(await dataHash()).toBe(before);
    expect((await call(admin, 'getStatus', {})).json?.ok).toBe(true);
  });

  it('refuses a sign-in posted from another site', async () => {
    const reply = await request('/auth/sign-in', { method: 'POST', body: { email: people.viewer.person.email, password: people.viewer.password }, headers: { Origin: 'https://evil.example' } });
    expect(reply.status).toBe(403);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a Memberships Manager paying a claim (forbidden, nothing written); Finance may', { timeout: SLOW }, async () => {
    const manager = await signIn(people.manager);
    const viewer = await signIn(people.viewer);
    const finance = await signIn(people.finance);
    const before = await dataHash();
    const refused = await call(manager, 'updateClaim', approvedClaim);
    expect(refused.json).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(refused.json?.error?.message).toBe('updateClaim is for Finance; Mo Manager holds Memberships Manager.');
    expect((await call(viewer, 'addSpendCategory', { name: 'Anything' })).json?.error?.kind).toBe('forbidden');
    expect(await dataHash()).toBe(before);
    const paid = await call(finance, 'updateClaim', approvedClaim);
    expect(paid.json).toMatchObject({ ok: true, value: { record: { status: 'paid', paidOn: '2026-11-20' } } });
    // The change names the person, not the computer's user.
    const audit = await t.store.db.selectFrom('audit_log').select('os_user').where('entity', '=', 'claims').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.os_user).toBe('Fin Ance');
  });

  it('keeps passwords out of the log', () => {
    const log = path.join(t.dir, 'logs', 'hubdesk.log');
    const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    for (const p of Object.values(people)) expect(text).not.toContain(p.password);
  });
});

describe('team server: live changes', () => {
  it('tells signed-in screens which method changed data and who changed it; a refused change tells nobody', { timeout: SLOW }, async () => {
    expect((await request('/api/changes')).status).toBe(401);
    const manager = await signIn(people.manager);
    const finance = await signIn(people.finance);
    const stream = await openEventStream({ port: server.port, ca: cert, publicUrl: server.url, cookie: manager.headers.Cookie! });
    try {
      expect(stream.status).toBe(200);
      expect((await call(manager, 'addSpendCategory', { name: 'Refused' })).json?.error?.kind).toBe('forbidden');
      expect((await call(finance, 'addSpendCategory', { name: 'Room hire' })).json?.ok).toBe(true);
      expect(await stream.next()).toEqual({ methods: ['addSpendCategory'], by: 'Fin Ance' });
      // Reads are not changes: the next event is the rename.
      const categories = (await call(finance, 'listSpendCategories', {})).json?.value as { id: number; name: string }[];
      const roomHire = categories.find((c) => c.name === 'Room hire')!;
      expect((await call(finance, 'renameSpendCategory', { id: roomHire.id, name: 'Venue hire' })).json?.ok).toBe(true);
      expect(await stream.next()).toEqual({ methods: ['renameSpendCategory'], by: 'Fin Ance' });
    } finally {
      stream.close();
    }
  });
});

describe('team server: behind a TLS proxy', () => {
  it('needs the public https address, and still sets Secure cookies', { timeout: SLOW }, async () => {
    const rendererDir = tempDir();
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    await expect(startTeamServer(local, { rendererDir, transport: { kind: 'behind-proxy' } })).rejects.toThrow(/public address/);
    await expect(startTeamServer(local, { rendererDir, transport: { kind: 'behind-proxy' }, publicUrl: 'http://hubdesk.example.org' })).rejects.toThrow(/https/);
    const proxied = await startTeamServer(local, { rendererDir, transport: { kind: 'behind-proxy' }, publicUrl: 'https://hubdesk.example.org' });
    try {
      const viaProxy = client({ port: proxied.port, publicUrl: 'https://hubdesk.example.org' });
      const reply = await viaProxy('/auth/sign-in', { method: 'POST', body: { email: people.viewer.person.email, password: people.viewer.password } });
      expect(reply.status).toBe(200);
      expect(reply.headers['set-cookie']?.[0]).toContain('; Secure;');
      expect((await viaProxy('/', { headers: { Host: `127.0.0.1:${proxied.port}` } })).status).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});
