import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/db/connection';
import { createBackup, lastBackupMethod } from '../../electron/core/backups';
import { modeOf } from '../../electron/core/db/sqlite-file/private-files';
import { tempDir } from '../helpers/store';
import { testClockEnv } from '../helpers/clock';

/**
 * Personal data stays private on disk whatever the umask: the data folder and backups/ are 0700;
 * the database, its -wal and -shm, the lock and every backup are 0600.
 */
const CLI = path.resolve('out/cli/index.js');

function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': modeOf(dir).toString(8) };
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    out[name] = modeOf(full).toString(8);
    if (fs.statSync(full).isDirectory()) for (const inner of fs.readdirSync(full)) out[`${name}/${inner}`] = modeOf(path.join(full, inner)).toString(8);
  }
  return out;
}

function expectPrivate(dir: string): void {
  const all = modes(dir);
  for (const [name, mode] of Object.entries(all)) {
    const isDir = fs.statSync(path.join(dir, name)).isDirectory();
    expect(mode, name).toBe(isDir ? '700' : '600');
  }
}

describe('private by default', () => {
  it('with a umask of 0, the folder, database, -wal, -shm, lock and backups (copied or vacuumed) are the owner’s alone', async () => {
    const previous = process.umask(0);
    try {
      const dir = path.join(tempDir(), 'new-data-folder');
      const store = await openStore(dir, { lockAs: 'desktop app' });
      try {
        store.sqlite.prepare("insert into settings (key, value) values ('a', '1')").run();
        createBackup(store, 'copied', new Date('2026-11-23T10:00:00Z'));
        expect(lastBackupMethod()).toBe('copy');
        const reader = new BetterSqlite3(store.file, { readonly: true });
        reader.exec('BEGIN');
        reader.prepare('select count(*) from settings').get();
        store.sqlite.prepare("insert into settings (key, value) values ('b', '2')").run();
        createBackup(store, 'vacuumed', new Date('2026-11-23T11:00:00Z'));
        expect(lastBackupMethod()).toBe('vacuum');
        reader.exec('COMMIT');
        reader.close();
        const seen = modes(dir);
        expect(Object.keys(seen)).toEqual(expect.arrayContaining(['hubdesk.db', 'hubdesk.db-wal', 'hubdesk.db-shm', 'hubdesk.lock', 'backups']));
        expectPrivate(dir);
      } finally {
        await store.close();
      }
    } finally {
      process.umask(previous);
    }
  });

  it('a data folder from before this rule (0755 folders, 0644 files) is made private when hubdesk takes it', async () => {
    const dir = tempDir();
    const first = await openStore(dir);
    createBackup(first, 'old', new Date('2026-11-01T10:00:00Z'));
    await first.close();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'backups'), 0o755);
    fs.chmodSync(path.join(dir, 'hubdesk.db'), 0o644);
    for (const f of fs.readdirSync(path.join(dir, 'backups'))) fs.chmodSync(path.join(dir, 'backups', f), 0o644);
    const store = await openStore(dir, { lockAs: 'desktop app' });
    try {
      expectPrivate(dir);
    } finally {
      await store.close();
    }
  });

  it('the built CLI, run with umask 000, keeps everything private too', () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
    const dir = path.join(tempDir(), 'cli-data');
    for (const command of ['demo', 'backup']) {
      const r = spawnSync('sh', ['-c', `umask 000 && exec "${process.execPath}" "${CLI}" --data "${dir}" ${command}`], { encoding: 'utf8', env: testClockEnv() });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(fs.readdirSync(path.join(dir, 'backups')).length).toBeGreaterThan(0);
    expectPrivate(dir);
  });
});
