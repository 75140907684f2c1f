import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, type MigrationProvider, type Migration } from 'kysely';
import type { Database } from './schema';
import { migrations } from './migrations';
import { HubdeskError } from '../errors';
import { backupDir, createBackup, listBackups, newestGoodBackup } from './backups';
import { sqliteDialect } from './sqlite/dialect';
import { sqliteSql } from './sqlite/sql';
import type { Store } from './store';
import { restoreFromBackupFile } from './restore-from-copy';
import { BackupsAhead } from './backup-ahead';
import { acquireLock, type DataDirLock } from './sqlite-file/lock';
import { quickCheck, isCorruption } from './sqlite-file/health';
import { damagedStoreError } from './sqlite-file/damaged';
import { createPrivateFile, makePrivate, makePrivateDir } from './sqlite-file/private-files';
import { tidyDataFolder } from './sqlite-file/tidy';
import { plainStoreError } from './sqlite-file/plain-errors';

/** PRAGMA application_id that marks a SQLite file as a hubdesk database ("HUBD"). */
export const HUBDESK_APPLICATION_ID = 0x48554244;
export const DATABASE_FILE_NAME = 'hubdesk.db';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** The embedded store: one SQLite file in the data folder (WAL, one writer at a time, file backups). */
export interface OpenedStore extends Store {
  sqlite: BetterSqlite3.Database;
  file: string;
  backups: NonNullable<Store['backups']>;
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE_NAME);
}

/** Refuses a file that is not a hubdesk database, without writing to it. */
function checkExistingFile(file: string): void {
  const stat = fs.statSync(file);
  if (stat.size === 0) return;
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new HubdeskError('store', `${file} is not a hubdesk database (it is not a SQLite file). It was left untouched.`);
  }
  const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare("select count(*) as n from sqlite_master where type = 'table'").get() as { n: number };
    if (appId !== HUBDESK_APPLICATION_ID && tables.n > 0) {
      throw new HubdeskError('store', `${file} is a SQLite database from another program, not hubdesk. It was left untouched.`);
    }
    const hasMigrations = probe
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    if (hasMigrations.n > 0) {
      const applied = probe.prepare('select name from kysely_migration').all() as { name: string }[];
      const unknown = applied.map((r) => r.name).filter((n) => !(n in migrations));
      if (unknown.length > 0) {
        throw new HubdeskError(
          'store',
          `${file} was written by a newer version of hubdesk (it has migration ${unknown.join(', ')}). Update hubdesk to open it; the file was left untouched.`,
        );
      }
    }
  } finally {
    probe.close();
  }
}

function pendingMigrationCount(sqlite: BetterSqlite3.Database): number {
  const has = sqlite
    .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get() as { n: number };
  if (has.n === 0) return Object.keys(migrations).length;
  const applied = new Set((sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name));
  return Object.keys(migrations).filter((n) => !applied.has(n)).length;
}

export interface OpenStoreOptions {
  /**
   * Who is opening it ("desktop app", "browser-mode server", "command line"): takes the data-folder
   * lock so two processes never write the same database at once. Tests may leave it out.
   */
  lockAs?: string;
  /**
   * When the lock is taken: as the store opens (the desktop app and browser mode, which write at any
   * time), or before the first change (the command line: reading needs no lock, so it works while
   * the app is open, as SQLite's WAL lets readers and one writer work at once). A store that must be
   * created or migrated takes it as it opens.
   */
  lockWhen?: 'open' | 'first-write';
  /** A private working copy (a restore's): no backup before its migration. */
  scratch?: boolean;
}

/** Opens (creating if needed) the hubdesk database in dataDir and brings its schema up to date. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const dir = path.resolve(dataDir);
  try {
    makePrivateDir(dir);
    return await openInFolder(dir, options);
  } catch (error) {
    // SQLite found damage while opening (before or instead of the quick check).
    if (isCorruption(error)) throw damagedStoreError(databaseFile(dir), [(error as Error).message], newestGoodBackup({ dataDir: dir }));
    throw plainStoreError(error, dir) ?? error;
  }
}

async function openInFolder(dataDir: string, options: OpenStoreOptions): Promise<OpenedStore> {
  const file = databaseFile(dataDir);
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let lock: DataDirLock | null = null;
  let sqlite: BetterSqlite3.Database | null = null;
  // Without a holder (tests, a restore's working copy) the store may always write.
  const writable = () => !options.lockAs || lock !== null;
  const claimWrite = () => {
    if (!options.lockAs || lock) return;
    lock = acquireLock(file, options.lockAs);
    tidyDataFolder(dataDir, file, backupDir({ dataDir }));
    if (sqlite?.open) sqlite.pragma('query_only = OFF');
  };
  try {
    if (options.lockAs && (options.lockWhen !== 'first-write' || !existed)) claimWrite();
    if (existed) checkExistingFile(file);
    else if (!fs.existsSync(file)) createPrivateFile(file);
    for (const suffix of ['', '-wal', '-shm']) makePrivate(`${file}${suffix}`);
    sqlite = new BetterSqlite3(file);
    if (!writable()) sqlite.pragma('query_only = ON');
    return await openConnection(sqlite, { file, dataDir, existed, scratch: options.scratch ?? false, writable, claimWrite, release: () => (lock as DataDirLock | null)?.release() });
  } catch (error) {
    if (sqlite?.open) sqlite.close();
    (lock as DataDirLock | null)?.release();
    throw error;
  }
}

interface ConnectionSetup {
  file: string;
  dataDir: string;
  existed: boolean;
  scratch: boolean;
  writable(): boolean;
  claimWrite(): void;
  release(): void;
}

async function openConnection(sqlite: BetterSqlite3.Database, setup: ConnectionSetup): Promise<OpenedStore> {
  const { file, dataDir, existed } = setup;
  sqlite.pragma('busy_timeout = 5000');
  if (String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') {
    setup.claimWrite();
    sqlite.pragma('journal_mode = WAL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');

  // A quick check every time the store opens: a damaged file is reported, never written to or backed up.
  if (existed) {
    const problems = quickCheck(sqlite);
    if (problems.length > 0) throw damagedStoreError(file, problems, newestGoodBackup({ dataDir }));
  }

  let migrationBackup: string | null = null;
  const pending = pendingMigrationCount(sqlite);
  if (pending > 0) setup.claimWrite();
  if (existed && pending > 0 && !setup.scratch) {
    migrationBackup = createBackup({ dataDir, sqlite }, 'before-migration').file;
  }

  const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
  if (pending > 0) {
    const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error');
      throw plainStoreError(error, dataDir) ?? new HubdeskError('store', `Could not update the database schema${failed ? ` (migration ${failed.migrationName})` : ''}: ${String(error)}`);
    }
  }
  if (sqlite.pragma('application_id', { simple: true }) !== HUBDESK_APPLICATION_ID) {
    setup.claimWrite();
    sqlite.pragma(`application_id = ${HUBDESK_APPLICATION_ID}`);
  }
  // Query planner statistics (sqlite_stat1): without them SQLite guesses, and at national scale it
  // guesses badly (every review of the year read to find one hub's reviewers). 0x10002 analyses the
  // tables that have none or whose size changed a lot since; usually it does nothing. A reader
  // leaves it to the writer.
  if (setup.writable()) sqlite.pragma('optimize=0x10002');

  let generation = 0;
  // Any change: this connection wrote a row (total_changes() counts every insert, update and
  // delete, rolled back or not), or another connection committed (data_version: the CLI while the
  // app is open).
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const totalChanges = sqlite.prepare('select total_changes()').pluck();
  const dataStamp = () => `${String(dataVersion.get())}:${String(totalChanges.get())}`;
  const ahead = new BackupsAhead({ dataDir, sqlite }, dataStamp, setup.writable);
  const store: OpenedStore = {
    db,
    sqlite,
    file,
    location: file,
    dataDir,
    migrationBackup,
    sql: sqliteSql,
    backups: {
      folder: backupDir({ dataDir }),
      take: (reason, now) => createBackup({ dataDir, sqlite }, reason, now),
      startAhead: () => ahead.start(),
      takeBeforeCommit: (stamp, reason, now) => ahead.take(stamp, reason, now),
      aheadSettled: () => ahead.settled(),
      list: () => listBackups({ dataDir }),
      restore: (backupFile, now) => restoreFromBackupFile(store, backupFile, now),
    },
    bumpGeneration: () => {
      generation += 1;
    },
    changeStamp: async () => `${generation}:${dataStamp()}`,
    dataStamp: async () => dataStamp(),
    // A write that changes no row: SQLite takes its write lock now, so no other connection can
    // commit before this transaction ends.
    holdWriteLock: async (trx) => {
      await trx
        .updateTable('import_batches')
        .set((eb) => ({ id: eb.ref('id') }))
        .where('id', '<', 0)
        .execute();
    },
    claimWrite: setup.claimWrite,
    close: async () => {
      await ahead.discard();
      try {
        if (sqlite.open && setup.writable()) sqlite.pragma('optimize');
      } catch {
        // Statistics are an optimisation: never let them stop the store closing.
      }
      await db.destroy();
      // kysely closes the connection only if it used it; a store that only answered raw reads closes it here.
      if (sqlite.open) sqlite.close();
      setup.release();
    },
  };
  return store;
}
