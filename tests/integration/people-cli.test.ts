import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/store';
import { cli, hashOf } from '../helpers/cli';
import { openStore } from '../../electron/core/db/connection';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

describe('hubdesk people', () => {
  it('creates the first administrator from the command line, printing a password shown once and stored only as a hash', { timeout: 60_000 }, async () => {
    expect((await cli(['--data', dir, 'people', 'list'])).out).toMatch(/^Nobody yet\. Add the first administrator/);
    const added = await cli(['--data', dir, 'people', 'add', '--name', 'Ada Admin', '--email', ' Ada@Example.org', '--roles', 'administrator,finance']);
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('Added ada@example.org  Ada Admin  (Administrator, Finance)');
    const password = /Password \(shown once[^:]*\): (\S+)$/m.exec(added.out)![1]!;
    expect(password).toHaveLength(20);
    const listed = await cli(['--data', dir, 'people', 'list', '--json']);
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ email: 'ada@example.org', roles: ['administrator', 'finance'], disabled: false })]);
    expect(listed.out).not.toContain(password);
  });

  it('refuses bad input with where and why, writing nothing', async () => {
    const before = await hashOf(dir);
    const bad = await cli(['--data', dir, 'people', 'add', '--name', '', '--email', 'not-an-email', '--roles', 'boss']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('addPerson: name: enter the person’s name');
    expect(bad.err).toContain('email: is not an email address');
    expect(bad.err).toContain('roles.0: a role is one of memberships_manager, finance, administrator, viewer');
    const twice = await cli(['--data', dir, 'people', 'add', '--name', 'Ada Again', '--email', 'ada@example.org', '--roles', 'viewer']);
    expect(twice.code).toBe(1);
    expect(twice.err).toBe('Somebody already signs in as ada@example.org.');
    // The team keeps someone who can add people and reset passwords.
    const last = await cli(['--data', dir, 'people', 'disable', 'ada@example.org']);
    expect(last.code).toBe(1);
    expect(last.err).toMatch(/only administrator who can sign in/);
    expect((await cli(['--data', dir, 'people', 'reset-password', 'nobody@example.org'])).err).toBe('Nobody signs in as nobody@example.org.');
    expect((await cli(['--data', dir, 'people', 'add', '--name', 'X', '--email', 'x@example.org'])).code).toBe(2);
    expect(await hashOf(dir)).toBe(before);
  });

  it('resets a password and disables a person; the audit log names what changed but never a password or hash', { timeout: 60_000 }, async () => {
    expect((await cli(['--data', dir, 'people', 'add', '--name', 'Vi Ewer', '--email', 'vi@example.org', '--roles', 'viewer'])).code).toBe(0);
    const reset = await cli(['--data', dir, 'people', 'reset-password', 'vi@example.org']);
    expect(reset.code, reset.err).toBe(0);
    const password = /: (\S+)$/m.exec(reset.out)![1]!;
    expect((await cli(['--data', dir, 'people', 'disable', 'vi@example.org'])).out).toContain('Disabled vi@example.org  Vi Ewer  (Viewer)  DISABLED');
    const store = await openStore(dir);
    try {
      const entries = JSON.stringify(store.sqlite.prepare("select * from audit_log where entity = 'person'").all());
      expect(entries).toContain('"action":"reset-password"');
      expect(entries).toContain('"action":"disable"');
      expect(entries).not.toContain(password);
      expect(entries).not.toContain('scrypt$');
    } finally {
      await store.close();
    }
  });
});
