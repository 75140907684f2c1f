import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { openStore, databaseFile, HUBDESK_APPLICATION_ID } from '../../electron/core/db/connection';
import { migrations } from '../../electron/core/db/migrations';
import { fileHash, tempDir } from '../helpers/store';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

async function open(dir: string) {
  const store = await openStore(dir);
  opened.push(store);
  return store;
}

describe('the store', () => {
  it('creates a new database with every migration, WAL, foreign keys and a busy timeout', async () => {
    const store = await open(tempDir());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.sqlite.pragma('application_id', { simple: true })).toBe(HUBDESK_APPLICATION_ID);
    const applied = store.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[];
    expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations));
    expect(store.migrationBackup).toBeNull();
  });

  it('migration names are zero-padded and in order', () => {
    const names = Object.keys(migrations);
    expect(names.length).toBeGreaterThan(0);
    names.forEach((name, i) => expect(name.startsWith(String(i + 1).padStart(4, '0') + '_')).toBe(true));
  });

  it('holds money as integer pence and refuses a negative or fractional claim amount', async () => {
    const store = await open(tempDir());
    const cols = store.sqlite.prepare("select name, type from pragma_table_info('claims')").all() as { name: string; type: string }[];
    expect(cols.find((c) => c.name === 'amount_pence')?.type.toLowerCase()).toBe('integer');
    expect(() =>
      store.sqlite.prepare("insert into claims (hub_id, year_id, claimed_on, amount_pence, category_id, status, updated_at) values (1,1,'2026-01-01',-5,1,'paid','x')").run(),
    ).toThrow();
  });

  it('reopens an up-to-date database without a backup and keeps its data', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    await first.db.insertInto('settings').values({ key: 'k', value: 'v' }).execute();
    await first.close();
    const second = await open(dir);
    expect(second.migrationBackup).toBeNull();
    expect((await second.db.selectFrom('settings').selectAll().execute())[0]).toEqual({ key: 'k', value: 'v' });
  });

  it('migrates a database of the previous version forward, after backing it up', async () => {
    const dir = tempDir();
    const file = databaseFile(dir);
    const names = Object.keys(migrations);
    const last = names.at(-1)!;
    // A database written by the previous version: every migration but the last one has run.
    const raw = new BetterSqlite3(file);
    raw.pragma(`application_id = ${HUBDESK_APPLICATION_ID}`);
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    if (names.length > 1) {
      const previous = await migrator.migrateTo(names.at(-2)!);
      expect(previous.error).toBeUndefined();
    }
    raw.exec("insert into settings (key, value) values ('before', 'migration')");
    await db.destroy();

    const store = await open(dir);
    const applied = (store.sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
    expect(applied).toEqual(names);
    expect(store.sqlite.prepare("select value from settings where key = 'before'").get()).toEqual({ value: 'migration' });
    if (names.length > 1) {
      expect(store.migrationBackup).not.toBeNull();
      const backup = new BetterSqlite3(store.migrationBackup!, { readonly: true });
      const inBackup = (backup.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
      backup.close();
      expect(inBackup).not.toContain(last);
      expect(inBackup).toEqual(names.slice(0, -1));
    }
  });

  it('refuses a file that is not a SQLite database and leaves it untouched', async () => {
    const dir = tempDir();
    const file = databaseFile(dir);
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(20));
    const before = fileHash(file);
    await expect(openStore(dir)).rejects.toThrow(/not a hubdesk database/);
    expect(fileHash(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([path.basename(file)]);
  });

  it('refuses a SQLite database of another program and leaves it untouched', async () => {
    const dir = tempDir();
    const file = databaseFile(dir);
    const other = new BetterSqlite3(file);
    other.exec('create table invoices (id integer primary key, total real); insert into invoices values (1, 9.99);');
    other.close();
    const before = fileHash(file);
    await expect(openStore(dir)).rejects.toThrow(/another program/);
    expect(fileHash(file)).toBe(before);
  });

  it('refuses a database written by a newer hubdesk and leaves it untouched', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    await store.db.insertInto('kysely_migration' as never).values({ name: '9999_from_the_future', timestamp: new Date().toISOString() } as never).execute();
    await store.close();
    const file = databaseFile(dir);
    const before = fileHash(file);
    await expect(openStore(dir)).rejects.toThrow(/newer version of hubdesk.*9999_from_the_future/);
    expect(fileHash(file)).toBe(before);
  });
});
