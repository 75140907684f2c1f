import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { openSqliteTestStore, type SqliteTestStore } from '../helpers/store';
import type { BackupView, PersonView } from '../../shared/contract';

// SQLite only: restoring a backup file is SQLite's (PostgreSQL's backups are the server's).
let t: SqliteTestStore;
beforeAll(async () => {
  t = await openSqliteTestStore();
});
afterAll(async () => {
  await t.close();
});

async function ok<T>(method: string, payload: unknown): Promise<T> {
  const r = await dispatch(t.ctx, method, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

describe('restoring a backup keeps who may sign in as it is now', () => {
  it('never revives a disabled person or an old password, while the data goes back', { timeout: 60_000 }, async () => {
    await ok('addPerson', { name: 'Ada Admin', email: 'ada@example.org', roles: ['administrator'] });
    await ok('addPerson', { name: 'Vi Ewer', email: 'vi@example.org', roles: ['viewer'] });
    await ok('addSpendCategory', { name: 'Before the backup' });
    const backup = await ok<BackupView>('createBackup', {});
    const hashBefore = () => (t.store.sqlite.prepare("select password_hash from people where email = 'vi@example.org'").get() as { password_hash: string }).password_hash;
    const oldHash = hashBefore();
    await ok('resetPassword', { email: 'vi@example.org' });
    await ok('disablePerson', { email: 'vi@example.org' });
    await ok('addSpendCategory', { name: 'After the backup' });

    await ok('restoreBackup', { name: backup.name, confirm: true });
    const categories = await ok<{ name: string }[]>('listSpendCategories', {});
    expect(categories.map((c) => c.name)).toContain('Before the backup');
    expect(categories.map((c) => c.name)).not.toContain('After the backup');
    const people = await ok<PersonView[]>('listPeople', {});
    expect(people.find((p) => p.email === 'vi@example.org')).toMatchObject({ disabled: true });
    expect(hashBefore()).not.toBe(oldHash);
  });
});
