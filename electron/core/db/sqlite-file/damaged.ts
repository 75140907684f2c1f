import path from 'node:path';
import { HubdeskError } from '../../errors';

export interface GoodBackup {
  file: string;
  name: string;
  createdAt: string;
}

/** What the app and the CLI need to offer a way out of a damaged store. */
export interface DamagedStoreDetails {
  damaged: { databaseFile: string; problems: string[]; newestGoodBackup: GoodBackup | null };
}

export function isDamagedStoreError(error: unknown): error is HubdeskError & { details: DamagedStoreDetails } {
  return error instanceof HubdeskError && typeof (error.details as Partial<DamagedStoreDetails> | undefined)?.damaged === 'object';
}

function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The database failed SQLite's check: say so, quote what the check found, and say what to do —
 * restore the newest backup that was verified when it was written (the damaged file is kept aside).
 */
export function damagedStoreError(databaseFile: string, problems: string[], newestGoodBackup: GoodBackup | null, doing = 'It was left as it is'): HubdeskError {
  const dataDir = path.dirname(databaseFile);
  const found = problems.slice(0, 3).join('; ');
  const what = newestGoodBackup
    ? `Restore the newest good backup, ${newestGoodBackup.name} (taken ${when(newestGoodBackup.createdAt)}): the desktop app offers to when it starts, or run  hubdesk --data "${dataDir}" restore "${newestGoodBackup.file}"  — the damaged file is kept beside it.`
    : `There is no verified backup in ${path.join(dataDir, 'backups')}. Keep a copy of ${databaseFile} and restore a backup you trust with  hubdesk --data "${dataDir}" restore FILE.`;
  return new HubdeskError('store', `The hubdesk database ${databaseFile} is damaged (SQLite's check found: ${found}). ${doing}. ${what}`, {
    damaged: { databaseFile, problems, newestGoodBackup },
  } satisfies DamagedStoreDetails);
}
