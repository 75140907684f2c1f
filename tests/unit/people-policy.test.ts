import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_POLICY, FREE_FAILURES, lockoutAfter, sessionEnded } from '../../electron/core/people/policy';
import { generatePassword, hashPassword, verifyPassword } from '../../electron/core/people/passwords';

const MINUTE = 60_000;

describe('lockout after wrong passwords', () => {
  it('lets five go, then locks for 1, 2, 4… minutes, never more than an hour', () => {
    expect([1, 2, 3, 4].map(lockoutAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 50].map((n) => lockoutAfter(n) / MINUTE)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('never shortens as failures grow', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => lockoutAfter(n + 1) >= lockoutAfter(n) && lockoutAfter(n) <= 60 * MINUTE));
    expect(lockoutAfter(FREE_FAILURES)).toBeGreaterThan(0);
  });
});

describe('session expiry', () => {
  const start = new Date('2026-11-23T09:00:00Z');
  const session = (lastSeenMs: number) => ({ createdAt: start, lastSeenAt: new Date(start.getTime() + lastSeenMs), expiresAt: new Date(start.getTime() + DEFAULT_SESSION_POLICY.absoluteMs) });
  it('ends an idle session, and any session at its absolute end', () => {
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(sessionEnded(DEFAULT_SESSION_POLICY, session(0), at(DEFAULT_SESSION_POLICY.idleMs - 1))).toBe(false);
    expect(sessionEnded(DEFAULT_SESSION_POLICY, session(0), at(DEFAULT_SESSION_POLICY.idleMs))).toBe(true);
    const active = session(DEFAULT_SESSION_POLICY.absoluteMs - MINUTE);
    expect(sessionEnded(DEFAULT_SESSION_POLICY, active, at(DEFAULT_SESSION_POLICY.absoluteMs - 1))).toBe(false);
    expect(sessionEnded(DEFAULT_SESSION_POLICY, active, at(DEFAULT_SESSION_POLICY.absoluteMs))).toBe(true);
  });
});

describe('passwords', () => {
  it('are kept as salted scrypt hashes that verify the password and nothing else', { timeout: 60_000 }, async () => {
    const password = generatePassword();
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
    const [one, two] = [await hashPassword(password), await hashPassword(password)];
    expect(one).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(one).not.toContain(password);
    expect(await verifyPassword(password, one)).toBe(true);
    expect(await verifyPassword(`${password} `, one)).toBe(false);
    // A tampered or foreign hash never verifies (and never asks scrypt for absurd memory).
    expect(await verifyPassword(password, one.replace('$17$', '$30$'))).toBe(false);
    expect(await verifyPassword(password, 'md5$abc')).toBe(false);
    expect(await verifyPassword(password, '')).toBe(false);
  });
});
