import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { checkAndMarkCopy, VERIFIED_MARK } from './sqlite-file/verify-copy';
import { damagedStoreError } from './sqlite-file/damaged';
import { createPrivateFile, makePrivate, makePrivateDir } from './sqlite-file/private-files';

/**
 * What a backup is taken from: the data folder and the open SQLite connection. Declared here rather
 * than taken from connection.ts, which takes a backup before migrating (so this file sits below it).
 */
export interface BackupSource {
  dataDir: string;
  sqlite: BetterSqlite3.Database;
}

export const BACKUP_FOLDER = 'backups';
/** Keep the newest this many backups, plus the newest of each calendar month. */
export const KEEP_LATEST = 20;

export interface BackupInfo {
  file: string;
  name: string;
  reason: string;
  createdAt: string;
  bytes: number;
  /** Passed SQLite's full integrity check when it was written (backups from before that check did not take it). */
  verified: boolean;
}

export { VERIFIED_MARK };
const USER_VERSION_OFFSET = 60;

function isVerified(file: string): boolean {
  const header = Buffer.alloc(4);
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    if (fs.readSync(fd, header, 0, 4, USER_VERSION_OFFSET) !== 4) return false;
    return header.readUInt32BE(0) === VERIFIED_MARK;
  } catch {
    return false;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

const NAME = /^hubdesk-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(.+)\.db$/;

function isoFromStamp(stamp: string): string {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  return `${date}T${h}:${m}:${s}.${ms}Z`;
}

export function backupDir(store: Pick<BackupSource, 'dataDir'>): string {
  return path.join(store.dataDir, BACKUP_FOLDER);
}

/**
 * How a backup was written and what it cost: `ms` writing and checking it; `ahead` when it was
 * taken while the person read an import's preview; `commitWaitMs` the part of it the commit waited
 * for (all of it for a backup taken on the spot).
 */
export interface BackupTiming {
  method: 'copy' | 'vacuum';
  ms: number;
  ahead: boolean;
  commitWaitMs: number;
}

/** How the last backup was written (for tests and the benchmark): a file copy, or VACUUM INTO as the fallback. */
let last: BackupTiming | null = null;
export function lastBackupMethod(): 'copy' | 'vacuum' | null {
  return last?.method ?? null;
}
/** How the last backup of this process was written and how long it took (the benchmark reports imports with and without it). */
export function lastBackup(): BackupTiming | null {
  return last;
}
export function recordBackupTiming(timing: BackupTiming): void {
  last = timing;
}

/** Bytes 18–19 of a SQLite header: file format write/read versions (1 = rollback journal, 2 = WAL). */
const FORMAT_VERSION_OFFSET = 18;

/**
 * A consistent copy of a database open in WAL mode, as a file copy (copy_file_range where the
 * file system has it): every committed page is first checkpointed into the main file (a passive
 * checkpoint: it never waits for a reader; if a reader holds it back, VACUUM INTO is used), then the file
 * is copied while this connection holds the write lock (BEGIN IMMEDIATE), so no writer, in this
 * process or another, can commit while it is read. The copy is marked as a rollback-journal
 * database so it opens on its own (no -wal/-shm needed, even read-only). Returns false, writing
 * nothing, when that cannot be done safely (not WAL, a transaction open on the connection, a reader
 * holding back the checkpoint, or a commit slipping in between): the caller then uses VACUUM INTO.
 * whileLocked runs under the write lock, just before the copy: what it reads of the store (its data
 * stamp) describes exactly the state copied.
 */
export function copyDatabaseFile(sqlite: BackupSource['sqlite'], partial: string, whileLocked: () => void = () => {}): boolean {
  if (sqlite.memory || sqlite.inTransaction) return false;
  if (String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return false;
  const before = sqlite.pragma('data_version', { simple: true });
  const [cp] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  if (!cp || cp.busy !== 0 || cp.log !== cp.checkpointed) return false;
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch {
    return false; // another connection is writing: VACUUM INTO reads a snapshot without waiting for it
  }
  try {
    // Nothing committed by another connection since the checkpoint: the main file holds every page.
    if (sqlite.pragma('data_version', { simple: true }) !== before) return false;
    whileLocked();
    fs.copyFileSync(sqlite.name, partial);
    makePrivate(partial);
  } finally {
    sqlite.exec('COMMIT');
  }
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, FORMAT_VERSION_OFFSET);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * A backup is verified, or it is not a backup: the written copy gets SQLite's full integrity check
 * (pages, indexes, constraints, foreign keys) and is marked as verified; a copy that fails is deleted
 * and the backup refused — the live database is damaged, and copying it on would only spread the damage.
 */
function verifyCopy(store: BackupSource, partial: string): void {
  const problems = checkAndMarkCopy(partial);
  if (problems.length > 0) throw backupRefused(store, problems);
}

/** The refusal of a backup whose copy failed the full check: the live database is damaged. */
export function backupRefused(store: BackupSource, problems: string[]): Error {
  return damagedStoreError(store.sqlite.name, problems, newestGoodBackup(store), 'No backup was taken and nothing was changed');
}

/** A free name in backups/ for a backup taken at `now` for `reason`, e.g. hubdesk-2026-11-23T10-00-00-000Z-before-import-roll.db. */
export function backupFileName(store: Pick<BackupSource, 'dataDir'>, reason: string, now: Date): string {
  const dir = backupDir(store);
  makePrivateDir(dir);
  const slug = reason.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'backup';
  let stampDate = now;
  // Two backups in the same millisecond get distinct names.
  for (;;) {
    const stamp = stampDate.toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `hubdesk-${stamp}-${slug}.db`);
    if (!fs.existsSync(file)) return file;
    stampDate = new Date(stampDate.getTime() + 1);
  }
}

/** The listing of a backup just written, after pruning the old ones. */
export function listedAfterPruning(store: Pick<BackupSource, 'dataDir'>, file: string): BackupInfo {
  pruneBackups(store);
  const info = listBackups(store).find((b) => b.file === file);
  if (!info) throw new Error(`backup ${file} was not written`);
  return info;
}

/**
 * Writes a consistent copy of the live database to backups/ (a checkpoint and a file copy under the
 * write lock; VACUUM INTO when that is not possible), then prunes old ones. reason is a short slug,
 * e.g. "before-import-roll".
 */
export function createBackup(store: BackupSource, reason: string, now: Date = new Date()): BackupInfo {
  const file = backupFileName(store, reason, now);
  const started = process.hrtime.bigint();
  const partial = `${file}.partial`;
  let copied: boolean;
  try {
    copied = copyDatabaseFile(store.sqlite, partial);
    if (!copied) {
      // VACUUM INTO writes into an empty file it is given, keeping its (private) mode.
      fs.rmSync(partial, { force: true });
      createPrivateFile(partial);
      store.sqlite.prepare('VACUUM INTO ?').run(partial);
    }
    verifyCopy(store, partial);
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  recordBackupTiming({ method: copied ? 'copy' : 'vacuum', ms, ahead: false, commitWaitMs: ms });
  return listedAfterPruning(store, file);
}

export function listBackups(store: Pick<BackupSource, 'dataDir'>): BackupInfo[] {
  const dir = backupDir(store);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => {
      const file = path.join(dir, name);
      return { file, name, reason: match[2]!, createdAt: isoFromStamp(match[1]!), bytes: fs.statSync(file).size, verified: isVerified(file) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The newest backup that passed the full check when it was written, if any. */
export function newestGoodBackup(store: Pick<BackupSource, 'dataDir'>): BackupInfo | null {
  return listBackups(store).find((b) => b.verified) ?? null;
}

/**
 * Keeps the newest KEEP_LATEST backups, the newest verified backup of every month (the newest of
 * the month when none of it is verified) and, always, the newest verified backup; deletes the rest.
 */
export function pruneBackups(store: Pick<BackupSource, 'dataDir'>): string[] {
  const all = listBackups(store);
  const keep = new Set(all.slice(0, KEEP_LATEST).map((b) => b.file));
  const byMonth = new Map<string, BackupInfo[]>();
  for (const b of all) byMonth.set(b.createdAt.slice(0, 7), [...(byMonth.get(b.createdAt.slice(0, 7)) ?? []), b]);
  for (const month of byMonth.values()) keep.add((month.find((b) => b.verified) ?? month[0]!).file);
  const good = all.find((b) => b.verified);
  if (good) keep.add(good.file);
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}
