import fs from 'node:fs';
import path from 'node:path';
import { HubdeskError } from '../errors';

export const LOCK_FILE_NAME = 'hubdesk.lock';

export interface LockInfo {
  pid: number;
  holder: string;
  since: string;
}

export interface DataDirLock {
  file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/**
 * Makes this process the only one writing the database in dataDir. A lock left by a process that
 * has died is taken over; a live holder makes this throw a message naming it.
 */
export function acquireDataDirLock(dataDir: string, holder: string, now: Date = new Date()): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const info: LockInfo = { pid: process.pid, holder, since: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx' });
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          const current = readLock(file);
          if (current?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readLock(file);
      if (current && current.pid !== process.pid && isAlive(current.pid)) {
        throw new HubdeskError(
          'conflict',
          `The hubdesk data in ${dataDir} is in use by the ${current.holder} (process ${current.pid}, since ${current.since}). Close it first, then try again.`,
        );
      }
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new HubdeskError('conflict', `Could not lock the hubdesk data in ${dataDir}.`);
}
