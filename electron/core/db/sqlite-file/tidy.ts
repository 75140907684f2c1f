import fs from 'node:fs';
import path from 'node:path';
import { LOCK_FILE_NAME } from './lock';
import { makePrivate, makePrivateDir } from './private-files';
import { processExists } from './process-start';

/** Working folders of a restore live in the data folder (private, same disk), named with this prefix. */
export const RESTORE_WORK_PREFIX = '.restore-work-';
const LOCK_TEMP = new RegExp(`^${LOCK_FILE_NAME.replace('.', '\\.')}\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);

/**
 * Run by the process that has just taken the lock: makes the data folder, the database and its
 * -wal/-shm, the lock and every backup private (data from before this rule), and removes what a
 * killed process left behind (a restore's working copies, half-written backups, lock temp files).
 * Only the lock holder restores or backs up, so anything of that kind found now is a leftover.
 */
export function tidyDataFolder(dataDir: string, databaseFile: string, backupsDir: string): void {
  makePrivateDir(dataDir);
  for (const suffix of ['', '-wal', '-shm']) makePrivate(`${databaseFile}${suffix}`);
  for (const name of fs.readdirSync(dataDir)) {
    const full = path.join(dataDir, name);
    if (name.startsWith(RESTORE_WORK_PREFIX)) fs.rmSync(full, { recursive: true, force: true });
    const temp = LOCK_TEMP.exec(name);
    if (temp && !processExists(Number(temp[1]))) fs.rmSync(full, { force: true });
    if (name === LOCK_FILE_NAME) makePrivate(full);
  }
  if (!fs.existsSync(backupsDir)) return;
  makePrivateDir(backupsDir);
  for (const name of fs.readdirSync(backupsDir)) {
    const full = path.join(backupsDir, name);
    if (name.endsWith('.partial') || name.endsWith('.partial-journal')) fs.rmSync(full, { force: true });
    else makePrivate(full);
  }
}
