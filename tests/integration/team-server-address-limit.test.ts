import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type CoreContext } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { startTeamServer, type TeamServer } from '../../electron/server/team/server';
import { ADDRESS_LOCKOUT, lockoutFor, type LockoutRule } from '../../electron/core/people/policy';
import type { PersonWithPassword } from '../../shared/contract';
import { openTestStore, tempDir, TEST_NOW, type TestStore } from '../helpers/store';
import { client, selfSignedCertificate } from '../helpers/team-server';

// Each password check is a real scrypt hash.
const SLOW = 120_000;
const MINUTE = 60_000;
/** The rule as the server applies it, with a small threshold so the test checks few passwords. */
const RULE: LockoutRule = { ...ADDRESS_LOCKOUT, locksAt: 3 };

// On both engines: wrong passwords counted per client address, across every email.
let t: TestStore;
let local: CoreContext;
let clock = TEST_NOW.getTime();
let viewer: PersonWithPassword;
const servers: TeamServer[] = [];
const PUBLIC = 'https://hubdesk.example.org';

beforeAll(async () => {
  t = await openTestStore();
  local = createContext(t.store, { now: () => new Date(clock), user: 'tester' });
  const r = await dispatch(local, 'addPerson', { name: 'Vi Ewer', email: 'vi@example.org', roles: ['viewer'] });
  if (!r.ok) throw new Error(r.error.message);
  viewer = r.value as PersonWithPassword;
}, SLOW);
afterAll(async () => {
  for (const s of servers) await s.close();
  await t?.close();
});

async function serve(transport: 'tls' | 'behind-proxy') {
  const rendererDir = tempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  if (transport === 'behind-proxy') {
    const s = await startTeamServer(local, { rendererDir, transport: { kind: 'behind-proxy' }, publicUrl: PUBLIC, addressRule: RULE });
    servers.push(s);
    return client({ port: s.port, publicUrl: PUBLIC });
  }
  const { cert, key } = selfSignedCertificate();
  const s = await startTeamServer(local, { rendererDir, transport: { kind: 'tls', cert, key }, addressRule: RULE });
  servers.push(s);
  return client({ port: s.port, ca: cert, publicUrl: s.url });
}

describe('the rule', () => {
  it('lets an office mistype twenty times before its address is locked, then doubles the lock up to an hour', () => {
    expect(Array.from({ length: 19 }, (_, i) => lockoutFor(ADDRESS_LOCKOUT, i + 1))).toEqual(Array(19).fill(0));
    expect([20, 21, 22, 30].map((n) => lockoutFor(ADDRESS_LOCKOUT, n) / MINUTE)).toEqual([1, 2, 4, 60]);
  });
});

describe('sign-in attempts are limited per address, across every email', () => {
  it('behind the proxy: one address spraying emails is locked (each email is not), others are not, and what the client writes in X-Forwarded-For does not move it', { timeout: SLOW }, async () => {
    const request = await serve('behind-proxy');
    const from = (address: string, email: string, password: string) => request('/auth/sign-in', { method: 'POST', body: { email, password }, headers: { 'X-Forwarded-For': address } });
    expect((await from('198.51.100.1', 'a@example.org', 'guess')).status).toBe(401);
    expect((await from('198.51.100.1', 'b@example.org', 'guess')).status).toBe(401);
    const third = await from('198.51.100.1', 'c@example.org', 'guess');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe('60');
    expect(third.json?.error?.message).toMatch(/^Too many wrong passwords from your network address: try again at \d\d:\d\d \(UK time\), in 1 minute\.$/);
    // Locked: not even the right password is checked from there, whatever hops the client adds on the left…
    expect((await from('198.51.100.1', 'vi@example.org', viewer.password)).status).toBe(429);
    expect((await from('203.0.113.50, 198.51.100.1', 'vi@example.org', viewer.password)).status).toBe(429);
    // …while another address signs in, and none of the sprayed emails is locked.
    expect((await from('198.51.100.2', 'vi@example.org', viewer.password)).status).toBe(200);
    expect((await from('198.51.100.2', 'a@example.org', 'guess')).status).toBe(401);
    const emails = await t.store.db.selectFrom('sign_in_failures').select(['email', 'locked_until']).execute();
    expect(emails.filter((e) => e.locked_until !== null)).toEqual([]);

    clock += MINUTE + 1000;
    // A success does not clear an address's count: the next wrong password locks it for twice as long.
    expect((await from('198.51.100.1', 'vi@example.org', viewer.password)).status).toBe(200);
    const fourth = await from('198.51.100.1', 'd@example.org', 'guess');
    expect(fourth.status).toBe(429);
    expect(fourth.headers['retry-after']).toBe('120');

    // A day without failures and the address starts afresh.
    clock += 24 * 60 * MINUTE + MINUTE;
    expect((await from('198.51.100.1', 'e@example.org', 'guess')).status).toBe(401);
  });

  it('directly over TLS, the connection’s own address is counted, and the client’s X-Forwarded-For is ignored', { timeout: SLOW }, async () => {
    clock += 2 * 24 * 60 * MINUTE;
    const request = await serve('tls');
    const attempt = (email: string, forwarded: string) => request('/auth/sign-in', { method: 'POST', body: { email, password: 'guess' }, headers: { 'X-Forwarded-For': forwarded } });
    expect((await attempt('p@example.org', '192.0.2.1')).status).toBe(401);
    expect((await attempt('q@example.org', '192.0.2.2')).status).toBe(401);
    expect((await attempt('r@example.org', '192.0.2.3')).status).toBe(429);
    const counted = await t.store.db.selectFrom('sign_in_address_failures').select('address').where('address', 'like', '192.0.2.%').execute();
    expect(counted).toEqual([]);
  });
});
