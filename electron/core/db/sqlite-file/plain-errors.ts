import fs from 'node:fs';
import { HubdeskError } from '../../errors';
import { isCorruption } from './health';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** Below this many free bytes, an I/O error on the data folder's disk is taken as the disk being full. */
const NEARLY_FULL_BYTES = 1024 * 1024;

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

/**
 * A full disk, as SQLite (SQLITE_FULL) or the file system (ENOSPC; EDQUOT: over quota) reports it,
 * or an I/O error from SQLite (it does not pass on the system's reason: growing the -shm file on a
 * full disk is SQLITE_IOERR_SHMSIZE) while the disk has next to no free space.
 */
export function isDiskFull(error: unknown, dir?: string): boolean {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  if (!code.startsWith('SQLITE_IOERR') || dir === undefined) return false;
  const free = freeBytes(dir);
  return free !== null && free < NEARLY_FULL_BYTES;
}

/**
 * What a storage failure means in plain words, with what to do; null for anything else. Every
 * write is one transaction, so a failed write has changed nothing.
 */
export function plainStoreError(error: unknown, dataDir: string): HubdeskError | null {
  if (error instanceof HubdeskError) return null;
  const code = codeOf(error);
  if (isDiskFull(error, dataDir)) {
    // A file system error names the file it was writing (an export, a backup); SQLite's names none: the store.
    const where = (error as NodeJS.ErrnoException).path ?? dataDir;
    return new HubdeskError('store', `The disk is full: hubdesk could not write to ${where}. Nothing was changed. Free some space on that disk, then try again.`);
  }
  if (isCorruption(error)) {
    return new HubdeskError(
      'store',
      `The hubdesk database in ${dataDir} is damaged (${(error as Error).message}). Nothing more was written. Restore the newest good backup (Settings → Backups, or: hubdesk --data "${dataDir}" backups, then restore FILE).`,
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'EROFS') {
    return new HubdeskError('store', `hubdesk cannot write to ${dataDir}: the folder or the disk is read-only. Nothing was changed.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new HubdeskError('store', `hubdesk is not allowed to use ${dataDir} (${(error as Error).message}). Check that the folder belongs to you.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new HubdeskError('conflict', `The hubdesk database in ${dataDir} is busy with another program's change. Nothing was changed; try again in a moment.`);
  }
  return null;
}
