import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { OpenedStore } from './connection';
import { DATABASE_FILE_NAME, openStore } from './connection';
import { HubdeskError } from '../errors';
import { copyPrivately, makePrivateDir } from './sqlite-file/private-files';
import { structureProblems, valueProblems } from './sqlite-file/restore-checks';
import { RESTORE_WORK_PREFIX } from './sqlite-file/tidy';
import { plainStoreError } from './sqlite-file/plain-errors';
import { isDamagedStoreError } from './sqlite-file/damaged';

/**
 * Who may sign in, and how, is not part of the data a backup brings back: a restore keeps today's
 * people, roles, sessions, API tokens and failed sign-ins, so it never revives a disabled person, an
 * old password, a revoked token or an ended session.
 */
const KEPT_THROUGH_RESTORE: ReadonlySet<string> = new Set(['people', 'person_roles', 'sessions', 'sign_in_failures', 'api_tokens', 'sign_in_address_failures']);

/** Tables a restore copies: ordinary tables only (FTS shadow tables follow their content tables' triggers). */
function ordinaryTables(sqlite: BetterSqlite3.Database, schema: string): string[] {
  const rows = sqlite.prepare(`pragma ${schema}.table_list`).all() as { name: string; type: string }[];
  return rows
    .filter((r) => r.type === 'table' && !r.name.startsWith('sqlite_') && !KEPT_THROUGH_RESTORE.has(r.name))
    .map((r) => r.name)
    .sort();
}

function columnsOf(sqlite: BetterSqlite3.Database, schema: string, table: string): string[] {
  return (sqlite.prepare(`pragma ${schema}.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/**
 * Checks a backup file and brings a private copy of it up to the current schema. Anything that is
 * not a complete, undamaged hubdesk database of a known schema version, or holds a value its column
 * does not allow, is refused with a clear message (restore-checks.ts). The file itself is never
 * modified. The copy is made in a private working folder inside the data folder — never the shared
 * temp folder — which the next process to take the lock removes if this one is killed.
 */
export async function preparedCopy(backupFile: string, dataDir: string): Promise<{ file: string; cleanup(): void }> {
  const name = path.basename(backupFile);
  if (!fs.existsSync(backupFile) || !fs.statSync(backupFile).isFile()) {
    throw new HubdeskError('not_found', `There is no backup file at ${backupFile}.`);
  }
  const dir = path.join(dataDir, `${RESTORE_WORK_PREFIX}${crypto.randomBytes(6).toString('hex')}`);
  makePrivateDir(dir);
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const refuse = (reasons: string[]) => new HubdeskError('validation', `Cannot restore ${name}: ${reasons.join('; ')}. Nothing was changed.`);
  try {
    const copy = path.join(dir, DATABASE_FILE_NAME);
    copyPrivately(backupFile, copy);
    const structure = await structureProblems(copy);
    if (structure.length > 0) throw refuse(structure);
    let copyStore: OpenedStore;
    try {
      copyStore = await openStore(dir, { scratch: true });
    } catch (error) {
      if (isDamagedStoreError(error)) throw refuse([`it is damaged (${error.details.damaged.problems.join('; ')})`]);
      throw refuse([error instanceof Error ? error.message.split(copy).join(name) : String(error)]);
    }
    try {
      const values = valueProblems(copyStore.sqlite);
      if (values.length > 0) throw refuse(values);
    } finally {
      await copyStore.close();
    }
    return { file: copy, cleanup };
  } catch (error) {
    cleanup();
    if (error instanceof HubdeskError) throw error;
    throw plainStoreError(error, dataDir) ?? refuse([error instanceof Error ? error.message : String(error)]);
  }
}

/**
 * Replaces every row of the live database with the rows of a checked copy, in one transaction on
 * the open connection (so the app, browser mode and the CLI keep their handle). All or nothing.
 */
export function copyAllRows(live: BetterSqlite3.Database, checkedCopy: string): { tables: number; rows: number } {
  live.prepare('attach database ? as restore_src').run(checkedCopy);
  try {
    const tables = ordinaryTables(live, 'main');
    const sourceTables = new Set(ordinaryTables(live, 'restore_src'));
    let rows = 0;
    live.pragma('defer_foreign_keys = on');
    live.transaction(() => {
      live.pragma('defer_foreign_keys = on');
      for (const t of tables) live.prepare(`delete from main."${t}"`).run();
      for (const t of tables) {
        if (!sourceTables.has(t)) continue;
        const cols = columnsOf(live, 'restore_src', t).filter((c) => columnsOf(live, 'main', t).includes(c));
        const list = cols.map((c) => `"${c}"`).join(', ');
        rows += live.prepare(`insert into main."${t}" (${list}) select ${list} from restore_src."${t}"`).run().changes;
      }
    })();
    // Full-text indexes are derived data: rebuild them from their content tables.
    const fts = (live.prepare("pragma main.table_list").all() as { name: string; type: string }[]).filter((t) => t.type === 'virtual');
    for (const t of fts) {
      const sqlText = (live.prepare('select sql from main.sqlite_master where name = ?').get(t.name) as { sql: string | null } | undefined)?.sql ?? '';
      if (/using\s+fts5/i.test(sqlText)) live.prepare(`insert into main."${t.name}"("${t.name}") values ('rebuild')`).run();
    }
    return { tables: tables.length, rows };
  } finally {
    live.prepare('detach database restore_src').run();
  }
}

/**
 * Restores the store from a backup file: the file is checked on a private copy first (anything
 * but a complete, undamaged hubdesk database of a known version with valid values is refused and
 * nothing changes), the current state is backed up, then every row is replaced in one transaction.
 */
export async function restoreFromBackupFile(store: OpenedStore, file: string, now: Date): Promise<{ safetyBackup: string; tables: number; rows: number }> {
  const copy = await preparedCopy(file, store.dataDir);
  try {
    const safety = store.backups.take('before-restore', now);
    return { safetyBackup: safety.name, ...copyAllRows(store.sqlite, copy.file) };
  } finally {
    copy.cleanup();
  }
}
