import fs from 'node:fs';
import path from 'node:path';
import type { OpenedStore } from './db/connection';

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

export function backupDir(store: Pick<OpenedStore, 'dataDir'>): string {
  return path.join(store.dataDir, BACKUP_FOLDER);
}

/**
 * Writes a consistent copy of the live database (VACUUM INTO, safe while it is open in WAL mode)
 * to backups/, then prunes old ones. reason is a short slug, e.g. "before-import-roll".
 */
export function createBackup(store: Pick<OpenedStore, 'dataDir' | 'sqlite'>, reason: string, now: Date = new Date()): BackupInfo {
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
  store.sqlite.prepare('VACUUM INTO ?').run(file);
  pruneBackups(store);
  const info = listBackups(store).find((b) => b.file === file);
  if (!info) throw new Error(`backup ${file} was not written`);
  return info;
}

export function listBackups(store: Pick<OpenedStore, 'dataDir'>): BackupInfo[] {
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
export function pruneBackups(store: Pick<OpenedStore, 'dataDir'>): string[] {
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
