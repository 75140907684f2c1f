import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

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

/** How the last backup was written (for tests and the benchmark): a file copy, or VACUUM INTO as the fallback. */
let last: { method: 'copy' | 'vacuum'; ms: number } | null = null;
export function lastBackupMethod(): 'copy' | 'vacuum' | null {
  return last?.method ?? null;
}
/** How the last backup of this process was written and how long it took (the benchmark reports imports with and without it). */
export function lastBackup(): { method: 'copy' | 'vacuum'; ms: number } | null {
  return last;
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
 */
function copyDatabaseFile(sqlite: BackupSource['sqlite'], file: string): boolean {
  if (sqlite.memory || sqlite.inTransaction) return false;
  if (String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return false;
  const before = sqlite.pragma('data_version', { simple: true });
  const [cp] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  if (!cp || cp.busy !== 0 || cp.log !== cp.checkpointed) return false;
  const partial = `${file}.partial`;
  try {
    sqlite.exec('BEGIN IMMEDIATE');
  } catch {
    return false; // another connection is writing: VACUUM INTO reads a snapshot without waiting for it
  }
  try {
    // Nothing committed by another connection since the checkpoint: the main file holds every page.
    if (sqlite.pragma('data_version', { simple: true }) !== before) return false;
    fs.copyFileSync(sqlite.name, partial);
  } finally {
    sqlite.exec('COMMIT');
  }
  const fd = fs.openSync(partial, 'r+');
  try {
    fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, FORMAT_VERSION_OFFSET);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(partial, file);
  return true;
}

/**
 * Writes a consistent copy of the live database to backups/ (a checkpoint and a file copy under the
 * write lock; VACUUM INTO when that is not possible), then prunes old ones. reason is a short slug,
 * e.g. "before-import-roll".
 */
export function createBackup(store: BackupSource, reason: string, now: Date = new Date()): BackupInfo {
  const dir = backupDir(store);
  fs.mkdirSync(dir, { recursive: true });
  const slug = reason.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'backup';
  let stampDate = now;
  let file = '';
  // Two backups in the same millisecond get distinct names.
  for (;;) {
    const stamp = stampDate.toISOString().replace(/[:.]/g, '-');
    file = path.join(dir, `hubdesk-${stamp}-${slug}.db`);
    if (!fs.existsSync(file)) break;
    stampDate = new Date(stampDate.getTime() + 1);
  }
  const started = process.hrtime.bigint();
  let copied: boolean;
  try {
    copied = copyDatabaseFile(store.sqlite, file);
  } catch (error) {
    fs.rmSync(`${file}.partial`, { force: true });
    throw error;
  }
  if (!copied) {
    fs.rmSync(`${file}.partial`, { force: true });
    store.sqlite.prepare('VACUUM INTO ?').run(file);
  }
  last = { method: copied ? 'copy' : 'vacuum', ms: Number(process.hrtime.bigint() - started) / 1e6 };
  pruneBackups(store);
  const info = listBackups(store).find((b) => b.file === file);
  if (!info) throw new Error(`backup ${file} was not written`);
  return info;
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
      return { file, name, reason: match[2]!, createdAt: isoFromStamp(match[1]!), bytes: fs.statSync(file).size };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keeps the newest KEEP_LATEST backups and the newest backup of every month; deletes the rest. */
export function pruneBackups(store: Pick<BackupSource, 'dataDir'>): string[] {
  const all = listBackups(store);
  const keep = new Set(all.slice(0, KEEP_LATEST).map((b) => b.file));
  const monthsSeen = new Set<string>();
  for (const b of all) {
    const month = b.createdAt.slice(0, 7);
    if (!monthsSeen.has(month)) {
      monthsSeen.add(month);
      keep.add(b.file);
    }
  }
  const removed = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
  for (const f of removed) fs.rmSync(f, { force: true });
  return removed;
}
