import fs from 'node:fs';
import crypto from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Overwrites one page of a closed SQLite file with random bytes, as a failing disk or a stray
 * write would: the root page of a table, so the damage is in data SQLite must read. Returns the page number.
 */
export function overwritePage(file: string, table = 'memberships'): number {
  const db = new BetterSqlite3(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const { rootpage } = db.prepare('select rootpage from sqlite_master where name = ?').get(table) as { rootpage: number };
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, crypto.randomBytes(pageSize), 0, pageSize, (rootpage - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return rootpage;
}
