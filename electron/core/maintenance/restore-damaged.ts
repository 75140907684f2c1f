import fs from 'node:fs';
import path from 'node:path';
import { databaseFile, openStore } from '../db/connection';
import { preparedCopy } from '../db/restore-from-copy';
import { acquireLock } from '../db/sqlite-file/lock';
import { makePrivate } from '../db/sqlite-file/private-files';
import { tidyDataFolder } from '../db/sqlite-file/tidy';
import { backupDir } from '../db/backups';
import { createContext } from '../context';
import { recordAudit } from '../changes/audit-entry';

export interface DamagedRestoreResult {
  restored: string;
  /** Where the damaged database was moved (kept for whoever investigates it). */
  damagedKeptAs: string;
}

/**
 * Replaces a damaged database file with a checked copy of a backup. A damaged file cannot be
 * trusted to take a row-by-row restore, nor be backed up, so it is moved aside whole (with its
 * -wal, which must never be replayed into another file) and the checked copy takes its place. Runs
 * under the data folder's lock; the backup is checked exactly as for any restore before anything moves.
 */
export async function restoreOverDamagedStore(dataDir: string, backupFile: string, holder: string, now: Date = new Date()): Promise<DamagedRestoreResult> {
  const file = databaseFile(dataDir);
  const lock = acquireLock(file, holder, { now });
  let result: DamagedRestoreResult;
  try {
    tidyDataFolder(dataDir, file, backupDir({ dataDir }));
    const copy = await preparedCopy(backupFile, dataDir);
    try {
      const kept = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(file, kept);
      if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${kept}-wal`);
      fs.rmSync(`${file}-shm`, { force: true });
      fs.renameSync(copy.file, file);
      makePrivate(file);
      result = { restored: path.basename(backupFile), damagedKeptAs: kept };
    } finally {
      copy.cleanup();
    }
  } finally {
    lock.release();
  }
  const store = await openStore(dataDir, { lockAs: holder });
  try {
    await recordAudit(store.db, createContext(store, { now: () => now }), {
      action: 'restore',
      entity: 'database',
      entityId: result.restored,
      after: { from: result.restored, damagedKeptAs: path.basename(result.damagedKeptAs) },
    });
  } finally {
    await store.close();
  }
  return result;
}
