import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HubdeskError } from '../../errors';
import { makePrivate, writePrivateFile } from './private-files';
import { ownStartTime, processExists, processStartTime, type StartTimeReader } from './process-start';

export const LOCK_FILE_NAME = 'hubdesk.lock';
/** Held for a moment by whoever removes a stale lock, so two processes never both remove one and each take it. */
const BREAKER_SUFFIX = '.breaking';
/** A lock file without readable details is being written (where hard links are missing) for at most this long. */
const UNREADABLE_GRACE_MS = 10_000;
/** Start times are read to the second (ps) or with boot-time jitter (/proc): equal within this. */
const START_TOLERANCE_MS = 2_000;

export interface LockInfo {
  pid: number;
  holder: string;
  since: string;
  /** When the holding process started (ms since 1970), so a reused process id is not taken for the holder. */
  processStart: number | null;
  host: string;
  /** Unique to this holding: a lock is only ever removed by a process that read this token. */
  token: string;
}

export interface DataDirLock {
  file: string;
  release(): void;
}

/** The database's real path: a symlinked database or data folder shares the lock of the file it points to. */
export function realDatabasePath(databaseFile: string): string {
  try {
    return fs.realpathSync(databaseFile);
  } catch {
    return path.join(fs.realpathSync(path.dirname(databaseFile)), path.basename(databaseFile));
  }
}

/** The lock file of a database: hubdesk.lock beside the real database file. */
export function lockFileFor(databaseFile: string): string {
  return path.join(path.dirname(realDatabasePath(databaseFile)), LOCK_FILE_NAME);
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

interface SeenLock {
  raw: string;
  info: LockInfo | null;
  ageMs: number;
}

function parse(raw: string): LockInfo | null {
  try {
    const info = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof info.pid !== 'number') return null;
    // A lock written by an earlier hubdesk has no start time, host or token: judged by its process id alone.
    return {
      pid: info.pid,
      holder: typeof info.holder === 'string' ? info.holder : 'another hubdesk',
      since: typeof info.since === 'string' ? info.since : '',
      processStart: typeof info.processStart === 'number' ? info.processStart : null,
      host: typeof info.host === 'string' ? info.host : os.hostname(),
      token: typeof info.token === 'string' ? info.token : '',
    };
  } catch {
    return null;
  }
}

function see(file: string, nowMs: number): SeenLock | null {
  try {
    const raw = fs.readFileSync(file, 'utf8');
    const stat = fs.statSync(file);
    return { raw, info: parse(raw), ageMs: nowMs - stat.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Reads who holds the lock of a database, if anyone does (for messages). */
export function readLockHolder(databaseFile: string): LockInfo | null {
  return see(lockFileFor(databaseFile), Date.now())?.info ?? null;
}

type Verdict = { live: true; certain: boolean } | { live: false };

/**
 * Whether the process named in a lock still runs: the same id *and* the same start time on this
 * computer. A lock from another computer (a shared folder) or whose start time cannot be told is
 * taken as held: refusing is safe, taking a lock that is held is not.
 */
export function judgeLock(info: LockInfo, startTimeOf: StartTimeReader = processStartTime, exists: (pid: number) => boolean = processExists): Verdict {
  if (info.host !== os.hostname()) return { live: true, certain: false };
  if (!exists(info.pid)) return { live: false };
  const started = startTimeOf(info.pid);
  if (info.processStart === null || started === null) return { live: true, certain: false };
  return Math.abs(started - info.processStart) <= START_TOLERANCE_MS ? { live: true, certain: true } : { live: false };
}

function heldMessage(file: string, info: LockInfo, certain: boolean): string {
  const since = info.since ? `, since ${info.since.slice(0, 16).replace('T', ' ')} UTC` : '';
  const where = info.host && info.host !== os.hostname() ? ` on ${info.host}` : '';
  const base = `The hubdesk data is in use by the ${info.holder} (process ${info.pid}${where}${since}), which holds the lock file ${file}. Close it first, then try again.`;
  return certain ? base : `${base} If that program is no longer running, delete ${file} and try again.`;
}

/** Creates the lock file with its details already in it: written to a private temp file, then hard-linked into place (atomic, fails if it exists). */
function createAtomically(file: string, info: LockInfo): void {
  const temp = `${file}.${info.pid}.${info.token}.tmp`;
  writePrivateFile(temp, JSON.stringify(info));
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    // A file system without hard links (FAT, some network shares): exclusive create, then write. A reader
    // finding it empty waits UNREADABLE_GRACE_MS before taking it as abandoned.
    writePrivateFile(file, JSON.stringify(info));
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Removes a lock judged stale, but only if it is still exactly the lock that was judged: the
 * removal runs while holding `hubdesk.lock.breaking` (exclusive create), so a lock taken meanwhile
 * by another process is never removed. Returns false when another process is breaking it now.
 */
function breakStale(file: string, judged: string, info: Pick<LockInfo, 'pid' | 'token'>): boolean {
  const breaker = `${file}${BREAKER_SUFFIX}`;
  try {
    writePrivateFile(breaker, JSON.stringify({ pid: info.pid, token: info.token }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A breaker left by a process killed in the instant it held it.
    const left = see(breaker, Date.now());
    if (left && left.ageMs > UNREADABLE_GRACE_MS) fs.rmSync(breaker, { force: true });
    return false;
  }
  try {
    const now = see(file, Date.now());
    if (now && now.raw === judged) fs.rmSync(file, { force: true });
    return true;
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

export interface AcquireOptions {
  now?: Date;
  startTimeOf?: StartTimeReader;
}

/**
 * Makes this process the only one writing the database: creates hubdesk.lock beside the real
 * database file, atomically and with the holder's details in it. A lock whose process is gone (by
 * id and start time) is taken over; a live holder makes this throw a message naming it and the lock file.
 */
export function acquireLock(databaseFile: string, holder: string, options: AcquireOptions = {}): DataDirLock {
  const file = lockFileFor(databaseFile);
  const info: LockInfo = {
    pid: process.pid,
    holder,
    since: (options.now ?? new Date()).toISOString(),
    processStart: ownStartTime(),
    host: os.hostname(),
    token: crypto.randomBytes(8).toString('hex'),
  };
  const startTimeOf = options.startTimeOf ?? processStartTime;
  const deadline = Date.now() + UNREADABLE_GRACE_MS + 5_000;
  while (Date.now() < deadline) {
    try {
      createAtomically(file, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = see(file, Date.now());
      if (!current) continue; // released in the meantime: try again
      if (!current.info) {
        if (current.ageMs < UNREADABLE_GRACE_MS) {
          pause(25);
          continue;
        }
        if (!breakStale(file, current.raw, info)) pause(10);
        continue;
      }
      const verdict = judgeLock(current.info, startTimeOf);
      if (verdict.live) throw new HubdeskError('conflict', heldMessage(file, current.info, verdict.certain));
      if (!breakStale(file, current.raw, info)) pause(10);
      continue;
    }
    // Ours only if the file still holds our token (never taken by anyone else in between).
    if (see(file, Date.now())?.info?.token !== info.token) continue;
    makePrivate(file);
    let released = false;
    return {
      file,
      release: () => {
        if (released) return;
        released = true;
        if (see(file, Date.now())?.info?.token === info.token) fs.rmSync(file, { force: true });
      },
    };
  }
  throw new HubdeskError('conflict', `Could not take the lock file ${file}: another program keeps changing it. Close other copies of hubdesk and try again.`);
}
