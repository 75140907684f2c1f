import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { openStore, type OpenedStore } from '../../electron/core/db/connection';
import { createContext, type CoreContext } from '../../electron/core/context';

export function tempDir(prefix = 'hubdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export { TEST_NOW, TEST_TODAY } from './clock';
import { TEST_NOW } from './clock';

export interface TestStore {
  dir: string;
  store: OpenedStore;
  ctx: CoreContext;
  close(): Promise<void>;
}

/** A real SQLite store in a fresh temp folder, with a fixed clock and user. */
export async function openTestStore(dir = tempDir()): Promise<TestStore> {
  const store = await openStore(dir);
  const ctx = createContext(store, { now: () => TEST_NOW, user: 'tester' });
  return { dir, store, ctx, close: () => store.close() };
}

/**
 * A content hash of every table (rows in rowid order): equal hashes mean the database holds
 * exactly the same data. Used to prove that refused input wrote nothing.
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

export function fileHash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
