import fs from 'node:fs';
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { openStore, type OpenedStore } from '../../electron/core/db/connection';
import type { Store } from '../../electron/core/db/store';
import { createContext, type CoreContext } from '../../electron/core/context';
import { openTestPostgresStore, testEngine } from './pg-store';

import { tempDir } from './temp';
export { tempDir } from './temp';

export { TEST_NOW, TEST_TODAY } from './clock';
import { TEST_NOW } from './clock';

export interface TestStore<S extends Store = Store> {
  dir: string;
  store: S;
  ctx: CoreContext;
  close(): Promise<void>;
}

export type SqliteTestStore = TestStore<OpenedStore>;

/**
 * A fresh store with a fixed clock and user: a real SQLite file in a temp folder, or, when the
 * suite runs on PostgreSQL (HUBDESK_TEST_DATABASE=postgres), a new database made from the migrated
 * template in the test cluster.
 */
export async function openTestStore(dir = tempDir()): Promise<TestStore> {
  if (testEngine() === 'postgres') {
    const store = await openTestPostgresStore(dir);
    const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
    return { dir, store, ctx, close: () => store.close() };
  }
  return openSqliteTestStore(dir);
}

/** A real SQLite store in a fresh temp folder: for the tests that are about SQLite itself (its file, lock, backups). */
export async function openSqliteTestStore(dir = tempDir()): Promise<SqliteTestStore> {
  const store = await openStore(dir);
  const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
  return { dir, store, ctx, close: () => store.close() };
}

/**
 * A content hash of every table of a SQLite file (rows in rowid order): equal hashes mean the
 * database holds exactly the same data. Used to prove that refused input wrote nothing.
 */
export function contentHash(sqlite: BetterSqlite3.Database, except: readonly string[] = []): string {
  // Ordinary tables only: virtual tables and their shadow tables (full-text indexes) are derived data.
  const tables = (sqlite.prepare('pragma main.table_list').all() as { name: string; type: string }[])
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
  const hash = crypto.createHash('sha256');
  for (const name of tables) {
    if (except.includes(name)) continue;
    hash.update(`table ${name}\n`);
    for (const row of sqlite.prepare(`select * from "${name}" order by rowid`).iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

/** Tables that are derived or bookkeeping, not data: the full-text index (and its figures) and PostgreSQL's change stamp. */
const DERIVED_TABLES = ['qa_text_fts', 'qa_text_fts_figures', 'hubdesk_change_stamp'];

/** The data tables of any store with their key columns (for a stable row order), by name. */
async function dataTables(store: Store): Promise<{ name: string; key: string }[]> {
  if ('sqlite' in store) {
    const sqlite = (store as OpenedStore).sqlite;
    return (sqlite.prepare('pragma main.table_list').all() as { name: string; type: string }[])
      .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_') && !t.name.startsWith('qa_text_fts'))
      .map((t) => ({ name: t.name, key: 'rowid' }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  const rows = (
    await sql<{ name: string; key: string | null }>`
      select c.relname as name,
        (select string_agg(quote_ident(a.attname), ', ' order by k.ord) from pg_index i
          cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
          where i.indrelid = c.oid and i.indisprimary) as key
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind = 'r' order by c.relname collate "C"`.execute(store.db)
  ).rows;
  return rows.filter((r) => !DERIVED_TABLES.includes(r.name)).map((r) => ({ name: r.name, key: r.key ?? '1' }));
}

async function rowsOf(store: Store, table: { name: string; key: string }): Promise<unknown[]> {
  if ('sqlite' in store) return (store as OpenedStore).sqlite.prepare(`select * from "${table.name}" order by ${table.key}`).all();
  return (await sql`select * from ${sql.table(table.name)} order by ${sql.raw(table.key)}`.execute(store.db)).rows;
}

/** contentHash for any store (on SQLite, exactly contentHash of its file). */
export async function storeHash(store: Store, except: readonly string[] = []): Promise<string> {
  if ('sqlite' in store) return contentHash((store as OpenedStore).sqlite, except);
  const hash = crypto.createHash('sha256');
  for (const table of await dataTables(store)) {
    if (except.includes(table.name)) continue;
    hash.update(`table ${table.name}\n`);
    for (const row of await rowsOf(store, table)) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}

/** Every data table's rows as sorted JSON lines, by table: to compare two states whatever the row order. */
export async function storeRows(store: Store, except: readonly string[] = []): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await dataTables(store)) {
    if (except.includes(table.name)) continue;
    out[table.name] = (await rowsOf(store, table)).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/**
 * An import or undo names the backup it took first where the store keeps file backups (SQLite);
 * on a database server (PostgreSQL) the server keeps the backups and there is none.
 */
export function expectBackupTaken(store: Store, backupFile: string | null | undefined, reason: RegExp): void {
  if (!store.backups) {
    expect(backupFile).toBeNull();
    return;
  }
  expect(backupFile).toMatch(reason);
  expect(store.backups.list().some((b) => b.file === backupFile || b.name === backupFile), `${backupFile} is listed`).toBe(true);
}

export function fileHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
